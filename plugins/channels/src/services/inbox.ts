import type { Core } from '@strapi/strapi';
import { now } from '../utils';

export const INBOX_TABLE = 'channel_inbox';
export const CURSOR_TABLE = 'channel_cursors';
export const LEASE_TABLE = 'channel_leases';

/** Attempts at processing one stored message before it is parked for an officer to look at. */
const MAX_ATTEMPTS = 5;

export interface InboxRow {
  id: number;
  channel: string;
  key: string;
  payload: string | null;
  attempts: number;
}

type Knex = Core.Strapi['db']['connection'];

export interface InboxItem {
  channel: string;
  key: string;
  payload: string;
}

interface Delivery {
  items: readonly InboxItem[];
  resolve(stored: number): void;
  reject(error: unknown): void;
}

/** Rows one INSERT carries: well below SQLite's and PostgreSQL's limits on bound values. */
const INSERT_CHUNK = 200;

/** Epoch milliseconds: one representation on SQLite and PostgreSQL, compared as numbers. */
const ms = (date: Date) => date.getTime();

/**
 * Whatever a medium hands us (a whole mail, a webhook item) is stored here under its own unique key before
 * it is acknowledged, and processed afterwards in a transaction of its own that also marks it processed:
 * a crash in between leaves it pending and it is processed on the next round, once; the same item handed
 * over twice is stored once. The raw payload is purged after the retention period; the key stays, so a
 * message the medium delivers again months later is still recognised.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection;
  /** Deliveries waiting for the next group commit, and whether one is under way (see storeMany). */
  let waiting: Delivery[] = [];
  let committing = false;

  /** One transaction for every delivery waiting when it gets the connection; again while more arrived meanwhile. */
  async function commitWaiting(): Promise<void> {
    committing = true;
    try {
      while (waiting.length > 0) {
        let group: Delivery[] = [];
        try {
          const stored = await strapi.db.transaction(async ({ trx }) => {
            // Taken once the connection is ours: everything that queued up while it was busy goes in.
            group = waiting;
            waiting = [];
            return insertGroup(trx, group);
          });
          group.forEach((delivery, i) => delivery.resolve(stored[i]));
        } catch (error) {
          for (const delivery of group.length > 0 ? group : waiting.splice(0)) delivery.reject(error);
        }
      }
    } finally {
      committing = false;
    }
  }

  /** The group's new items in multi-row INSERTs; for each delivery, how many of its items were new. */
  async function insertGroup(trx: Knex, group: Delivery[]): Promise<number[]> {
    const at = ms(now(strapi));
    const keyOf = (item: { channel: string; key: string }) => `${item.channel}\u0000${item.key}`;
    // An item in two deliveries of the group (Meta sending one twice at once) is inserted and counted once, for the first.
    const owner = new Map<string, number>();
    const rows: Record<string, unknown>[] = [];
    group.forEach((delivery, i) => {
      for (const item of delivery.items) {
        if (owner.has(keyOf(item))) continue;
        owner.set(keyOf(item), i);
        rows.push({ channel: item.channel, key: item.key, payload: item.payload, received_at: at, attempts: 0 });
      }
    });
    const stored = group.map(() => 0);
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const inserted = (await trx(INBOX_TABLE)
        .insert(rows.slice(start, start + INSERT_CHUNK))
        .onConflict(['channel', 'key'])
        .ignore()
        .returning(['channel', 'key'])) as { channel: string; key: string }[];
      for (const row of inserted) stored[owner.get(keyOf(row))!] += 1;
    }
    return stored;
  }

  return {
    /** Stores an item and, in the same transaction, whatever marks it as read at the source (a mailbox cursor). */
    async store(item: { channel: string; key: string; payload: string }, cursor?: { name: string; value: unknown }): Promise<boolean> {
      return strapi.db.transaction(async ({ trx }) => {
        const inserted = await trx(INBOX_TABLE)
          .insert({ channel: item.channel, key: item.key, payload: item.payload, received_at: ms(now(strapi)), attempts: 0 })
          .onConflict(['channel', 'key'])
          .ignore()
          .returning('id');
        if (cursor) await trx(CURSOR_TABLE).insert({ name: cursor.name, value: JSON.stringify(cursor.value) }).onConflict('name').merge();
        return inserted.length > 0;
      });
    },

    /**
     * Stores every item of one delivery (a webhook batch); resolves, once they are committed, with how many
     * were new. Deliveries that arrive while the database is busy (one connection on SQLite: a processing
     * transaction, another store) are committed together, in one transaction with one multi-row INSERT, when
     * it is free: fifty webhooks waiting behind one transaction cost one more, not fifty. If that transaction
     * fails, every delivery in it fails (and is answered so, for Meta to send it again).
     */
    storeMany(items: readonly InboxItem[]): Promise<number> {
      if (items.length === 0) return Promise.resolve(0);
      return new Promise<number>((resolve, reject) => {
        waiting.push({ items, resolve, reject });
        if (!committing) void commitWaiting();
      });
    },

    async cursor<T>(name: string): Promise<T | null> {
      const row = (await knex()(CURSOR_TABLE).where({ name }).first()) as { value: string } | undefined;
      return row ? (JSON.parse(row.value) as T) : null;
    },

    async saveCursor(name: string, value: unknown): Promise<void> {
      await knex()(CURSOR_TABLE).insert({ name, value: JSON.stringify(value) }).onConflict('name').merge();
    },

    async pending(channel: string, limit = 50): Promise<InboxRow[]> {
      return (await knex()(INBOX_TABLE)
        .select('id', 'channel', 'key', 'payload', 'attempts')
        .where({ channel })
        .whereNull('processed_at')
        .where('attempts', '<', MAX_ATTEMPTS)
        .orderBy('id')
        .limit(limit)) as InboxRow[];
    },

    /**
     * Runs `handle` and marks the item processed in one transaction. A failure rolls the handler's writes
     * back and counts an attempt; after the last one the item is parked with its error.
     */
    async process(row: InboxRow, handle: (row: InboxRow) => Promise<string>): Promise<string | null> {
      // SQLite answers without waiting on I/O: a backlog worked off item after item would chain promises
      // and keep the server from reading any request until the end. Each item first lets pending I/O through.
      await new Promise<void>((resolve) => setImmediate(resolve));
      try {
        return await strapi.db.transaction(async ({ trx }) => {
          const claimed = await trx(INBOX_TABLE).where({ id: row.id }).whereNull('processed_at').update({ processed_at: ms(now(strapi)) });
          if (claimed !== 1) return null;
          const outcome = await handle(row);
          await trx(INBOX_TABLE).where({ id: row.id }).update({ outcome: outcome.slice(0, 60) });
          return outcome;
        });
      } catch (error) {
        const attempts = row.attempts + 1;
        await knex()(INBOX_TABLE)
          .where({ id: row.id })
          .update({ attempts, last_error: String((error as Error)?.message ?? error).slice(0, 1000), ...(attempts >= MAX_ATTEMPTS ? { outcome: 'failed' } : {}) });
        strapi.log.error(`[channels] processing ${row.channel} item ${row.id} failed (attempt ${attempts}): ${(error as Error).message}`);
        return null;
      }
    },

    /** Drops the raw payloads of processed items older than the retention period; their keys stay. */
    async purge(before: Date): Promise<number> {
      return knex()(INBOX_TABLE).whereNotNull('processed_at').where('received_at', '<', ms(before)).whereNotNull('payload').update({ payload: null });
    },

    /**
     * A lease on a job only one instance may run (reading one mailbox): taken when free or expired, renewed by
     * its owner, by one conditional statement each, so two instances never both hold it.
     */
    async lease(name: string, owner: string, ttlMs: number): Promise<boolean> {
      const at = ms(now(strapi));
      await knex()(LEASE_TABLE).insert({ name, owner, expires_at: 0 }).onConflict('name').ignore();
      const taken = await knex()(LEASE_TABLE)
        .where({ name })
        .andWhere((q) => q.where({ owner }).orWhere('expires_at', '<', at))
        .update({ owner, expires_at: at + ttlMs });
      return taken === 1;
    },

    async releaseLease(name: string, owner: string): Promise<void> {
      await knex()(LEASE_TABLE).where({ name, owner }).update({ expires_at: 0 });
    },
  };
};
