import PostalMime from 'postal-mime';
import { firstHeader, headerMap, messageIds, type HeaderMap } from './headers';
import { htmlToText } from './html';
import { stripQuotedHistory } from './reply';

export interface MailAddress {
  /** Lower-cased: addresses are compared, and an applicant is found, by this form. */
  address: string;
  name: string;
}

export interface InboundAttachment {
  filename: string;
  mimeType: string;
  size: number;
  /** null when the attachment is over the cap: its metadata is kept so the officer knows it was sent. */
  content: Uint8Array | null;
  omitted: boolean;
  /** An image the HTML shows in place (a signature logo, a pasted screenshot). */
  inline: boolean;
  contentId: string | null;
}

export interface InboundMail {
  /** `<id>`, as every Message-ID in this channel; null when the mail has none (then the store keys it by uid). */
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: MailAddress | null;
  replyTo: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  date: Date | null;
  /** The whole text: the text part, or the HTML made readable when there is none. */
  text: string;
  /** The text without the quoted history where it is recognisable; equal to `text` otherwise. */
  replyText: string;
  hasHtml: boolean;
  attachments: InboundAttachment[];
  /** Every header field, for the classifier and the bounce parser. */
  headers: HeaderMap;
  size: number;
}

export interface ParseOptions {
  /** An attachment larger than this keeps its name, type and size only. */
  attachmentMaxBytes: number;
}

type PostalAddress = NonNullable<PostalMime.Email['from']>;

function mailboxes(addresses: readonly PostalAddress[] | PostalAddress | undefined): MailAddress[] {
  return [addresses ?? []]
    .flat()
    .flatMap((entry) => (entry.group ? entry.group : [entry]))
    .filter((entry) => entry.address)
    .map((entry) => ({ address: entry.address.trim().toLowerCase(), name: entry.name.trim() }));
}

function toDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function attachment(part: PostalMime.Attachment, index: number, cap: number): InboundAttachment {
  const bytes = typeof part.content === 'string' ? new TextEncoder().encode(part.content) : new Uint8Array(part.content);
  const omitted = bytes.byteLength > cap;
  return {
    filename: part.filename?.trim() || `lampiran-${index + 1}`,
    mimeType: part.mimeType,
    size: bytes.byteLength,
    content: omitted ? null : bytes,
    omitted,
    inline: part.disposition === 'inline' || Boolean(part.related),
    contentId: part.contentId ?? null,
  };
}

/** Raw RFC 822 bytes to the channel's normalised mail. Throws only on a message postal-mime cannot read at all. */
export async function parseMail(raw: Uint8Array | string, options: ParseOptions): Promise<InboundMail> {
  const email = await PostalMime.parse(raw);
  const headers = headerMap(email.headers);
  const text = email.text?.trim() ? email.text.replace(/\r\n?/g, '\n').trim() : email.html ? htmlToText(email.html) : '';
  return {
    messageId: messageIds(email.messageId)[0] ?? null,
    inReplyTo: messageIds(email.inReplyTo)[0] ?? null,
    references: messageIds(email.references ?? firstHeader(headers, 'references')),
    from: mailboxes(email.from ?? email.sender)[0] ?? null,
    replyTo: mailboxes(email.replyTo)[0] ?? null,
    to: mailboxes(email.to),
    cc: mailboxes(email.cc),
    subject: (email.subject ?? '').replace(/\s+/g, ' ').trim(),
    date: toDate(email.date),
    text,
    replyText: stripQuotedHistory(text),
    hasHtml: Boolean(email.html),
    attachments: email.attachments.map((part, index) => attachment(part, index, options.attachmentMaxBytes)),
    headers,
    size: typeof raw === 'string' ? Buffer.byteLength(raw) : raw.byteLength,
  };
}
