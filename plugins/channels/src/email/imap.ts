import { EventEmitter } from 'node:events';
import type { ConnectionOptions } from 'node:tls';
import { ImapFlow } from 'imapflow';
import type { ImapSettings } from './config';
import { codeOf, MailboxReader, type FetchedMail, type MailboxCursor, type RoundResult, type WatcherLogger } from './mailbox-reader';

export type { FetchedMail, MailboxCursor, RoundResult, WatcherLogger };

/**
 * Watches the Dinas mailbox so that nothing is missed and nothing is read twice (channels.md §1.2). The
 * stored cursor is the truth and IDLE only a hint: a round (mailbox-reader.ts) runs on connect, on every
 * EXISTS, and on a safety poll, so a silently dead IDLE costs at most one poll interval. The mailbox is
 * opened read-only (EXAMINE) and read with BODY.PEEK[]: no flag is set and nothing is deleted, so an
 * officer reading the same mailbox in a mail client finds it untouched.
 *
 * An ImapFlow instance holds one connection and cannot reconnect: each reconnect makes a new one, after a
 * backoff that doubles from 1 s to 60 s and starts over once a session completed a round.
 */

export interface MailboxWatcherOptions {
  imap: ImapSettings;
  maxBytes: number;
  loadCursor(): Promise<MailboxCursor | null>;
  saveCursor(cursor: MailboxCursor): Promise<void>;
  /** Must be idempotent on the Message-ID (uidValidity:uid without one): a mail may come again after a crash or a reset. */
  store(mail: FetchedMail): Promise<void>;
  /**
   * The mailbox's UIDVALIDITY changed, so every stored UID is void and the recent window is read again.
   * Called again on the next connection if that rescan was cut short.
   */
  onReset?(previous: MailboxCursor, uidValidity: string): Promise<void>;
  logger?: WatcherLogger;
  /** On a first start and after a reset, how many days back mail is read. */
  rescanDays?: number;
  maxIdleMs?: number;
  backoffMs?: { initial: number; max: number };
  tls?: ConnectionOptions;
}

export interface WatcherEvents {
  connected: [{ uidValidity: string; exists: number }];
  round: [RoundResult];
  disconnected: [{ retryInMs: number }];
  /** The server answered a NOOP on the safety poll: alive, even when a round had nothing to ask it. */
  alive: [];
  /** A session ended in an error (a refused login, a server that cannot be reached): the channel's health hears it. */
  failed: [unknown];
}

const silent: WatcherLogger = { info() {}, warn() {} };

export class MailboxWatcher extends EventEmitter<WatcherEvents> {
  private readonly log: WatcherLogger;
  private client: ImapFlow | null = null;
  private reader: MailboxReader | null = null;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly options: MailboxWatcherOptions) {
    super();
    this.log = options.logger ?? silent;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Finishes the mail in hand, logs out, and resolves once no connection or timer of its own is left. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.reader?.settled();
    const client = this.client;
    if (client && !client.isClosed) await client.logout().catch(() => client.close());
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    const { initial, max } = this.options.backoffMs ?? { initial: 1000, max: 60_000 };
    let delay = initial;
    while (!this.stopping) {
      const healthy = await this.session().catch((error) => {
        this.log.warn(`[email] IMAP session failed (${codeOf(error)})`);
        this.emit('failed', error);
        return false;
      });
      if (this.stopping) break;
      if (healthy) delay = initial;
      this.emit('disconnected', { retryInMs: delay });
      this.log.info(`[email] IMAP connection closed; reconnecting in ${delay} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
      delay = Math.min(delay * 2, max);
    }
  }

  /** One connection, from login to close; true when it completed at least one round. */
  private async session(): Promise<boolean> {
    const { imap } = this.options;
    const client = new ImapFlow({
      host: imap.host, port: imap.port, secure: imap.secure, auth: { user: imap.user, pass: imap.pass },
      logger: false, maxIdleTime: this.options.maxIdleMs ?? 5 * 60_000, autoIdleDelay: 1000,
      ...(this.options.tls ? { tls: this.options.tls } : {}),
    });
    this.client = client;
    const closed = new Promise<void>((resolve) => client.once('close', resolve));
    client.on('error', (error) => this.log.warn(`[email] IMAP error (${codeOf(error)})`));
    let healthy = false;
    let poll: NodeJS.Timeout | undefined;
    let reader: MailboxReader;
    const round = async () => {
      const result = await reader.request();
      if (!result) return;
      healthy = true;
      this.emit('round', result);
    };
    try {
      await client.connect();
      const mailbox = await client.mailboxOpen(imap.mailbox, { readOnly: true });
      const uidValidity = String(mailbox.uidValidity);
      // A new UIDVALIDITY mid-session (a re-SELECT inside imapflow): reconnect, and the next session resets.
      client.on('mailboxOpen', (opened) => {
        if (String(opened.uidValidity) !== uidValidity) client.close();
      });
      const cursor = await this.options.loadCursor();
      if (cursor && cursor.uidValidity !== uidValidity) {
        this.log.warn(`[email] mailbox UIDVALIDITY changed (${cursor.uidValidity} → ${uidValidity}); reading the recent window again`);
        await this.options.onReset?.(cursor, uidValidity);
      }
      reader = this.reader = new MailboxReader(client, { uidValidity, topUidAtOpen: mailbox.uidNext - 1 }, cursor, {
        maxBytes: this.options.maxBytes,
        rescanDays: this.options.rescanDays ?? 14,
        store: this.options.store,
        saveCursor: this.options.saveCursor,
        log: this.log,
        stopping: () => this.stopping,
      });
      this.emit('connected', { uidValidity, exists: mailbox.exists });
      client.on('exists', () => void round());
      // A round of an empty mailbox may ask the server nothing: the NOOP is the proof that it still answers.
      const checkIn = async () => {
        if (await client.noop().then(() => true, () => false)) this.emit('alive');
        await round();
      };
      poll = setInterval(() => void checkIn(), imap.pollSeconds * 1000);
      await round();
      if (!this.stopping) await closed;
    } finally {
      clearInterval(poll);
      if (!client.isClosed && !this.stopping) client.close();
    }
    return healthy;
  }
}
