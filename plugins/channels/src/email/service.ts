import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { getService as sop, type OutboxRow, type SendOutcome } from '@layanan/sop-workflow';
import { maskEmail, type Kind, type Status } from '@layanan/config';
import { UID, configOf, getService, now, officeOf, privacyUrl, trackingUrl } from '../utils';
import { readEmailConfig, type EmailConfig } from './config';
import { parseMail, type InboundMail } from './parse';
import { classifyMail } from './classify';
import { parseBounce } from './bounce';
import { decideThread, type ThreadedInquiry } from './thread';
import { composeAnswer, composeMessage, composeReceipt, ownMessageId, websiteSubject, type CitizenThread, type ReceiptPolicy } from './compose';
import { createSmtpSender, classify, describe, type SmtpSender } from './smtp';
import { MailboxWatcher, type FetchedMail, type MailboxCursor } from './imap';
import { imapFailure } from './failures';

/** The outbox channel of the SMTP sender; requests of the `email` (and `website`) channel are routed to it. */
export const SMTP_CHANNEL = 'smtp';
const INBOX_CHANNEL = 'email';
const LEASE = 'email:imap';
const LEASE_MS = 60_000;
const PROCESS_BATCH = 50;
const UNCHECKED_TLS = { rejectUnauthorized: false };

interface InquiryForMail {
  id: number;
  documentId: string;
  code: string;
  kind: Kind;
  channel: string;
  status: Status;
  subject: string;
  answer: string | null;
  policy: ReceiptPolicy | null;
  applicant?: { name?: string | null; email?: string | null } | null;
}

type Purpose = 'receipt' | 'answer' | 'message';

/** A row that can never be sent (its inquiry or address is gone): no SMTP answer would change that. */
class Undeliverable extends Error {}

const classifyFailure = (error: unknown): SendOutcome => (error instanceof Undeliverable ? { kind: 'permanent' } : classify(error));
const describeFailure = (error: unknown): string => (error instanceof Undeliverable ? error.message : describe(error));

