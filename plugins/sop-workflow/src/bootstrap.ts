import type { Core } from '@strapi/strapi';
import { LAPOR_CLOCK_TABLE, LAPOR_REMINDER_FIELD, SOP_STEP_TABLE, columnOf } from '@layanan/config';
import { PLUGIN_ID, getService, scheduleJobs } from './utils';
import type { SopWorkflowConfig } from './config';
import { ensureIndexes, index, uniqueIndex, type IndexSpec } from './indexes';
import { REFERENCE_INDEXES } from './references';

/** What the board, the sweep and the recap filter and sort on (the outbox's own: services/delivery.ts). */
const INDEXES: IndexSpec[] = [
  ...SOP_STEP_TABLE.map(({ dueField }) => index('inquiries', `inquiries_status_${columnOf(dueField)}_idx`, 'status', columnOf(dueField))),
  index('inquiries', 'inquiries_reminder_due_at_idx', 'reminder_due_at'),
  index('inquiries', 'inquiries_reply_window_reminder_at_idx', 'reply_window_reminder_at'),
  // LAPOR!'s clocks run on few requests: the sweep and the recap seek the running, unflagged ones past a
  // deadline directly (flag, end, deadline), and the shared reminder.
  ...LAPOR_CLOCK_TABLE.map(({ dueField, atField, breachedField }) =>
    index('inquiries', `inquiries_${columnOf(dueField)}_open_idx`, columnOf(breachedField), columnOf(atField), columnOf(dueField)),
  ),
  index('inquiries', `inquiries_${columnOf(LAPOR_REMINDER_FIELD)}_idx`, columnOf(LAPOR_REMINDER_FIELD)),
  index('inquiries', 'inquiries_received_at_idx', 'received_at'),
  // The Rekap Informasi counts each dimension per period by seeking (value, time range); the trailing
  // columns cover its filters, so no count reads the table itself.
  index('inquiries', 'inquiries_recap_channel_idx', 'channel', 'received_at', 'kind', 'routed_division_id'),
  index('inquiries', 'inquiries_recap_kind_idx', 'kind', 'received_at', 'channel', 'routed_division_id'),
  index('inquiries', 'inquiries_recap_category_idx', 'service_category', 'received_at', 'channel', 'kind', 'routed_division_id'),
  index('inquiries', 'inquiries_recap_status_idx', 'status', 'received_at', 'channel', 'kind', 'routed_division_id'),
  index('inquiries', 'inquiries_recap_division_idx', 'routed_division_id', 'received_at', 'channel', 'kind'),
  index('inquiries', 'inquiries_recap_outcome_idx', 'outcome', 'received_at', 'channel', 'kind', 'routed_division_id'),
  // Breach flags are rare: compliance counts them per Bidang by seeking (flag, time range).
  ...SOP_STEP_TABLE.map(({ breachedField }) =>
    index('inquiries', `inquiries_recap_${columnOf(breachedField)}_idx`, columnOf(breachedField), 'received_at', 'channel', 'kind', 'routed_division_id'),
  ),
  // Percentiles walk each step's durations in order.
  ...SOP_STEP_TABLE.map(({ step, workingMinutesField }) =>
    index('inquiries', `inquiries_recap_${step}_minutes_idx`, columnOf(workingMinutesField), 'received_at', 'channel', 'kind', 'routed_division_id'),
  ),
  // Only answered requests have a delivery state: the delivery figures read these entries alone.
  index('inquiries', 'inquiries_recap_delivery_idx', 'answer_delivery', 'received_at', 'channel', 'kind', 'routed_division_id', 'answered_at', 'answer_delivered_at'),
  index('inquiry_events', 'inquiry_events_at_idx', 'at'),
  uniqueIndex('inquiries', 'code'),
];

/** Narrower indexes that a wider or unique one now serves. */
const SUPERSEDED = [
  'inquiries_channel_received_at_idx',
  'inquiries_kind_received_at_idx',
  'inquiries_code_idx',
  ...LAPOR_CLOCK_TABLE.map(({ dueField }) => `inquiries_${columnOf(dueField)}_idx`),
];

/**
 * A database that already holds one report twice (typed by hand before the index existed) cannot take the
 * index: the start goes on, and the log names the channel until an officer corrects the reference.
 */
async function ensureReferenceIndexes(strapi: Core.Strapi): Promise<void> {
  for (const spec of REFERENCE_INDEXES) {
    try {
      await ensureIndexes(strapi, [spec]);
    } catch (error) {
      strapi.log.warn(`[sop-workflow] ${spec.where}: some external references are recorded twice, so the database cannot refuse duplicates yet (${(error as Error).message.split('\n')[0]}); correct them and restart.`);
    }
  }
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'codes').ensureTable();
  await getService(strapi, 'rateLimit').ensureTable();
  await ensureIndexes(strapi, INDEXES, SUPERSEDED);
  await ensureReferenceIndexes(strapi);
  await getService(strapi, 'delivery').ensureIndexes();
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
