import type { Core } from '@strapi/strapi';

interface Ctx {
  body: unknown;
  response: { get(name: string): string; set(name: string, value: string): void; is(...types: string[]): string | false | null };
}

/**
 * One rule for every answer the API and the admin compute: not kept by a browser or a proxy. Such answers
 * carry a citizen's data (a request, its conversation), a token (sign-in, tracking) or a staff account;
 * a shared office PC's cache must not hold them. An answer that is fit to keep (a static file, an
 * attachment that sets its own) says so itself, and is left alone.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) =>
  async (ctx: Ctx, next: () => Promise<void>) => {
    try {
      await next();
    } finally {
      const computed = ctx.body === null || ctx.body === undefined || ctx.response.is('json') !== false;
      if (computed && !ctx.response.get('Cache-Control')) ctx.response.set('Cache-Control', 'no-store');
    }
  };
