import type { Core } from '@strapi/strapi';
import { LAPOR_CLOCK_TABLE, LAPOR_REMINDER_FIELD, SOP_STEP_TABLE, type ClockDefinition, type Status, type WorkingDayClockDefinition } from '@layanan/config';
import { PLUGIN_ID, UID, getService } from '../utils';
import { SYSTEM } from './actor';

/** A clock the sweep watches, named as its events and outbox rows name it. */
interface Watch extends ClockDefinition {
  step: string;
}

/** Which open state waits on which deadline: the SOP's steps (a further clock is one more table here). */
export const WATCHES: readonly Watch[] = SOP_STEP_TABLE;

/** The watches by the field that holds their pending reminder (the SOP's steps share one: only the running step has one). */
const REMINDERS = new Map<string, Watch[]>();
for (const watch of WATCHES) if (watch.reminderField) REMINDERS.set(watch.reminderField, [...(REMINDERS.get(watch.reminderField) ?? []), watch]);

/** Rows marked per statement and transaction: a backlog of thousands is a handful of short transactions. */
const CHUNK = 500;

interface Claimed {
  id: number;
  documentId: string;
  code: string;
  status: Status;
}

export interface SweepResult {
  breached: number;
  reminded: number;
}

type Knex = Core.Strapi['db']['connection'];
type Query = ReturnType<Knex>;

interface Model {
  tableName: string;
  attributes: Record<string, { columnName?: string }>;
}

