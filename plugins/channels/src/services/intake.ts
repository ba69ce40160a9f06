import type { Core } from '@strapi/strapi';
import { PUBLIC, getService as sop } from '@layanan/sop-workflow';
import { REPLY_WINDOW_HOURS, replyWindowReminderAt, type Channel } from '@layanan/config';
import { UID, getService, now } from '../utils';

/** A citizen's message as a medium hands it over, already parsed and judged by the medium's own code. */
export interface InboundMessage {
  channel: Channel;
  /** The medium's id of the message (a Message-ID, a wamid): the conversation stores each one once. */
  externalId: string;
  from: { address: string; name?: string | null };
  subject?: string | null;
  text: string;
  /** When it reached our side of the medium (the mail server's arrival time, not the sender's Date header). */
  at: Date;
  attachments?: unknown;
  /** What the medium needs to thread a reply to this message. */
  thread?: Record<string, unknown> | null;
  /** The medium matched it to an open request of the same sender (a mail reply): appended there. */
  appendTo?: number | null;
  /** A tracking code the message cites but may not be appended to (another sender, a closed request). */
  cites?: string | null;
  /**
   * Chat media: a message from a contact with a request still being handled (or just answered) joins it,
   * as a chat continues; without this only a request nobody has sorted yet takes it (e-mail threads instead).
   */
  joinOpen?: boolean;
  /** What else the medium says about the sender (a WhatsApp number beside a username, a platform user id). */
  identity?: { phone?: string | null; platformUserId?: string | null } | null;
}

export interface IntakeResult {
  inquiryId: number;
  code: string;
  created: boolean;
}

const SUBJECT_MAX = 200;
const MESSAGE_MAX = 5000;
const FALLBACK_SUBJECT = '(tanpa judul)';

/**
 * The SOP clock starts when the message reached the office, even if this server read it later (it was down,
 * the mailbox was disconnected); never in the future, and never more than a week back.
 */
function arrival(at: Date, current: Date): Date {
  const earliest = current.getTime() - 7 * 24 * 3600_000;
  return new Date(Math.max(earliest, Math.min(at.getTime(), current.getTime())));
}

function clip(text: string, max: number): string {
  const flat = text.trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The one way a medium's message becomes part of the SOP: a new inquiry through the workflow (its code,
 * deadlines, receipt and audit event come from there), or a follow-up appended to the sender's open request.
 * Messages from one sender that arrive before their request has been sorted join it, as one request.
 * Runs in the caller's transaction, so the stored raw message is marked processed with it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const conversation = () => getService(strapi, 'conversation');

  /** The sender's request on this channel that nobody has sorted yet, if any. */
  async function unsorted(channel: Channel, address: string): Promise<{ id: number; code: string } | null> {
    return (await strapi.db.query(UID.inquiry).findOne({
      where: { channel, status: 'received', applicant: { $or: [{ email: address }, { replyAddress: address }] } },
      select: ['id', 'code'],
      orderBy: { id: 'desc' },
    })) as { id: number; code: string } | null;
  }

  /**
   * The medium's reply window runs from the citizen's latest message: the card shows when it closes, and the
   * sweep reminds the officers shortly before (once per window: a later message moves both).
   */
  async function openWindow(inquiryId: number, message: InboundMessage): Promise<void> {
    const hours = REPLY_WINDOW_HOURS[message.channel];
    if (!hours) return;
    const until = new Date(message.at.getTime() + hours * 3600_000);
    await strapi.db.query(UID.inquiry).updateMany({
      where: { id: inquiryId, $or: [{ replyWindowUntil: null }, { replyWindowUntil: { $lt: until } }] },
      data: { replyWindowUntil: until, replyWindowReminderAt: replyWindowReminderAt(until) },
    });
  }

  async function append(inquiry: { id: number; code: string }, message: InboundMessage): Promise<IntakeResult> {
    const { created } = await conversation().record({
      inquiryId: inquiry.id,
      direction: 'in',
      channel: message.channel,
      purpose: 'follow_up',
      status: 'received',
      externalId: message.externalId,
      text: message.text,
      address: message.from.address,
      attachments: message.attachments ?? null,
      thread: message.thread ?? null,
      at: message.at,
    });
    if (created) {
      await openWindow(inquiry.id, message);
      await sop(strapi, 'events').record({ inquiryId: inquiry.id, type: 'message_received', actor: PUBLIC, at: message.at, detail: { channel: message.channel } });
    }
    return { inquiryId: inquiry.id, code: inquiry.code, created: false };
  }

  return {
    async receive(given: InboundMessage): Promise<IntakeResult> {
      const message = { ...given, at: arrival(given.at, now(strapi)) };
      return strapi.db.transaction(async () => {
        const isEmail = message.channel === 'email';
        // An e-mail address is compared in lower case; a platform id (a WhatsApp BSUID) is sent to as it is.
        const address = isEmail ? message.from.address.toLowerCase() : message.from.address;
        const phone = message.identity?.phone ?? null;
        await getService(strapi, 'contacts').seen({
          channel: message.channel,
          address,
          at: message.at,
          name: message.from.name,
          phone,
          email: isEmail ? address : null,
          platformUserId: message.identity?.platformUserId ?? null,
        });
        const target = message.appendTo
          ? ((await strapi.db.query(UID.inquiry).findOne({ where: { id: message.appendTo }, select: ['id', 'code'] })) as { id: number; code: string } | null)
          : message.joinOpen
            ? await getService(strapi, 'contacts').openInquiry(message.channel, address)
            : await unsorted(message.channel, address);
        if (target) return append(target, message);

        const { inquiry } = await sop(strapi, 'workflow').create(
          {
            kind: 'information',
            channel: message.channel,
            subject: clip(message.subject || FALLBACK_SUBJECT, SUBJECT_MAX),
            message: clip(message.text || message.subject || FALLBACK_SUBJECT, MESSAGE_MAX),
            applicant: {
              name: clip(message.from.name || address.split('@')[0], 120),
              ...(isEmail ? { email: address } : { replyAddress: address }),
              ...(phone ? { phone } : {}),
            },
            externalRef: clip(message.externalId, 120),
            receivedAt: message.at,
            ...(message.cites ? { notes: `Mengaku terkait ${message.cites}; dikirim dari alamat lain atau setelah permohonan itu ditutup.` } : {}),
          },
          PUBLIC,
        );
        await conversation().record({
          inquiryId: inquiry.id,
          direction: 'in',
          channel: message.channel,
          purpose: 'question',
          status: 'received',
          externalId: message.externalId,
          text: message.text,
          address,
          attachments: message.attachments ?? null,
          thread: message.thread ?? null,
          at: message.at,
        });
        await openWindow(inquiry.id, message);
        return { inquiryId: inquiry.id, code: inquiry.code, created: true };
      });
    },
  };
};
