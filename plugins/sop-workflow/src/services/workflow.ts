import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import {
  SOP_STEP,
  STATUS_LABELS,
  TRANSITIONS,
  addWorkingMinutes,
  citizenOutboxChannel,
  clockStart,
  rowsOfWeeklyHours,
  workingMinutesBetween,
  type Action,
  type InquiryLaporFields,
  type InquiryStepFields,
  type Kind,
  type SopStep,
  type Status,
  type StepDueField,
  type WorkingCalendar,
} from '@layanan/config';
import { UID, getService } from '../utils';
import { PUBLIC, SYSTEM, runAsWorkflow, type Actor } from './actor';
import { snapshotOf, type PolicySnapshot } from './policy';
import { newTrackingToken } from './tokens';
import type { EventType } from './events';
import { rethrowWithCode } from '../references';
import { recordIntake } from '../middlewares/inquiry-guard';
import { insertInquiry } from '../intake-rows';
import { endLaporClock, isLaporRequest, startLaporClock } from '../lapor-clocks';
import { answerPromisedAt } from '../receipt';

/** The columns of an inquiry the workflow reads. */
export interface InquiryRow extends InquiryStepFields, Partial<InquiryLaporFields> {
  id: number;
  documentId: string;
  code: string;
  kind: Kind;
  channel: string;
  subject: string;
  status: Status;
  receivedAt: string;
  policy: PolicySnapshot | null;
  division?: { id: number; documentId: string; name: string; code: string } | null;
  externalRef?: string | null;
}

export interface StepDeadline {
  dueAt: Date;
  remindAt: Date;
}

export function conflict(current: Status, action: Action): Error {
  const wanted = TRANSITIONS[action].to;
  return createHttpError(
    409,
    `Permohonan berstatus "${STATUS_LABELS[current].id}" (${current}) tidak dapat ${actionVerb[action]} menjadi "${STATUS_LABELS[wanted].id}" (${wanted}).`,
    { details: { current, wanted, action } },
  );
}

const actionVerb: Record<Action, string> = {
  triage: 'dipilah',
  coordinate: 'dikoordinasikan',
  answer: 'dijawab',
  close: 'ditutup',
  reject: 'ditolak',
};

const EVENT_OF: Record<Action, EventType> = {
  triage: 'triaged',
  coordinate: 'coordinated',
  answer: 'answered',
  close: 'closed',
  reject: 'rejected',
};

export function stepDeadline(step: SopStep, from: Date, policy: PolicySnapshot, calendar: WorkingCalendar): StepDeadline {
  const start = clockStart(from, calendar);
  const budget = policy[SOP_STEP[step].budgetField];
  return {
    dueAt: addWorkingMinutes(start, budget, calendar),
    remindAt: addWorkingMinutes(start, budget * policy.reminderThreshold, calendar),
  };
}

function lateFor(dueAt: string | null, at: Date): boolean {
  return dueAt !== null && at.getTime() > new Date(dueAt).getTime();
}

/**
 * How long a step took in working minutes of the inquiry's own calendar, stored when the step ends so
 * that the recap can take medians and percentiles in SQL (working time cannot be computed there).
 */
function stepWorkingMinutes(started: string | null, ended: Date, calendar: WorkingCalendar): number | null {
  return started === null ? null : workingMinutesBetween(new Date(started), ended, calendar);
}

function lateAt(step: SopStep, row: InquiryRow, at: Date): boolean {
  return lateFor(row[SOP_STEP[step].dueField], at);
}

/** The fields that end a step: when, its working duration, whether it was late, and no reminder pending. */
function endStep(step: SopStep, row: InquiryRow, at: Date, calendar: WorkingCalendar): Record<string, unknown> {
  const fields = SOP_STEP[step];
  return {
    [fields.atField]: at,
    [fields.workingMinutesField]: stepWorkingMinutes(row[fields.startField], at, calendar),
    [fields.breachedField]: row[fields.breachedField] || lateAt(step, row, at),
    [fields.reminderField]: null,
  };
}

/** The fields that start a step: its deadline and its reminder (set after endStep's, which clears it). */
function startStep(step: SopStep, at: Date, policy: PolicySnapshot, calendar: WorkingCalendar) {
  const deadline = stepDeadline(step, at, policy, calendar);
  const fields = SOP_STEP[step];
  return { deadline, data: { [fields.dueField]: deadline.dueAt, [fields.reminderField]: deadline.remindAt } };
}

