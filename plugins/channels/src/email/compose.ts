import { STATUS_LABELS, totalBudgetMinutes, type Kind, type SopPolicyValues, type StepBudgets, type Status } from '@layanan/config';
import type { SendMailOptions } from 'nodemailer';
import { LOOP_HEADER } from './classify';
import type { MailAddressSetting } from './config';

/**
 * The three mails the Dinas sends a citizen — the receipt, the answer, and a free message from the
 * officer — each a reply in the citizen's own thread: In-Reply-To their mail, References its chain plus
 * it, `Re: <their subject> [<code>]`, and our own Message-ID `<inf.<code>.<outboxId>@<our domain>>` so a
 * reply to any of them threads back (thread.ts) and a bounce names its outbox row (bounce.ts).
 */

export interface Organisation {
  name: string;
  addressLine: string;
}

/** The citizen's mail being answered; for a request that came from the website, no Message-ID and its subject. */
export interface CitizenThread {
  messageId: string | null;
  references: readonly string[];
  subject: string;
}

export interface OutgoingContext {
  from: MailAddressSetting;
  /** The domain of MAIL_FROM: Message-IDs are ours only under our own domain. */
  domain: string;
  to: { address: string; name?: string };
  code: string;
  kind?: Kind;
  /** The outbox row: one Message-ID per row, so a retried send is recognisably the same mail. */
  outboxId: string | number;
  thread: CitizenThread;
  /** Written into X-Layanan-Loop; the classifier drops any mail that carries the header. */
  instance: string;
  organisation: Organisation;
}

export type ReceiptPolicy = StepBudgets & Pick<SopPolicyValues, 'clockMode'>;

/** RFC 5322 lets a References field be shortened; the first (the thread's root) and the latest matter most. */
const MAX_REFERENCES = 20;
const REPLY_PREFIX = /^\s*((re|aw|balas|bls)(\[\d+\])?\s*:\s*)+/i;

export function ownMessageId(code: string, outboxId: string | number, domain: string): string {
  const safe = (value: string) => value.replace(/[^A-Za-z0-9-]/g, '');
  return `<inf.${safe(code)}.${safe(String(outboxId))}@${domain.toLowerCase()}>`;
}

/** `Re: <their subject> [<code>]`: one "Re:", the code once, whatever their client did to the subject. */
export function replySubject(subject: string, code: string, isReply: boolean): string {
  const withoutCode = subject.replace(new RegExp(`\\[?\\s*${code}\\s*\\]?`, 'gi'), ' ');
  const base = withoutCode.replace(REPLY_PREFIX, '').replace(/\s+/g, ' ').replace(/ ([?!.,:;])/g, '$1').trim() || 'Permohonan informasi';
  return `${isReply ? 'Re: ' : ''}${base} [${code}]`;
}

export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours ? `${hours} jam` : '', rest || !hours ? `${rest} menit` : ''].filter(Boolean).join(' ');
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A body is paragraphs of plain lines; a paragraph that is a URL becomes a link in the HTML. */
type Body = string[];

function render(ctx: OutgoingContext, body: Body): { text: string; html: string } {
  const org = ctx.organisation;
  const greeting = `Yth. ${ctx.to.name?.trim() || 'Bapak/Ibu'},`;
  const closing = ['Hormat kami,', 'Petugas Layanan Informasi', org.name, org.addressLine];
  const text = [greeting, ...body, closing.join('\n')].join('\n\n');
  const paragraph = (p: string) =>
    /^https?:\/\/\S+$/.test(p) ? `<p><a href="${escapeHtml(p)}">${escapeHtml(p)}</a></p>` : `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`;
  const html = [
    '<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#1a1a1a">',
    paragraph(greeting),
    ...body.map(paragraph),
    `<p style="color:#555;border-top:1px solid #ddd;padding-top:8px">${closing.map(escapeHtml).join('<br>')}</p>`,
    '</body></html>',
  ].join('\n');
  return { text, html };
}

