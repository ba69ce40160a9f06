import type { Core } from '@strapi/strapi';
import { getService as sop, type Actor } from '@layanan/sop-workflow';

/** The signed-in staff member as the workflow sees them: role and, for division staff, their Bidang. */
export function actorFromState(strapi: Core.Strapi, state: { user?: { id: number } }): Promise<Actor> {
  return sop(strapi, 'staff').actorOf(state.user);
}
