import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerEnvelope, type SMTPServerSession } from 'smtp-server';
import type { SmtpSettings } from '../../plugins/channels/src/email/config';

export interface ReceivedMail {
  envelope: SMTPServerEnvelope;
  raw: Buffer;
}

/**
 * What the server does to the next `remaining` messages: refuse the recipient with a code, take the whole
 * message and then cut the connection without answering (the sender cannot know whether it was kept), or
 * never answer the DATA at all.
 */
export type SmtpFault = { kind: 'refuse-recipient'; code: 550 | 451; text?: string; remaining?: number } | { kind: 'drop-after-data'; remaining?: number } | { kind: 'hang-data'; remaining?: number };

export const SMTP_USER = 'layanan';
export const SMTP_PASS = 'rahasia-smtp';

/**
 * The Dinas' outgoing mail server for a test: smtp-server in-process on port 0, with STARTTLS (its own
 * test certificate), login, DSN advertised (smtp-server hides it unless told), and the faults above.
 */
export class FakeSmtp {
  readonly received: ReceivedMail[] = [];
  /** Messages the server took in full before it dropped the connection: "sent" for all the sender knows. */
  readonly dropped: ReceivedMail[] = [];
  /** Messages whose DATA the server never answered. */
  readonly hung: ReceivedMail[] = [];
  /** Each recipient the server refused, and when: how often and how far apart a sender retried. */
  readonly refused: { to: string; code: number; at: number }[] = [];
  private faults: Required<SmtpFault>[] = [];
  /** The account's password on the server: a mail admin may change it (`setPassword`), and logins with the old one get 535. */
  private password = SMTP_PASS;
  private server: SMTPServer;
  private waiters: (() => void)[] = [];

  constructor() {
    this.server = new SMTPServer({
      logger: false,
      hideDSN: false,
      size: 20 * 1024 * 1024,
      disableReverseLookup: true,
      onAuth: (auth, _session, callback) => {
        if (auth.username === SMTP_USER && auth.password === this.password) return callback(null, { user: auth.username });
        return callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
      },
      onRcptTo: (address, _session, callback) => {
        const fault = this.take('refuse-recipient');
        if (!fault) return callback();
        this.refused.push({ to: address.address, code: fault.code, at: Date.now() });
        return callback(Object.assign(new Error(fault.text || (fault.code === 550 ? `5.1.1 <${address.address}>: Recipient address rejected: User unknown` : '4.7.1 Service temporarily unavailable, try again later')), { responseCode: fault.code }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const mail = { envelope: session.envelope, raw: Buffer.concat(chunks) };
          if (this.take('hang-data')) {
            this.hung.push(mail);
            return;
          }
          if (this.take('drop-after-data')) {
            this.dropped.push(mail);
            return this.cut(session);
          }
          this.received.push(mail);
          this.waiters.splice(0).forEach((wake) => wake());
          return callback(null, 'Ok: queued');
        });
      },
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return this;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  settings(overrides: Partial<SmtpSettings> = {}): SmtpSettings {
    return {
      host: '127.0.0.1', port: this.port, secure: false, user: SMTP_USER, pass: SMTP_PASS,
      from: { address: 'layanan@disdukcapil.probolinggokota.go.id', name: 'Layanan Informasi Disdukcapil' },
      domain: 'disdukcapil.probolinggokota.go.id',
      ...overrides,
    };
  }

  /** The CMS's environment for sending through this server (its test certificate is not checked). */
  env(): Record<string, string> {
    const { port, user, pass, from } = this.settings();
    return {
      MAIL_SMTP_HOST: '127.0.0.1',
      MAIL_SMTP_PORT: String(port),
      MAIL_SMTP_SECURE: 'false',
      MAIL_SMTP_USER: user,
      MAIL_SMTP_PASS: pass,
      MAIL_FROM: `${from.name} <${from.address}>`,
      MAIL_TLS_VERIFY: 'false',
    };
  }

  /**
   * The mail admin changes the account's password: the sessions open now end (as an idle session would), and
   * the sender's next login gets 535.
   */
  setPassword(password: string): void {
    this.password = password;
    for (const connection of this.server.connections) connection._socket.destroy();
  }

  fail(fault: SmtpFault): void {
    this.faults.push({ remaining: 1, text: '', ...fault } as Required<SmtpFault>);
  }

  /** The faults still pending are dropped: the server works again. */
  clearFaults(): void {
    this.faults = [];
  }

  /** Resolves once `count` messages have been accepted in all. */
  async waitForMail(count: number, timeoutMs = 10_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`FakeSmtp: ${this.received.length} of ${count} mails after ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.received.slice(0, count);
  }

  async stop(): Promise<void> {
    for (const connection of this.server.connections) connection._socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private take<K extends SmtpFault['kind']>(kind: K): Extract<Required<SmtpFault>, { kind: K }> | null {
    const fault = this.faults.find((f) => f.kind === kind && f.remaining > 0) as Extract<Required<SmtpFault>, { kind: K }> | undefined;
    if (!fault) return null;
    fault.remaining -= 1;
    return fault;
  }

  private cut(session: SMTPServerSession): void {
    for (const connection of this.server.connections) if (connection.id === session.id) connection._socket.destroy();
  }
}
