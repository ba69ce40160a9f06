import { Box } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';
import { SITE_PAGES } from '@layanan/config';

/** React-admin's sign-in, with the way back in for a staff member who forgot the password (a page of the public site). */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <LoginForm />
      <Box sx={{ textAlign: 'center', pb: 2 }}>
        <a href={SITE_PAGES.forgotPassword}>{translate('layanan.auth.forgot')}</a>
      </Box>
    </Login>
  );
};