/**
 * Runs every minute on every instance. Marks are set-based: one conditional `UPDATE … WHERE id IN (the
 * oldest due rows) AND <still unmarked> RETURNING …` per chunk, and in the same transaction one INSERT for
 * the chunk's events and one for its outbox rows. The condition is checked again by the UPDATE itself, so
 * exactly one instance changes a row, and only that one writes its event and alert. On PostgreSQL the
 * chunk's rows are picked `FOR UPDATE SKIP LOCKED`: two instances take different rows instead of waiting
 * on each other; SQLite has a single writer. Breaches go first: a request whose deadline already passed
 * gets its breach alert, not a reminder that it is about to.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const model = () => strapi.db.metadata.get(UID.inquiry as never) as unknown as Model;
  const column = (field: string) => model().attributes[field]?.columnName ?? field;
  const postgres = () => strapi.db.dialect.client === 'postgres';

  /** Claims up to CHUNK rows: `pick` narrows the candidates, `still` re-checks them in the UPDATE, `data` marks them. */
  async function claimChunk(
    trx: Knex,
    pick: (q: Query) => Query,
    still: (q: Query) => Query,
    data: Record<string, unknown>,
  ): Promise<Claimed[]> {
    const table = model().tableName;
    let candidates = pick(trx(table).select('id')).limit(CHUNK);
    if (postgres()) candidates = candidates.forUpdate().skipLocked();
    const rows = (await still(trx(table).whereIn('id', candidates))
      .update(data)
      .returning(['id', column('documentId'), 'code', 'status'])) as Record<string, unknown>[];
    // RETURNING promises no order: the chunk's events and alerts are written oldest request first.
    return rows.map((r) => ({ id: Number(r.id), documentId: String(r[column('documentId')]), code: String(r.code), status: r.status as Status })).sort((a, b) => a.id - b.id);
  }

  /** Chunk after chunk until none is left; each chunk's marks, events and alerts commit together. */
  async function drain(claim: (trx: Knex) => Promise<Claimed[]>, record: (rows: Claimed[]) => Promise<void>): Promise<number> {
    let total = 0;
    for (;;) {
      const won = await strapi.db.transaction(async ({ trx }) => {
        const rows = await claim(trx);
        if (rows.length) await record(rows);
        return rows.length;
      });
      total += won;
      if (won === 0) return total;
    }
  }

  function alert(topic: 'inquiry.breached' | 'inquiry.reminder', type: 'breached' | 'reminded', at: Date, stepOf: (row: Claimed) => string) {
    return async (rows: Claimed[]) => {
      await getService(strapi, 'events').recordMany(rows.map((row) => ({ inquiryId: row.id, type, actor: SYSTEM, at, detail: { step: stepOf(row) } })));
      await getService(strapi, 'outbox').enqueueMany(
        rows.map((row) => ({
          channel: 'staff',
          topic,
          idempotencyKey: `${topic === 'inquiry.breached' ? 'breached' : 'reminder'}:${row.documentId}:${stepOf(row)}`,
          inquiryId: row.id,
          payload: { inquiry: row.documentId, code: row.code, step: stepOf(row) },
          at,
        })),
      );
    };
  }

  function markBreaches(watch: Watch, at: Date): Promise<number> {
    const due = column(watch.dueField);
    const flag = column(watch.breachedField);
    const unmarked = (q: Query) => q.where({ status: watch.status, [flag]: false }).andWhere(due, '<', at);
    const mark = { [flag]: true, ...(watch.reminderField ? { [column(watch.reminderField)]: null } : {}) };
    return drain(
      (trx) => claimChunk(trx, (q) => unmarked(q).orderBy(due, 'asc'), unmarked, mark),
      alert('inquiry.breached', 'breached', at, () => watch.step),
    );
  }

  /**
   * SP4N-LAPOR!'s clocks: one runs while its deadline is set and its end is not, whatever the status (a
   * follow-up not yet posted on LAPOR! is late even when the request was closed here).
   */
  const running = (clock: WorkingDayClockDefinition) => (q: Query) => q.whereNotNull(column(clock.dueField)).whereNull(column(clock.atField));

  function markLaporBreaches(clock: WorkingDayClockDefinition, at: Date): Promise<number> {
    const due = column(clock.dueField);
    const unmarked = (q: Query) => running(clock)(q).where({ [column(clock.breachedField)]: false }).andWhere(due, '<', at);
    return drain(
      (trx) => claimChunk(trx, (q) => unmarked(q).orderBy(due, 'asc'), unmarked, { [column(clock.breachedField)]: true, [column(LAPOR_REMINDER_FIELD)]: null }),
      alert('inquiry.breached', 'breached', at, () => clock.clock),
    );
  }

  function sendLaporReminders(clock: WorkingDayClockDefinition, at: Date): Promise<number> {
    const reminder = column(LAPOR_REMINDER_FIELD);
    const pending = (q: Query) => running(clock)(q).andWhere(reminder, '<', at);
    return drain(
      (trx) => claimChunk(trx, (q) => pending(q).orderBy(reminder, 'asc'), pending, { [reminder]: null }),
      alert('inquiry.reminder', 'reminded', at, () => clock.clock),
    );
  }

  function sendReminders(field: string, watches: readonly Watch[], at: Date): Promise<number> {
    const reminder = column(field);
    const pending = (q: Query) => q.whereIn('status', watches.map((w) => w.status)).andWhere(reminder, '<', at);
    return drain(
      (trx) => claimChunk(trx, (q) => pending(q).orderBy(reminder, 'asc'), pending, { [reminder]: null }),
      alert('inquiry.reminder', 'reminded', at, (row) => watches.find((w) => w.status === row.status)!.step),
    );
  }

  // The last run on any instance, where all of them read it: the health check's sign that the scheduler lives.
  const heartbeat = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'sweep' });

  return {
    async lastRun(): Promise<Date | null> {
      const value = (await heartbeat().get()) as { lastRunAt?: string } | null;
      return value?.lastRunAt ? new Date(value.lastRunAt) : null;
    },

    async recordRun(at: Date): Promise<void> {
      await heartbeat().set({ value: { lastRunAt: at.toISOString() } });
    },

    async run(): Promise<SweepResult> {
      const at = getService(strapi, 'clock').now();
      let breached = 0;
      for (const watch of WATCHES) breached += await markBreaches(watch, at);
      for (const clock of LAPOR_CLOCK_TABLE) breached += await markLaporBreaches(clock, at);
      let reminded = 0;
      for (const [field, watches] of REMINDERS) reminded += await sendReminders(field, watches, at);
      for (const clock of LAPOR_CLOCK_TABLE) reminded += await sendLaporReminders(clock, at);
      // A chat medium's reply window about to close on an unanswered request counts as a reminder too.
      reminded += await getService(strapi, 'replyWindows').remind(at);
      return { breached, reminded };
    },
  };
};
