import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, getService } from './utils';
import type { SopWorkflowConfig } from './config';

/** What the board, the sweep and the recap filter and sort on. */
const INDEXES: Record<string, string[][]> = {
  inquiries: [['status', 'triage_due_at'], ['status', 'coordination_due_at'], ['status', 'answer_due_at'], ['reminder_due_at'], ['received_at'], ['channel', 'received_at'], ['kind', 'received_at']],
  inquiry_events: [['at']],
  notifications: [['status', 'next_attempt_at']],
};

/**
 * Enforced by the database rather than by Strapi's `unique` (a read before every insert, and not safe
 * between two instances).
 */
const UNIQUE_INDEXES: Record<string, string[]> = {
  inquiries: ['code'],
  notifications: ['idempotency_key'],
};

async function ensureIndexes(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  for (const [table, indexes] of Object.entries(INDEXES)) {
    for (const columns of indexes) {
      await knex.raw(`CREATE INDEX IF NOT EXISTS ${table}_${columns.join('_')}_idx ON ${table} (${columns.join(', ')})`);
    }
  }
  for (const [table, column] of Object.entries(UNIQUE_INDEXES).flatMap(([t, cols]) => cols.map((c) => [t, c] as const))) {
    await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ${table}_${column}_uq ON ${table} (${column})`);
  }
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'codes').ensureTable();
  await getService(strapi, 'rateLimit').ensureTable();
  await ensureIndexes(strapi);

  const { sweepCron } = strapi.config.get(`plugin::${PLUGIN_ID}`) as SopWorkflowConfig;
  if (sweepCron) {
    strapi.cron.add({
      sopWorkflowSweep: {
        task: async () => {
          try {
            const { breached, reminded } = await getService(strapi, 'sweep').run();
            if (breached || reminded) strapi.log.info(`[sop-workflow] sweep: ${breached} breach(es), ${reminded} reminder(s)`);
            await getService(strapi, 'rateLimit').prune(new Date(getService(strapi, 'clock').now().getTime() - 24 * 3600_000));
          } catch (error) {
            strapi.log.error(`[sop-workflow] sweep failed: ${(error as Error).message}`);
          }
        },
        options: { rule: sweepCron },
      },
    });
  }
};