type DeliveryState = 'sending' | 'delivered' | 'failed' | 'officer_task';

export interface DeliveryOutcome {
  state: Exclude<DeliveryState, 'sending'>;
  at: Date;
  /** The medium that carried (or failed to carry) it, e.g. "email". */
  via: string;
  note?: string;
}

interface DeliveryRow extends Partial<InquiryLaporFields> {
  id: number;
  channel: string;
  policy: PolicySnapshot | null;
  answeredAt: string | null;
  answerDelivery: DeliveryState | null;
}

/** What the delivery of an answer reads of its request: the LAPOR! clocks end and start with it. */
const DELIVERY_FIELDS = ['id', 'channel', 'policy', 'answeredAt', 'answerDelivery', 'laporFollowUpAt', 'laporFollowUpDueAt', 'laporFollowUpBreached'];

/** Where an answer's delivery may go from each state; a report that arrives late never undoes a newer one. */
const DELIVERY_MOVES: Record<DeliveryState, readonly DeliveryState[]> = {
  sending: ['delivered', 'failed', 'officer_task'],
  officer_task: [],
  failed: ['delivered'],
  delivered: ['failed'],
};

export interface IntakeInput {
  kind: Kind;
  channel: string;
  subject: string;
  message: string;
  serviceCategory?: string;
  applicant?: Record<string, string | undefined>;
  externalRef?: string;
  notes?: string;
  /** What LAPOR! showed for the report when it was brought in; stamped with the intake's time. */
  laporStatus?: string;
  /** Only for imports of requests received earlier (demo data, channel back-fill). */
  receivedAt?: Date;
  /** The privacy notice's version the form showed the citizen; the current one when absent. */
  privacyNoticeVersion?: number;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const now = () => getService(strapi, 'clock').now();
  const policies = () => getService(strapi, 'policy');
  const events = () => getService(strapi, 'events');
  const outbox = () => getService(strapi, 'outbox');

  async function load(documentId: string): Promise<InquiryRow> {
    const row = (await strapi.db.query(UID.inquiry).findOne({
      where: { documentId },
      populate: { division: { select: ['id', 'documentId', 'name', 'code'] } },
    })) as InquiryRow | null;
    if (!row) throw new errors.NotFoundError('Permohonan tidak ditemukan.');
    return row;
  }

  function policyOf(row: InquiryRow): PolicySnapshot {
    if (!row.policy) throw new errors.ApplicationError(`Permohonan ${row.code} tidak memiliki kebijakan SOP.`);
    return row.policy;
  }

  function assertDivisionAccess(actor: Actor, row: InquiryRow): void {
    if (actor.role !== 'division_staff') return;
    if (!row.division || row.division.id !== actor.divisionId) {
      throw new errors.ForbiddenError('Permohonan ini bukan untuk bidang Anda.');
    }
  }

  /** A LAPOR! report sorted and sent on (or answered at once): its first clock ends and the follow-up's starts. */
  function laporForwarded(row: InquiryRow, at: Date, policy: PolicySnapshot, calendar: WorkingCalendar): Record<string, unknown> {
    if (!isLaporRequest(row)) return {};
    return { ...endLaporClock('lapor_forwarding', row, at), ...startLaporClock('lapor_follow_up', at, policy, calendar) };
  }

  /**
   * A LAPOR! answer delivered is its follow-up posted on LAPOR! (by the officer, or by the API): the follow-up
   * clock ends then, and the ten working days before the report is closed start.
   */
  async function followUpPosted(row: DeliveryRow, at: Date): Promise<Record<string, unknown>> {
    if (!isLaporRequest(row) || row.laporFollowUpAt || !row.policy) return {};
    const calendar = await policies().calendarFor(row.policy);
    return { laporFollowUpAt: at, ...endLaporClock('lapor_follow_up', row, at), ...startLaporClock('lapor_closure', at, row.policy, calendar) };
  }

