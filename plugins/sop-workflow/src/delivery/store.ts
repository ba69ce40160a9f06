import { SECRET_FIELDS } from '../services/outbox';
import type { Core } from '@strapi/strapi';
import { UID } from '../utils';
import type { FanoutResult, OutboxRow } from './types';

/** A row as the engine keeps it: the sender's view plus when it was last cut off without an answer. */
export interface StoredRow extends OutboxRow {
  uncertainAt?: string | Date | null;
}

export interface Head {
  /** The oldest pending row of its (channel, recipient). */
  row: StoredRow;
  /** How many pending rows that (channel, recipient) has, this one included. */
  waiting: number;
}

export type ExpandResult = 'expanded' | 'taken' | { refused: string };
export type RequeueResult = { requeued: true } | { requeued: false; status: string | null };

/**
 * The outbox as the delivery engine reads and writes it. Every change of status that another instance may
 * race for (claim, expansion, settling a stale claim, requeue) is a conditional update: it takes effect only
 * where the row still has the status it was read with, and says whether it did.
 */
export interface OutboxStore {
  heads(channels: string[]): Promise<Head[]>;
  /** pending → sending with the claim time and one more attempt; false when another instance was first. */
  claim(row: StoredRow, at: Date): Promise<boolean>;
  /** Of these pending rows, those it claimed (pending → sending, as `claim`); the rest another instance took. */
  claimMany(rows: StoredRow[], at: Date): Promise<StoredRow[]>;
  /** Pending rows of one (channel, recipient, topic) due by `at`, oldest first: what a digest may take. */
  pendingFor(row: StoredRow, at: Date, limit: number): Promise<StoredRow[]>;
  sent(ids: number[], at: Date, externalId: string | null): Promise<void>;
  /** Back to pending; `attempts` restores the count when the failure does not count as an attempt. */
  reschedule(id: number, change: { nextAttemptAt: Date; lastError: string; attempts?: number; uncertainAt?: Date }): Promise<void>;
  park(id: number, lastError: string): Promise<void>;
  sending(channels: string[]): Promise<{ id: number; channel: string; claimedAt: string | Date | null }[]>;
  /** Parks a row that is still "sending"; the row when it did. */
  parkStale(id: number, lastError: string): Promise<StoredRow | null>;
  /** Pending rows of these channels due by `at`, oldest first. */
  due(channels: string[], at: Date, limit: number): Promise<StoredRow[]>;
  /** When the earliest pending row of these channels falls due, if any is pending. */
  nextDue(channels: string[]): Promise<number | null>;
  /** In one transaction: pending → sent, then the fan-out's work; a refusal undoes the work and parks the row. */
  expand(row: StoredRow, at: Date, work: () => Promise<FanoutResult | void>): Promise<ExpandResult>;
  /** failed → pending with a fresh count of attempts (an officer's "Kirim ulang"). */
  requeue(documentId: string, at: Date): Promise<RequeueResult>;
}

const FIELDS = ['id', 'documentId', 'channel', 'topic', 'recipient', 'payload', 'idempotencyKey', 'attempts', 'nextAttemptAt', 'claimedAt', 'uncertainAt'];
const WITH_INQUIRY = { inquiry: { select: ['id'] } };

type Found = Omit<StoredRow, 'inquiry'> & { inquiry?: { id: number } | null };

const toRow = ({ inquiry, ...row }: Found): StoredRow => ({ ...row, inquiry: inquiry?.id ?? null });

class Refusal extends Error {}

