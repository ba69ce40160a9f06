import { Title, useTranslate } from 'react-admin';
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { storedProfile } from '../providers/authProvider';
import { TelegramLinkCard } from './TelegramLinkCard';

const Row = ({ label, value }: { label: string; value: string }) => (
  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ sm: 2 }}>
    <Typography variant="body2" color="text.secondary" sx={{ minWidth: 120 }}>
      {label}
    </Typography>
    <Typography variant="body2">{value}</Typography>
  </Stack>
);

/** The signed-in staff member: who the office knows them as, and where their alerts go. */
const ProfilePage = () => {
  const translate = useTranslate();
  const profile = storedProfile();
  return (
    <Box sx={{ py: 2, maxWidth: 720 }} data-testid="profile-page">
      <Title title={translate('layanan.profile.title')} />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('layanan.profile.title')}
      </Typography>
      {profile && (
        <Card variant="outlined" sx={{ mb: 2 }}>
          <CardContent>
            <Stack spacing={1}>
              <Row label={translate('layanan.profile.name')} value={profile.fullName ?? profile.username} />
              <Row label={translate('layanan.profile.email')} value={profile.email} />
              <Row label={translate('layanan.profile.role')} value={profile.role ? translate(`layanan.role.${profile.role}`) : '—'} />
              {profile.division && <Row label={translate('layanan.profile.division')} value={profile.division.name} />}
            </Stack>
          </CardContent>
        </Card>
      )}
      <TelegramLinkCard />
    </Box>
  );
};

export default ProfilePage;
