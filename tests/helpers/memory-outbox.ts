import type { ExpandResult, Head, OutboxStore, RequeueResult, StoredRow } from '../../plugins/sop-workflow/src/delivery/store';
import type { FanoutResult } from '../../plugins/sop-workflow/src/delivery/types';

export type Status = 'pending' | 'sending' | 'sent' | 'failed';

export interface MemoryRow extends StoredRow {
  status: Status;
  lastError: string | null;
  sentAt: Date | null;
  externalId: string | null;
}

/**
 * The outbox table in memory, with the database's conditional updates (a claim takes effect only on a
 * pending row, and so on), for the engine's unit tests. Every read hands out copies, as a query would.
 */
export class MemoryOutbox implements OutboxStore {
  readonly rows: MemoryRow[] = [];
  /** How many changes the engine has made: a round that made none has nothing more to do at that time. */
  writes = 0;
  private nextId = 1;

  add(row: { channel: string; recipient?: string | null; topic?: string; at: Date; status?: Status; claimedAt?: Date; payload?: Record<string, unknown> }): MemoryRow {
    const id = this.nextId++;
    const added: MemoryRow = {
      id,
      documentId: `doc-${id}`,
      channel: row.channel,
      topic: row.topic ?? 'inquiry.answered',
      recipient: row.recipient ?? null,
      payload: row.payload ?? { n: id },
      idempotencyKey: `key-${id}`,
      attempts: 0,
      nextAttemptAt: row.at,
      claimedAt: row.claimedAt ?? null,
      uncertainAt: null,
      inquiry: null,
      status: row.status ?? 'pending',
      lastError: null,
      sentAt: null,
      externalId: null,
    };
    this.rows.push(added);
    return { ...added };
  }

  get(id: number): MemoryRow {
    const found = this.rows.find((r) => r.id === id);
    if (!found) throw new Error(`no row ${id}`);
    return found;
  }

  private copy(row: MemoryRow): StoredRow {
    const { status: _s, lastError: _l, sentAt: _t, externalId: _e, ...stored } = row;
    return { ...stored, payload: row.payload ? { ...row.payload } : null };
  }

  async heads(channels: string[]): Promise<Head[]> {
    const groups = new Map<string, { head: MemoryRow; waiting: number }>();
    for (const row of this.rows) {
      if (row.status !== 'pending' || !channels.includes(row.channel)) continue;
      const key = `${row.channel}\u0000${row.recipient}`;
      const group = groups.get(key);
      if (group) {
        group.waiting += 1;
        if (row.id < group.head.id) group.head = row;
      } else groups.set(key, { head: row, waiting: 1 });
    }
    return [...groups.values()].map(({ head, waiting }) => ({ row: this.copy(head), waiting }));
  }

  async claim(row: StoredRow, at: Date): Promise<boolean> {
    const stored = this.get(row.id);
    if (stored.status !== 'pending') return false;
    this.writes += 1;
    Object.assign(stored, { status: 'sending', claimedAt: at, attempts: (row.attempts ?? 0) + 1 });
    return true;
  }

  async claimMany(rows: StoredRow[], at: Date): Promise<StoredRow[]> {
    const won: StoredRow[] = [];
    for (const row of rows) if (await this.claim(row, at)) won.push(row);
    return won;
  }

  async pendingFor(row: StoredRow, at: Date, limit: number): Promise<StoredRow[]> {
    return this.rows
      .filter((r) => r.status === 'pending' && r.channel === row.channel && r.recipient === row.recipient && r.topic === row.topic && new Date(r.nextAttemptAt ?? 0) <= at)
      .slice(0, limit)
      .map((r) => this.copy(r));
  }

  async sent(ids: number[], at: Date, externalId: string | null): Promise<void> {
    this.writes += 1;
    for (const id of ids) Object.assign(this.get(id), { status: 'sent', sentAt: at, externalId, lastError: null });
  }

  async reschedule(id: number, change: { nextAttemptAt: Date; lastError: string; attempts?: number; uncertainAt?: Date }): Promise<void> {
    this.writes += 1;
    Object.assign(this.get(id), { status: 'pending' }, change);
  }

  async park(id: number, lastError: string): Promise<void> {
    this.writes += 1;
    Object.assign(this.get(id), { status: 'failed', lastError });
  }

  async sending(channels: string[]) {
    return this.rows.filter((r) => r.status === 'sending' && channels.includes(r.channel)).map(({ id, channel, claimedAt }) => ({ id, channel, claimedAt: claimedAt ?? null }));
  }

  async parkStale(id: number, lastError: string): Promise<StoredRow | null> {
    const stored = this.get(id);
    if (stored.status !== 'sending') return null;
    this.writes += 1;
    Object.assign(stored, { status: 'failed', lastError });
    return this.copy(stored);
  }

  async due(channels: string[], at: Date, limit: number): Promise<StoredRow[]> {
    return this.rows
      .filter((r) => r.status === 'pending' && channels.includes(r.channel) && new Date(r.nextAttemptAt ?? 0) <= at)
      .slice(0, limit)
      .map((r) => this.copy(r));
  }

  async nextDue(channels: string[]): Promise<number | null> {
    const times = this.rows.filter((r) => r.status === 'pending' && channels.includes(r.channel)).map((r) => new Date(r.nextAttemptAt ?? 0).getTime());
    return times.length ? Math.min(...times) : null;
  }

  /** A transaction: on a refusal or an error every row is as it was before. */
  async expand(row: StoredRow, at: Date, work: () => Promise<FanoutResult | void>): Promise<ExpandResult> {
    const before = this.rows.map((r) => ({ ...r }));
    const nextIdBefore = this.nextId;
    const rollback = () => {
      this.rows.splice(0, this.rows.length, ...before);
      this.nextId = nextIdBefore;
    };
    const stored = this.get(row.id);
    if (stored.status !== 'pending') return 'taken';
    this.writes += 1;
    Object.assign(stored, { status: 'sent', sentAt: at });
    let result: FanoutResult;
    try {
      result = (await work()) ?? {};
    } catch (error) {
      rollback();
      throw error;
    }
    if (result.refused) {
      rollback();
      Object.assign(this.get(row.id), { status: 'failed', lastError: result.refused });
      return { refused: result.refused };
    }
    if (result.payload) stored.payload = { ...stored.payload, ...result.payload };
    return 'expanded';
  }

  async requeue(documentId: string, at: Date): Promise<RequeueResult> {
    const stored = this.rows.find((r) => r.documentId === documentId);
    if (!stored) return { requeued: false, status: null };
    if (stored.status !== 'failed') return { requeued: false, status: stored.status };
    this.writes += 1;
    Object.assign(stored, { status: 'pending', attempts: 0, nextAttemptAt: at, claimedAt: null, uncertainAt: null });
    return { requeued: true };
  }
}