/**
 * The e-mail channel inside the CMS: the Dinas mailbox read by one instance at a time (a lease), every mail
 * stored raw before its cursor moves and turned into an inquiry or a follow-up afterwards (inbox service),
 * and the receipt, the answer and the officer's messages sent as replies in the citizen's own thread
 * through the delivery engine. Machine mail (auto-replies, bounces, lists, our own) creates nothing and is
 * never answered; a bounce marks the message it reports as failed, and the answer with it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let settings: EmailConfig | null = null;
  let smtp: SmtpSender | null = null;
  let watcher: MailboxWatcher | null = null;
  let leaseTimer: NodeJS.Timeout | null = null;
  let processing: Promise<void> | null = null;
  const owner = randomUUID();
  const inbox = () => getService(strapi, 'inbox');
  const conversation = () => getService(strapi, 'conversation');
  const log = {
    info: (message: string) => strapi.log.info(message),
    warn: (message: string) => strapi.log.warn(message),
  };

  async function inquiryFor(documentId: string): Promise<InquiryForMail | null> {
    return (await strapi.db.query(UID.inquiry).findOne({
      where: { documentId },
      select: ['id', 'documentId', 'code', 'kind', 'channel', 'status', 'subject', 'answer', 'policy'],
      populate: { applicant: { select: ['name', 'email'] } },
    })) as InquiryForMail | null;
  }

  /**
   * The mail being answered: the citizen's last one in this inquiry. A website request has none: its mails
   * carry the Dinas' own subject, never the one typed into the form, so the form cannot put words of anyone's
   * choosing into a mail from the Dinas to an address nobody checked.
   */
  async function threadOf(inquiry: InquiryForMail): Promise<CitizenThread> {
    const last = await conversation().lastInbound(inquiry.id, INBOX_CHANNEL);
    const thread = (last?.thread ?? {}) as { messageId?: string | null; references?: string[]; subject?: string };
    return { messageId: thread.messageId ?? null, references: thread.references ?? [], subject: thread.subject ?? websiteSubject(inquiry.kind) };
  }

  async function send(row: OutboxRow, signal: AbortSignal): Promise<{ externalId: string | null }> {
    const outbound = settings?.outbound;
    if (!smtp || !outbound) throw Object.assign(new Error('SMTP is not configured'), { code: 'ECONNREFUSED' });
    const payload = row.payload ?? {};
    const inquiry = await inquiryFor(String(payload.inquiry ?? ''));
    if (!inquiry || !row.recipient) throw new Undeliverable('Permohonan atau alamat penerima tidak ditemukan.');
    const context = {
      from: outbound.from,
      domain: outbound.domain,
      // The receipt of a website request is sent before anyone has read it: no name typed into the form.
      to: { address: row.recipient, name: inquiry.channel === 'website' && payload.purpose === 'receipt' ? undefined : (inquiry.applicant?.name ?? undefined) },
      code: inquiry.code,
      kind: inquiry.kind,
      outboxId: row.id,
      thread: await threadOf(inquiry),
      instance: owner,
      organisation: await officeOf(strapi).then(({ name, address }) => ({ name, addressLine: address })),
    };
    const purpose = payload.purpose as Purpose;
    const tracking = trackingUrl(strapi, inquiry.code, payload.trackingToken);
    const mail =
      purpose === 'receipt' && inquiry.policy
        ? composeReceipt(context, { status: inquiry.status, trackingUrl: tracking ?? '', privacyUrl: privacyUrl(strapi), policy: inquiry.policy })
        : purpose === 'answer'
          ? composeAnswer(context, { text: inquiry.answer ?? '' })
          : composeMessage(context, { text: String(payload.text ?? '') });
    const sent = await smtp.send({ ...mail, messageId: ownMessageId(inquiry.code, row.id, outbound.domain) }, signal);
    return { externalId: sent.externalId };
  }

  async function afterSent(row: OutboxRow, result: { externalId: string | null }): Promise<void> {
    const payload = row.payload ?? {};
    const purpose = payload.purpose as Purpose;
    const inquiryId = row.inquiry ?? null;
    if (!inquiryId) return;
    const at = now(strapi);
    await strapi.db.transaction(async () => {
      await conversation().record({
        inquiryId,
        direction: 'out',
        channel: INBOX_CHANNEL,
        purpose,
        status: 'sent',
        externalId: result.externalId,
        text: purpose === 'message' ? String(payload.text ?? '') : purpose === 'answer' ? ((await inquiryFor(String(payload.inquiry)))?.answer ?? null) : null,
        address: row.recipient,
        notification: row.id,
        at,
      });
      if (purpose === 'answer') await sop(strapi, 'workflow').deliveryOutcome(inquiryId, { state: 'delivered', at, via: INBOX_CHANNEL, note: `Diterima server e-mail untuk ${maskEmail(row.recipient ?? '')}.` });
      await sop(strapi, 'outbox').scrubSecrets(row.id);
    });
  }

  async function afterFailed(row: OutboxRow, _outcome: SendOutcome, error: unknown): Promise<void> {
    const inquiryId = row.inquiry ?? null;
    if (!inquiryId) return;
    const at = now(strapi);
    const cause = error === undefined ? 'Tidak pasti terkirim.' : describeFailure(error);
    await strapi.db.transaction(async () => {
      await conversation().record({ inquiryId, direction: 'out', channel: INBOX_CHANNEL, purpose: (row.payload?.purpose as Purpose) ?? 'message', status: 'failed', address: row.recipient, notification: row.id, cause, at });
      if (row.payload?.purpose === 'answer') await sop(strapi, 'workflow').deliveryOutcome(inquiryId, { state: 'failed', at, via: INBOX_CHANNEL, note: cause });
    });
  }

  /** A bounce names the mail it reports by our own Message-ID: that message, its outbox row and (for an answer) the step fail. */
  async function bounced(raw: Uint8Array): Promise<string> {
    const report = await parseBounce(raw);
    if (report.outcome !== 'permanent' || !report.originalMessageId) return `bounce:${report.outcome}`;
    const cause = `Ditolak server penerima${report.status ? ` (${report.status})` : ''}${report.diagnostic ? `: ${report.diagnostic}` : ''}`.slice(0, 500);
    const message = await conversation().mark({ channel: INBOX_CHANNEL, externalId: report.originalMessageId }, { status: 'failed', cause });
    if (!message) return 'bounce:unknown-message';
    const sent = (await strapi.db.query(UID.message).findOne({ where: { id: message.id }, select: ['notification', 'purpose'], populate: { inquiry: { select: ['id'] } } })) as { notification: number | null; purpose: Purpose; inquiry?: { id: number } } | null;
    if (sent?.notification) await strapi.db.query(UID.notification).update({ where: { id: sent.notification }, data: { status: 'failed', lastError: cause } });
    if (sent?.purpose === 'answer' && sent.inquiry) await sop(strapi, 'workflow').deliveryOutcome(sent.inquiry.id, { state: 'failed', at: now(strapi), via: INBOX_CHANNEL, note: cause });
    return 'bounce:failed';
  }

  async function threaded(ids: string[]): Promise<ThreadedInquiry | null> {
    const inquiryId = await conversation().inquiryOf(INBOX_CHANNEL, ids);
    return inquiryId ? lookup({ id: inquiryId }) : null;
  }

  async function lookup(where: { id: number } | { code: string }): Promise<(ThreadedInquiry & { id: number }) | null> {
    const row = (await strapi.db.query(UID.inquiry).findOne({ where, select: ['id', 'code', 'status'], populate: { applicant: { select: ['email'] } } })) as {
      id: number;
      code: string;
      status: Status;
      applicant?: { email?: string | null } | null;
    } | null;
    return row && { id: row.id, inquiryCode: row.code, applicantEmail: row.applicant?.email ?? null, status: row.status };
  }

  /** One stored mail, inside the inbox's transaction: what it was and what became of it. */
  async function handle(raw: Uint8Array, key: string, receivedAt: Date): Promise<string> {
    const mail: InboundMail = await parseMail(raw, { attachmentMaxBytes: settings!.attachmentMaxBytes });
    // LAPOR!'s notifications come from a no-reply address: a report for the Dinas, never a citizen to answer by mail.
    const lapor = getService(strapi, 'lapor');
    if (mail.from && lapor.isLaporMail(mail.from.address)) {
      return lapor.receiveMail({ messageId: mail.messageId ?? key, from: mail.from.address, subject: mail.subject, text: mail.text, receivedAt });
    }
    const { kind, reason } = classifyMail(mail, { addresses: settings!.ownAddresses });
    if (kind === 'bounce') return bounced(raw);
    if (kind !== 'human' || !mail.from) {
      strapi.log.info(`[email] mail ${key.slice(0, 12)}… not from a person (${kind}: ${reason}); nothing created.`);
      return `ignored:${kind}`;
    }
    // A citizen's mail came in: the channel is not quiet (machine mail says nothing of citizens reaching us).
    void getService(strapi, 'channelHealth').report('email', { kind: 'inbound', at: now(strapi) });
    const decision = await decideThread(mail, { byMessageId: threaded, byCode: (code) => lookup({ code }) });
    const target = decision.kind === 'append' ? await lookup({ code: decision.code }) : null;
    const result = await getService(strapi, 'intake').receive({
      channel: 'email',
      externalId: mail.messageId ?? key,
      from: { address: mail.from.address, name: mail.from.name },
      subject: mail.subject,
      text: target ? mail.replyText : mail.text,
      at: receivedAt,
      attachments: mail.attachments.map(({ filename, mimeType, size, omitted, inline }) => ({ filename, mimeType, size, omitted, inline })),
      thread: { messageId: mail.messageId, references: [...mail.references, ...(mail.messageId ? [mail.messageId] : [])].slice(-20), subject: mail.subject },
      appendTo: target?.id ?? null,
      cites: decision.kind === 'new-citing' ? decision.code : null,
    });
    return result.created ? 'inquiry' : 'follow-up';
  }

  /** Every stored mail not processed yet, oldest first: after a crash, those stored but not turned into inquiries. */
  async function processPending(): Promise<void> {
    processing ??= (async () => {
      for (;;) {
        const rows = await inbox().pending(INBOX_CHANNEL, PROCESS_BATCH);
        for (const row of rows) {
          if (!row.payload) continue;
          const { raw, receivedAt } = JSON.parse(row.payload) as { raw: string; receivedAt: number };
          await inbox().process(row, () => handle(Buffer.from(raw, 'base64'), row.key, new Date(receivedAt)));
        }
        if (rows.length < PROCESS_BATCH) return;
      }
    })().finally(() => {
      processing = null;
    });
    return processing;
  }

  async function store(mail: FetchedMail): Promise<void> {
    const key = `${mail.uidValidity}:${mail.uid}`;
    const raw = mail.raw ? mail.raw.toString('base64') : '';
    const receivedAt = (mail.internalDate ?? now(strapi)).getTime();
    const messageKey = mail.raw ? ((await parseMail(mail.raw, { attachmentMaxBytes: 0 })).messageId ?? key) : key;
    await inbox().store({ channel: INBOX_CHANNEL, key: messageKey, payload: JSON.stringify({ raw, receivedAt, oversize: mail.oversize }) });
    await processPending();
  }

  async function startWatcher(): Promise<void> {
    const inbound = settings?.inbound;
    if (!inbound || watcher) return;
    const name = `email:${inbound.user}@${inbound.host}/${inbound.mailbox}`;
    watcher = new MailboxWatcher({
      imap: inbound,
      maxBytes: settings!.maxBytes,
      loadCursor: () => inbox().cursor<MailboxCursor>(name),
      saveCursor: (cursor) => inbox().saveCursor(name, cursor),
      store,
      logger: log,
      ...(settings!.tlsVerify ? {} : { tls: UNCHECKED_TLS }),
    });
    const health = getService(strapi, 'channelHealth');
    watcher.on('connected', () => void health.report(INBOX_CHANNEL, { kind: 'polled', at: now(strapi), via: 'imap' }));
    watcher.on('alive', () => void health.report(INBOX_CHANNEL, { kind: 'polled', at: now(strapi), via: 'imap' }));
    watcher.on('failed', (error) => void health.report(INBOX_CHANNEL, { kind: 'failed', at: now(strapi), via: 'imap', ...imapFailure(error) }));
    watcher.start();
    strapi.log.info('[email] reading the mailbox (this instance holds the lease).');
  }

  /** Only the instance holding the lease reads the mailbox; the others try again each renewal period. */
  async function renewLease(): Promise<void> {
    const held = await inbox().lease(LEASE, owner, LEASE_MS);
    if (held) await startWatcher();
    else if (watcher) {
      await watcher.stop();
      watcher = null;
    }
  }

  return {
    configured(): EmailConfig {
      settings ??= readEmailConfig(configOf(strapi).mail);
      return settings;
    },

    async start(): Promise<void> {
      const config = this.configured();
      if (!config.inbound && !config.outbound) {
        strapi.log.info('[email] MAIL_IMAP_HOST and MAIL_SMTP_HOST are not set: the e-mail channel is off.');
        return;
      }
      if (config.outbound) {
        if (!config.tlsVerify) strapi.log.warn('[email] MAIL_TLS_VERIFY=false: mail servers\' certificates are not checked.');
        smtp = createSmtpSender(config.outbound, config.tlsVerify ? {} : { tls: UNCHECKED_TLS });
        sop(strapi, 'delivery').register({ channel: SMTP_CHANNEL, limits: { perRecipientIntervalMs: 1000, globalPerSecond: 10, concurrency: 2 }, send, classify: classifyFailure, describe: describeFailure, afterSent, afterFailed });
        const medium = { channel: SMTP_CHANNEL, addressOf: (inquiry: { applicant?: { email?: string | null } | null }) => inquiry.applicant?.email ?? null };
        getService(strapi, 'routing').useMedium('email', medium);
        getService(strapi, 'routing').useMedium('website', medium);
      } else strapi.log.info('[email] MAIL_SMTP_HOST is not set: answers to e-mail requests become delivery tasks for the officer.');
      if (config.inbound) {
        await processPending();
        await renewLease();
        leaseTimer = setInterval(() => {
          renewLease().catch((error) => strapi.log.warn(`[email] mailbox lease: ${(error as Error).message}`));
          processPending().catch((error) => strapi.log.warn(`[email] processing stored mail: ${(error as Error).message}`));
        }, LEASE_MS / 3);
      } else strapi.log.info('[email] MAIL_IMAP_HOST is not set: e-mail requests are recorded by the officer.');
    },

    async stop(): Promise<void> {
      if (leaseTimer) clearInterval(leaseTimer);
      leaseTimer = null;
      await watcher?.stop();
      watcher = null;
      await processing;
      await inbox().releaseLease(LEASE, owner).catch(() => undefined);
      smtp?.close();
      smtp = null;
    },

    /** Pengaturan → Kanal saved new settings: the channel starts again on them. */
    async reload(): Promise<void> {
      await this.stop();
      sop(strapi, 'delivery').unregister(SMTP_CHANNEL);
      getService(strapi, 'routing').dropMedium('email');
      getService(strapi, 'routing').dropMedium('website');
      settings = null;
      await this.start();
    },

    processPending,
    handle,
  };
};
