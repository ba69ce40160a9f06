import { Admin, CustomRoutes, Resource } from 'react-admin';
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
    </CustomRoutes>
    <Resource name="inquiries" {...inquiries} />
    <Resource name="divisions" recordRepresentation="name" />
    <Resource name="faq-entries" recordRepresentation="question" />
  </Admin>
);
