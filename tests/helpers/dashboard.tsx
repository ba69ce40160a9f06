import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { AdminContext, Notification, ResourceContextProvider, type AuthProvider } from 'react-admin';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { RoleType } from '@layanan/config';
import { i18nProvider } from '../../dashboard/src/i18n/i18nProvider';
import { roleCan } from '../../dashboard/src/providers/access';
import type { LayananDataProvider } from '../../dashboard/src/providers/dataProvider';

/** A signed-in staff member of a role, allowed exactly what the dashboard's access rules allow that role. */
export function staffOf(role: Exclude<RoleType, 'public'>): AuthProvider {
  return {
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getPermissions: async () => role,
    canAccess: async ({ action, resource }) => roleCan(role, action, resource),
  };
}

interface Options {
  role?: Exclude<RoleType, 'public'>;
  /** The page's address and the route pattern it matches, for pages that read ids from the address. */
  at?: { path: string; pattern: string };
  resource?: string;
}

/**
 * A dashboard page inside react-admin's contexts (Bahasa Indonesia, the role's access rules) with its notifications;
 * the data provider is a stand-in with the methods the page calls.
 */
export function renderAdmin(ui: ReactNode, dataProvider: object, { role = 'officer', at, resource }: Options = {}) {
  const page = resource ? <ResourceContextProvider value={resource}>{ui}</ResourceContextProvider> : ui;
  return render(
    <MemoryRouter initialEntries={at ? [at.path] : undefined}>
      <AdminContext dataProvider={dataProvider as LayananDataProvider} authProvider={staffOf(role)} i18nProvider={i18nProvider}>
        {at ? (
          <Routes>
            <Route path={at.pattern} element={page} />
          </Routes>
        ) : (
          page
        )}
        <Notification />
      </AdminContext>
    </MemoryRouter>,
  );
}
