import type { Core } from '@strapi/strapi';
import type { ConversationMessage, MessageAttachment, MessageDirection, MessagePurpose, MessageState } from '@layanan/config';
import { UID, now } from '../utils';

export interface MessageInput {
  inquiryId: number;
  direction: MessageDirection;
  channel: string;
  purpose: MessagePurpose;
  status: MessageState;
  externalId?: string | null;
  text?: string | null;
  address?: string | null;
  notification?: number | null;
  attachments?: unknown;
  thread?: Record<string, unknown> | null;
  cause?: string | null;
  at: Date;
}

/** A conversation row as the routes return it, with its own id for the routes' use. */
export type MessageRow = ConversationMessage & { id: number };

/** How far a sent message got; a later word never moves it back, and a failure is final. */
const PROGRESS: Record<MessageState, number> = { received: 0, queued: 1, sent: 2, delivered: 3, read: 4, failed: 5 };

/** Whether a status report moves a message on: statuses arrive out of order and twice (channels.md §2.2). */
export function advances(current: MessageState, next: MessageState): boolean {
  if (current === 'failed' || current === next) return false;
  if (next === 'failed') return current !== 'read';
  return PROGRESS[next] > PROGRESS[current];
}

export const externalKey = (channel: string, externalId: string) => `${channel}:${externalId}`;

/**
 * An attachment as staff screens get it: a mail's file as stored; a chat medium's file by name and kind only,
 * openable through the attachment route (its media id and signed URL stay on the server).
 */
