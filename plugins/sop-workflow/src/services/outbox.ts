import type { Core } from '@strapi/strapi';
import { UID } from '../utils';
import { insertRows } from '../rows';

/** Payload fields that are bearer secrets and leave the outbox with the message. */
export const SECRET_FIELDS = ['trackingToken'] as const;

interface PayloadRow {
  id: number;
  payload: Record<string, unknown> | null;
}

export interface OutboxMessage {
  channel: string;
  topic: string;
  idempotencyKey: string;
  inquiryId?: number;
  recipient?: string;
  payload: Record<string, unknown>;
  at: Date;
}

const rowOf = (message: OutboxMessage) => ({
  channel: message.channel,
  topic: message.topic,
  recipient: message.recipient ?? null,
  payload: message.payload,
  idempotencyKey: message.idempotencyKey,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: message.at,
  inquiry: message.inquiryId ?? null,
});

/**
 * Every outgoing message is a row here first, written in the same transaction as the change that caused
 * it; workers (the notifier, the channel adapters) deliver from it. The idempotency key makes enqueueing
 * the same message twice a no-op.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async enqueue(message: OutboxMessage): Promise<boolean> {
    const [id] = await insertRows(strapi, UID.notification, [rowOf(message)], { ignoreConflictOn: 'idempotencyKey' });
    return id !== null;
  },

  /** Many messages in a few statements (the sweep's alerts); how many were new. */
  async enqueueMany(messages: readonly OutboxMessage[]): Promise<number> {
    if (messages.length === 0) return 0;
    const ids = await insertRows(strapi, UID.notification, messages.map(rowOf), { ignoreConflictOn: 'idempotencyKey' });
    return ids.filter((id) => id !== null).length;
  },

  async scrubSecrets(id: number, names: readonly string[] = SECRET_FIELDS): Promise<void> {
    const row = (await strapi.db.query(UID.notification).findOne({ where: { id }, select: ['id', 'payload'] })) as PayloadRow | null;
    if (!row?.payload || !names.some((name) => name in row.payload!)) return;
    const payload = Object.fromEntries(Object.entries(row.payload).filter(([key]) => !names.includes(key)));
    await strapi.db.query(UID.notification).updateMany({ where: { id }, data: { payload } });
  },
});
