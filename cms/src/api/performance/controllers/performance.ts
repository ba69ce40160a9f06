import type { Core } from '@strapi/strapi';
import type { PublicPerformance, PublicServiceStandard } from '@layanan/config';

type Ctx = Parameters<Core.ControllerHandler>[0];

/** Shared caches may keep the answer as long as the server does: it holds no personal data. */
const CACHE_CONTROL = 'public, max-age=300';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () =>
    strapi.service('api::performance.performance') as unknown as {
      figures(): Promise<PublicPerformance>;
      standard(): Promise<PublicServiceStandard | null>;
    };
  return {
    async figures(ctx: Ctx) {
      ctx.set('Cache-Control', CACHE_CONTROL);
      return { data: await service().figures() };
    },
    async standard(ctx: Ctx) {
      ctx.set('Cache-Control', CACHE_CONTROL);
      return { data: await service().standard() };
    },
  };
};
