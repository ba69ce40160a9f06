import type { Core } from '@strapi/strapi';
import { getService as sop } from '@layanan/sop-workflow';
import { CHANNELS, CHANNEL_MEDIA, CHANNEL_LABELS, citizenOutboxChannel, type Channel } from '@layanan/config';
import { UID, configOf } from '../utils';

/** The outbox rows the workflow writes for the citizen, on the inquiry's own channel. */
type CitizenTopic = 'inquiry.received' | 'inquiry.answered';

/** What goes to the citizen: the receipt, the answer, the officer's message in between. */
export type CitizenPurpose = 'receipt' | 'answer' | 'message';

export interface Medium {
  /** The outbox channel of the medium's sender (e.g. 'smtp'). */
  channel: string;
  /** What it carries, when not everything (LAPOR!'s follow-up is the answer alone). */
  carries?: readonly CitizenPurpose[];
  /** The citizen's address on it, from the inquiry, or null when the inquiry gave none. */
  addressOf(inquiry: InquiryContact): string | null;
}

export interface InquiryContact {
  id: number;
  documentId: string;
  code: string;
  channel: Channel;
  externalRef?: string | null;
  applicant?: { email?: string | null; phone?: string | null; replyAddress?: string | null } | null;
}

interface SourceRow {
  id: number;
  topic: string;
  idempotencyKey: string;
  payload: Record<string, unknown> | null;
  inquiry?: number | null;
}

