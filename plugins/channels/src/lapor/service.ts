import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PUBLIC, SYSTEM, getService as sop, type Actor } from '@layanan/sop-workflow';
import { LAPOR_STATUS_INFO, type LaporStatus } from '@layanan/config';
import { UID, configOf, getService, now, officeOf } from '../utils';
import { followUpText } from './followUp';
import { draftOf } from './draft';
import { guessServiceCategory, parseLaporText } from './parse';
import { manualAdapter, type FollowUpReceipt, type LaporAdapter } from './adapter';
import { createLaporApi, describeLaporError } from './api';
import { LAPOR_API_CHANNEL, laporSender } from './sender';
import { isLaporSender, readLaporConfig, type LaporConfig } from './config';

const CHANNEL = 'lapor_sp4n';

/** Where a LAPOR! status came from: the event's detail names it. */
export type LaporStatusSource = 'officer' | 'api' | 'mail';

interface StatusRow {
  channel: string;
  laporStatus: LaporStatus | null;
  laporStatusAt: string | null;
}

/** A LAPOR! mail whose report could not be read: its own words, for the officer to complete from LAPOR!. */
function unreadDraft(mail: LaporMail, trackingId: string | null) {
  const text = mail.text.trim() || mail.subject;
  return {
    kind: 'complaint' as const,
    channel: CHANNEL,
    subject: (mail.subject.trim() || 'E-mail dari SP4N-LAPOR!').slice(0, 200),
    message: (text.length >= 3 ? text : 'E-mail dari SP4N-LAPOR! tanpa isi.').slice(0, 5000),
    serviceCategory: guessServiceCategory(mail.subject, mail.text),
    applicant: { name: 'Pelapor SP4N-LAPOR!' },
    ...(trackingId ? { externalRef: trackingId } : {}),
    notes: 'E-mail dari SP4N-LAPOR!, tetapi nomor tiket atau isi laporannya tidak terbaca. Buka laporan di LAPOR!, lalu lengkapi nomor tiket dan isinya di sini.',
  };
}

/** A LAPOR! notification mail as the e-mail channel hands it over. */
export interface LaporMail {
  messageId: string;
  from: string;
  subject: string;
  text: string;
  receivedAt: Date;
}

