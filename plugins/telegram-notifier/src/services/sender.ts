import type { Core } from '@strapi/strapi';
import type { ChannelDigest, ChannelSender, OutboxRow, SendOutcome, SenderLimits } from '@layanan/sop-workflow';
import type { ClockKey } from '@layanan/config';
import { NetworkError, TelegramApiError } from 'node-telegram-bot-api';
import { TELEGRAM_CHANNEL, citizenChats, configOf, getService, type CitizenChats } from '../utils';
import { DIGEST_TOPICS, composeDigest, type AlertPayload, type DigestTopic } from './messages';

/** A citizen's row that can never be sent: its inquiry is gone, or nothing on this server composes it. */
class Undeliverable extends Error {}

/** Connection failures that happen before a request can reach Telegram: nothing was sent, so retrying is safe. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') codes.push(code);
    current = cause;
  }
  return codes;
}

/**
 * What a failed send means for the row. Telegram's explicit answers are trusted: a 429 or a 5xx means it did
 * not deliver, a 4xx means it never will (403: the person blocked the bot or left). 401 and 404 mean the
 * bot token is wrong: every message would fail alike, so they wait as an outage does. A connection that
 * could not even be opened sent nothing. Anything else (our timeout, a connection reset mid-request, a
 * garbled answer) leaves us not knowing.
 */
export function classify(error: unknown): SendOutcome {
  if (error instanceof Undeliverable) return { kind: 'permanent' };
  if (error instanceof TelegramApiError) {
    if (error.errorCode === 429) return { kind: 'retry-after', ms: (error.retryAfter ?? 1) * 1000 };
    if (error.errorCode === 401 || error.errorCode === 404) return { kind: 'auth' };
    if (error.errorCode >= 500) return { kind: 'transient' };
    return { kind: 'permanent' };
  }
  if (error instanceof NetworkError && causeCodes(error).some((code) => NOT_SENT_CODES.has(code))) return { kind: 'transient' };
  return { kind: 'uncertain' };
}

export function describe(error: unknown): string {
  if (error instanceof Undeliverable) return error.message;
  if (error instanceof TelegramApiError && error.errorCode === 403) {
    return `Penerima memblokir bot, menghapus akun Telegram-nya, atau bot dikeluarkan dari chat (Telegram 403: ${error.description})`;
  }
  const raw = error instanceof TelegramApiError ? `Telegram ${error.errorCode}: ${error.description}` : null;
  if (error instanceof TelegramApiError && /chat not found/i.test(error.description)) {
    return `Chat penerima tidak ditemukan: penerima perlu menautkan ulang Telegram dari dasbor (${raw})`;
  }
  if (error instanceof TelegramApiError && error.errorCode >= 500) return `Layanan Telegram sedang gangguan (${raw})`;
  if (error instanceof TelegramApiError) return `Telegram menolak pesan ini (${raw})`;
  const codes = causeCodes(error);
  return `Telegram tidak dapat dihubungi (${(error as Error)?.message ?? String(error)}${codes.length ? `; ${codes.join(', ')}` : ''})`;
}

/** Telegram numbers group and channel chats below zero; private chats are positive user ids. */
export function isGroupChat(chatId: string): boolean {
  return chatId.startsWith('-');
}

function keyboard(payload: Pick<AlertPayload, 'acknowledge' | 'inquiry' | 'url'>) {
  const buttons: ({ text: string; callback_data: string } | { text: string; url: string })[] = [];
  if (payload.acknowledge) buttons.push({ text: 'Terima', callback_data: `ack:${payload.inquiry}` });
  if (payload.url) buttons.push({ text: 'Buka di dasbor', url: payload.url });
  return buttons.length ? { inline_keyboard: [buttons] } : undefined;
}

/** The most alerts one digest stands for; a bigger storm is a few digests. */
export const DIGEST_MAX = 500;

/** Staff alerts of one topic and step share a digest; citizens' messages and other alerts always go alone. */
export function digestKey(row: OutboxRow): string | null {
  const payload = row.payload ?? {};
  if (payload.purpose !== undefined || typeof payload.step !== 'string' || !(DIGEST_TOPICS as readonly string[]).includes(row.topic)) return null;
  return `${row.topic}:${payload.step}`;
}

