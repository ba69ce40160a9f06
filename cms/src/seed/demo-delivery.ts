import type { Core } from '@strapi/strapi';
import { SECRET_FIELDS, getService as sop } from '@layanan/sop-workflow';
import type { AnswerDelivery } from '@layanan/config';

const NOTIFICATION = 'api::notification.notification';

interface PendingRow {
  id: number;
  topic: string;
  channel: string;
  payload: Record<string, unknown> | null;
  nextAttemptAt: string;
}

/**
 * A message of the demo's past left the office when it was due: recorded sent then, its bearer secret gone
 * with it (as every sender leaves it). Nothing is sent now to the demo's made-up addresses.
 */
async function sentInThePast(strapi: Core.Strapi, row: PendingRow, at: Date): Promise<void> {
  const payload = Object.fromEntries(Object.entries(row.payload ?? {}).filter(([key]) => !(SECRET_FIELDS as readonly string[]).includes(key)));
  await strapi.db.query(NOTIFICATION).update({ where: { id: row.id }, data: { status: 'sent', sentAt: at, attempts: 1, payload } });
}

const pendingRows = (strapi: Core.Strapi, where: Record<string, unknown>) =>
  strapi.db.query(NOTIFICATION).findMany({ where: { ...where, status: 'pending' }, select: ['id', 'topic', 'channel', 'payload', 'nextAttemptAt'] }) as Promise<PendingRow[]>;

/** What was due by `at` is routed as the running engine would have routed it then (a receipt, a Bidang's alert). */
export const routeDue = (strapi: Core.Strapi, at: Date): Promise<void> => sop(strapi, 'delivery').fanOut(at);

/**
 * The answer just written goes its way as it would have then: the delivery engine's fan-out routes it (with
 * whatever else was due) at `at`, to a medium, to the tracking page, or to the officer as a task. A medium's
 * message is recorded as accepted at once, as its sender would have. Returns where the answer stands.
 */
export async function routeDemoAnswer(strapi: Core.Strapi, inquiryId: number, at: Date): Promise<AnswerDelivery> {
  await routeDue(strapi, at);
  for (const row of await pendingRows(strapi, { inquiry: inquiryId })) {
    await sentInThePast(strapi, row, at);
    if (row.payload?.purpose === 'answer') await sop(strapi, 'workflow').deliveryOutcome(inquiryId, { state: 'delivered', at, via: row.channel });
  }
  const { answerDelivery } = (await strapi.db.query('api::inquiry.inquiry').findOne({ where: { id: inquiryId }, select: ['answerDelivery'] })) as { answerDelivery: AnswerDelivery };
  return answerDelivery;
}

/**
 * After the history and the sweep at `now`: what is due is routed, and what the demo queued for a medium
 * (a receipt by e-mail, an alert to a linked chat) counts as sent when it was due. The outbox holds nothing
 * the delivery engine would still act on, so nothing of the past is sent or routed again after the start.
 */
export async function settleDemoOutbox(strapi: Core.Strapi, after: number, now: Date): Promise<void> {
  await routeDue(strapi, now);
  for (const row of await pendingRows(strapi, { id: { $gt: after } })) await sentInThePast(strapi, row, new Date(row.nextAttemptAt));
}
