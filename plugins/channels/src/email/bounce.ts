import PostalMime from 'postal-mime';
import { firstHeader, messageIds, parseHeaderBlock } from './headers';

/**
 * What a delivery status notification (RFC 3464) says about a mail we sent. The original Message-ID ties
 * it to the outbox row (`<inf.<code>.<outboxId>@…>`, compose.ts); the Original-Envelope-Id is that row's
 * id too (the `dsn.id` we sent), for servers that return no headers.
 */
export type BounceOutcome = 'permanent' | 'temporary' | 'delivered' | 'unknown';

export interface RecipientReport {
  recipient: string | null;
  action: string | null;
  /** The enhanced status code, "5.1.1". */
  status: string | null;
  diagnostic: string | null;
}

export interface BounceReport extends RecipientReport {
  originalMessageId: string | null;
  envelopeId: string | null;
  outcome: BounceOutcome;
  /** Every recipient the report speaks of; the fields above are those of the one that decided. */
  recipients: RecipientReport[];
}

const STATUS_CODE = /\b([245])\.\d{1,3}\.\d{1,3}\b/;
const STATUS_PARTS = new Set(['message/delivery-status', 'message/global-delivery-status']);
const HEADER_PARTS = new Set(['text/rfc822-headers', 'message/rfc822', 'message/global', 'message/global-headers']);

/**
 * `failed` means the reporting server gave up: the mail will not arrive, whatever class its status code
 * has (a 4.4.7 "expired" after days of retrying is as final for us as a 5.1.1). `delayed` means it is
 * still trying. Without an Action field the status code's class decides.
 */
export function outcomeOf(action: string | null, status: string | null): BounceOutcome {
  const verb = action?.toLowerCase() ?? '';
  if (verb === 'failed') return 'permanent';
  if (verb === 'delayed') return 'temporary';
  if (['delivered', 'relayed', 'expanded'].includes(verb)) return 'delivered';
  const klass = status ? STATUS_CODE.exec(status)?.[1] : undefined;
  return klass === '5' ? 'permanent' : klass === '4' ? 'temporary' : klass === '2' ? 'delivered' : 'unknown';
}

/** `rfc822; budi@example.com` → `budi@example.com`; `smtp; 550 5.1.1 …` → `550 5.1.1 …`. */
function typedValue(value: string | null): string | null {
  if (!value) return null;
  const semicolon = value.indexOf(';');
  return (semicolon >= 0 ? value.slice(semicolon + 1) : value).trim() || null;
}

function deliveryStatus(text: string): { envelopeId: string | null; recipients: RecipientReport[] } {
  const [perMessage, ...perRecipient] = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/).map(parseHeaderBlock);
  const recipients = perRecipient
    .filter((fields) => fields.size > 0)
    .map((fields) => ({
      recipient: typedValue(firstHeader(fields, 'final-recipient') ?? firstHeader(fields, 'original-recipient'))?.toLowerCase() ?? null,
      action: firstHeader(fields, 'action')?.toLowerCase() ?? null,
      status: STATUS_CODE.exec(firstHeader(fields, 'status') ?? '')?.[0] ?? null,
      diagnostic: typedValue(firstHeader(fields, 'diagnostic-code')),
    }));
  return { envelopeId: firstHeader(perMessage ?? new Map(), 'original-envelope-id'), recipients };
}

const asText = (content: PostalMime.Attachment['content']) => (typeof content === 'string' ? content : new TextDecoder().decode(content));

/** Call it on mail the classifier called a bounce; a report that is not RFC 3464 gives what its text reveals. */
export async function parseBounce(raw: Uint8Array | string): Promise<BounceReport> {
  // Parts kept whole: an inlined message/rfc822 would lose the header block that carries our Message-ID.
  const email = await PostalMime.parse(raw, { forceRfc822Attachments: true });
  const parts = email.attachments.map((part) => ({ type: part.mimeType.toLowerCase(), text: asText(part.content) }));

  const status = parts.find((part) => STATUS_PARTS.has(part.type));
  const { envelopeId, recipients } = status ? deliveryStatus(status.text) : { envelopeId: null, recipients: [] };
  if (recipients.length === 0) {
    const code = STATUS_CODE.exec(email.text ?? '')?.[0] ?? null;
    const failed = email.headers.find((header) => header.key === 'x-failed-recipients')?.value.split(',')[0].trim().toLowerCase();
    recipients.push({ recipient: failed || null, action: null, status: code, diagnostic: null });
  }
  const deciding = recipients.find((r) => r.action === 'failed') ?? recipients.find((r) => r.action === 'delayed') ?? recipients[0];

  const original = parts.find((part) => HEADER_PARTS.has(part.type));
  const originalMessageId =
    (original && messageIds(firstHeader(parseHeaderBlock(original.text), 'message-id'))[0]) ||
    messageIds(/^\s*Message-ID:\s*(<[^>\s]+>)/im.exec(email.text ?? '')?.[1])[0] ||
    null;

  return { ...deciding, originalMessageId, envelopeId, outcome: outcomeOf(deciding.action, deciding.status), recipients };
}
