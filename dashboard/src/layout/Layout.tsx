import { forwardRef, type ReactNode } from 'react';
import { AppBar, Layout as RaLayout, Logout, UserMenu, useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
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

const LayananAppBar = () => (
  <AppBar
    userMenu={
      <UserMenu>
        <ProfileMenuItem />
        <Logout />
      </UserMenu>
    }
  />
);

/** react-admin's layout (its app bar already offers the language switch) with the role-aware menu and the profile in the user menu. */
export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={LayananAppBar}>
    {children}
  </RaLayout>
);
