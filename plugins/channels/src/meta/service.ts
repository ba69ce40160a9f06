import type { Core } from '@strapi/strapi';
import { getService as sop, secretMatches, type OutboxRow, type SendOutcome } from '@layanan/sop-workflow';
import { CHANNEL_LABELS, REPLY_WINDOW_HOURS, type Channel, type Kind, type MessageState, type Status } from '@layanan/config';
import { UID, configOf, getService, now, officeOf, serialRounds, privacyUrl, trackingUrl } from '../utils';
import type { InboxRow } from '../services/inbox';
import { maskAddress } from '../services/contacts';
import type { ReceiptPolicy } from '../email/compose';
import { answerText, messageText, receiptText, type ChatContext } from '../chat/compose';
import { readMetaConfig, type MetaConfig } from './config';
import { splitWebhook, signatureMatches, type MetaChannel, type WebhookItem } from './webhook';
import { normaliseMessaging, normaliseWhatsApp } from './normalise';
import { classifyGraph, describeGraph, graphPost, GraphError } from './graph';
import { MediaGone, openMedia, type OpenedMedia, type StoredAttachment } from './media';

/** The outbox channel of each Meta medium's sender; requests of that channel are routed to it. */
export const META_OUTBOX: Record<MetaChannel, string> = { whatsapp: 'whatsapp-api', facebook: 'messenger-api', instagram: 'instagram-api' };
const CHANNELS = Object.keys(META_OUTBOX) as MetaChannel[];
const PROCESS_BATCH = 50;
const QUIET_GAP_MS = 50;
const SAFETY_PROCESS_MS = 30_000;
/**
 * The longest a stored item waits for deliveries to pause. A city's traffic pauses every few seconds; a burst
 * (Meta catching up after an outage of its own) is stored first and worked off right after, not interleaved.
 */
const QUIET_MAX_MS = 5000;
const HOUR = 3600_000;
/** Messenger's HUMAN_AGENT tag lets a person answer up to 7 days after the citizen's last message. */
const HUMAN_AGENT_HOURS = 7 * 24;

type Purpose = 'receipt' | 'answer' | 'message';

interface InquiryForChat {
  id: number;
  documentId: string;
  code: string;
  kind: Kind;
  status: Status;
  answer: string | null;
  policy: ReceiptPolicy | null;
}

/** No send was tried: the reply window is closed and nothing the medium allows would carry this message. */
class WindowClosed extends Error {
  override name = 'WindowClosed';
}
class Undeliverable extends Error {}

export function classifyMeta(error: unknown): SendOutcome {
  if (error instanceof WindowClosed) return { kind: 'window-closed' };
  if (error instanceof Undeliverable) return { kind: 'permanent' };
  return classifyGraph(error);
}

export function describeMeta(error: unknown): string {
  if (error instanceof WindowClosed || error instanceof Undeliverable) return error.message;
  return describeGraph(error);
}

