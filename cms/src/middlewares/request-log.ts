import type { Core } from '@strapi/strapi';
import { redactFreeText } from '@layanan/config';

/**
 * One line per request, like Strapi's own logger but without the query string: it can carry tracking
 * tokens and filters on a NIK or a phone number, which must never reach the logs. The path is masked as
 * free text is: a citizen may type their NIK where the tracking code belongs.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { method: string; path: string; status: number }, next: () => Promise<void>) => {
    const started = Date.now();
    try {
      await next();
    } finally {
      strapi.log.http(`${ctx.method} ${redactFreeText(ctx.path)} (${Date.now() - started} ms) ${ctx.status}`);
    }
  };
