import type { Core } from '@strapi/strapi';
import { getService as sop, type OutboxRow } from '@layanan/sop-workflow';
import { redactFreeText, type Kind, type MessagePurpose, type Status } from '@layanan/config';
import { UID, configOf, getService, now, officeOf, serialRounds, privacyUrl, trackingUrl } from '../utils';
import type { ReceiptPolicy } from '../email/compose';
import { answerText, messageText, receiptText } from '../chat/compose';
import { parseUpdate, subjectOf, type CitizenMessage, type TelegramUpdate } from './parse';
import { greetingText, TEXT_ONLY, withBoldCode, type BoldEntity } from './compose';

/** The inquiry channel of a citizen's Telegram chat, and the inbox channel its messages are stored under. */
const CHANNEL = 'telegram';
const PROCESS_BATCH = 50;
/** Stored messages whose processing failed are tried again this often (and at every new message). */
const RETRY_MS = 20_000;
const PURPOSES: readonly MessagePurpose[] = ['receipt', 'answer', 'message'];

interface InquiryForChat {
  id: number;
  code: string;
  kind: Kind;
  status: Status;
  answer: string | null;
  policy: ReceiptPolicy | null;
}

export interface ChatMessage {
  text: string;
  entities: BoldEntity[];
  /** The citizen's question: the receipt and the answer reply to it. */
  replyTo: number | null;
}

/** A conversation's key for a Telegram message: message ids are unique per chat only. */
const keyOf = (chatId: string, messageId: number | string) => `${chatId}:${messageId}`;

