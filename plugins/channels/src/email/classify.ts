import { firstHeader } from './headers';
import type { InboundMail } from './parse';

/**
 * Only `human` mail becomes an inquiry and gets a receipt. Everything a machine sent is recorded and
 * answered by nobody, which is what keeps two auto-responders from mailing each other forever
 * (channels.md §1.3: the loops Zammad and Frappe Helpdesk had to fix).
 */
export type MailKind = 'human' | 'auto-reply' | 'bounce' | 'list' | 'own-loop';

export interface Classification {
  kind: MailKind;
  /** Which signal decided, for the log and the officer: header names and values only, never an address. */
  reason: string;
}

export const LOOP_HEADER = 'X-Layanan-Loop';

const MAIL_SYSTEM = /^(mailer-daemon|mail-daemon|postmaster)$/i;
const NO_REPLY = /^(no-?reply|do-?not-?reply|noreply-[\w.-]+|[\w.-]*-noreply|bounces?)$/i;
/** Subject prefixes of out-of-office replies (Outlook in Indonesian and English, Lotus, Gmail in other setups). */
const OUT_OF_OFFICE_SUBJECT = /^\s*(automatic reply|balasan otomatis|out of office|di luar kantor|auto(matic)?[- ]?reply|autoreply|auto)\s*:/i;

type Mail = Pick<InboundMail, 'headers' | 'from' | 'subject'>;

const has = (mail: Mail, name: string) => mail.headers.has(name.toLowerCase());
const value = (mail: Mail, name: string) => (firstHeader(mail.headers, name) ?? '').trim();

function ownLoop(mail: Mail, ownAddresses: readonly string[]): string | null {
  // Any instance of this product, ours or another office's, marks its mail: never answer one.
  if (has(mail, LOOP_HEADER)) return LOOP_HEADER;
  if (mail.from && ownAddresses.includes(mail.from.address)) return 'sent from our own address';
  return null;
}

function bounce(mail: Mail): string | null {
  const contentType = value(mail, 'content-type').toLowerCase();
  if (/^multipart\/report\b/.test(contentType) && /report-type\s*=\s*"?delivery-status/.test(contentType)) return 'multipart/report; report-type=delivery-status';
  if (has(mail, 'x-failed-recipients')) return 'X-Failed-Recipients';
  const local = mail.from?.address.split('@')[0] ?? '';
  if (MAIL_SYSTEM.test(local)) return `sender ${local.toLowerCase()}`;
  return null;
}

function autoReply(mail: Mail): string | null {
  const autoSubmitted = value(mail, 'auto-submitted').toLowerCase();
  if (autoSubmitted && !/^no\b/.test(autoSubmitted)) return `Auto-Submitted: ${autoSubmitted.split(/[\s;(]/)[0]}`;
  for (const name of ['X-Autoreply', 'X-Autorespond', 'X-Autoresponse']) {
    if (has(mail, name) && !/^no\b/i.test(value(mail, name))) return name;
  }
  // Exchange stamps its out-of-office and rule-generated replies with both of these.
  if (/\ball\b/i.test(value(mail, 'x-auto-response-suppress'))) return 'X-Auto-Response-Suppress: All';
  if (has(mail, 'x-ms-exchange-inbox-rules-loop')) return 'X-MS-Exchange-Inbox-Rules-Loop';
  if (has(mail, 'x-loop')) return 'X-Loop';
  if (/^auto[_-]?reply$/i.test(value(mail, 'precedence')) || /^auto[_-]?reply$/i.test(value(mail, 'x-precedence'))) return 'Precedence: auto_reply';
  const contentType = value(mail, 'content-type').toLowerCase();
  if (/^multipart\/report\b/.test(contentType)) return 'multipart/report';
  const local = mail.from?.address.split('@')[0] ?? '';
  if (NO_REPLY.test(local)) return 'no-reply sender';
  if (value(mail, 'return-path').replace(/\s/g, '') === '<>') return 'empty Return-Path';
  if (OUT_OF_OFFICE_SUBJECT.test(mail.subject)) return 'out-of-office subject';
  return null;
}

function list(mail: Mail): string | null {
  for (const name of ['List-Id', 'List-Unsubscribe', 'List-Post', 'X-Mailing-List']) if (has(mail, name)) return name;
  const precedence = value(mail, 'precedence').toLowerCase();
  if (['bulk', 'list', 'junk'].includes(precedence)) return `Precedence: ${precedence}`;
  return null;
}

/** Bounces before auto-replies: MTAs stamp their DSNs Auto-Submitted too, and a bounce carries more. */
export function classifyMail(mail: Mail, own: { addresses: readonly string[] }): Classification {
  const addresses = own.addresses.map((address) => address.toLowerCase());
  const checks: [MailKind, () => string | null][] = [
    ['own-loop', () => ownLoop(mail, addresses)],
    ['bounce', () => bounce(mail)],
    ['auto-reply', () => autoReply(mail)],
    ['list', () => list(mail)],
  ];
  for (const [kind, check] of checks) {
    const reason = check();
    if (reason) return { kind, reason };
  }
  return { kind: 'human', reason: 'no machine markers' };
}