export function staffAttachment(stored: unknown): MessageAttachment {
  const a = (stored ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  if (typeof a.size === 'number') return { filename: text(a.filename), mimeType: text(a.mimeType), size: a.size, omitted: a.omitted === true, inline: a.inline === true };
  return { filename: text(a.filename), mimeType: text(a.mimeType), size: null, omitted: false, inline: false, openable: Boolean(a.mediaId || a.url), media: text(a.type) || 'file' };
}

const LIST_FIELDS = ['id', 'documentId', 'direction', 'channel', 'purpose', 'status', 'statusAt', 'cause', 'text', 'attachments', 'at'];

/**
 * The conversation log of an inquiry. Written in the caller's transaction, so a message and the change it
 * belongs to (a new inquiry, an answer sent) commit together. The external key is unique: recording the
 * same medium message twice is a no-op that returns the row already there.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.message);

  return {
    async record(input: MessageInput): Promise<{ id: number; created: boolean }> {
      const key = input.externalId ? externalKey(input.channel, input.externalId) : null;
      if (key) {
        const existing = (await rows().findOne({ where: { externalKey: key }, select: ['id'] })) as { id: number } | null;
        if (existing) return { id: existing.id, created: false };
      }
      const { externalId: _externalId, inquiryId, ...fields } = input;
      const created = (await rows().create({ data: { ...fields, inquiry: inquiryId, externalKey: key, statusAt: input.at } })) as { id: number };
      return { id: created.id, created: true };
    },

    /** A later word from the medium about a message we sent (accepted, delivered, read, bounced). */
    async mark(where: { notification: number } | { channel: string; externalId: string }, change: { status: MessageState; cause?: string | null; externalId?: string; at?: Date }): Promise<MessageRow | null> {
      const filter = 'notification' in where ? { notification: where.notification } : { externalKey: externalKey(where.channel, where.externalId) };
      const found = (await rows().findOne({ where: filter, select: [...LIST_FIELDS, 'externalKey'], populate: { inquiry: { select: ['id'] } } })) as (MessageRow & { inquiry?: { id: number } }) | null;
      if (!found) return null;
      const data: Record<string, unknown> = { status: change.status, statusAt: change.at ?? now(strapi), cause: change.cause ?? null };
      if (change.externalId) data.externalKey = externalKey(found.channel, change.externalId);
      await rows().update({ where: { id: found.id }, data });
      return { ...found, ...data } as MessageRow;
    },

    /**
     * A status report from the medium about one of our messages (sent, delivered, read, failed), applied only
     * when it moves the message on. Returns the message as it now stands, or null when unknown or unchanged.
     */
    async advance(channel: string, externalId: string, next: MessageState, at: Date, cause?: string | null): Promise<(MessageRow & { inquiryId: number | null; address: string | null }) | null> {
      const found = (await rows().findOne({ where: { externalKey: externalKey(channel, externalId) }, select: [...LIST_FIELDS, 'address'], populate: { inquiry: { select: ['id'] } } })) as (MessageRow & { address: string | null; inquiry?: { id: number } | null }) | null;
      if (!found || !advances(found.status, next)) return null;
      await rows().update({ where: { id: found.id }, data: { status: next, statusAt: at, ...(next === 'failed' ? { cause: cause ?? null } : {}) } });
      return { ...found, status: next, statusAt: at.toISOString(), inquiryId: found.inquiry?.id ?? null };
    },

    /** A watermark receipt (Messenger): every message to the address sent up to that time moves on. */
    async advanceUpTo(channel: string, address: string, next: MessageState, upTo: Date): Promise<number> {
      const candidates = (await rows().findMany({ where: { channel, address, direction: 'out', at: { $lte: upTo } }, select: ['id', 'status'] })) as { id: number; status: MessageState }[];
      const moving = candidates.filter((row) => advances(row.status, next)).map((row) => row.id);
      if (moving.length > 0) await rows().updateMany({ where: { id: { $in: moving } }, data: { status: next, statusAt: upTo } });
      return moving.length;
    },

    /** The inquiry a message of the medium belongs to, by any of its ids (a mail's In-Reply-To and References). */
    async inquiryOf(channel: string, externalIds: readonly string[]): Promise<number | null> {
      if (externalIds.length === 0) return null;
      const found = (await rows().findOne({
        where: { externalKey: { $in: externalIds.map((id) => externalKey(channel, id)) } },
        select: ['id'],
        populate: { inquiry: { select: ['id'] } },
        orderBy: { id: 'desc' },
      })) as { inquiry?: { id: number } | null } | null;
      return found?.inquiry?.id ?? null;
    },

    /** The last message the citizen sent on this channel (of this purpose, when given), to thread a reply to it. */
    async lastInbound(inquiryId: number, channel: string, purpose?: MessagePurpose): Promise<{ thread: Record<string, unknown> | null; address: string | null } | null> {
      return (await rows().findOne({
        where: { inquiry: { id: inquiryId }, channel, direction: 'in', ...(purpose ? { purpose } : {}) },
        select: ['thread', 'address'],
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
      })) as { thread: Record<string, unknown> | null; address: string | null } | null;
    },

    /** How many messages of this purpose went to an address since a time (the receipt limit per hour). */
    async sentTo(channel: string, address: string, purpose: MessagePurpose, since: Date): Promise<number> {
      return rows().count({ where: { channel, address, purpose, direction: 'out', at: { $gte: since }, status: { $ne: 'failed' } } });
    },

    async list(inquiryId: number): Promise<MessageRow[]> {
      const found = (await rows().findMany({ where: { inquiry: { id: inquiryId } }, select: LIST_FIELDS, orderBy: [{ at: 'asc' }, { id: 'asc' }], limit: 500 })) as MessageRow[];
      return found.map((row) => ({ ...row, attachments: Array.isArray(row.attachments) ? row.attachments.map(staffAttachment) : null }));
    },

    /** One stored attachment of an inbound message of the inquiry, as the medium described it (null: none such). */
    async attachment(inquiryId: number, messageDocumentId: string, index: number): Promise<{ channel: string; stored: Record<string, unknown> } | null> {
      const found = (await rows().findOne({ where: { documentId: messageDocumentId, inquiry: { id: inquiryId }, direction: 'in' }, select: ['channel', 'attachments'] })) as { channel: string; attachments: unknown } | null;
      const stored = Array.isArray(found?.attachments) ? (found.attachments[index] as unknown) : undefined;
      return found && stored && typeof stored === 'object' ? { channel: found.channel, stored: stored as Record<string, unknown> } : null;
    },
  };
};
