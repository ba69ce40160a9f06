import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { INVITATION_CODE_PREFIX, INVITATION_DAYS } from '@layanan/config';
import { resetIsOn } from './password-reset';
import { passwordLink, sendStaffMail, type StaffAddressee } from './staff-mail';

const USER = 'plugin::users-permissions.user';
const DAY = 24 * 3600_000;

interface Invitee extends StaffAddressee {
  id: number;
  blocked: boolean | null;
  password: string | null;
}

/**
 * A new account's password when the admin left it empty, so that Strapi's admin handler (which insists on
 * one) takes it: never stored, the staff-accounts middleware drops it and invites instead. Random per
 * process, so no request can spell it.
 */
export const INVITE_INSTEAD = `invite:${randomBytes(24).toString('hex')}`;

const now = (strapi: Core.Strapi): Date => (strapi.plugin('sop-workflow').service('clock') as { now(): Date }).now();

/**
 * Mails a new staff member the link to set a first password: a fresh single-use code (it replaces any
 * earlier one) in the reset-password field, valid for INVITATION_DAYS from `invitedAt`.
 */
export async function invite(strapi: Core.Strapi, userId: number): Promise<Date> {
  if (!resetIsOn(strapi)) {
    throw new errors.ApplicationError('Undangan tidak dapat dikirim: e-mail staf belum diatur (MAIL_SMTP_HOST dan PUBLIC_URL di berkas .env).');
  }
  const user = (await strapi.db.query(USER).findOne({ where: { id: userId }, select: ['id', 'email', 'fullName', 'username', 'blocked', 'password'] })) as Invitee | null;
  if (!user) throw new errors.NotFoundError('Akun staf tidak ditemukan.');
  if (user.blocked) throw new errors.ApplicationError('Akun ini diblokir; buka blokirnya dahulu bila orang ini bekerja lagi.');
  if (user.password) throw new errors.ApplicationError('Akun ini sudah punya kata sandi. Bila lupa, pemiliknya memakai "Lupa kata sandi" di halaman masuk.');
  const code = `${INVITATION_CODE_PREFIX}${randomBytes(32).toString('hex')}`;
  const invitedAt = now(strapi);
  await strapi.plugin('users-permissions').service('user').edit(user.id, { resetPasswordToken: code, invitedAt });
  await sendStaffMail(
    strapi,
    user,
    'Undangan akun Layanan Informasi',
    [
      'Selamat datang di Layanan Informasi. Akun staf Anda sudah dibuat; buka tautan berikut untuk membuat kata sandi Anda:',
      `Tautan ini berlaku ${INVITATION_DAYS} hari dan hanya dapat dipakai sekali. Setelah itu, masuk ke dasbor dengan alamat e-mail ini dan kata sandi yang Anda buat.`,
    ],
    passwordLink(strapi, code),
  );
  return invitedAt;
}

interface ResetCtx {
  request: { body?: unknown };
}

/**
 * Before Strapi's reset-password: an invitation's code is refused with a message that says why when it
 * has been used (or replaced by a newer one) or is older than INVITATION_DAYS. Any other code goes on as is.
 */
export const checkInvitation = (strapi: Core.Strapi) => async (ctx: ResetCtx) => {
  const code = (ctx.request.body as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !code.startsWith(INVITATION_CODE_PREFIX)) return;
  const user = (await strapi.db.query(USER).findOne({ where: { resetPasswordToken: code }, select: ['id', 'invitedAt', 'blocked'] })) as {
    invitedAt: string | null;
    blocked: boolean | null;
  } | null;
  if (!user || user.blocked) {
    throw new errors.ValidationError('Undangan ini sudah dipakai atau sudah diganti undangan yang lebih baru. Masuk dengan kata sandi Anda, atau pakai "Lupa kata sandi".', { reason: 'invitation_used' });
  }
  if (!user.invitedAt || now(strapi).getTime() - new Date(user.invitedAt).getTime() > INVITATION_DAYS * DAY) {
    throw new errors.ValidationError(`Undangan ini sudah kedaluwarsa (berlaku ${INVITATION_DAYS} hari). Minta admin Layanan Informasi mengirim undangan baru.`, { reason: 'invitation_expired' });
  }
};