/**
 * SP4N-LAPOR! inside the CMS: the adapter the settings choose (manual by default, the API with credentials),
 * the reports it brings in as requests of the `lapor_sp4n` channel, and the follow-ups it carries back.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let settings: LaporConfig | null = null;
  let adapter: LaporAdapter = manualAdapter;

  return {
    configured(): LaporConfig {
      settings ??= readLaporConfig(configOf(strapi).lapor);
      return settings;
    },

    adapter(): LaporAdapter {
      return adapter;
    },

    /** Pengaturan → Kanal saved new settings: the API adapter starts again on them (or the channel turns manual). */
    async reload(): Promise<void> {
      sop(strapi, 'delivery').unregister(LAPOR_API_CHANNEL);
      getService(strapi, 'routing').dropMedium(CHANNEL);
      settings = null;
      adapter = manualAdapter;
      await this.start();
    },

    async start(): Promise<void> {
      const config = this.configured();
      if (!config.api) {
        strapi.log.info('[lapor] LAPOR_API_ROOT and LAPOR_API_TOKEN are not set: SP4N-LAPOR! is manual (reports pasted, imported or read from its mails; follow-ups uploaded by the officer).');
        return;
      }
      adapter = createLaporApi(config.api);
      // Only the answer is posted: LAPOR! shows every follow-up to the reporter, and a receipt is none.
      sop(strapi, 'delivery').register(laporSender(strapi, () => adapter));
      getService(strapi, 'routing').useMedium(CHANNEL, { channel: LAPOR_API_CHANNEL, carries: ['answer'], addressOf: (inquiry) => inquiry.externalRef ?? null });
      strapi.log.info(`[lapor] on: follow-ups are posted to the LAPOR! API at ${config.api.root}.`);
    },

    /**
     * What LAPOR! shows for a request's report, as of `at`: stored with when it was seen, and an event when it
     * changed. A word older than the one stored (a late mail) changes nothing. Returns the row as it stands,
     * or null when the request is not LAPOR!'s.
     */
    async recordStatus(inquiryId: number, status: LaporStatus, input: { at: Date; actor: Actor; source: LaporStatusSource }): Promise<{ laporStatus: LaporStatus | null; laporStatusAt: string | Date | null } | null> {
      return strapi.db.transaction(async () => {
        const row = (await strapi.db.query(UID.inquiry).findOne({ where: { id: inquiryId }, select: ['channel', 'laporStatus', 'laporStatusAt'] })) as StatusRow | null;
        if (row?.channel !== CHANNEL) return null;
        if (row.laporStatusAt && new Date(row.laporStatusAt).getTime() > input.at.getTime()) return { laporStatus: row.laporStatus, laporStatusAt: row.laporStatusAt };
        await strapi.db.query(UID.inquiry).update({ where: { id: inquiryId }, data: { laporStatus: status, laporStatusAt: input.at } });
        if (row.laporStatus !== status) {
          await sop(strapi, 'events').record({
            inquiryId,
            type: 'lapor_status',
            actor: input.actor,
            at: input.at,
            detail: { status, label: LAPOR_STATUS_INFO[status].id, source: input.source, ...(row.laporStatus ? { previous: row.laporStatus } : {}) },
          });
        }
        return { laporStatus: status, laporStatusAt: input.at };
      });
    },

    /** The status a posted follow-up left: the API's receipt names it, or one look-up asks; a failed look-up changes nothing. */
    async statusAfterPost(inquiryId: number, receipt: FollowUpReceipt): Promise<void> {
      let status = receipt.status;
      if (!status) {
        const row = (await strapi.db.query(UID.inquiry).findOne({ where: { id: inquiryId }, select: ['externalRef'] })) as { externalRef: string | null } | null;
        try {
          status = row?.externalRef ? ((await adapter.status(row.externalRef))?.status ?? null) : null;
        } catch (error) {
          strapi.log.warn(`[lapor] the status of inquiry #${inquiryId} after its follow-up could not be read: ${describeLaporError(error)}`);
        }
      }
      if (status) await this.recordStatus(inquiryId, status, { at: now(strapi), actor: SYSTEM, source: 'api' });
    },

    /** The officer records what LAPOR! shows for the report of a request they may see. */
    async recordByOfficer(documentId: string, status: LaporStatus, actor: Actor) {
      const scope = sop(strapi, 'staff').scopeOf(actor);
      const row = (await strapi.db.query(UID.inquiry).findOne({ where: { documentId, ...(scope ?? {}) }, select: ['id'] })) as { id: number } | null;
      if (!row) throw new errors.NotFoundError('Permohonan tidak ditemukan.');
      const recorded = await this.recordStatus(row.id, status, { at: now(strapi), actor, source: 'officer' });
      if (!recorded) throw new errors.ValidationError('Status SP4N-LAPOR! hanya dapat dicatat untuk pengaduan dari SP4N-LAPOR!.');
      return recorded;
    },

    /** Mail from one of LAPOR_MAIL_SENDERS is LAPOR!'s, not a citizen's. */
    isLaporMail(from: string): boolean {
      return isLaporSender(from, this.configured().mailSenders);
    },

    /**
     * A notification mail, inside the mailbox's own transaction: a report new to the Dinas becomes a LAPOR!
     * request (its clock from the mail's arrival); one already recorded (LAPOR!'s reminder, a status change)
     * joins that request's conversation. A mail whose report cannot be read is still a LAPOR! request, with
     * the mail's own text and a note for the officer to complete it from LAPOR!.
     */
    async receiveMail(mail: LaporMail): Promise<'lapor:inquiry' | 'lapor:unread' | 'lapor:known'> {
      const report = parseLaporText(`${mail.subject}\n${mail.text}`);
      const existing = report.trackingId
        ? ((await strapi.db.query(UID.inquiry).findOne({ where: { channel: CHANNEL, externalRef: report.trackingId }, select: ['id'] })) as { id: number } | null)
        : null;
      const message = { direction: 'in' as const, channel: CHANNEL, status: 'received' as const, externalId: mail.messageId, text: mail.text, address: mail.from, at: mail.receivedAt };
      if (existing) {
        const { created } = await getService(strapi, 'conversation').record({ ...message, inquiryId: existing.id, purpose: 'follow_up' });
        if (created) await sop(strapi, 'events').record({ inquiryId: existing.id, type: 'message_received', actor: PUBLIC, at: mail.receivedAt, detail: { channel: CHANNEL, note: 'E-mail pemberitahuan SP4N-LAPOR!' } });
        if (created && report.status) await this.recordStatus(existing.id, report.status, { at: mail.receivedAt, actor: SYSTEM, source: 'mail' });
        return 'lapor:known';
      }
      const readable = Boolean(report.trackingId && report.content);
      const draft = readable ? draftOf(report) : unreadDraft(mail, report.trackingId || null);
      const { inquiry } = await sop(strapi, 'workflow').create({ ...draft, receivedAt: mail.receivedAt }, PUBLIC);
      await getService(strapi, 'conversation').record({ ...message, inquiryId: inquiry.id, purpose: 'question' });
      return readable ? 'lapor:inquiry' : 'lapor:unread';
    },

    /**
     * The delivery task of an answered LAPOR! request: the follow-up to upload on the report's page, ready to
     * copy, and where that page is; null for any other request, or before the answer.
     */
    async followUp(inquiryId: number): Promise<{ trackingId: string; reportUrl: string; text: string } | null> {
      const row = (await strapi.db.query(UID.inquiry).findOne({
        where: { id: inquiryId },
        select: ['channel', 'externalRef', 'answer'],
        populate: { applicant: { select: ['name'] } },
      })) as { channel: string; externalRef: string | null; answer: string | null; applicant?: { name?: string | null } | null } | null;
      if (row?.channel !== CHANNEL || !row.externalRef || !row.answer) return null;
      return {
        trackingId: row.externalRef,
        reportUrl: this.configured().reportUrl.replace('{id}', encodeURIComponent(row.externalRef)),
        text: followUpText({ trackingId: row.externalRef, reporter: row.applicant?.name ?? null, answer: row.answer, officeName: (await officeOf(strapi)).name }),
      };
    },

    async stop(): Promise<void> {
      adapter = manualAdapter;
    },
  };
};
