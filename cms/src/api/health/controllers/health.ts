import type { Core } from '@strapi/strapi';
import type { HealthReport } from '../services/health';

type Context = Parameters<Core.ControllerHandler>[0];

const report = (strapi: Core.Strapi): Promise<HealthReport> => (strapi.service('api::health.health') as { check(): Promise<HealthReport> }).check();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** For load balancers and uptime monitors: 200 while it serves (ok or degraded), 503 when it cannot. */
  async status(ctx: Context) {
    const { status } = await report(strapi);
    ctx.status = status === 'down' ? 503 : 200;
    ctx.body = { status };
  },

  async details(ctx: Context) {
    ctx.body = { data: await report(strapi) };
  },
});
