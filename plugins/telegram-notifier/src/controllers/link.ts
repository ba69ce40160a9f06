import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { configOf, enabled, getService } from '../utils';

type Context = Parameters<Core.ControllerHandler>[0];

function signedIn(ctx: Context): number {
  const user = ctx.state.user as { id: number } | undefined;
  if (!user) throw new errors.UnauthorizedError('Silakan masuk terlebih dahulu.');
  return user.id;
}

/** The signed-in staff member's own Telegram link: a one-time code to create it, its state, and removing it. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async createCode(ctx: Context) {
    const userId = signedIn(ctx);
    if (!enabled(strapi)) throw createHttpError(503, 'Notifikasi Telegram belum diaktifkan di server ini.');
    const { code, expiresAt } = await getService(strapi, 'links').issueCode(userId);
    const { botUsername } = configOf(strapi);
    ctx.status = 201;
    return {
      data: {
        code,
        command: `/start ${code}`,
        link: botUsername ? `https://t.me/${botUsername}?start=${code}` : null,
        expiresAt: expiresAt.toISOString(),
      },
    };
  },

  async show(ctx: Context) {
    const userId = signedIn(ctx);
    const link = await getService(strapi, 'links').byUser(userId);
    return {
      data: {
        enabled: enabled(strapi),
        botUsername: configOf(strapi).botUsername || null,
        linked: Boolean(link),
        chatType: link?.chatType ?? null,
        linkedAt: link?.linkedAt ?? null,
      },
    };
  },

  async remove(ctx: Context) {
    const userId = signedIn(ctx);
    await getService(strapi, 'links').unlinkUser(userId);
    return { data: { linked: false } };
  },
});
