import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { maskEmail } from '@layanan/config';
import { INVITE_INSTEAD, invite } from './invitation';

const USER = 'plugin::users-permissions.user';
const EVENT = 'api::inquiry-event.inquiry-event';

/** A leaving staff member is blocked, not deleted, once the timelines name them: the record keeps who did what. */
async function refuseDeletingActors(strapi: Core.Strapi, documentId: unknown): Promise<void> {
  if (typeof documentId !== 'string') return;
  const user = (await strapi.db.query(USER).findOne({ where: { documentId }, select: ['id'] })) as { id: number } | null;
  if (!user) return;
  if ((await strapi.db.query(EVENT).count({ where: { actor: user.id } })) === 0) return;
  throw new errors.ApplicationError(
    'Akun ini tercatat pada riwayat permohonan, jadi tidak dapat dihapus. Centang "Diblokir" lalu simpan: orang ini tidak dapat masuk lagi dan namanya tetap tampil di riwayat.',
    { reason: 'staff_has_history' },
  );
}

/**
 * Staff accounts on every path (the admin's Content Manager, the CSV import, scripts): an account made
 * without a password is for someone to invite, who sets it from the mailed link; one named in timelines
 * cannot be deleted.
 */
export const staffAccounts =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== USER) return next();
    if (ctx.action === 'delete') {
      await refuseDeletingActors(strapi, (ctx.params as { documentId?: unknown }).documentId);
      return next();
    }
    const data = (ctx.params as { data?: Record<string, unknown> }).data;
    if (ctx.action !== 'create' || !data || (data.password && data.password !== INVITE_INSTEAD)) return next();
    delete data.password;
    data.provider ??= 'local';
    data.confirmed ??= true;
    const created = await next();
    const { id, email } = created as unknown as { id: number; email: string };
    try {
      await invite(strapi, id);
    } catch (error) {
      strapi.log.warn(`Invitation to ${maskEmail(email)} not sent: ${(error as Error).message}`);
    }
    return created;
  };
