import type { ImapFlow } from 'imapflow';

/**
 * One session's reading of the mailbox, in rounds (channels.md §1.2). A round fetches the metadata of
 * every UID above the cursor, then each body in UID order, hands it to `store`, and moves the cursor past
 * it only once `store` resolved: a failing store stops the round with the cursor behind that mail, and
 * the next round offers it again. Rounds never overlap; a request during one makes it go round once more.
 */

export interface MailboxCursor {
  /** UIDVALIDITY as a decimal string: a 32-bit number on the wire, a bigint in imapflow, text in JSON. */
  uidValidity: string;
  lastUid: number;
}

export interface FetchedMail {
  uid: number;
  uidValidity: string;
  /** null for a mail over maxBytes: only its metadata is stored. */
  raw: Buffer | null;
  size: number;
  internalDate: Date | null;
  oversize: boolean;
}

/** Messages only: uids, counts and error codes. Never an address, a subject or a body. */
export interface WatcherLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface RoundResult {
  stored: number;
  oversize: number;
  lastUid: number;
}

export interface ReaderDeps {
  maxBytes: number;
  rescanDays: number;
  store(mail: FetchedMail): Promise<void>;
  saveCursor(cursor: MailboxCursor): Promise<void>;
  log: WatcherLogger;
  stopping(): boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const codeOf = (error: unknown) => (error as { code?: string })?.code ?? (error as Error)?.name ?? 'Error';

interface Meta {
  uid: number;
  size: number;
  internalDate: Date | null;
}

function meta(message: { uid: number; size?: number; internalDate?: Date | string }): Meta {
  const date = message.internalDate ? new Date(message.internalDate) : null;
  return { uid: message.uid, size: message.size ?? 0, internalDate: date && !Number.isNaN(date.getTime()) ? date : null };
}

export class MailboxReader {
  /** null until a rescan of the recent window completed: on a first start, or after UIDVALIDITY changed. */
  private cursor: MailboxCursor | null;
  private running: Promise<RoundResult> | null = null;
  private again = false;

  constructor(
    private readonly client: ImapFlow,
    private readonly mailbox: { uidValidity: string; topUidAtOpen: number },
    cursor: MailboxCursor | null,
    private readonly deps: ReaderDeps,
  ) {
    this.cursor = cursor && cursor.uidValidity === mailbox.uidValidity ? cursor : null;
  }

  /** Resolves with the last round's result once no round is running, or null if it stopped on an error. */
  request(): Promise<RoundResult | null> {
    if (!this.running) {
      this.running = this.rounds().finally(() => { this.running = null; });
      this.running.catch((error) => this.deps.log.warn(`[email] IMAP round stopped (${codeOf(error)}); the next round tries again`));
    } else {
      this.again = true;
    }
    return this.running.catch(() => null);
  }

  /** Resolves once the round under way, if any, has ended (stop() waits for the mail in hand this way). */
  async settled(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async rounds(): Promise<RoundResult> {
    let result: RoundResult;
    do {
      this.again = false;
      result = await this.round();
    } while (this.again && !this.deps.stopping() && !this.client.isClosed);
    return result;
  }

  private async round(): Promise<RoundResult> {
    const rescan = this.cursor === null;
    const pending = rescan ? await this.windowUids() : await this.newUids(this.cursor!.lastUid);
    let stored = 0;
    let oversize = 0;
    for (const { uid, size, internalDate } of pending) {
      if (this.deps.stopping() || this.client.isClosed) break;
      const over = size > this.deps.maxBytes;
      const raw = over ? null : ((await this.client.fetchOne(String(uid), { uid: true, source: true }, { uid: true })) || undefined)?.source ?? null;
      if (!over && !raw) {
        // Expunged between the two fetches (deleted in a mail client): there is nothing left to keep.
        this.deps.log.info(`[email] uid ${uid} disappeared before it was read; skipped`);
      } else {
        try {
          await this.deps.store({ uid, uidValidity: this.mailbox.uidValidity, raw, size, internalDate, oversize: over });
        } catch (error) {
          this.deps.log.warn(`[email] storing uid ${uid} failed (${codeOf(error)}); the cursor stays at ${this.cursor?.lastUid ?? 'none'}`);
          throw error;
        }
        stored += 1;
        if (over) oversize += 1;
      }
      if (!rescan) await this.advance(uid);
    }
    // Only a whole rescan sets the new cursor; one cut short is repeated whole (the store deduplicates).
    // Mail older than the window up to the top at open is skipped on purpose.
    if (rescan && !this.deps.stopping() && !this.client.isClosed) await this.advance(Math.max(this.mailbox.topUidAtOpen, ...pending.map((m) => m.uid)));
    if (stored > 0) this.deps.log.info(`[email] ${stored} mail(s) stored${oversize ? `, ${oversize} over the size limit` : ''}; last uid ${this.cursor?.lastUid ?? 'none'}`);
    return { stored, oversize, lastUid: this.cursor?.lastUid ?? 0 };
  }

  private async advance(uid: number): Promise<void> {
    const next = { uidValidity: this.mailbox.uidValidity, lastUid: Math.max(uid, this.cursor?.lastUid ?? 0) };
    await this.deps.saveCursor(next);
    this.cursor = next;
  }

  /** `lastUid+1:*` returns the last message even when nothing is new (RFC 3501's `*`): hence the filter. */
  private async newUids(lastUid: number): Promise<Meta[]> {
    if (this.client.mailbox && this.client.mailbox.exists === 0) return [];
    const found = await this.client.fetchAll(`${lastUid + 1}:*`, { uid: true, size: true, internalDate: true }, { uid: true });
    return found.filter((m) => m.uid > lastUid).map(meta).sort((a, b) => a.uid - b.uid);
  }

  private async windowUids(): Promise<Meta[]> {
    const since = new Date(Date.now() - this.deps.rescanDays * DAY_MS);
    const uids = (await this.client.search({ since }, { uid: true })) || [];
    if (uids.length === 0) return [];
    const found = await this.client.fetchAll(uids.join(','), { uid: true, size: true, internalDate: true }, { uid: true });
    return found.map(meta).sort((a, b) => a.uid - b.uid);
  }
}
