import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

interface ProfileRow {
  id: number;
  username: string;
  email: string;
  fullName: string | null;
  role: { type: string } | null;
  division: { documentId: string; name: string; code: string } | null;
}

/**
 * The signed-in staff member with their role and Bidang, as the dashboard needs them to sign in:
 * `/api/users/me` cannot populate the role without also granting read access to every role.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async me(ctx: Parameters<Core.ControllerHandler>[0]) {
    const user = ctx.state.user as { id: number } | undefined;
    if (!user) throw new errors.UnauthorizedError('Silakan masuk terlebih dahulu.');
    const row = (await strapi.db.query('plugin::users-permissions.user').findOne({
      where: { id: user.id },
      select: ['id', 'username', 'email', 'fullName'],
      populate: { role: { select: ['type'] }, division: { select: ['documentId', 'name', 'code'] } },
    })) as ProfileRow | null;
    if (!row) throw new errors.UnauthorizedError('Akun tidak ditemukan.');
    return {
      data: {
        id: row.id,
        username: row.username,
        email: row.email,
        fullName: row.fullName,
        role: row.role?.type ?? null,
        division: row.division ? { documentId: row.division.documentId, name: row.division.name, code: row.division.code } : null,
      },
    };
  },
});
