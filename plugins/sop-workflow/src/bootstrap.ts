import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, getService, scheduleJobs } from './utils';
import type { SopWorkflowConfig } from './config';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'durations').backfill();
  // Idle until a channel registers a sender or a fan-out (the plugins that do so bootstrap after this one).
  getService(strapi, 'delivery').start();

  const { sweepCron } = strapi.config.get(`plugin::${PLUGIN_ID}`) as SopWorkflowConfig;
  if (sweepCron) {
    scheduleJobs(strapi, {
      sopWorkflowSweep: {
        task: async () => {
          try {
            const { breached, reminded } = await getService(strapi, 'sweep').run();
            if (breached || reminded) strapi.log.info(`[sop-workflow] sweep: ${breached} breach(es), ${reminded} reminder(s)`);
            const at = getService(strapi, 'clock').now();
            await getService(strapi, 'sweep').recordRun(at);
            await getService(strapi, 'rateLimit').prune(new Date(at.getTime() - 24 * 3600_000));
          } catch (error) {
            strapi.log.error(`[sop-workflow] sweep failed: ${(error as Error).message}`);
          }
        },
        options: { rule: sweepCron },
      },
    });
  }
};
