/** One outbox row as the delivery engine hands it to a sender or a fan-out. */
export interface OutboxRow {
  id: number;
  documentId?: string;
  channel: string;
  topic: string;
  recipient: string | null;
  payload: Record<string, unknown> | null;
  idempotencyKey: string;
  attempts: number | null;
  nextAttemptAt: string | Date | null;
  claimedAt?: string | Date | null;
  inquiry?: number | null;
}

/** What a failed send means for its row, as the channel's sender reads the error. */
export type SendOutcome =
  /** The service said when to come back; does not count as an attempt. */
  | { kind: 'retry-after'; ms: number }
  /** Nothing was delivered: retried with backoff, and counts toward an outage of the channel. */
  | { kind: 'transient' }
  /** Will never succeed: parked as failed. */
  | { kind: 'permanent' }
  /** Outside the channel's service window (WhatsApp's 24 hours): parked as failed with that cause. */
  | { kind: 'window-closed' }
  /** The credentials are wrong, so every message would fail alike: waits as an outage does, logged once, no attempt spent. */
  | { kind: 'auth' }
  /**
   * It may or may not have arrived: parked as failed and never resent by itself, unless `retryOnce` (an
   * e-mail sent again with the same Message-ID is collapsed by the recipient) and this was its first
   * uncertain send.
   */
  | { kind: 'uncertain'; retryOnce?: boolean };

export interface SenderLimits {
  /** Sends a second over the whole channel. */
  globalPerSecond: number;
  /** The least time between two sends to one recipient. */
  perRecipientIntervalMs: number;
  /** For recipients `isGroup` says are groups: sends a minute, instead of perRecipientIntervalMs. */
  groupPerMinute?: number;
  isGroup?: (recipient: string) => boolean;
  /** Added to every interval: requests sent on schedule still arrive a few milliseconds apart from it. */
  marginMs: number;
  /** Attempts before a row is parked as failed (retry-after and auth do not count). */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A send not answered in this time is cut off; its outcome is then the sender's to classify. */
  requestTimeoutMs: number;
  /** A row left "sending" longer than this belongs to a process that died mid-send. */
  leaseMs: number;
  /** Sends under way at once on this channel; unbounded when unset. */
  concurrency?: number;
}

/**
 * Rows of one recipient that go out as one message (a digest) when many of a kind wait: after an outage or a
 * long weekend, hundreds of breach alerts for one chat are one message instead of an hour of them. Each row
 * still has its own fate: the engine claims the rows it digests together (pending → sending), records them
 * sent with the digest's message id, or fails them together, so no row is both digested and sent alone.
 */
export interface ChannelDigest {
  /** More than this many rows of one key due for one recipient go out as one digest. */
  readonly after: number;
  /** The most rows one digest carries; the rest go in the next. */
  readonly max: number;
  /** Rows with the same key may share a digest (they share their topic); null: the row always goes alone. */
  key(row: OutboxRow): string | null;
  /** Sends the rows (two or more, one key, one recipient, oldest first) as one message. */
  send(rows: OutboxRow[], signal: AbortSignal): Promise<{ externalId: string | null }>;
}

/** Delivers one channel of the outbox: the medium's own code, registered with the engine. */
export interface ChannelSender {
  /** The outbox `channel` value it delivers, e.g. 'telegram', 'email'. */
  channel: string;
  /** Read at every round (a getter may follow the plugin's configuration); the engine's defaults fill the rest. */
  limits: Partial<SenderLimits>;
  send(row: OutboxRow, signal: AbortSignal): Promise<{ externalId: string | null }>;
  /** Whether and how rows waiting for one recipient are sent together. */
  digest?: ChannelDigest;
  classify(error: unknown): SendOutcome;
  /** The cause officers read; the engine masks personal data in it (redactFreeText) before storing or logging it. */
  describe(error: unknown): string;
  /** After the row is recorded sent (a conversation-log row, an event); errors are logged and never undo the send. */
  afterSent?(row: OutboxRow, result: { externalId: string | null }): Promise<void>;
  /**
   * After the row is parked as failed (e.g. Telegram's 403 unlinks the chat); errors are logged. `error` is
   * undefined when the row is parked because its lease ran out.
   */
  afterFailed?(row: OutboxRow, outcome: SendOutcome, error: unknown): Promise<void>;
}

/** What a fan-out tells the engine about the source row it expanded. */
export interface FanoutResult {
  /** Merged into the source row's payload (e.g. how many rows it became). */
  payload?: Record<string, unknown>;
  /** The row can never be expanded: parked as failed with this cause, and nothing it enqueued is kept. */
  refused?: string;
}

/**
 * Turns one row into rows of other channels (e.g. a `staff` row into one `telegram` row per chat). It runs
 * inside the transaction that marks the source row sent, so the new rows and that mark commit together.
 */
export interface ChannelFanout {
  channel: string;
  expand(row: OutboxRow, at: Date): Promise<FanoutResult | void>;
}
