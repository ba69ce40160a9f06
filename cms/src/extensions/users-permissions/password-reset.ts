import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { maskEmail } from '@layanan/config';
import { passwordLink, sendStaffMail, type StaffAddressee } from './staff-mail';

const USER = 'plugin::users-permissions.user';
const ADDRESS = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/;

interface Ctx {
  request: { body?: unknown; ip: string };
  send(body: unknown): void;
}

function emailOf(body: unknown): string {
  const data = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const extra = Object.keys(data).filter((key) => key !== 'email');
  if (typeof data.email !== 'string' || !ADDRESS.test(data.email.trim()) || extra.length) {
    throw new errors.ValidationError('Tuliskan alamat e-mail akun Anda, misalnya nama@dinas.go.id.');
  }
  return data.email.trim().toLowerCase();
}

/** Whether a reset can reach anyone: the Dinas' SMTP is set (Strapi's nodemailer provider) and the site has an address. */
export function resetIsOn(strapi: Core.Strapi): boolean {
  return strapi.config.get('plugin::email.provider') === 'nodemailer' && Boolean(strapi.config.get('server.url'));
}

async function mailReset(strapi: Core.Strapi, email: string): Promise<void> {
  const user = (await strapi.db.query(USER).findOne({ where: { email }, select: ['id', 'email', 'blocked', 'fullName', 'username'] })) as
    | (StaffAddressee & { id: number; blocked: boolean | null })
    | null;
  if (!user || user.blocked) return;
  const token = randomBytes(48).toString('hex');
  await strapi.plugin('users-permissions').service('user').edit(user.id, { resetPasswordToken: token });
  await sendStaffMail(
    strapi,
    user,
    'Atur ulang kata sandi Layanan Informasi',
    [
      'Kami menerima permintaan untuk mengatur ulang kata sandi akun Layanan Informasi Anda. Buka tautan berikut untuk membuat kata sandi baru:',
      'Jika Anda tidak meminta ini, abaikan e-mail ini: kata sandi Anda tidak berubah.',
    ],
    passwordLink(strapi, token),
  );
}

/**
 * POST /api/auth/forgot-password, replacing Strapi's: the same answer, at once, whether the address is a
 * staff account or not (the lookup and the mail happen after the answer has gone), so it neither tells who
 * works here nor fails with a 500 when mail does. Limited per client and per address. Without the Dinas'
 * SMTP it sends nothing.
 */
export const forgotPassword = (strapi: Core.Strapi) => async (ctx: Ctx) => {
  const email = emailOf(ctx.request.body);
  const limiter = strapi.plugin('sop-workflow').service('rateLimit') as { consume(scope: 'accountRateLimit', key: string): Promise<void> };
  await limiter.consume('accountRateLimit', `client:${ctx.request.ip}`);
  await limiter.consume('accountRateLimit', `address:${email}`);
  ctx.send({ ok: true });
  if (!resetIsOn(strapi)) return;
  setImmediate(() => {
    mailReset(strapi, email).catch((error: Error) => strapi.log.error(`Password reset for ${maskEmail(email)} not sent: ${error.message}`));
  });
};
