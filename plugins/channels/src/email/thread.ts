import { TRACKING_CODE as CODE_PATTERN, type Status } from '@layanan/config';
import type { InboundMail } from './parse';

/**
 * Does a mail continue an inquiry? The Message-IDs it answers come first (we sent or received them for
 * an inquiry), then a tracking code in the subject or in a `+code` sub-address. A match appends only
 * when the sender is the inquiry's applicant: a forged "Re: [INF-…]" from another address must not put
 * text into someone else's inquiry, so it becomes a request of its own that cites the code, for the
 * officer to judge. A closed inquiry is not reopened silently: a new request cites it.
 */

export interface ThreadedInquiry {
  inquiryCode: string;
  applicantEmail: string | null;
  status: Status;
}

export interface ThreadLookup {
  /** The inquiry any of these Message-IDs (`<id>` form) belongs to, as the channel's message log knows it. */
  byMessageId(ids: string[]): Promise<ThreadedInquiry | null>;
  byCode(code: string): Promise<ThreadedInquiry | null>;
}

export type ThreadDecision = { kind: 'append'; code: string } | { kind: 'new' } | { kind: 'new-citing'; code: string };

/** A tracking code (the format is config/'s), matched whatever the case the citizen typed it in. */
export const TRACKING_CODE = new RegExp(CODE_PATTERN.source, 'i');

/** Codes in order of appearance, upper-cased, each once. */
export function trackingCodes(text: string): string[] {
  return [...new Set((text.match(new RegExp(TRACKING_CODE.source, 'gi')) ?? []).map((code) => code.toUpperCase()))];
}

type ThreadedMail = Pick<InboundMail, 'from' | 'inReplyTo' | 'references' | 'subject' | 'to' | 'cc'>;

export async function decideThread(mail: ThreadedMail, lookup: ThreadLookup): Promise<ThreadDecision> {
  const sender = mail.from?.address.toLowerCase() ?? null;
  const candidates: ThreadedInquiry[] = [];

  // The mail it answers directly first, then the older ones of its References, newest first.
  const ids = [...new Set([mail.inReplyTo, ...[...mail.references].reverse()].filter((id): id is string => Boolean(id)))];
  const byReply = ids.length > 0 ? await lookup.byMessageId(ids) : null;
  if (byReply) candidates.push(byReply);

  const subAddressed = [...mail.to, ...mail.cc].flatMap((to) => trackingCodes(/\+([^@]+)@/.exec(to.address)?.[1] ?? ''));
  for (const code of [...trackingCodes(mail.subject), ...subAddressed]) {
    if (candidates.some((found) => found.inquiryCode === code)) continue;
    const found = await lookup.byCode(code);
    if (found) candidates.push(found);
  }

  const own = candidates.find((found) => sender !== null && found.applicantEmail?.toLowerCase() === sender && found.status !== 'closed');
  if (own) return { kind: 'append', code: own.inquiryCode };
  if (candidates.length > 0) return { kind: 'new-citing', code: candidates[0].inquiryCode };
  return { kind: 'new' };
}
