import {
  AccessDenied,
  AdminContext,
  AuthCallback,
  AuthenticationError,
  CoreAdminUI,
  Error as ErrorPage,
  LoadingPage,
  NotFound,
  Notification,
  localStorageStore,
  type AdminContextProps,
  type CatchAllComponent,
  type CoreAdminUIProps,
} from 'react-admin';
import { CssBaseline } from '@mui/material';

const store = localStorageStore();

type AdminShellProps = Omit<AdminContextProps, 'children'> & CoreAdminUIProps;

/**
 * React-admin's <Admin>, put together from its two halves (AdminContext and CoreAdminUI with react-admin's pages)
 * without the defaults <Admin> bundles whether used or not: its sign-in page with its form library and its i18n
 * provider. Our sign-in page is a chunk of its own, so that a signed-in Bidang's phone never downloads it.
 */
export const AdminShell = ({ dataProvider, authProvider, i18nProvider, theme, children, ...ui }: AdminShellProps) => (
  <AdminContext dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} theme={theme} store={store}>
    <CssBaseline enableColorScheme>
      <CoreAdminUI
        accessDenied={AccessDenied}
        authCallbackPage={AuthCallback}
        authenticationError={AuthenticationError}
        catchAll={NotFound as CatchAllComponent}
        error={ErrorPage}
        loading={LoadingPage}
        {...ui}
      >
        {children}
      </CoreAdminUI>
      <Notification />
    </CssBaseline>
  </AdminContext>
);
