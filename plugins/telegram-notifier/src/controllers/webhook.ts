import { secretMatches } from '@layanan/sop-workflow';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import type { Update } from 'node-telegram-bot-api';
import { configOf, getService } from '../utils';

type Context = Parameters<Core.ControllerHandler>[0];

/** Telegram posts each update here in webhook mode, with the secret token set by setWebhook. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async receive(ctx: Context) {
    const { token, webhookUrl, webhookSecret } = configOf(strapi);
    if (!token || !webhookUrl) throw new errors.NotFoundError('Not Found');
    if (!secretMatches(String(ctx.get('x-telegram-bot-api-secret-token') ?? ''), webhookSecret)) {
      throw new errors.ForbiddenError('Forbidden');
    }
    const update = ctx.request.body as Partial<Update> | undefined;
    if (!update || typeof update !== 'object' || !Number.isSafeInteger(update.update_id)) {
      throw new errors.ValidationError('Not a Telegram update');
    }
    try {
      await getService(strapi, 'bot').handleUpdate(update as Update);
    } catch {
      // Not acknowledged: Telegram delivers the update again later.
      throw createHttpError(503, 'The update could not be stored; try again.');
    }
    return { ok: true };
  },
});
