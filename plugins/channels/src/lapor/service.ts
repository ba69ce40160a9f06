import type { Core } from '@strapi/strapi';
import { PUBLIC, getService as sop } from '@layanan/sop-workflow';
import { UID, configOf, getService } from '../utils';
import { followUpText } from './followUp';
import { draftOf } from './draft';
import { guessServiceCategory, parseLaporText } from './parse';
import { manualAdapter, type LaporAdapter } from './adapter';
import { createLaporApi } from './api';
import { isLaporSender, readLaporConfig, type LaporConfig } from './config';

const CHANNEL = 'lapor_sp4n';

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

    async start(): Promise<void> {
      const config = this.configured();
      if (!config.api) {
        strapi.log.info('[lapor] LAPOR_API_ROOT and LAPOR_API_TOKEN are not set: SP4N-LAPOR! is manual (reports pasted, imported or read from its mails; follow-ups uploaded by the officer).');
        return;
      }
      adapter = createLaporApi(config.api);
      strapi.log.info(`[lapor] on: follow-ups are posted to the LAPOR! API at ${config.api.root}.`);
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
        text: followUpText({ trackingId: row.externalRef, reporter: row.applicant?.name ?? null, answer: row.answer, officeName: configOf(strapi).office.name }),
      };
    },

    async stop(): Promise<void> {
      adapter = manualAdapter;
    },
  };
};
