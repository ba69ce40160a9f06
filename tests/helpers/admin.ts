import type { TestApp } from './strapi';

const PASSWORD = 'Rahasia-2026!';

/** An admin-panel account with the given role, signed in as the browser would be. */
export async function signInAs(app: TestApp, roleCode: string, email: string): Promise<{ Authorization: string }> {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  await app.strapi.service('admin::user').create({ email, firstname: 'Admin', lastname: 'Uji', password: PASSWORD, isActive: true, registrationToken: null, roles: [role.id] });
  const res = await app.http.post('/admin/login').send({ email, password: PASSWORD }).expect(200);
  return { Authorization: `Bearer ${res.body.data.token}` };
}

/** An admin-panel account with the content editors' role, signed in as the browser would be. */
export const signInEditor = (app: TestApp, email = 'editor@dinas.test') => signInAs(app, 'layanan-content-editor', email);

/** The IT staff's admin-panel account (super admin), signed in as the browser would be. */
export const signInAdmin = (app: TestApp, email = 'it@dinas.test') => signInAs(app, 'strapi-super-admin', email);
