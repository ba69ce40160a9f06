import type { ConnectionOptions } from 'node:tls';
import { redactFreeText } from '@layanan/config';
import { createTransport, type SendMailOptions } from 'nodemailer';
import type { SmtpSettings } from './config';

/**
 * Sends the channel's mail through one pooled SMTP transport, and says what a failure means for the
 * outbox row (channels.md §1.4, checked against smtp-server): the delivery engine decides what to do.
 */

export type SendOutcome =
  | { kind: 'retry-after'; ms: number }
  | { kind: 'transient' }
  | { kind: 'permanent' }
  | { kind: 'auth' }
  | { kind: 'uncertain'; retryOnce: true };

export interface SentMail {
  /** Our Message-ID, `<…>`: the external id of the outbox row and of the conversation's message. */
  externalId: string;
  response: string;
}

export interface SmtpSender {
  send(message: SendMailOptions, signal?: AbortSignal): Promise<SentMail>;
  verify(): Promise<void>;
  close(): void;
}

export interface SmtpSenderOptions {
  /** TLS options (an internal CA; a test server's own certificate). */
  tls?: ConnectionOptions;
  maxConnections?: number;
  timeoutsMs?: { connection?: number; greeting?: number; socket?: number };
}

type SmtpError = Error & { code?: string; responseCode?: number; command?: string; response?: string; syscall?: string; timeoutType?: string; originalCode?: string };

export function createSmtpSender(settings: Omit<SmtpSettings, 'from' | 'domain'>, options: SmtpSenderOptions = {}): SmtpSender {
  const transport = createTransport({
    pool: true,
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    // A password never crosses the network in the clear: without implicit TLS, STARTTLS is required to log in.
    requireTLS: !settings.secure && Boolean(settings.user),
    ...(settings.user ? { auth: { user: settings.user, pass: settings.pass } } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
    maxConnections: options.maxConnections ?? 2,
    // The pool would otherwise resend a message by itself when a connection drops mid-send; whether an
    // uncertain send is retried is the delivery engine's call, made once (see classify).
    maxRequeues: 0,
    connectionTimeout: options.timeoutsMs?.connection ?? 15_000,
    greetingTimeout: options.timeoutsMs?.greeting ?? 15_000,
    socketTimeout: options.timeoutsMs?.socket ?? 60_000,
    logger: false,
  });
  return {
    async send(message, signal) {
      const info = await transport.sendMail(signal ? { ...message, signal } : message);
      // One recipient per mail: a refusal that did not fail the whole send still means it was not sent.
      const refused = (info as { rejectedErrors?: SmtpError[] }).rejectedErrors?.[0];
      if (info.rejected?.length) throw refused ?? Object.assign(new Error('Recipient refused'), { code: 'EENVELOPE' });
      return { externalId: info.messageId, response: String(info.response ?? '') };
    },
    async verify() {
      await transport.verify();
    },
    close() {
      transport.close();
    },
  };
}

/** Errors that mean no connection was ever made, so nothing was sent. */
const NOT_CONNECTED = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL)\b/;
const SETUP_TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);
const AUTH_CODES = new Set([530, 534, 535, 538]);
const RETRY_HINT = /\b(?:in|after)\s+(\d{1,5})\s*(seconds?|secs?|s|minutes?|mins?|m)\b/i;

/**
 * What a failed send means. The server's explicit answers are trusted: 5xx (but 503, a session-state
 * complaint) will fail again, 4xx may pass later, and 4xx naming a delay is held that long. A connection
 * that was never opened sent nothing. A connection lost after the greeting (ECONNECTION, a timeout, an
 * abort) may have lost it after DATA was accepted: uncertain. Unlike a Telegram message, a mail resent
 * with the same Message-ID is collapsed by the recipient's client, so an uncertain send may be retried once.
 */
export function classify(error: unknown): SendOutcome {
  const e = (error ?? {}) as SmtpError;
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH' || (e.responseCode !== undefined && AUTH_CODES.has(e.responseCode))) return { kind: 'auth' };
  if (e.responseCode !== undefined && e.responseCode >= 500 && e.responseCode < 600 && e.responseCode !== 503) return { kind: 'permanent' };
  if (e.responseCode !== undefined && e.responseCode >= 400 && e.responseCode < 500) {
    const hint = RETRY_HINT.exec(e.response ?? e.message ?? '');
    if (hint) return { kind: 'retry-after', ms: Math.min(3_600_000, Number(hint[1]) * (/^m/i.test(hint[2]) ? 60_000 : 1000)) };
    return { kind: 'transient' };
  }
  if (e.code === 'EDNS' || e.code === 'ETLS' || e.syscall === 'connect' || e.syscall === 'getaddrinfo' || NOT_CONNECTED.test(`${e.code} ${e.originalCode} ${e.message}`)) return { kind: 'transient' };
  // Timeouts while setting the session up come before MAIL FROM; a socket timeout may come after DATA.
  if (e.code === 'ETIMEDOUT' && e.timeoutType !== undefined && SETUP_TIMEOUTS.has(e.timeoutType)) return { kind: 'transient' };
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') return { kind: 'permanent' };
  return { kind: 'uncertain', retryOnce: true };
}

/** For the outbox row's lastError and the log: the server's words, with any address or number masked. */
export function describe(error: unknown): string {
  const e = (error ?? {}) as SmtpError;
  const what = [e.code, e.responseCode, e.command ? `(${e.command})` : ''].filter(Boolean).join(' ');
  const words = redactFreeText(String(e.response ?? e.message ?? error));
  return (what ? `${what}: ${words}` : words).slice(0, 500);
}
