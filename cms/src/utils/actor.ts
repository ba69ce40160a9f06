import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Actor } from '@layanan/sop-workflow';
import { isRoleType } from '@layanan/config';

interface StaffRow {
  id: number;
  username: string;
  fullName?: string | null;
  role?: { type: string } | null;
  division?: { id: number } | null;
}

/** The signed-in staff member as the workflow sees them: role and, for division staff, their Bidang. */
export async function actorFromState(strapi: Core.Strapi, state: { user?: { id: number } }): Promise<Actor> {
  if (!state.user) throw new errors.UnauthorizedError('Silakan masuk terlebih dahulu.');
  const row = (await strapi.db.query('plugin::users-permissions.user').findOne({
    where: { id: state.user.id },
    select: ['id', 'username', 'fullName'],
    populate: { role: { select: ['type'] }, division: { select: ['id'] } },
  })) as StaffRow | null;
  if (!row) throw new errors.UnauthorizedError('Akun tidak ditemukan.');
  const roleType = row.role?.type;
  return {
    type: 'user',
    id: row.id,
    name: row.fullName || row.username,
    role: isRoleType(roleType) ? roleType : undefined,
    divisionId: row.division?.id,
  };
}