function envelope(ctx: OutgoingContext, body: Body, headers: Record<string, string> = {}): SendMailOptions {
  const { messageId, references, subject } = ctx.thread;
  const chain = messageId ? [...references.filter((id) => id !== messageId), messageId] : [...references];
  const trimmed = chain.length > MAX_REFERENCES ? [chain[0], ...chain.slice(-(MAX_REFERENCES - 1))] : chain;
  return {
    from: { name: ctx.from.name || ctx.organisation.name, address: ctx.from.address },
    to: ctx.to.name ? { name: ctx.to.name, address: ctx.to.address } : ctx.to.address,
    subject: replySubject(subject, ctx.code, Boolean(messageId)),
    messageId: ownMessageId(ctx.code, ctx.outboxId, ctx.domain),
    ...(messageId ? { inReplyTo: messageId } : {}),
    ...(trimmed.length ? { references: trimmed } : {}),
    headers: { [LOOP_HEADER]: ctx.instance, ...headers },
    dsn: { id: String(ctx.outboxId), return: 'headers', notify: ['failure', 'delay'], recipient: ctx.to.address },
    ...render(ctx, body),
  };
}

const requestWord = (kind?: Kind) => (kind === 'complaint' ? 'pengaduan' : 'permohonan informasi');
const request = (ctx: OutgoingContext) => requestWord(ctx.kind);
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The subject of the mails about a website request: the Dinas' own words, with the code added by replySubject. */
export const websiteSubject = (kind?: Kind) => `${capitalised(requestWord(kind))} Anda`;

/** Sent once a mail became an inquiry. An auto-reply by RFC 3834, so well-behaved responders stay quiet. */
export function composeReceipt(ctx: OutgoingContext, receipt: { status: Status; trackingUrl: string; policy: ReceiptPolicy; privacyUrl: string }): SendMailOptions {
  const { policy } = receipt;
  const clock = policy.clockMode === 'working' ? ' jam kerja' : '';
  const untilAnswer = totalBudgetMinutes(policy);
  const body: Body = [
    `Terima kasih. ${capitalised(request(ctx))} Anda telah kami terima dan dicatat dengan kode ${ctx.code}.\nStatus saat ini: ${STATUS_LABELS[receipt.status].id}.`,
    [
      'Langkah selanjutnya:',
      `1. Petugas mempelajari dan memilah ${request(ctx)} Anda, lalu meneruskannya ke bidang terkait dalam ${durationText(policy.triageMinutes)}${clock}.`,
      `2. Jawaban kami kirimkan melalui e-mail ini paling lambat ${durationText(untilAnswer)}${clock} sejak ${request(ctx)} diterima.`,
      ...(policy.clockMode === 'working' ? ['Yang masuk di luar jam kerja mulai diproses pada jam kerja berikutnya.'] : []),
    ].join('\n'),
    'Status dan jawaban dapat dipantau di:',
    receipt.trackingUrl,
    'Tautan ini khusus untuk Anda: mohon tidak dibagikan. Untuk menambahkan keterangan, cukup balas e-mail ini.',
    `${ctx.organisation.name} mencatat data pribadi Anda hanya untuk menjawab ${request(ctx)} ini (UU 27/2022). Siapa yang memprosesnya, berapa lama disimpan, hak Anda dan kontak kami:`,
    receipt.privacyUrl,
    'E-mail ini dikirim otomatis.',
  ];
  return envelope(ctx, body, { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' });
}

/** SOP step 4: the answer, written by the officer. A person's mail: no Auto-Submitted. */
export function composeAnswer(ctx: OutgoingContext, answer: { text: string; trackingUrl?: string }): SendMailOptions {
  const body: Body = [
    `Berikut jawaban atas ${request(ctx)} Anda dengan kode ${ctx.code}:`,
    answer.text.trim(),
    'Apabila masih ada yang ingin ditanyakan, silakan balas e-mail ini.',
    ...(answer.trackingUrl ? ['Jawaban ini juga tersedia, dan penilaian atas layanan kami dapat diberikan, di:', answer.trackingUrl] : []),
  ];
  return envelope(ctx, body);
}

/** A message from the officer that is not the answer (a missing detail, a document photo). */
export function composeMessage(ctx: OutgoingContext, message: { text: string }): SendMailOptions {
  const body: Body = [`Terkait ${request(ctx)} Anda dengan kode ${ctx.code}:`, message.text.trim(), 'Silakan balas e-mail ini.'];
  return envelope(ctx, body);
}