/** Meta's statuses in our words; `deleted` and others say nothing about delivery. */
const STATUS_OF: Record<string, MessageState> = { sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed' };

/**
 * WhatsApp, Messenger and Instagram inside the CMS: one signed webhook whose items are stored before Meta
 * gets its 200 and processed afterwards (a new request or a follow-up through the intake, a status report
 * on one of our messages), and one sender per medium on the delivery engine that answers inside the reply
 * window, as the approved template (WhatsApp) or with the HUMAN_AGENT tag (Messenger) after it, and leaves
 * the officer a delivery task when nothing can carry the answer.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let settings: MetaConfig | null = null;
  let safetyTimer: NodeJS.Timeout | null = null;
  /** Webhook deliveries being stored now, and when the last one came (see quiet()). */
  let storing = 0;
  let lastDelivery = Number.NEGATIVE_INFINITY;
  const inbox = () => getService(strapi, 'inbox');
  const conversation = () => getService(strapi, 'conversation');

  const configured = (): MetaConfig => {
    settings ??= readMetaConfig(configOf(strapi).meta);
    return settings;
  };

  function accountOf(channel: MetaChannel): string | null {
    const config = configured();
    return channel === 'whatsapp' ? (config.whatsapp?.phoneNumberId ?? null) : channel === 'facebook' ? (config.messenger?.accountId ?? null) : (config.instagram?.accountId ?? null);
  }

  function tokenOf(channel: MetaChannel): string {
    const config = configured();
    return (channel === 'whatsapp' ? config.whatsapp?.token : channel === 'facebook' ? config.messenger?.token : config.instagram?.token) ?? '';
  }

  const endpoint = (channel: MetaChannel) => `${configured().apiRoot}/${configured().graphVersion}/${accountOf(channel)}/messages`;

  async function inquiryFor(documentId: string): Promise<InquiryForChat | null> {
    return (await strapi.db.query(UID.inquiry).findOne({ where: { documentId }, select: ['id', 'documentId', 'code', 'kind', 'status', 'answer', 'policy'] })) as InquiryForChat | null;
  }

  /** Hours since the citizen last wrote on the channel, from the contact (null: never). */
  async function hoursSinceInbound(channel: MetaChannel, address: string): Promise<number | null> {
    const contact = await getService(strapi, 'contacts').find(channel, address);
    if (!contact?.lastInboundAt) return null;
    return (now(strapi).getTime() - new Date(contact.lastInboundAt).getTime()) / HOUR;
  }

  function textFor(purpose: Purpose, ctx: ChatContext, inquiry: InquiryForChat, payload: Record<string, unknown>): string {
    if (purpose === 'receipt') return receiptText(ctx, { status: inquiry.status, trackingUrl: trackingUrl(strapi, inquiry.code, payload.trackingToken) ?? null, privacyUrl: privacyUrl(strapi), policy: inquiry.policy! });
    if (purpose === 'answer') return answerText(ctx, { text: inquiry.answer ?? '' });
    return messageText(ctx, { text: String(payload.text ?? '') });
  }

  async function sendWhatsApp(row: OutboxRow, inquiry: InquiryForChat, purpose: Purpose, text: string, signal: AbortSignal) {
    const config = configured();
    const address = row.recipient!;
    const to = /^\+\d+$/.test(address) ? { to: address.slice(1) } : { recipient: address };
    const base = { messaging_product: 'whatsapp', recipient_type: 'individual', ...to, biz_opaque_callback_data: String(row.id) };
    const template = config.whatsapp?.answerTemplate ?? null;
    const asTemplate = () => {
      if (!template) throw new WindowClosed('Sudah lewat 24 jam sejak pesan terakhir warga dan templat jawaban WhatsApp belum diatur (WHATSAPP_ANSWER_TEMPLATE).');
      const link = trackingUrl(strapi, inquiry.code, row.payload?.trackingToken) ?? `${configOf(strapi).publicUrl.replace(/\/$/, '')}/lacak/${inquiry.code}`;
      return graphPost(endpoint('whatsapp'), tokenOf('whatsapp'), {
        ...base,
        type: 'template',
        template: { name: template.name, language: { code: template.language }, components: [{ type: 'body', parameters: [{ type: 'text', text: inquiry.code }, { type: 'text', text: link }] }] },
      }, signal).catch((error: unknown) => {
        // A refused template (not approved, paused, wrong parameters) will not pass later either: the officer takes over.
        if (classifyGraph(error).kind === 'permanent') throw new WindowClosed(`Sudah lewat 24 jam sejak pesan terakhir warga dan templat jawaban ditolak WhatsApp (${describeGraph(error)}).`);
        throw error;
      });
    };
    const hours = await hoursSinceInbound('whatsapp', address);
    const inWindow = hours !== null && hours < REPLY_WINDOW_HOURS.whatsapp!;
    if (!inWindow) {
      if (purpose !== 'answer') throw new WindowClosed('Sudah lewat 24 jam sejak pesan terakhir warga: WhatsApp tidak mengizinkan pesan bebas; tanda terima dan pesan lain tidak dikirim sebagai templat.');
      return asTemplate();
    }
    const question = purpose === 'answer' ? await conversation().lastInbound(inquiry.id, 'whatsapp') : null;
    const replyTo = (question?.thread as { messageId?: string } | null)?.messageId;
    try {
      return await graphPost(endpoint('whatsapp'), tokenOf('whatsapp'), { ...base, type: 'text', text: { body: text, preview_url: true }, ...(replyTo ? { context: { message_id: replyTo } } : {}) }, signal);
    } catch (error) {
      // Meta's clock says the window closed before ours did: the answer goes as the template after all.
      if (purpose === 'answer' && error instanceof GraphError && error.code === 131047) return asTemplate();
      throw error;
    }
  }

  async function sendMessaging(channel: 'facebook' | 'instagram', row: OutboxRow, text: string, signal: AbortSignal) {
    const hours = await hoursSinceInbound(channel, row.recipient!);
    const standard = hours !== null && hours < REPLY_WINDOW_HOURS[channel]!;
    const tagged = !standard && configured().humanAgentTag && hours !== null && hours < HUMAN_AGENT_HOURS;
    if (!standard && !tagged) throw new WindowClosed(`Sudah lewat jendela balasan ${CHANNEL_LABELS[channel].id} sejak pesan terakhir warga.`);
    return graphPost(endpoint(channel), tokenOf(channel), {
      recipient: { id: row.recipient },
      messaging_type: tagged ? 'MESSAGE_TAG' : 'RESPONSE',
      ...(tagged ? { tag: 'HUMAN_AGENT' } : {}),
      message: { text: text.slice(0, 2000), metadata: String(row.id) },
    }, signal);
  }

  function senderFor(channel: MetaChannel) {
    const outbox = META_OUTBOX[channel];
    const medium = CHANNEL_LABELS[channel].id;

    async function send(row: OutboxRow, signal: AbortSignal): Promise<{ externalId: string | null }> {
      const payload = row.payload ?? {};
      const inquiry = await inquiryFor(String(payload.inquiry ?? ''));
      if (!inquiry || !row.recipient) throw new Undeliverable('Permohonan atau alamat penerima tidak ditemukan.');
      const purpose = payload.purpose as Purpose;
      if (purpose === 'receipt' && !inquiry.policy) throw new Undeliverable('Permohonan ini tidak memiliki aturan SOP untuk tanda terimanya.');
      const text = textFor(purpose, { code: inquiry.code, kind: inquiry.kind, medium, office: (await officeOf(strapi)).name }, inquiry, payload);
      const result = channel === 'whatsapp' ? await sendWhatsApp(row, inquiry, purpose, text, signal) : await sendMessaging(channel, row, text, signal);
      const id = channel === 'whatsapp' ? (result.messages as { id?: string }[] | undefined)?.[0]?.id : (result.message_id as string | undefined);
      return { externalId: id ?? null };
    }

    async function afterSent(row: OutboxRow, result: { externalId: string | null }): Promise<void> {
      if (!row.inquiry) return;
      const purpose = row.payload?.purpose as Purpose;
      const inquiry = purpose === 'answer' ? await inquiryFor(String(row.payload?.inquiry ?? '')) : null;
      await strapi.db.transaction(async () => {
        await conversation().record({
          inquiryId: row.inquiry!,
          direction: 'out',
          channel,
          purpose,
          status: 'sent',
          externalId: result.externalId,
          text: purpose === 'message' ? String(row.payload?.text ?? '') : (inquiry?.answer ?? null),
          address: row.recipient,
          notification: row.id,
          at: now(strapi),
        });
        await sop(strapi, 'outbox').scrubSecrets(row.id);
      });
    }

    async function afterFailed(row: OutboxRow, outcome: SendOutcome, error: unknown): Promise<void> {
      if (!row.inquiry) return;
      const at = now(strapi);
      const cause = error === undefined ? 'Tidak pasti terkirim.' : describeMeta(error);
      const purpose = (row.payload?.purpose as Purpose) ?? 'message';
      await strapi.db.transaction(async () => {
        await conversation().record({ inquiryId: row.inquiry!, direction: 'out', channel, purpose, status: 'failed', address: row.recipient, notification: row.id, cause, at });
        if (purpose !== 'answer') return;
        await sop(strapi, 'workflow').deliveryOutcome(
          row.inquiry!,
          outcome.kind === 'window-closed'
            ? { state: 'officer_task', at, via: channel, note: `${cause} Sampaikan jawaban kepada ${maskAddress(row.recipient ?? '')} lewat kanal lain, atau tunggu warga menulis lagi.` }
            : { state: 'failed', at, via: channel, note: cause },
        );
      });
    }

    return {
      channel: outbox,
      get limits() {
        return channel === 'whatsapp'
          ? { globalPerSecond: configured().whatsapp?.maxPerSecond ?? 10, perRecipientIntervalMs: 6000 }
          : { globalPerSecond: 10, perRecipientIntervalMs: 1000 };
      },
      send,
      classify: classifyMeta,
      describe: describeMeta,
      afterSent,
      afterFailed,
    };
  }

  /** A send we gave up on that Meta reports on (the status carries our row id in biz_opaque_callback_data). */
  async function settleUncertain(channel: MetaChannel, notificationId: number, externalId: string, at: Date): Promise<boolean> {
    const row = (await strapi.db.query(UID.notification).findOne({ where: { id: notificationId, channel: META_OUTBOX[channel] }, select: ['id', 'status', 'recipient', 'payload'], populate: { inquiry: { select: ['id'] } } })) as {
      id: number;
      status: string;
      recipient: string | null;
      payload: Record<string, unknown> | null;
      inquiry?: { id: number } | null;
    } | null;
    // Given up on as uncertain (or lost to a timeout), yet Meta reports it: it did go out.
    if (!row || row.status !== 'failed') return false;
    await strapi.db.query(UID.notification).update({ where: { id: row.id }, data: { status: 'sent', sentAt: at, lastError: null } });
    if (row.inquiry) {
      const purpose = (row.payload?.purpose as Purpose) ?? 'message';
      await strapi.db.query(UID.message).deleteMany({ where: { notification: row.id, status: 'failed' } });
      await conversation().record({ inquiryId: row.inquiry.id, direction: 'out', channel, purpose, status: 'sent', externalId, address: row.recipient, notification: row.id, at });
    }
    return true;
  }

  /** A status report on one of our WhatsApp messages. */
  async function status(data: Record<string, unknown>): Promise<string> {
    const report = (data.status ?? {}) as { id?: string; status?: string; timestamp?: string; biz_opaque_callback_data?: string; errors?: { code?: number; title?: string; message?: string }[] };
    const next = STATUS_OF[String(report.status)];
    if (!report.id || !next) return 'status:ignored';
    const at = report.timestamp ? new Date(Number(report.timestamp) * 1000) : now(strapi);
    const opaque = Number(report.biz_opaque_callback_data);
    if (next !== 'failed' && Number.isSafeInteger(opaque) && opaque > 0) await settleUncertain('whatsapp', opaque, report.id, at);
    const error = report.errors?.[0];
    const cause = error ? describeGraph(new GraphError(error.message ?? error.title ?? 'failed', 400, error.code ?? null, null, null)) : null;
    const message = await conversation().advance('whatsapp', report.id, next, at, cause);
    if (!message) return 'status:unchanged';
    if (message.purpose === 'answer' && message.inquiryId) {
      if (next === 'delivered' || next === 'read') await sop(strapi, 'workflow').deliveryOutcome(message.inquiryId, { state: 'delivered', at, via: 'whatsapp', note: `Diterima di WhatsApp ${maskAddress(String(message.address ?? ''))}.` });
      if (next === 'failed') await sop(strapi, 'workflow').deliveryOutcome(message.inquiryId, { state: 'failed', at, via: 'whatsapp', note: cause ?? 'Gagal terkirim.' });
    }
    return `status:${next}`;
  }

  /** Messenger and Instagram report delivery and reading as watermarks: every earlier message to that person. */
  async function receipt(channel: MetaChannel, data: Record<string, unknown>): Promise<string> {
    const event = (data.event ?? {}) as { sender?: { id?: string }; delivery?: { watermark?: number }; read?: { watermark?: number } };
    const mark = event.read ?? event.delivery;
    const address = event.sender?.id;
    if (!address || !mark?.watermark) return 'receipt:ignored';
    const moved = await conversation().advanceUpTo(channel, address, event.read ? 'read' : 'delivered', new Date(Number(mark.watermark)));
    return `receipt:${moved}`;
  }

  /**
   * Messenger repeats every message the Page sends. Ours carry the row id as metadata and are already in the
   * conversation; one an officer typed in Meta Business Suite joins the person's open request, marked as
   * sent outside the system, so the conversation stays complete.
   */
  async function echo(channel: MetaChannel, data: Record<string, unknown>): Promise<string> {
    const event = (data.event ?? {}) as { recipient?: { id?: string }; timestamp?: number; message?: { mid?: string; text?: string; metadata?: string } };
    if (event.message?.metadata && /^\d+$/.test(event.message.metadata)) return 'echo:ours';
    const address = event.recipient?.id;
    if (!address || !event.message?.mid) return 'echo:ignored';
    const open = await getService(strapi, 'contacts').openInquiry(channel, address);
    if (!open) return 'echo:no-request';
    await conversation().record({
      inquiryId: open.id,
      direction: 'out',
      channel,
      purpose: 'message',
      status: 'sent',
      externalId: event.message.mid,
      text: `[Dikirim di luar sistem] ${String(event.message.text ?? '').replace(/\0/g, '').slice(0, 5000)}`,
      address,
      at: event.timestamp ? new Date(Number(event.timestamp)) : now(strapi),
    });
    return 'echo:outside';
  }

  /** One stored item, inside the inbox's transaction. */
  async function handle(row: InboxRow): Promise<string> {
    const stored = JSON.parse(row.payload ?? '{}') as { kind: WebhookItem['kind']; data: Record<string, unknown>; receivedAt: number };
    const channel = row.channel as MetaChannel;
    const received = new Date(stored.receivedAt);
    if (stored.kind === 'status') return status(stored.data);
    if (stored.kind === 'receipt') return receipt(channel, stored.data);
    if (stored.kind === 'echo') return echo(channel, stored.data);
    if (stored.kind === 'error') {
      const error = (stored.data.error ?? {}) as { code?: number; title?: string };
      strapi.log.warn(`[meta] WhatsApp reported an error for the account: ${error.code ?? '?'} ${error.title ?? ''}`.trim());
      return 'error';
    }
    const normalised = channel === 'whatsapp' ? normaliseWhatsApp(stored.data, received) : normaliseMessaging(stored.data, received);
    if (normalised.kind === 'ignore') return `ignored:${normalised.reason}`;
    if (normalised.kind === 'identity') {
      const { identity } = normalised;
      const moved = await getService(strapi, 'contacts').moveAddress(channel, identity.previous, { address: (identity.phone ?? identity.bsuid)!, phone: identity.phone, platformUserId: identity.bsuid });
      return `identity:${identity.change}:${moved}`;
    }
    const message = normalised.message;
    await followIdentity(channel, message.address, message.identity);
    const quoted = message.replyTo ? await conversation().inquiryOf(channel, [message.replyTo]) : null;
    const quotedOwn = quoted ? await sameSender(quoted, message.address) : null;
    const result = await getService(strapi, 'intake').receive({
      channel: channel as Channel,
      externalId: message.externalId,
      from: { address: message.address, name: message.name },
      text: message.text,
      at: message.at,
      attachments: message.attachments,
      thread: { messageId: message.externalId },
      appendTo: quotedOwn,
      joinOpen: true,
      identity: { phone: message.identity.phone, platformUserId: message.identity.bsuid },
    });
    return result.created ? 'inquiry' : 'follow-up';
  }

  /**
   * A WhatsApp contact first known by its BSUID alone (the number hidden behind a username) who now writes
   * with the number shown, or under another address the BSUID ties to them: their request follows them.
   */
  async function followIdentity(channel: MetaChannel, address: string, identity: { phone: string | null; bsuid: string | null }): Promise<void> {
    if (channel !== 'whatsapp' || !identity.bsuid) return;
    const known = await getService(strapi, 'contacts').byPlatformUserId(channel, identity.bsuid);
    if (known && known.address !== address) await getService(strapi, 'contacts').moveAddress(channel, [known.address], { address, phone: identity.phone, platformUserId: identity.bsuid });
  }

  /** A quoted message threads into its inquiry only when that inquiry is this sender's own. */
  async function sameSender(inquiryId: number, address: string): Promise<number | null> {
    const found = (await strapi.db.query(UID.inquiry).findOne({ where: { id: inquiryId, applicant: { replyAddress: address } }, select: ['id'] })) as { id: number } | null;
    return found?.id ?? null;
  }

  /**
   * Meta retries a webhook that is slow to answer, and processing a message (an inquiry created, its receipt
   * queued) costs far more than storing one. So while deliveries keep arriving, processing steps aside until
   * they pause for QUIET_GAP_MS (but never longer than QUIET_MAX_MS a row, so it never starves): the 200 goes
   * out in the time of a store, and the backlog, safely stored, is worked off between bursts.
   */
  async function quiet(): Promise<void> {
    // SQLite answers without waiting on I/O, so a run of items would chain promise after promise and never
    // let the server read a new request: each row first lets pending I/O through, which also tells quiet()
    // whether deliveries are arriving.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const deadline = performance.now() + QUIET_MAX_MS;
    for (;;) {
      const gap = performance.now() - lastDelivery;
      if (storing === 0 && gap >= QUIET_GAP_MS) return;
      const left = deadline - performance.now();
      if (left <= 0) return;
      await new Promise<void>((resolve) => setTimeout(resolve, Math.min(left, Math.max(1, QUIET_GAP_MS - gap))));
    }
  }

  /** Every stored item not processed yet, channel by channel, stepping aside while webhooks arrive; one run at a time. */
  const pending = serialRounds(async () => {
    for (const channel of CHANNELS) {
      for (;;) {
        const rows = await inbox().pending(channel, PROCESS_BATCH);
        for (const row of rows) {
          await quiet();
          await inbox().process(row, handle);
        }
        if (rows.length < PROCESS_BATCH) break;
      }
    }
  });
  const processPending = pending.run;

  return {
    configured,

    /** Whether the webhook is set up (an app secret and a verify token), i.e. whether the routes answer at all. */
    enabled(): boolean {
      const config = configured();
      return Boolean(config.appSecret && config.verifyToken);
    },

    /** Meta's subscription handshake: the token it sends must be ours (compared in constant time). */
    verifyToken(given: string): boolean {
      return secretMatches(given, configured().verifyToken);
    },

    /**
     * A signed webhook delivery: every item for an account of ours is stored (one transaction) before this
     * resolves, so the 200 that follows means it is kept; processing runs afterwards. Items for accounts we
     * do not serve are acknowledged and logged, so Meta does not retry them forever.
     */
    async receive(raw: Buffer | string, signature: string | undefined, body: unknown): Promise<{ accepted: boolean; stored: number; items: number }> {
      lastDelivery = performance.now();
      if (!signatureMatches(raw, signature, configured().appSecret)) return { accepted: false, stored: 0, items: 0 };
      const { object, items } = splitWebhook(body);
      const ours = items.filter((item) => accountOf(item.channel) !== null && (item.account === accountOf(item.channel) || item.account === ''));
      if (ours.length < items.length) strapi.log.warn(`[meta] ${items.length - ours.length} webhook item(s) for an account this instance does not serve were acknowledged and dropped.`);
      if (items.length === 0) strapi.log.info(`[meta] a webhook delivery with nothing to handle (object ${JSON.stringify(object.slice(0, 40))}) was acknowledged.`);
      const receivedAt = now(strapi).getTime();
      storing += 1;
      let stored: number;
      try {
        stored = await inbox().storeMany(ours.map((item) => ({ channel: item.channel, key: item.key, payload: JSON.stringify({ kind: item.kind, data: item.data, receivedAt }) })));
      } finally {
        storing -= 1;
      }
      if (stored > 0) processPending().catch((error) => strapi.log.warn(`[meta] processing stored webhook items: ${(error as Error).message}`));
      for (const channel of new Set(ours.map((item) => item.channel))) void getService(strapi, 'channelHealth').report(channel, { kind: 'inbound', at: new Date(receivedAt) });
      return { accepted: true, stored, items: items.length };
    },

    processPending,

    /** A citizen's file on one of our media, fetched from Meta now (MediaGone when the medium is off or it is not there). */
    async openAttachment(channel: string, stored: StoredAttachment): Promise<OpenedMedia> {
      if (!CHANNELS.includes(channel as MetaChannel) || !accountOf(channel as MetaChannel)) throw new MediaGone('Kanal berkas ini tidak aktif di server ini.');
      return openMedia(configured(), channel as MetaChannel, stored);
    },

    async start(): Promise<void> {
      const config = configured();
      const media = CHANNELS.filter((channel) => accountOf(channel));
      if (media.length === 0) {
        strapi.log.info('[meta] WHATSAPP_*, MESSENGER_* and INSTAGRAM_* are not set: WhatsApp, Messenger and Instagram requests are recorded by the officer.');
        return;
      }
      for (const channel of media) {
        sop(strapi, 'delivery').register(senderFor(channel));
        getService(strapi, 'routing').useMedium(channel, { channel: META_OUTBOX[channel], addressOf: (inquiry) => inquiry.applicant?.replyAddress ?? null });
      }
      strapi.log.info(`[meta] on for ${media.map((c) => CHANNEL_LABELS[c].id).join(', ')} (Graph API ${config.graphVersion}).`);
      await processPending();
      // Items whose processing failed (a database hiccup) are tried again, up to the inbox's attempts.
      safetyTimer = setInterval(() => processPending().catch((error) => strapi.log.warn(`[meta] processing stored webhook items: ${(error as Error).message}`)), SAFETY_PROCESS_MS);
      safetyTimer.unref();
    },

    async stop(): Promise<void> {
      if (safetyTimer) clearInterval(safetyTimer);
      safetyTimer = null;
      await pending.settled();
    },

    /** Pengaturan → Kanal saved new settings: the senders start again on them. */
    async reload(): Promise<void> {
      await this.stop();
      for (const channel of CHANNELS) {
        sop(strapi, 'delivery').unregister(META_OUTBOX[channel]);
        getService(strapi, 'routing').dropMedium(channel);
      }
      settings = null;
      await this.start();
    },
  };
};
