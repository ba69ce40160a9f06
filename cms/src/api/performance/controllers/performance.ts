import type { Core } from '@strapi/strapi';
import type { PublicPerformance, PublicServiceStandard } from '@layanan/config';

type Ctx = Parameters<Core.ControllerHandler>[0];

/**
 * Shared caches may keep the answer as long as the server does: it holds no personal data. A signed-in
 * caller's answer stays no-store, as every answer to an account does (the no-store middleware).
 */
const cacheFor = (ctx: Ctx) => {
  if (!ctx.request.header.authorization) ctx.set('Cache-Control', 'public, max-age=300');
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () =>
    strapi.service('api::performance.performance') as unknown as {
      figures(): Promise<PublicPerformance>;
      standard(): Promise<PublicServiceStandard | null>;
    };
  return {
    async figures(ctx: Ctx) {
      cacheFor(ctx);
      return { data: await service().figures() };
    },
    async standard(ctx: Ctx) {
      cacheFor(ctx);
      return { data: await service().standard() };
    },
  };
};
