import type { Core } from '@strapi/strapi';

/**
 * One line per request, like Strapi's own logger but without the query string: it can carry tracking
 * tokens and filters on a NIK or a phone number, which must never reach the logs.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { method: string; path: string; status: number }, next: () => Promise<void>) => {
    const started = Date.now();
    try {
      await next();
    } finally {
      strapi.log.http(`${ctx.method} ${ctx.path} (${Date.now() - started} ms) ${ctx.status}`);
    }
  };