export function strapiStore(strapi: Core.Strapi): OutboxStore {
  const rows = () => strapi.db.query(UID.notification);
  const find = async (where: Record<string, unknown>, extra: { orderBy?: Record<string, 'asc' | 'desc'>; limit?: number } = {}) =>
    ((await rows().findMany({ where, select: FIELDS, populate: WITH_INQUIRY, ...extra })) as Found[]).map(toRow);

  return {
    /**
     * The grouping runs on the (channel, status, recipient) index; the rows themselves are then read by id.
     */
    async heads(channels) {
      const groups = (await strapi.db
        .getConnection('notifications')
        .select('channel', 'recipient')
        .min({ id: 'id' })
        .count({ waiting: 'id' })
        .whereIn('channel', channels)
        .andWhere({ status: 'pending' })
        .groupBy('channel', 'recipient')) as { id: number; waiting: number | string }[];
      if (groups.length === 0) return [];
      const waiting = new Map(groups.map((g) => [Number(g.id), Number(g.waiting)]));
      return (await find({ id: { $in: [...waiting.keys()] } })).map((row) => ({ row, waiting: waiting.get(row.id)! }));
    },

    async claim(row, at) {
      const { count } = await rows().updateMany({
        where: { id: row.id, status: 'pending' },
        data: { status: 'sending', claimedAt: at, attempts: (row.attempts ?? 0) + 1 },
      });
      return count === 1;
    },

    /** One conditional UPDATE … RETURNING for them all: each row is either claimed here or left to whoever was first. */
    async claimMany(candidates, at) {
      if (candidates.length === 0) return [];
      const claimed = (await strapi.db
        .getConnection('notifications')
        .whereIn('id', candidates.map((row) => row.id))
        .andWhere({ status: 'pending' })
        .update({ status: 'sending', claimed_at: at, attempts: strapi.db.connection.raw('COALESCE(attempts, 0) + 1') })
        .returning(['id'])) as { id: number }[];
      const won = new Set(claimed.map((row) => Number(row.id)));
      return candidates.filter((row) => won.has(row.id));
    },

    async pendingFor(row, at, limit) {
      return find(
        { channel: row.channel, recipient: row.recipient, topic: row.topic, status: 'pending', nextAttemptAt: { $lte: at } },
        { orderBy: { id: 'asc' }, limit },
      );
    },

    // By id, one UPDATE: the query engine's `update` would read the row before and after as well.
    async sent(ids, at, externalId) {
      await rows().updateMany({ where: { id: { $in: ids } }, data: { status: 'sent', sentAt: at, externalId, lastError: null } });
    },

    async reschedule(id, change) {
      await rows().updateMany({ where: { id }, data: { status: 'pending', ...change } });
    },

    async park(id, lastError) {
      await rows().updateMany({ where: { id }, data: { status: 'failed', lastError } });
    },

    async sending(channels) {
      return (await rows().findMany({ where: { channel: { $in: channels }, status: 'sending' }, select: ['id', 'channel', 'claimedAt'] })) as {
        id: number;
        channel: string;
        claimedAt: string | null;
      }[];
    },

    async parkStale(id, lastError) {
      const { count } = await rows().updateMany({ where: { id, status: 'sending' }, data: { status: 'failed', lastError } });
      if (count !== 1) return null;
      const [row] = await find({ id });
      return row ?? null;
    },

    async due(channels, at, limit) {
      return find({ channel: { $in: channels }, status: 'pending', nextAttemptAt: { $lte: at } }, { orderBy: { id: 'asc' }, limit });
    },

    async nextDue(channels) {
      const next = (await rows().findOne({
        where: { channel: { $in: channels }, status: 'pending' },
        select: ['nextAttemptAt'],
        orderBy: { nextAttemptAt: 'asc' },
      })) as { nextAttemptAt: string | null } | null;
      return next ? new Date(next.nextAttemptAt ?? 0).getTime() : null;
    },

    async expand(row, at, work) {
      try {
        return await strapi.db.transaction(async () => {
          const { count } = await rows().updateMany({ where: { id: row.id, status: 'pending' }, data: { status: 'sent', sentAt: at } });
          if (count !== 1) return 'taken' as const;
          const result = (await work()) ?? {};
          if (result.refused) throw new Refusal(result.refused);
          // The rows it became carry whatever secret the source held (a tracking token): the source lets it go.
          const kept = Object.fromEntries(Object.entries(row.payload ?? {}).filter(([key]) => !(SECRET_FIELDS as readonly string[]).includes(key)));
          if (result.payload || Object.keys(kept).length !== Object.keys(row.payload ?? {}).length) {
            await rows().updateMany({ where: { id: row.id }, data: { payload: { ...kept, ...result.payload } } });
          }
          return 'expanded' as const;
        });
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        await rows().updateMany({ where: { id: row.id, status: 'pending' }, data: { status: 'failed', lastError: error.message } });
        return { refused: error.message };
      }
    },

    async requeue(documentId, at) {
      const { count } = await rows().updateMany({
        where: { documentId, status: 'failed' },
        data: { status: 'pending', attempts: 0, nextAttemptAt: at, claimedAt: null, uncertainAt: null },
      });
      if (count === 1) return { requeued: true };
      const found = (await rows().findOne({ where: { documentId }, select: ['status'] })) as { status: string } | null;
      return { requeued: false, status: found?.status ?? null };
    },
  };
}
