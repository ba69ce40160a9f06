import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isRoleType } from '@layanan/config';
import { UID } from '../utils';
import type { Actor } from './actor';

interface StaffRow {
  id: number;
  username: string;
  fullName?: string | null;
  role?: { type: string } | null;
  division?: { id: number } | null;
}

/** Staff as the workflow sees them, for every plugin and route that acts for a signed-in person. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The signed-in staff member: role and, for division staff, their Bidang. */
  async actorOf(user: { id: number } | undefined): Promise<Actor> {
    if (!user) throw new errors.UnauthorizedError('Silakan masuk terlebih dahulu.');
    const row = (await strapi.db.query(UID.user).findOne({
      where: { id: user.id },
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
  },

  /** Division staff see their own Bidang's inquiries only; everyone else with access sees all. */
  scopeOf(actor: Actor): Record<string, unknown> | null {
    if (actor.role !== 'division_staff') return null;
    return { division: { id: { $eq: actor.divisionId ?? -1 } } };
  },
});