/**
 * The `telegram` rows of the outbox on the delivery engine: the staff alerts, one to one chat each, and the
 * citizens' receipts, answers and messages the channels plugin routes to the bot. One lane for both, so both
 * share the bot's budget (30 a second overall, one a second per chat) and one pacer keeps it.
 */
export default ({ strapi }: { strapi: Core.Strapi }): ChannelSender => {
  const api = () => getService(strapi, 'bot').api();
  const citizenRow = (row: OutboxRow): CitizenChats | null => {
    const citizens = citizenChats(strapi);
    return citizens?.owns(row) ? citizens : null;
  };

  async function sendAlert(row: OutboxRow, signal: AbortSignal) {
    const payload = row.payload as unknown as AlertPayload;
    const message = await api().sendMessage(
      {
        chat_id: row.recipient ?? '',
        text: payload.text,
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        reply_markup: keyboard(payload),
      },
      signal,
    );
    return { externalId: String(message.message_id) };
  }

  /** Plain text with its bold as entities, as a reply to the citizen's question (sent anyway if that is gone). */
  async function sendToCitizen(citizens: CitizenChats, row: OutboxRow, signal: AbortSignal) {
    const message = await citizens.compose(row);
    if (!message || !row.recipient) throw new Undeliverable('Permohonan atau chat pemohon tidak ditemukan.');
    const sent = await api().sendMessage(
      {
        chat_id: row.recipient,
        text: message.text,
        entities: message.entities,
        link_preview_options: { is_disabled: true },
        ...(message.replyTo ? { reply_parameters: { message_id: message.replyTo, allow_sending_without_reply: true } } : {}),
      },
      signal,
    );
    return { externalId: String(sent.message_id) };
  }

  /** One message for many alerts of one kind: the count, the first codes, and the board filtered to them. */
  async function sendDigest(rows: OutboxRow[], signal: AbortSignal) {
    const alerts = rows.map((row) => row.payload as unknown as AlertPayload);
    const digest = composeDigest(rows[0].topic as DigestTopic, alerts[0].step as ClockKey, alerts, configOf(strapi).publicUrl);
    const message = await api().sendMessage(
      {
        chat_id: rows[0].recipient ?? '',
        text: digest.text,
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        reply_markup: keyboard({ acknowledge: false, inquiry: '', url: digest.url }),
      },
      signal,
    );
    return { externalId: String(message.message_id) };
  }

  return {
    channel: TELEGRAM_CHANNEL,

    /** More than `digestAfter` breach (or reminder) alerts of one step waiting for a chat go as one message. */
    get digest(): ChannelDigest {
      return { after: configOf(strapi).digestAfter, max: DIGEST_MAX, key: digestKey, send: sendDigest };
    },

    /** Telegram's limits, read from the plugin's configuration at every round. */
    get limits(): Partial<SenderLimits> {
      const { perChatIntervalMs, ...delivery } = configOf(strapi).delivery;
      return { ...delivery, perRecipientIntervalMs: perChatIntervalMs, isGroup: isGroupChat };
    },

    async send(row: OutboxRow, signal: AbortSignal) {
      if (row.payload?.purpose === undefined) return sendAlert(row, signal);
      const citizens = citizenRow(row);
      if (!citizens) throw new Undeliverable('Pesan untuk pemohon tidak dapat disusun: plugin kanal tidak aktif.');
      return sendToCitizen(citizens, row, signal);
    },

    classify,
    describe,

    async afterSent(row: OutboxRow, result: { externalId: string | null }) {
      await citizenRow(row)?.afterSent(row, result.externalId);
    },

    /** A staff chat whose person blocked the bot (or left the group) gets nothing more: its link goes. */
    async afterFailed(row: OutboxRow, _outcome: SendOutcome, error: unknown) {
      const citizens = citizenRow(row);
      if (citizens) {
        await citizens.afterFailed(row, error === undefined ? 'Tidak pasti terkirim.' : describe(error));
        return;
      }
      if (error instanceof TelegramApiError && error.errorCode === 403 && row.recipient) await getService(strapi, 'links').unlinkChat(row.recipient);
    },
  };
};
