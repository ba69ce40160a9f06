import type { Core } from '@strapi/strapi';
import type { SopStep, Status } from '@layanan/config';
import { UID, getService } from '../utils';
import { SYSTEM } from './actor';

interface StepWatch {
  step: SopStep;
  status: Status;
  dueField: 'triageDueAt' | 'coordinationDueAt' | 'answerDueAt';
  flagField: 'triageBreached' | 'coordinationBreached' | 'answerBreached';
}

/** Which open state waits on which step's deadline. */
export const WATCHES: readonly StepWatch[] = [
  { step: 'triage', status: 'received', dueField: 'triageDueAt', flagField: 'triageBreached' },
  { step: 'coordination', status: 'triaged', dueField: 'coordinationDueAt', flagField: 'coordinationBreached' },
  { step: 'answer', status: 'coordinated', dueField: 'answerDueAt', flagField: 'answerBreached' },
];

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

  async function markBreaches(watch: StepWatch, at: Date): Promise<number> {
    const due = (await query().findMany({
      where: { status: watch.status, [watch.flagField]: false, [watch.dueField]: { $lt: at } },
      select: ['id', 'documentId', 'code', 'status'],
      orderBy: { [watch.dueField]: 'asc' },
      limit: BATCH,
    })) as Candidate[];
    let marked = 0;
    for (const row of due) {
      const won = await strapi.db.transaction(async () => {
        if (!(await claim({ id: row.id, status: watch.status, [watch.flagField]: false }, { [watch.flagField]: true, reminderDueAt: null }))) {
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

  async function sendReminders(at: Date): Promise<number> {
    const due = (await query().findMany({
      where: { status: { $in: WATCHES.map((w) => w.status) }, reminderDueAt: { $lt: at } },
      select: ['id', 'documentId', 'code', 'status', 'reminderDueAt'],
      orderBy: { reminderDueAt: 'asc' },
      limit: BATCH,
    })) as (Candidate & { reminderDueAt: string })[];
    let sent = 0;
    for (const row of due) {
      const step = WATCHES.find((w) => w.status === row.status)!.step;
      const won = await strapi.db.transaction(async () => {
        if (!(await claim({ id: row.id, status: row.status, reminderDueAt: row.reminderDueAt }, { reminderDueAt: null }))) return false;
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
      // A chat medium's reply window about to close on an unanswered request counts as a reminder too.
      const reminded = (await sendReminders(at)) + (await getService(strapi, 'replyWindows').remind(at));
      let breached = 0;
      for (const watch of WATCHES) breached += await markBreaches(watch, at);
      return { breached, reminded };
    },
  };
};