  /**
   * Compare-and-set on the status first: of two officers acting at once, one wins and the other gets 409,
   * on SQLite and on PostgreSQL alike. The rest of the change, its event and its outbox rows commit with it.
   */
  async function transition(
    documentId: string,
    action: Action,
    actor: Actor,
    build: (row: InquiryRow, at: Date) => Promise<{ data: Record<string, unknown>; detail?: Record<string, unknown>; after?: (row: InquiryRow) => Promise<void> }>,
  ) {
    return runAsWorkflow(actor, () =>
      strapi.db.transaction(async () => {
        const row = await load(documentId);
        assertDivisionAccess(actor, row);
        const { from, to } = TRANSITIONS[action];
        if (!from.includes(row.status)) throw conflict(row.status, action);
        const at = now();
        const { data, detail, after } = await build(row, at);
        const { count } = await strapi.db.query(UID.inquiry).updateMany({
          where: { id: row.id, status: row.status },
          data: { status: to },
        });
        if (count !== 1) throw conflict((await load(documentId)).status, action);
        await strapi.documents(UID.inquiry).update({ documentId, data: { ...data, status: to } as never });
        await events().record({ inquiryId: row.id, type: EVENT_OF[action], actor, at, detail });
        const updated = await load(documentId);
        if (after) await after(updated);
        return updated;
      }),
    );
  }

