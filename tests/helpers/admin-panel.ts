import { bootApp, type TestApp, type TestDatabase } from './strapi';
import { freePort } from './browser';

/** The IT staff's super-admin account for the admin panel's browser tests. */
export const IT_ADMIN = { email: 'it@dinas.test', password: 'Rahasia-IT-2026!' };

/**
 * The CMS listening on a free port with its built admin panel served, and the IT staff's super-admin
 * account in it: what a browser test of the admin panel signs in to.
 */
export async function serveAdminPanel(db: TestDatabase, env: Record<string, string> = {}): Promise<{ app: TestApp; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await bootApp(db, { HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: base, SERVE_ADMIN: 'true', ...env });
  const banner = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  await app.strapi.listen().finally(() => banner.mockRestore());
  const superAdmin = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
  await app.strapi
    .service('admin::user')
    .create({ ...IT_ADMIN, firstname: 'Staf', lastname: 'TI', preferedLanguage: 'id', isActive: true, registrationToken: null, roles: [superAdmin.id] });
  return { app, base };
}
