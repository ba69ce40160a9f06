import type { Core } from '@strapi/strapi';
import { SOP_STEP_TABLE, workingMinutesBetween, type InquiryStepFields } from '@layanan/config';
import { PLUGIN_ID, UID, getService } from '../utils';
import type { PolicySnapshot } from './policy';

/** Bumped when the backfill learns a new field; a database runs each version once. */
const BACKFILL_VERSION = 1;
const BATCH = 500;

interface Row extends InquiryStepFields {
  id: number;
  policy: PolicySnapshot | null;
}

/** A step ended (and started: a direct answer never started step 4) without its duration recorded. */
const MISSING = SOP_STEP_TABLE.map((step) => ({
  [step.startField]: { $notNull: true },
  [step.atField]: { $notNull: true },
  [step.workingMinutesField]: { $null: true },
}));

/**
 * The workflow stores each step's working duration and the routed Bidang when a step ends. Inquiries that
 * ended steps before those fields existed get them here, once per database, in batches, from the same
 * timestamps and each inquiry's own policy snapshot.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'durations-backfill' });

  async function fill(row: Row): Promise<boolean> {
    const data: Record<string, unknown> = {};
    const calendar = row.policy ? await getService(strapi, 'policy').calendarFor(row.policy) : null;
    const minutes = (from: string | null, to: string | null) =>
      calendar && from && to ? workingMinutesBetween(new Date(from), new Date(to), calendar) : null;
    for (const step of SOP_STEP_TABLE) {
      if (row[step.workingMinutesField] === null) data[step.workingMinutesField] = minutes(row[step.startField], row[step.atField]);
    }
    const changes = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null));
    if (Object.keys(changes).length === 0) return false;
    await strapi.db.query(UID.inquiry).update({ where: { id: row.id }, data: changes });
    return true;
  }

  return {
    async backfill(): Promise<number> {
      const done = (await store().get()) as { version?: number } | null;
      if ((done?.version ?? 0) >= BACKFILL_VERSION) return 0;
      // The routed Bidang in one statement: a copy of the link row, where there is one.
      await strapi.db.connection.raw(
        `UPDATE inquiries SET routed_division_id = (SELECT l.division_id FROM inquiries_division_lnk l WHERE l.inquiry_id = inquiries.id)
         WHERE routed_division_id IS NULL AND EXISTS (SELECT 1 FROM inquiries_division_lnk l WHERE l.inquiry_id = inquiries.id)`,
      );
      let filled = 0;
      let after = 0;
      for (;;) {
        const rows = (await strapi.db.query(UID.inquiry).findMany({
          where: {
            id: { $gt: after },
            $or: MISSING,
          },
          orderBy: { id: 'asc' },
          limit: BATCH,
        })) as Row[];
        for (const row of rows) if (await fill(row)) filled += 1;
        if (rows.length < BATCH) break;
        after = rows[rows.length - 1].id;
      }
      await store().set({ value: { version: BACKFILL_VERSION } });
      if (filled) strapi.log.info(`[sop-workflow] step durations filled in for ${filled} earlier inquiries`);
      return filled;
    },
  };
};
