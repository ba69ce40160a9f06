import type { Core } from '@strapi/strapi';
import type { RoleType } from '@layanan/config';
import { ensureRole } from './permissions';

export const DEMO_PASSWORD = 'Layanan2026!';

interface DemoAccount {
  email: string;
  fullName: string;
  role: RoleType;
  division?: 'DAFDUK' | 'CAPIL';
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'petugas@demo.local', fullName: 'Rina Wulandari', role: 'officer' },
  { email: 'dafduk@demo.local', fullName: 'Agus Santoso', role: 'division_staff', division: 'DAFDUK' },
  { email: 'capil@demo.local', fullName: 'Dewi Lestari', role: 'division_staff', division: 'CAPIL' },
  { email: 'pimpinan@demo.local', fullName: 'Bambang Hariyanto', role: 'leadership' },
  { email: 'pdp@demo.local', fullName: 'Sri Rahayu', role: 'data_protection_officer' },
];

export const DEMO_ADMIN = { email: 'admin@demo.local', firstname: 'Admin', lastname: 'Demo', preferedLanguage: 'id' };
export const DEMO_EDITOR = { email: 'editor@demo.local', firstname: 'Editor', lastname: 'Konten', preferedLanguage: 'id' };

/** What content editors may touch in the admin panel: the FAQ, the Bidang, the holidays and the SOP policy. */
const EDITOR_SUBJECTS = ['api::faq-entry.faq-entry', 'api::search-synonym.search-synonym', 'api::division.division', 'api::holiday.holiday', 'api::sop-policy.sop-policy', 'api::office-profile.office-profile', 'api::privacy-notice.privacy-notice', 'api::service-standard.service-standard'];
const EDITOR_ROLE_CODE = 'layanan-content-editor';

export async function seedStaffAccounts(strapi: Core.Strapi): Promise<void> {
  const users = strapi.plugin('users-permissions').service('user');
  for (const account of DEMO_ACCOUNTS) {
    const exists = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: account.email } });
    if (exists) continue;
    const role = await ensureRole(strapi, account.role);
    const division = account.division
      ? ((await strapi.db.query('api::division.division').findOne({ where: { code: account.division }, select: ['id'] })) as { id: number } | null)
      : null;
    await users.add({
      username: account.email.split('@')[0],
      email: account.email,
      password: DEMO_PASSWORD,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
      fullName: account.fullName,
      division: division?.id ?? null,
    });
  }
}

interface FieldAttribute {
  type: string;
  component?: string;
}

const SYSTEM_FIELDS = ['id', 'createdBy', 'updatedBy', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'localizations'];

/** The field paths a permission names: a component's own fields one by one (`keywords.keyword`), as Strapi checks them. */
function fieldsOf(strapi: Core.Strapi, attributes: Record<string, FieldAttribute>, prefix = ''): string[] {
  return Object.entries(attributes)
    .filter(([name]) => !SYSTEM_FIELDS.includes(name))
    .flatMap(([name, attribute]) =>
      attribute.type === 'component' && attribute.component
        ? fieldsOf(strapi, strapi.components[attribute.component as never].attributes as Record<string, FieldAttribute>, `${prefix}${name}.`)
        : [`${prefix}${name}`],
    );
}

/** The editors' role, with its permissions set from the schemas at every start: a field added later is theirs too. */
export async function ensureEditorRole(strapi: Core.Strapi): Promise<{ id: number }> {
  const roles = strapi.service('admin::role');
  const role =
    ((await strapi.db.query('admin::role').findOne({ where: { code: EDITOR_ROLE_CODE } })) as { id: number } | null) ??
    ((await roles.create({
      name: 'Editor Konten',
      code: EDITOR_ROLE_CODE,
      description: 'Mengubah FAQ, padanan kata pencarian, data bidang, hari libur, kebijakan SOP, profil Dinas dan pemberitahuan pelindungan data pribadi; tidak melihat permohonan warga.',
    })) as { id: number });
  const actions = ['create', 'read', 'update', 'delete', 'publish'].map((a) => `plugin::content-manager.explorer.${a}`);
  const permissions = EDITOR_SUBJECTS.flatMap((subject) =>
    actions
      .filter((action) => !action.endsWith('publish') || subject === 'api::faq-entry.faq-entry')
      .map((action) => ({
        action,
        subject,
        properties:
          action.endsWith('delete') || action.endsWith('publish')
            ? {}
            : { fields: fieldsOf(strapi, strapi.contentType(subject as never).attributes as Record<string, FieldAttribute>) },
        conditions: [],
      })),
  );
  await roles.assignPermissions(role.id, permissions);
  return role;
}

export async function seedAdminAccounts(strapi: Core.Strapi): Promise<void> {
  const admins = strapi.service('admin::user');
  const superAdmin = (await strapi.service('admin::role').getSuperAdmin()) as { id: number };
  const editorRole = await ensureEditorRole(strapi);
  for (const [account, roleId] of [
    [DEMO_ADMIN, superAdmin.id],
    [DEMO_EDITOR, editorRole.id],
  ] as const) {
    if (await admins.exists({ email: account.email })) continue;
    await admins.create({ ...account, password: DEMO_PASSWORD, isActive: true, registrationToken: null, roles: [roleId] });
  }
}
