import type { TestApp } from './strapi';

const PASSWORD = 'Rahasia-2026!';

/** An admin-panel account with the content editors' role, signed in as the browser would be. */
export async function signInEditor(app: TestApp, email = 'editor@dinas.test'): Promise<{ Authorization: string }> {
  return signInAdmin(app, 'layanan-content-editor', email);
}

/** An admin-panel account with the given role (`strapi-super-admin`: the IT staff who set the server up). */
export async function signInAdmin(app: TestApp, roleCode: string, email: string): Promise<{ Authorization: string }> {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  await app.strapi.service('admin::user').create({ email, firstname: 'Editor', lastname: 'Konten', password: PASSWORD, isActive: true, registrationToken: null, roles: [role.id] });
  const res = await app.http.post('/admin/login').send({ email, password: PASSWORD }).expect(200);
  return { Authorization: `Bearer ${res.body.data.token}` };
}
