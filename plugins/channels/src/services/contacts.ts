import type { Core } from '@strapi/strapi';
import { CHANNEL_LABELS, OPEN_STATUSES, maskEmail, maskPhone, type Channel, type Status } from '@layanan/config';
import { SYSTEM, getService as sop } from '@layanan/sop-workflow';
import { UID, now } from '../utils';

export interface ContactInput {
  channel: string;
  address: string;
  at: Date;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  platformUserId?: string | null;
}

export interface ContactRow {
  id: number;
  channel: string;
  address: string;
  phone: string | null;
  email: string | null;
  displayName: string | null;
  lastInboundAt: string | null;
}

export interface InquirySummary {
  documentId: string;
  code: string;
  channel: Channel;
  status: Status;
  subject: string;
  receivedAt: string;
}

export const contactKey = (channel: string, address: string) => `${channel}:${address.toLowerCase()}`;

const SUMMARY = ['documentId', 'code', 'channel', 'status', 'subject', 'receivedAt'];

/** A citizen's address as the staff screens show it, masked the way its kind is (an e-mail, a number, a platform id): enough to recognise, never whole. */
export function maskAddress(address: string): string {
  if (address.includes('@')) return maskEmail(address);
  if (/^\+?\d{6,}$/.test(address)) return maskPhone(address);
  return address.length <= 6 ? '***' : `${address.slice(0, 2)}***${address.slice(-3)}`;
}

