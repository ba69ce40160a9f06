import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils';

type Context = Parameters<Core.ControllerHandler>[0];

/** The raw body koa-body keeps beside the parsed one (`includeUnparsed`): what Meta signed. */
const UNPARSED = Symbol.for('unparsedBody');

/**
 * Meta's webhook for WhatsApp, Messenger and Instagram. GET: the subscription handshake. POST: a signed
 * delivery, refused before anything is stored when the signature is missing or wrong, answered 200 once
 * its items are stored (Meta retries anything slower or not 200 for a day, so processing comes after).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const meta = () => getService(strapi, 'meta');
  const off = () => new errors.NotFoundError('Not Found');

  return {
    verify(ctx: Context) {
      if (!meta().enabled()) throw off();
      const query = ctx.query as Record<string, unknown>;
      const challenge = query['hub.challenge'];
      if (query['hub.mode'] !== 'subscribe' || typeof challenge !== 'string' || !/^[\w-]{1,200}$/.test(challenge)) {
        throw new errors.ValidationError('Bukan permintaan verifikasi webhook Meta.');
      }
      if (!meta().verifyToken(String(query['hub.verify_token'] ?? ''))) throw new errors.ForbiddenError('Token verifikasi salah.');
      ctx.type = 'text/plain';
      ctx.body = challenge;
    },

    async receive(ctx: Context) {
      if (!meta().enabled()) throw off();
      const body = ctx.request.body as Record<PropertyKey, unknown> | undefined;
      const raw = body?.[UNPARSED];
      const signature = ctx.get('x-hub-signature-256') || undefined;
      if (!signature) throw new errors.UnauthorizedError('Tanda tangan X-Hub-Signature-256 tidak ada.');
      if (typeof raw !== 'string' && !Buffer.isBuffer(raw)) throw new errors.ValidationError('Isi webhook harus JSON.');
      const result = await meta().receive(raw, signature, body);
      if (!result.accepted) throw new errors.ForbiddenError('Tanda tangan webhook tidak cocok.');
      ctx.body = { received: result.items, stored: result.stored };
    },
  };
};
