import { useNotify, useTranslate } from 'react-admin';
import { Alert, Box, Button, Link, Stack, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import type { DeliveryPlan } from '../types';
import { DeliveredForm } from './DeliveredForm';

/**
 * "Unggah tindak lanjut ke SP4N-LAPOR!": the follow-up as LAPOR! shows it, copied in one click, the report's
 * page to paste it on, and *Sudah diunggah* with the date it was posted.
 */
export const LaporFollowUp = ({ id, followUp, canConfirm }: { id: string; followUp: NonNullable<DeliveryPlan['lapor']>; canConfirm: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(followUp.text);
      notify('layanan.delivery.follow_up.copied', { type: 'success' });
    } catch {
      notify('layanan.delivery.follow_up.copy_failed', { type: 'warning' });
    }
  };
  return (
    <Alert severity="warning" icon={false} className="answer-delivery__task" data-testid="lapor-follow-up">
      <Stack spacing={1.5}>
        <Typography variant="subtitle2">{translate('layanan.delivery.follow_up.title', { id: followUp.trackingId })}</Typography>
        <Typography variant="body2">{translate('layanan.delivery.follow_up.hint')}</Typography>
        <Box component="pre" className="lapor-follow-up__text" data-testid="lapor-follow-up-text">
          {followUp.text}
        </Box>
        <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
          <Button variant="contained" size="small" startIcon={<ContentCopyIcon />} onClick={copy}>
            {translate('layanan.delivery.follow_up.copy')}
          </Button>
          <Link href={followUp.reportUrl} target="_blank" rel="noopener noreferrer" variant="body2">
            {translate('layanan.delivery.follow_up.open')} <OpenInNewIcon fontSize="inherit" />
          </Link>
        </Stack>
        {canConfirm && <DeliveredForm id={id} choices={['lapor']} preset="lapor" confirmLabel="layanan.delivery.follow_up.confirm" whenLabel="layanan.delivery.follow_up.when" />}
      </Stack>
    </Alert>
  );
};
