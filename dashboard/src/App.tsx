import { Suspense, lazy, type ReactNode } from 'react';
import { Admin, CustomRoutes, Loading, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { createDataProvider } from './providers/dataProvider';
import { authProvider } from './providers/authProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { Home } from './layout/Home';
import { theme } from './layout/theme';
import { DivisionQueue } from './queue/DivisionQueue';
import inquiries from './inquiries';

const dataProvider = createDataProvider();

/** The recap and its charts load only when opened: recharts stays out of the board's first load. */
const RecapPage = lazy(() => import('./recap/RecapPage'));
const ProfilePage = lazy(() => import('./profile/ProfilePage'));

const Lazy = ({ children }: { children: ReactNode }) => <Suspense fallback={<Loading />}>{children}</Suspense>;

/** The staff dashboard; the router (basename /dashboard) is set up by main.tsx. */
export const App = () => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    dashboard={Home}
    theme={theme}
    title="Layanan Informasi"
    requireAuth
    disableTelemetry
  >
    <CustomRoutes>
      <Route path="/antrean" element={<DivisionQueue />} />
      <Route
        path="/rekap"
        element={
          <Lazy>
            <RecapPage />
          </Lazy>
        }
      />
      <Route
        path="/profil"
        element={
          <Lazy>
            <ProfilePage />
          </Lazy>
        }
      />
    </CustomRoutes>
    <Resource name="inquiries" {...inquiries} />
    <Resource name="divisions" recordRepresentation="name" />
    <Resource name="faq-entries" recordRepresentation="question" />
  </Admin>
);
