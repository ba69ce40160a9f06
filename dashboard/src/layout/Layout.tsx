import { forwardRef, type ReactNode } from 'react';
import { AppBar, Layout as RaLayout, LoadingIndicator, LocalesMenuButton, Logout, UserMenu, useLocaleState, useLocales, useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';
import { ListItemIcon, ListItemText, MenuItem, useMediaQuery, type Theme } from '@mui/material';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import TranslateIcon from '@mui/icons-material/Translate';
import { Menu } from './Menu';

const ProfileMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to="/profil" ref={ref} {...props} onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <AccountCircleIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('layanan.menu.profile')}</ListItemText>
    </MenuItem>
  );
});
ProfileMenuItem.displayName = 'ProfileMenuItem';

/** On a phone the language switch moves from the app bar into the user menu: the bar keeps room for the title. */
const LanguageMenuItem = forwardRef<HTMLLIElement>((props, ref) => {
  const locales = useLocales();
  const [locale, setLocale] = useLocaleState();
  const userMenu = useUserMenu();
  const other = locales.find((candidate) => candidate.locale !== locale);
  if (!other) return null;
  return (
    <MenuItem
      ref={ref}
      {...props}
      onClick={() => {
        setLocale(other.locale);
        userMenu?.onClose();
      }}
    >
      <ListItemIcon>
        <TranslateIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{other.name}</ListItemText>
    </MenuItem>
  );
});
LanguageMenuItem.displayName = 'LanguageMenuItem';

const LayananAppBar = () => {
  const isPhone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  return (
    <AppBar
      toolbar={
        <>
          {!isPhone && <LocalesMenuButton />}
          {/* Its spinner, shown while any request is out, is named like the pages' own (axe-core: aria-progressbar-name). */}
          <LoadingIndicator aria-label={translate('ra.page.loading')} />
        </>
      }
      userMenu={
        <UserMenu>
          <ProfileMenuItem />
          {isPhone && <LanguageMenuItem />}
          <Logout />
        </UserMenu>
      }
    />
  );
};

/** react-admin's layout with the role-aware menu, the profile in the user menu, and a phone-sized app bar. */
export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={LayananAppBar}>
    {children}
  </RaLayout>
);