/**
 * The citizen's side of the Telegram bot. The bot itself (its token, its updates, its one paced lane on the
 * delivery engine) belongs to the telegram-notifier, which hands over every update from a private chat that
 * is not a staff chat, and delivers the citizen's rows on its lane by asking this service what to send and
 * telling it what became of them. A message is stored in the inbox under its chat and message id before the
 * bot acknowledges the update, then becomes an inquiry (or joins the chat's open one) through the intake.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let retryTimer: NodeJS.Timeout | null = null;
  const inbox = () => getService(strapi, 'inbox');
  const conversation = () => getService(strapi, 'conversation');

  async function inquiryFor(documentId: string): Promise<InquiryForChat | null> {
    return (await strapi.db.query(UID.inquiry).findOne({
      where: { documentId },
      select: ['id', 'code', 'kind', 'status', 'answer', 'policy'],
    })) as InquiryForChat | null;
  }

  async function handle(message: CitizenMessage): Promise<string> {
    const result = await getService(strapi, 'intake').receive({
      channel: CHANNEL,
      externalId: keyOf(message.chatId, message.messageId),
      from: { address: message.chatId, name: message.name ?? 'Pengguna Telegram' },
      subject: subjectOf(message.text),
      text: message.text,
      at: new Date(message.at),
      thread: { messageId: message.messageId },
      joinOpen: true,
    });
    return result.created ? 'inquiry' : 'follow-up';
  }

  async function processStored(): Promise<void> {
    for (;;) {
      const rows = await inbox().pending(CHANNEL, PROCESS_BATCH);
      for (const row of rows) {
        if (row.payload) await inbox().process(row, () => handle(JSON.parse(row.payload!) as CitizenMessage));
      }
      if (rows.length < PROCESS_BATCH) return;
    }
  }

  /** Every stored message not processed yet; a call during a round runs one more, so nothing stored meanwhile waits. */
  const pending = serialRounds(processStored);
  const processPending = pending.run;

  return {
    /**
     * An update from a private chat that is not a staff chat. Resolves once the citizen's message is stored
     * (and processed): the bot may acknowledge the update then. Rejects when it could not be stored, so the
     * update is not acknowledged and Telegram delivers it again. Returns what the bot should answer at once,
     * if anything: the receipt comes through the outbox.
     */
    async accept(update: TelegramUpdate): Promise<string | null> {
      void getService(strapi, 'channelHealth').report(CHANNEL, { kind: 'inbound', at: now(strapi) });
      const parsed = parseUpdate(update);
      if (parsed.kind === 'no-text') return TEXT_ONLY;
      if (parsed.kind !== 'message') return null;
      const { message } = parsed;
      await inbox().store({ channel: CHANNEL, key: keyOf(message.chatId, message.messageId), payload: JSON.stringify(message) });
      await processPending();
      return null;
    },

    /**
     * The bot's long poll answered (or failed): the channel's state follows it, as it follows a send. Its own
     * part (`updates`): a send that gets through says nothing of a 409 on getUpdates.
     */
    polled(outcome: { ok: true } | { ok: false; credential: boolean; message: string }): Promise<void> {
      const at = now(strapi);
      return getService(strapi, 'channelHealth').report(
        CHANNEL,
        outcome.ok ? { kind: 'polled', at, via: 'updates' } : { kind: 'failed', at, via: 'updates', error: outcome.credential ? 'credential' : 'transient', message: outcome.message },
      );
    },

    async greeting(): Promise<string> {
      return greetingText((await officeOf(strapi)).name);
    },

    /** The bot is on: the citizen's rows go to its lane from now on, and what was stored before is processed. */
    async attach(outboxChannel: string): Promise<void> {
      getService(strapi, 'routing').useMedium(CHANNEL, { channel: outboxChannel, addressOf: (inquiry) => inquiry.applicant?.replyAddress ?? null });
      retryTimer ??= setInterval(() => {
        processPending().catch((error) => strapi.log.warn(`[channels] processing stored Telegram messages: ${(error as Error).message}`));
      }, RETRY_MS);
      await processPending();
    },

    async stop(): Promise<void> {
      if (retryTimer) clearInterval(retryTimer);
      retryTimer = null;
      await pending.settled();
    },

    /** Whether an outbox row on the bot's lane is a message to a citizen (routed here) rather than a staff alert. */
    owns(row: OutboxRow): boolean {
      return PURPOSES.includes(row.payload?.purpose as MessagePurpose);
    },

    /** What to send for a citizen's row, or null when it can never be sent (its inquiry is gone). */
    async compose(row: OutboxRow): Promise<ChatMessage | null> {
      const payload = row.payload ?? {};
      const inquiry = await inquiryFor(String(payload.inquiry ?? ''));
      if (!inquiry) return null;
      const ctx = { code: inquiry.code, kind: inquiry.kind, medium: 'Telegram', office: (await officeOf(strapi)).name };
      const text =
        payload.purpose === 'receipt' && inquiry.policy
          ? receiptText(ctx, { status: inquiry.status, trackingUrl: trackingUrl(strapi, inquiry.code, payload.trackingToken) ?? null, privacyUrl: privacyUrl(strapi), policy: inquiry.policy })
          : payload.purpose === 'answer'
            ? answerText(ctx, { text: inquiry.answer ?? '' })
            : messageText(ctx, { text: String(payload.text ?? '') });
      const question = await conversation().lastInbound(inquiry.id, CHANNEL, 'question');
      const replyTo = Number((question?.thread as { messageId?: unknown } | null)?.messageId) || null;
      return { ...withBoldCode(text, inquiry.code), replyTo };
    },

    async afterSent(row: OutboxRow, messageId: string | null): Promise<void> {
      const inquiryId = row.inquiry ?? null;
      if (!inquiryId) return;
      const payload = row.payload ?? {};
      const purpose = payload.purpose as MessagePurpose;
      const at = now(strapi);
      await strapi.db.transaction(async () => {
        const answer = purpose === 'answer' ? ((await inquiryFor(String(payload.inquiry)))?.answer ?? null) : null;
        await conversation().record({
          inquiryId,
          direction: 'out',
          channel: CHANNEL,
          purpose,
          status: 'sent',
          externalId: messageId && row.recipient ? keyOf(row.recipient, messageId) : null,
          // The receipt carries the tracking token: it is not kept in the log.
          text: purpose === 'message' ? String(payload.text ?? '') : answer,
          address: row.recipient,
          notification: row.id,
          at,
        });
        if (purpose === 'answer') await sop(strapi, 'workflow').deliveryOutcome(inquiryId, { state: 'delivered', at, via: CHANNEL, note: 'Diterima Telegram di chat pemohon.' });
        await sop(strapi, 'outbox').scrubSecrets(row.id);
      });
    },

    async afterFailed(row: OutboxRow, cause: string): Promise<void> {
      const inquiryId = row.inquiry ?? null;
      if (!inquiryId) return;
      const purpose = row.payload?.purpose as MessagePurpose;
      const at = now(strapi);
      const shown = redactFreeText(cause).slice(0, 1000);
      await strapi.db.transaction(async () => {
        await conversation().record({ inquiryId, direction: 'out', channel: CHANNEL, purpose, status: 'failed', address: row.recipient, notification: row.id, cause: shown, at });
        if (purpose === 'answer') await sop(strapi, 'workflow').deliveryOutcome(inquiryId, { state: 'failed', at, via: CHANNEL, note: shown });
      });
    },

    processPending,
  };
};
