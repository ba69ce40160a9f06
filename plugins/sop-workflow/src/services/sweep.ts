import type { Core } from '@strapi/strapi';
import { SOP_STEP_TABLE, type ClockDefinition, type Status } from '@layanan/config';
import { UID, getService } from '../utils';
import { SYSTEM } from './actor';

/** A clock the sweep watches, named as its events and outbox rows name it. */
interface Watch extends ClockDefinition {
  step: string;
}

/** Which open state waits on which deadline: the SOP's steps (a further clock is one more table here). */
export const WATCHES: readonly Watch[] = SOP_STEP_TABLE;

/** The watches by the field that holds their pending reminder. */
const REMINDERS = new Map<string, Watch[]>();
for (const watch of WATCHES) if (watch.reminderField) REMINDERS.set(watch.reminderField, [...(REMINDERS.get(watch.reminderField) ?? []), watch]);

const BATCH = 200;

interface Candidate {
  id: number;
  documentId: string;
  code: string;
  status: Status;
}

export interface SweepResult {
  breached: number;
  reminded: number;
}

/**
 * Runs every minute on every instance. Each mark is a conditional UPDATE (flag still false, reminder still
 * pending): exactly one instance changes the row, and only that one writes the event and the outbox row,
 * in the same transaction. No lock is held across the batch, so instances never wait on each other.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.inquiry);

  async function claim(where: Record<string, unknown>, data: Record<string, unknown>): Promise<boolean> {
    const { count } = await query().updateMany({ where, data });
    return count === 1;
  }

  async function markBreaches(watch: Watch, at: Date): Promise<number> {
    const due = (await query().findMany({
      where: { status: watch.status, [watch.breachedField]: false, [watch.dueField]: { $lt: at } },
      select: ['id', 'documentId', 'code', 'status'],
      orderBy: { [watch.dueField]: 'asc' },
      limit: BATCH,
    })) as Candidate[];
    let marked = 0;
    for (const row of due) {
      const won = await strapi.db.transaction(async () => {
        if (!(await claim({ id: row.id, status: watch.status, [watch.breachedField]: false }, { [watch.breachedField]: true, ...(watch.reminderField ? { [watch.reminderField]: null } : {}) }))) {
          return false;
        }
        await getService(strapi, 'events').record({ inquiryId: row.id, type: 'breached', actor: SYSTEM, at, detail: { step: watch.step } });
        await getService(strapi, 'outbox').enqueue({
          channel: 'staff',
          topic: 'inquiry.breached',
          idempotencyKey: `breached:${row.documentId}:${watch.step}`,
          inquiryId: row.id,
          payload: { inquiry: row.documentId, code: row.code, step: watch.step },
          at,
        });
        return true;
      });
      if (won) marked += 1;
    }
    return marked;
  }

  /** Clocks may share a reminder field (the SOP's steps do: only the running step has one pending). */
  async function sendReminders(field: string, watches: readonly Watch[], at: Date): Promise<number> {
    const due = (await query().findMany({
      where: { status: { $in: watches.map((w) => w.status) }, [field]: { $lt: at } },
      select: ['id', 'documentId', 'code', 'status', field],
      orderBy: { [field]: 'asc' },
      limit: BATCH,
    })) as (Candidate & Record<string, string>)[];
    let sent = 0;
    for (const row of due) {
      const step = watches.find((w) => w.status === row.status)!.step;
      const won = await strapi.db.transaction(async () => {
        if (!(await claim({ id: row.id, status: row.status, [field]: row[field] }, { [field]: null }))) return false;
        await getService(strapi, 'events').record({ inquiryId: row.id, type: 'reminded', actor: SYSTEM, at, detail: { step } });
        await getService(strapi, 'outbox').enqueue({
          channel: 'staff',
          topic: 'inquiry.reminder',
          idempotencyKey: `reminder:${row.documentId}:${step}`,
          inquiryId: row.id,
          payload: { inquiry: row.documentId, code: row.code, step },
          at,
        });
        return true;
      });
      if (won) sent += 1;
    }
    return sent;
  }

  return {
    async run(): Promise<SweepResult> {
      const at = getService(strapi, 'clock').now();
      let reminded = 0;
      for (const [field, watches] of REMINDERS) reminded += await sendReminders(field, watches, at);
      let breached = 0;
      for (const watch of WATCHES) breached += await markBreaches(watch, at);
      return { breached, reminded };
    },
  };
};
