import { Suspense, lazy, type ReactNode } from 'react';
import { CustomRoutes, Loading, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { RECEIPT_PAGE } from '@layanan/config';
import { AdminShell } from './layout/AdminShell';
import { createDataProvider } from './providers/dataProvider';
import { authProvider } from './providers/authProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { Home } from './layout/Home';
import { theme } from './layout/theme';
import { homeScreens } from './layout/homeScreens';

const dataProvider = createDataProvider();

/**
 * Each role's first screen loads only what it shows: the officer's board (home), the inquiry pages and their printable receipt, the quick-intake form (with the phone-number rules), the LAPOR! file import, the division
 * queue, the recap and its charts, the access log and the profile load when opened.
 */
const RecapPage = lazy(homeScreens.recap);
const LoginPage = lazy(() => homeScreens.login().then((m) => ({ default: m.LoginPage })));
const ProfilePage = lazy(() => import('./profile/ProfilePage'));
const HealthPage = lazy(() => import('./health/HealthPage'));
const DivisionQueue = lazy(() => homeScreens.queue().then((m) => ({ default: m.DivisionQueue })));
const InquiryList = lazy(() => import('./inquiries/InquiryList').then((m) => ({ default: m.InquiryList })));
const InquiryShow = lazy(() => import('./inquiries/InquiryShow').then((m) => ({ default: m.InquiryShow })));
const LaporImportPage = lazy(() => import('./laporImport/LaporImportPage'));
const ReceiptPage = lazy(() => import('./inquiries/ReceiptPage'));
const AccessLogPage = lazy(() => import('./accessLog/AccessLogPage'));
const InquiryCreate = lazy(() => import('./inquiries/InquiryCreate').then((m) => ({ default: m.InquiryCreate })));

const Lazy = ({ children }: { children: ReactNode }) => <Suspense fallback={<Loading />}>{children}</Suspense>;
const inquiries = {
  list: () => (
    <Lazy>
      <InquiryList />
    </Lazy>
  ),
  show: () => (
    <Lazy>
      <InquiryShow />
    </Lazy>
  ),
  create: () => (
    <Lazy>
      <InquiryCreate />
    </Lazy>
  ),
  recordRepresentation: 'code',
};

const SignIn = () => (
  <Lazy>
    <LoginPage />
  </Lazy>
);

/** The staff dashboard; the router (basename /dashboard) is set up by main.tsx. */
export const App = () => (
  <AdminShell
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    dashboard={Home}
    loginPage={SignIn}
    theme={theme}
    title="Layanan Informasi"
    requireAuth
    disableTelemetry
  >
    <CustomRoutes noLayout>
      <Route
        path={RECEIPT_PAGE}
        element={
          <Lazy>
            <ReceiptPage />
          </Lazy>
        }
      />
    </CustomRoutes>
    <CustomRoutes>
      <Route
        path="/antrean"
        element={
          <Lazy>
            <DivisionQueue />
          </Lazy>
        }
      />
      <Route
        path="/rekap"
        element={
          <Lazy>
            <RecapPage />
          </Lazy>
        }
      />
      <Route
        path="/impor-lapor"
        element={
          <Lazy>
            <LaporImportPage />
          </Lazy>
        }
      />
      <Route
        path="/akses-data"
        element={
          <Lazy>
            <AccessLogPage />
          </Lazy>
        }
      />
      <Route
        path="/kesehatan"
        element={
          <Lazy>
            <HealthPage />
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
  </AdminShell>
);