/**
 * SOP step 4, "through the same medium": the rows the workflow writes for the citizen on the inquiry's
 * channel are routed here to a medium that can carry them (e-mail for an e-mail request, and for a website
 * request that gave an address), or become the officer's delivery task when none can. A website answer is
 * on the tracking page as soon as it is written. Each route runs inside the transaction that marks the
 * source row done (the delivery engine's fan-out), so the new row and that mark commit together.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const media = new Map<Channel, Medium>();

  async function contactOf(inquiryId: number | null | undefined): Promise<InquiryContact | null> {
    if (!inquiryId) return null;
    return (await strapi.db.query(UID.inquiry).findOne({
      where: { id: inquiryId },
      select: ['id', 'documentId', 'code', 'channel', 'externalRef'],
      populate: { applicant: { select: ['email', 'phone', 'replyAddress'] } },
    })) as InquiryContact | null;
  }

  /** Receipts queued for one address in the last `withinMs`: an auto-responder writing ten times gets one. */
  async function receiptsRecently(channel: string, address: string, at: Date, withinMs = 3600_000): Promise<number> {
    return strapi.db.query(UID.notification).count({
      where: { channel, recipient: address, topic: 'inquiry.received', nextAttemptAt: { $gte: new Date(at.getTime() - withinMs) } },
    });
  }

  /**
   * The website form takes any e-mail address, so it could make the Dinas mail a stranger. An address gets
   * at most one receipt a day, unless it belongs to an open request an officer has taken up (sorted and
   * routed, or further): a citizen in an exchange with the Dinas, not a name typed by someone else.
   */
  async function websiteReceiptRefused(inquiry: InquiryContact, address: string, channel: string, at: Date): Promise<boolean> {
    if ((await receiptsRecently(channel, address, at, 24 * 3600_000)) === 0) return false;
    const takenUp = await strapi.db.query(UID.inquiry).count({
      where: { id: { $ne: inquiry.id }, status: { $notIn: ['received', 'closed'] }, applicant: { email: address } },
    });
    return takenUp === 0;
  }

  async function receiptRefused(inquiry: InquiryContact, target: { medium: Medium; address: string }, at: Date): Promise<boolean> {
    const { channel } = target.medium;
    if ((await receiptsRecently(channel, target.address, at)) >= configOf(strapi).receiptsPerAddressPerHour) return true;
    return inquiry.channel === 'website' && websiteReceiptRefused(inquiry, target.address, channel, at);
  }

  /** The medium that carries this kind of message for requests of this channel, whoever asked, if any. */
  function channelMedium(channel: Channel, purpose: CitizenPurpose): Medium | null {
    const medium = media.get(channel) ?? (channel === 'website' ? media.get('email') : undefined);
    return medium && (!medium.carries || medium.carries.includes(purpose)) ? medium : null;
  }

  /** The medium that carries this kind of message to this inquiry's citizen, and their address on it, if any. */
  function mediumFor(inquiry: InquiryContact, purpose: CitizenPurpose): { medium: Medium; address: string } | null {
    const medium = channelMedium(inquiry.channel, purpose);
    const address = medium?.addressOf(inquiry);
    return medium && address ? { medium, address } : null;
  }

  async function route(row: SourceRow, channel: Channel, at: Date) {
    // A receipt no medium could carry (a website request while e-mail is off) is done without reading the request.
    if (row.topic === 'inquiry.received' && !channelMedium(channel, 'receipt')) return { payload: { routedTo: 'none' } };
    const inquiry = await contactOf(row.inquiry);
    if (!inquiry) return { refused: 'Permohonan untuk pesan ini tidak ditemukan.' };
    const topic = row.topic as CitizenTopic;
    const purpose = topic === 'inquiry.received' ? 'receipt' : 'answer';
    const target = mediumFor(inquiry, purpose);
    if (target && purpose === 'receipt' && (await receiptRefused(inquiry, target, at))) {
      return { payload: { routedTo: 'none', reason: 'receipt-limit' } };
    }
    if (target) {
      await sop(strapi, 'outbox').enqueue({
        channel: target.medium.channel,
        topic: row.topic,
        recipient: target.address,
        idempotencyKey: `${row.idempotencyKey}:${target.medium.channel}`,
        inquiryId: inquiry.id,
        payload: { ...(row.payload ?? {}), inquiry: inquiry.documentId, code: inquiry.code, purpose },
        at,
      });
    } else if (topic === 'inquiry.answered') {
      const mode = CHANNEL_MEDIA[inquiry.channel].answer;
      await sop(strapi, 'workflow').deliveryOutcome(
        inquiry.id,
        mode === 'tracking'
          ? { state: 'delivered', at, via: inquiry.channel, note: 'Jawaban tampil di halaman pelacakan.' }
          : { state: 'officer_task', at, via: inquiry.channel, note: `Sampaikan jawaban lewat ${CHANNEL_LABELS[inquiry.channel].id}.` },
      );
    }
    return { payload: { routedTo: target?.medium.channel ?? (topic === 'inquiry.answered' ? 'officer' : 'none') } };
  }

  return {
    /** One fan-out per inquiry channel, registered with the delivery engine at bootstrap. */
    registerAll(): void {
      const delivery = sop(strapi, 'delivery');
      for (const channel of CHANNELS) {
        delivery.registerFanout({
          channel: citizenOutboxChannel(channel),
          expand: async (row, at) => {
            if (row.topic !== 'inquiry.received' && row.topic !== 'inquiry.answered') return { refused: `Topik ${row.topic} tidak dikenal untuk kanal ${channel}.` };
            return route(row as SourceRow, channel, at);
          },
        });
      }
    },

    /** A medium that can now carry the citizen's messages for requests of this channel (e-mail once SMTP is set). */
    useMedium(channel: Channel, medium: Medium): void {
      media.set(channel, medium);
    },

    /** The medium is gone (its settings cleared): the citizen's messages become the officer's delivery tasks again. */
    dropMedium(channel: Channel): void {
      media.delete(channel);
    },

    mediumFor,
    contactOf,

    /**
     * Where a Tanda Terima the officer sends reaches the citizen: the request's own medium and their address on
     * it, else e-mail when they gave an address (a citizen at the counter or on the telephone).
     */
    receiptTarget(inquiry: InquiryContact): { medium: Medium; address: string } | null {
      const own = mediumFor(inquiry, 'receipt');
      if (own) return own;
      const mail = media.get('email');
      const address = inquiry.applicant?.email;
      return mail && address ? { medium: mail, address } : null;
    },

    /** What the answer form tells the officer beforehand: where the answer will go. */
    async plan(inquiryId: number): Promise<{ mode: 'adapter' | 'officer' | 'tracking'; channel: Channel; medium: string | null; address: string | null } | null> {
      const inquiry = await contactOf(inquiryId);
      if (!inquiry) return null;
      const target = mediumFor(inquiry, 'answer');
      if (target) return { mode: 'adapter', channel: inquiry.channel, medium: target.medium.channel, address: target.address };
      const mode = CHANNEL_MEDIA[inquiry.channel].answer === 'tracking' ? 'tracking' : 'officer';
      const address = inquiry.applicant?.email ?? inquiry.applicant?.phone ?? inquiry.applicant?.replyAddress ?? null;
      return { mode, channel: inquiry.channel, medium: null, address };
    },

  };
};