  return {
    /** Server-managed fields of a new inquiry; the intake middleware applies them on every create path. */
    async intakeFields(kind: Kind, receivedAt: Date, channel?: string, noticeShown?: unknown) {
      const policy = await policies().current();
      const snapshot = snapshotOf(policy);
      const calendar = await policies().calendarFor(snapshot);
      const started = clockStart(receivedAt, calendar);
      return {
        code: await getService(strapi, 'codes').next(kind, receivedAt, snapshot.timeZone),
        status: 'received' as const,
        receivedAt,
        clockStartedAt: started,
        ...startStep('triage', receivedAt, snapshot, calendar).data,
        ...(isLaporRequest({ channel }) ? startLaporClock('lapor_forwarding', receivedAt, snapshot, calendar) : {}),
        policy: snapshot,
        policyRevision: snapshot.revision,
        privacyNoticeVersion: await getService(strapi, 'privacy').versionShown(noticeShown),
      };
    },

    /** Records a request; the returned token is the citizen's only key to follow it. */
    async create(input: IntakeInput, actor: Actor) {
      const token = newTrackingToken();
      const { receivedAt, ...fields } = input;
      // The receipt carries the tracking link to the citizen; its sender scrubs the token once it has left.
      return runAsWorkflow(
        actor,
        async () => {
          // Straight to the tables (see insertInquiry), with the same code, deadlines, event and receipt as
          // every other create path.
          const created = (await recordIntake(strapi, { ...fields, receivedAt: receivedAt ?? now(), trackingTokenHash: token.hash }, actor, (data) =>
            insertInquiry(strapi, data),
          )) as unknown as Pick<InquiryRow, 'id' | 'documentId' | 'code' | 'status' | 'externalRef' | StepDueField>;
          return { inquiry: created, trackingToken: token.token };
        },
        { trackingToken: token.token },
      ).catch((error: unknown) => rethrowWithCode(strapi, error));
    },

    triage(documentId: string, input: { division: string; note?: string }, actor: Actor) {
      return transition(documentId, 'triage', actor, async (row, at) => {
        const division = (await strapi.db.query(UID.division).findOne({
          where: { documentId: input.division },
          select: ['id', 'documentId', 'name', 'active'],
        })) as { id: number; documentId: string; name: string; active: boolean } | null;
        if (!division) throw new errors.ValidationError('Bidang tujuan tidak ditemukan.', { division: input.division });
        if (division.active === false) throw new errors.ValidationError(`${division.name} sedang tidak aktif.`);
        const policy = policyOf(row);
        const calendar = await policies().calendarFor(policy);
        const next = startStep('coordination', at, policy, calendar);
        return {
          data: {
            division: division.documentId,
            // The recap groups by this copy of the relation: joining the link table row by row is its slowest part.
            routedDivisionId: division.id,
            ...endStep('triage', row, at, calendar),
            ...next.data,
            ...laporForwarded(row, at, policy, calendar),
            ...(input.note ? { notes: input.note } : {}),
          },
          detail: { division: division.name, note: input.note, late: lateAt('triage', row, at) },
          after: async (updated) => {
            await outbox().enqueue({
              channel: 'staff',
              topic: 'inquiry.triaged',
              idempotencyKey: `triaged:${updated.documentId}`,
              inquiryId: updated.id,
              payload: { inquiry: updated.documentId, division: division.documentId, dueAt: next.deadline.dueAt.toISOString() },
              at,
            });
          },
        };
      });
    },

    coordinate(documentId: string, input: { information: string }, actor: Actor) {
      return transition(documentId, 'coordinate', actor, async (row, at) => {
        const policy = policyOf(row);
        const calendar = await policies().calendarFor(policy);
        return {
          data: {
            divisionInformation: input.information,
            ...endStep('coordination', row, at, calendar),
            ...startStep('answer', at, policy, calendar).data,
          },
          detail: { late: lateAt('coordination', row, at) },
        };
      });
    },

    /** Step 4; from `received` it is the direct path (an FAQ answer): step 3 is recorded as not needed. */
    answer(documentId: string, input: { answer: string; faqEntry?: string }, actor: Actor) {
      return transition(documentId, 'answer', actor, async (row, at) => {
        const direct = row.status === 'received';
        let faqEntry: string | undefined;
        if (input.faqEntry) {
          const entry = await strapi.db.query(UID.faq).findOne({ where: { documentId: input.faqEntry }, select: ['documentId'] });
          if (!entry) throw new errors.ValidationError('Entri FAQ tidak ditemukan.', { faqEntry: input.faqEntry });
          faqEntry = input.faqEntry;
        }
        // The direct path ends step 2 with the answer; the ordinary one ends step 4.
        const ended = direct ? 'triage' : 'answer';
        const data: Record<string, unknown> = {
          answer: input.answer,
          answeredAt: at,
          outcome: 'answered',
          directAnswer: direct,
          answerDelivery: 'sending',
          answerDeliveredAt: null,
          answerDeliveryNote: null,
          ...(faqEntry ? { faqEntry } : {}),
        };
        const calendar = await policies().calendarFor(policyOf(row));
        Object.assign(data, endStep(ended, row, at, calendar), direct ? laporForwarded(row, at, policyOf(row), calendar) : {});
        const late = lateAt(ended, row, at);
        return {
          data,
          detail: { direct, faqEntry, late },
          after: async (updated) => {
            await outbox().enqueue({
              channel: citizenOutboxChannel(updated.channel),
              topic: 'inquiry.answered',
              idempotencyKey: `answered:${updated.documentId}`,
              inquiryId: updated.id,
              payload: { inquiry: updated.documentId, code: updated.code },
              at,
            });
            // The Bidang that gave the information hears that it reached the citizen (if the notifier says so).
            if (updated.division) {
              await outbox().enqueue({
                channel: 'staff',
                topic: 'inquiry.answered',
                idempotencyKey: `answered:${updated.documentId}:staff`,
                inquiryId: updated.id,
                payload: { inquiry: updated.documentId, code: updated.code, division: updated.division.documentId },
                at,
              });
            }
          },
        };
      });
    },

    close(documentId: string, input: { reason?: string }, actor: Actor) {
      return transition(documentId, 'close', actor, async (row, at) => ({
        data: { closedAt: at, ...(isLaporRequest(row) ? endLaporClock('lapor_closure', row, at) : {}), ...(input.reason ? { closeReason: input.reason } : {}) },
        detail: input.reason ? { reason: input.reason } : undefined,
      }));
    },

    /** Sorting a request out (spam, not this office's authority) is step 2's output too. */
    reject(documentId: string, input: { reason: string }, actor: Actor) {
      return transition(documentId, 'reject', actor, async (row, at) => ({
        data: {
          closedAt: at,
          ...endStep('triage', row, at, await policies().calendarFor(policyOf(row))),
          ...(isLaporRequest(row) ? endLaporClock('lapor_forwarding', row, at) : {}),
          outcome: 'rejected',
          closeReason: input.reason,
        },
        detail: { reason: input.reason },
      }));
    },

    /**
     * A citizen who lost the tracking link gets a second key to it: the first keeps working (it is in their
     * messages), the newest recovered one replaces an older recovered one. `resend` puts it into a receipt
     * through the request's own channel, exactly as the first one went out; otherwise the caller hands it to the
     * citizen who has just proved the request is theirs. The audit trail keeps which way it went.
     */
    async recoverTrackingLink(documentId: string, how: 'resent' | 'phone' | 'email'): Promise<string> {
      const token = newTrackingToken();
      return runAsWorkflow(PUBLIC, () =>
        strapi.db.transaction(async () => {
          const row = await load(documentId);
          const at = now();
          await strapi.documents(UID.inquiry).update({ documentId, data: { recoveryTokenHash: token.hash } as never });
          await events().record({ inquiryId: row.id, type: 'note', actor: PUBLIC, at, detail: { trackingLink: how } });
          if (how === 'resent') {
            await outbox().enqueue({
              channel: citizenOutboxChannel(row.channel),
              topic: 'inquiry.received',
              idempotencyKey: `received:${documentId}:again:${at.getTime()}`,
              inquiryId: row.id,
              payload: { inquiry: documentId, code: row.code, trackingToken: token.token, again: true },
              at,
            });
          }
          return token.token;
        }),
      );
    },

    /**
     * A receipt (Tanda Terima) for the citizen, to print and to send them: its tracking link carries a key of its
     * own, so a receipt issued again replaces only the older receipt's key (the first link and a recovered one
     * keep working). The audit trail keeps each one. The promise is the SOP's latest answer time in working time.
     */
    async issueReceipt(documentId: string, actor: Actor) {
      const token = newTrackingToken();
      return runAsWorkflow(actor, () =>
        strapi.db.transaction(async () => {
          const row = await load(documentId);
          const at = now();
          const policy = policyOf(row);
          const calendar = await policies().calendarFor(policy);
          await strapi.documents(UID.inquiry).update({ documentId, data: { receiptTokenHash: token.hash } as never });
          await events().record({ inquiryId: row.id, type: 'note', actor, at, detail: { receipt: 'issued' } });
          return {
            code: row.code,
            kind: row.kind,
            channel: row.channel,
            status: row.status,
            receivedAt: row.receivedAt,
            trackingToken: token.token,
            answerDueBy: answerPromisedAt(row, policy, calendar),
            clockMode: policy.clockMode,
            officeHours: rowsOfWeeklyHours(policy.officeHours),
          };
        }),
      );
    },

    /**
     * What became of the answer on its way to the citizen (SOP step 4 is done when it arrives): a medium's
     * confirmation, a failure with its cause, or a task for the officer when no adapter can carry it.
     * `delivered` is final except for a later bounce; a stale report never moves an answer backwards.
     */
    async deliveryOutcome(inquiryId: number, outcome: DeliveryOutcome): Promise<void> {
      await strapi.db.transaction(async () => {
        const row = (await strapi.db.query(UID.inquiry).findOne({ where: { id: inquiryId }, select: DELIVERY_FIELDS })) as DeliveryRow | null;
        if (!row?.answeredAt || !DELIVERY_MOVES[row.answerDelivery ?? 'sending'].includes(outcome.state)) return;
        await strapi.db.query(UID.inquiry).update({
          where: { id: inquiryId },
          data: {
            answerDelivery: outcome.state,
            answerDeliveredAt: outcome.state === 'delivered' ? outcome.at : null,
            answerDeliveryNote: outcome.note?.slice(0, 1000) ?? null,
            ...(outcome.state === 'delivered' ? await followUpPosted(row, outcome.at) : {}),
          },
        });
        if (outcome.state === 'officer_task') return;
        await events().record({
          inquiryId,
          type: outcome.state === 'delivered' ? 'answer_delivered' : 'answer_failed',
          actor: SYSTEM,
          at: outcome.at,
          detail: { via: outcome.via, ...(outcome.note ? { note: outcome.note } : {}) },
        });
      });
    },

    /** The officer delivered the answer by hand (at the counter, by telephone, on the radio) and says how and when. */
    async confirmDelivery(documentId: string, input: { how: string; at?: Date }, actor: Actor) {
      return strapi.db.transaction(async () => {
        const row = await load(documentId);
        const current = (row as InquiryRow & DeliveryRow).answerDelivery;
        if (!row.answeredAt || current === 'delivered') {
          throw createHttpError(409, current === 'delivered' ? 'Jawaban sudah tercatat tersampaikan.' : 'Permohonan belum dijawab.', { details: { current } });
        }
        const answeredAt = new Date(row.answeredAt).getTime();
        const given = input.at ?? now();
        if (given.getTime() > now().getTime()) throw new errors.ValidationError('Waktu penyampaian tidak boleh di masa depan.');
        // The officer's form has minutes, not seconds: the minute of the answer itself is not before it.
        if (given.getTime() < answeredAt - (answeredAt % 60_000)) throw new errors.ValidationError('Waktu penyampaian tidak boleh sebelum jawaban dibuat.');
        const at = new Date(Math.max(given.getTime(), answeredAt));
        await strapi.db.query(UID.inquiry).update({
          where: { id: row.id },
          data: { answerDelivery: 'delivered', answerDeliveredAt: at, answerDeliveryNote: input.how, ...(await followUpPosted({ ...row, answerDelivery: current }, at)) },
        });
        await events().record({ inquiryId: row.id, type: 'answer_delivered', actor, at, detail: { via: 'officer', note: input.how } });
        return load(documentId);
      });
    },

    load,
    assertDivisionAccess,
  };
};
