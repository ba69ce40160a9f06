import type { Core } from '@strapi/strapi';

/**
 * The router answers a method an address does not take (DELETE /api/inquiries/) with a bare 405 and the
 * text "Method Not Allowed"; clients read errors from Strapi's envelope, so it gets one, with the methods
 * the address does take.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) =>
  async (ctx: { path: string; method: string; status: number; body: unknown; response: { get(name: string): string } }, next: () => Promise<void>) => {
    await next();
    if (ctx.status !== 405 || !ctx.path.startsWith('/api/') || (ctx.body !== null && typeof ctx.body === 'object')) return;
    const allowed = ctx.response.get('Allow');
    ctx.body = {
      data: null,
      error: {
        status: 405,
        name: 'MethodNotAllowedError',
        message: `Metode ${ctx.method} tidak tersedia di alamat ini.${allowed ? ` Yang tersedia: ${allowed}.` : ''}`,
        details: {},
      },
    };
  };