/**
 * Who wrote on each channel, recorded with every inbound message (in the intake's transaction); and, for
 * the inquiry page, that contact's other requests and the requests of other channels that share its phone
 * or e-mail — suggestions, never a merge.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.contact);

  async function find(channel: string, address: string): Promise<ContactRow | null> {
    return (await rows().findOne({ where: { key: contactKey(channel, address) } })) as ContactRow | null;
  }

  return {
    find,

    async seen(input: ContactInput): Promise<void> {
      const existing = await find(input.channel, input.address);
      const data = {
        ...(input.name ? { displayName: input.name.slice(0, 120) } : {}),
        ...(input.phone ? { phone: input.phone } : {}),
        ...(input.email ? { email: input.email.toLowerCase() } : {}),
        ...(input.platformUserId ? { platformUserId: input.platformUserId } : {}),
      };
      if (!existing) {
        await rows().create({ data: { key: contactKey(input.channel, input.address), channel: input.channel, address: input.address, lastInboundAt: input.at, ...data } });
        return;
      }
      const later = !existing.lastInboundAt || new Date(existing.lastInboundAt).getTime() < input.at.getTime();
      if (later || Object.keys(data).length > 0) await rows().update({ where: { id: existing.id }, data: { ...data, ...(later ? { lastInboundAt: input.at } : {}) } });
    },

    /** The contact behind an inquiry's citizen, their other requests on that channel, and look-alikes elsewhere. */
    async forInquiry(inquiryId: number) {
      const inquiry = (await strapi.db.query(UID.inquiry).findOne({
        where: { id: inquiryId },
        select: ['id', 'channel'],
        populate: { applicant: { select: ['email', 'phone', 'replyAddress'] } },
      })) as { id: number; channel: Channel; applicant?: { email?: string | null; phone?: string | null; replyAddress?: string | null } | null } | null;
      if (!inquiry) return null;
      const applicant = inquiry.applicant ?? {};
      const address = applicant.replyAddress ?? applicant.email ?? applicant.phone ?? null;
      const contact = address ? await find(inquiry.channel, address) : null;
      const phone = contact?.phone ?? applicant.phone ?? null;
      const email = contact?.email ?? applicant.email ?? null;
      const byAddress = address ? [{ replyAddress: address }, { email: address }, { phone: address }] : [];
      const earlier = byAddress.length
        ? ((await strapi.db.query(UID.inquiry).findMany({
            where: { id: { $ne: inquiry.id }, channel: inquiry.channel, applicant: { $or: byAddress } },
            select: SUMMARY,
            orderBy: { receivedAt: 'desc' },
            limit: 20,
          })) as InquirySummary[])
        : [];
      const alike = [...(phone ? [{ phone }] : []), ...(email ? [{ email }] : [])];
      const suggested = alike.length
        ? ((await strapi.db.query(UID.inquiry).findMany({
            where: { id: { $ne: inquiry.id }, channel: { $ne: inquiry.channel }, applicant: { $or: alike } },
            select: SUMMARY,
            orderBy: { receivedAt: 'desc' },
            limit: 10,
          })) as InquirySummary[])
        : [];
      return {
        contact: contact && { channel: contact.channel, address: maskAddress(contact.address), displayName: contact.displayName, lastInboundAt: contact.lastInboundAt },
        earlier,
        suggested,
      };
    },

    /**
     * The medium says a citizen's address changed (WhatsApp: a new number, a new business-scoped id): their
     * contact takes the new address, and so do their requests still being handled (or just answered) and the
     * messages still waiting to go to them, so the next message joins the same request and the answer reaches
     * the new number. Runs in the caller's transaction. Returns how many requests moved.
     */
    async moveAddress(channel: string, previous: readonly string[], next: { address: string; phone?: string | null; platformUserId?: string | null }): Promise<number> {
      const from = [...new Set(previous)];
      const to = next.address;
      const known = (await rows().findMany({ where: { key: { $in: from.map((address) => contactKey(channel, address)) } } })) as ContactRow[];
      const identity = { ...(next.phone ? { phone: next.phone } : {}), ...(next.platformUserId ? { platformUserId: next.platformUserId } : {}) };
      const already = await find(channel, to);
      if (already) await rows().update({ where: { id: already.id }, data: identity });
      else if (known[0]) await rows().update({ where: { id: known[0].id }, data: { key: contactKey(channel, to), address: to, ...identity } });

      const moving = (await strapi.db.query(UID.inquiry).findMany({
        where: { channel, status: { $in: [...OPEN_STATUSES, 'answered'] }, applicant: { replyAddress: { $in: from } } },
        select: ['id'],
        populate: { applicant: { select: ['id'] } },
      })) as { id: number; applicant?: { id: number } | null }[];
      if (moving.length === 0) return 0;
      const applicants = moving.map((inquiry) => inquiry.applicant?.id).filter((id): id is number => typeof id === 'number');
      await strapi.db.query('inquiry.applicant').updateMany({ where: { id: { $in: applicants } }, data: { replyAddress: to, ...(next.phone ? { phone: next.phone } : {}) } });
      const waiting = (await strapi.db.query(UID.notification).findMany({ where: { recipient: { $in: from }, status: 'pending', inquiry: { id: { $in: moving.map((i) => i.id) } } }, select: ['id'] })) as { id: number }[];
      if (waiting.length > 0) await strapi.db.query(UID.notification).updateMany({ where: { id: { $in: waiting.map((row) => row.id) } }, data: { recipient: to } });
      for (const inquiry of moving) {
        await sop(strapi, 'events').record({ inquiryId: inquiry.id, type: 'note', actor: SYSTEM, at: now(strapi), detail: { channel, note: `Alamat ${CHANNEL_LABELS[channel as Channel]?.id ?? channel} pemohon berganti menjadi ${maskAddress(to)}; pesan berikutnya dan jawaban memakai alamat baru.` } });
      }
      return moving.length;
    },

    /** The contact known on the channel by a platform user id (WhatsApp's BSUID), whatever its address now. */
    async byPlatformUserId(channel: string, platformUserId: string): Promise<ContactRow | null> {
      return (await rows().findOne({ where: { channel, platformUserId } })) as ContactRow | null;
    },

    /** The contact's latest request on the channel still being handled (or answered, so a thank-you joins it). */
    async openInquiry(channel: string, address: string): Promise<{ id: number; code: string } | null> {
      return (await strapi.db.query(UID.inquiry).findOne({
        where: { channel, status: { $in: [...OPEN_STATUSES, 'answered'] }, applicant: { $or: [{ replyAddress: address }, { email: address }] } },
        select: ['id', 'code'],
        orderBy: { id: 'desc' },
      })) as { id: number; code: string } | null;
    },
  };
};
