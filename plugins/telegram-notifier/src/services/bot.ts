import type { Core } from '@strapi/strapi';
import { ROLE_LABELS } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';
import { Api, Bot, TelegramApiError, longPoll, type Context, type Update } from 'node-telegram-bot-api';
import { TELEGRAM_CHANNEL, UID, citizenChats, configOf, getService, now, type PollOutcome } from '../utils';
import type { LinkedChat, StaffMember } from './links';
import { escapeHtml, formatWib, type AlertPayload } from './messages';
import { causeCodes, classify } from './sender';

export const UPDATES_TABLE = 'telegram_updates';
const ALLOWED_UPDATES = ['message', 'callback_query'];

const TEXT = {
  notLinked: (office: string) =>
    `Maaf, chat ini belum terhubung dengan akun staf Layanan Informasi ${office}, jadi tidak ada data yang dapat ditampilkan di sini.\n\nBila Anda staf: masuk ke dasbor, pilih "Hubungkan Telegram", lalu kirim /start diikuti kode yang diberikan.`,
  unknownCode: 'Kode tautan tidak dikenal. Periksa kembali kode dari dasbor, atau minta kode baru.',
  expiredCode: (minutes: number) => `Kode tautan sudah kedaluwarsa (berlaku ${minutes} menit). Silakan minta kode baru di dasbor.`,
  usedCode: 'Kode tautan ini sudah pernah dipakai. Silakan minta kode baru di dasbor.',
  alreadyLinked: (name: string) => `Chat ini sudah terhubung dengan akun ${name}. Kirim /stop untuk memutus tautan.`,
  stopped: 'Tautan diputus: chat ini tidak akan menerima notifikasi lagi. Anda dapat menghubungkannya kembali kapan saja dari dasbor.',
  notLinkedStop: 'Chat ini tidak terhubung dengan akun mana pun.',
  infoUsage: 'Cara memberi informasi bidang: balas pesan notifikasi permohonan, atau kirim /info KODE informasi.\nContoh: /info INF-2611-00042 Syaratnya fotokopi KK dan surat pengantar.',
  notAnAlert: 'Pesan yang Anda balas bukan notifikasi permohonan. Balas pesan notifikasinya, atau kirim /info KODE informasi.',
  help: 'Notifikasi permohonan akan masuk ke chat ini. Tekan "Terima" untuk menangani, balas notifikasinya untuk memberi informasi bidang, atau kirim /info KODE informasi. /stop memutus tautan.',
};

function linkedGreeting(member: StaffMember): string {
  const role = member.role ? ROLE_LABELS[member.role].id : 'Staf';
  const where = member.divisionName ? `, ${member.divisionName}` : '';
  return `Halo, ${member.name}! Chat ini sekarang terhubung dengan akun Anda (${role}${where}). Notifikasi permohonan akan dikirim ke sini.\n\n${TEXT.help}`;
}

type RawResult = { rows?: unknown[] } | unknown[];

/** A citizen's message that could not be stored: the update must not be acknowledged, so Telegram sends it again. */
class NotStored extends Error {}

/**
 * A failed `getUpdates` in an officer's words, never the raw error (a transport error's text may carry the
 * URL, and with it the bot's token): 401/404 is the token, 409 another reader of the same bot.
 */
export function describePollFailure(error: unknown): Extract<PollOutcome, { ok: false }> {
  if (error instanceof TelegramApiError) {
    if (error.errorCode === 401 || error.errorCode === 404) return { ok: false, credential: true, message: `Telegram ${error.errorCode}: token bot ditolak saat membaca pesan (getUpdates).` };
    if (error.errorCode === 409) return { ok: false, credential: false, message: 'Telegram 409: pesan bot sedang dibaca oleh server lain atau lewat webhook; hanya satu yang boleh membaca (getUpdates).' };
    return { ok: false, credential: false, message: `Telegram menjawab ${error.errorCode} saat membaca pesan (getUpdates).` };
  }
  const codes = causeCodes(error).filter((code) => /^[A-Z_]+$/.test(code));
  return { ok: false, credential: false, message: `Telegram tidak dapat dihubungi saat membaca pesan (getUpdates${codes.length ? `: ${codes.join(', ')}` : ''}).` };
}

const isCommand = (text: string | undefined) => /^\/\w/.test(text ?? '');

/**
 * The bot: staff link their chat with /start <code>, unlink with /stop, take a request with the "Terima"
 * button and give the division's information by replying to an alert or with /info. A private chat nobody
 * linked is a citizen's: what they write (not a command) goes to the channels plugin, which stores it before
 * the update is acknowledged and makes it an inquiry; /start greets them. Other unlinked chats, and a
 * citizen's commands and buttons, get a polite refusal and no data. Updates arrive by long polling, or by
 * webhook when one is configured; both pass through handleUpdate, which drops an update id it has already
 * seen (Telegram delivers at least once), in a table shared by every instance. A citizen's message is not
 * held to that table: the inbox's own key (chat and message id) makes a repeat a no-op, and marking the
 * update seen before it is stored could lose it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let bot: Bot | null = null;
  let polling: Promise<void> | null = null;
  let stopping = false;
  let interruptBackoff: (() => void) | null = null;
  let pollAbort: AbortController | null = null;

  const links = () => getService(strapi, 'links');
  const actions = () => getService(strapi, 'actions');

  async function firstTime(updateId: number): Promise<boolean> {
    const result = (await strapi.db.connection.raw(
      `INSERT INTO ${UPDATES_TABLE} (update_id, received_at) VALUES (?, ?) ON CONFLICT (update_id) DO NOTHING RETURNING update_id`,
      [updateId, now(strapi).getTime()],
    )) as RawResult;
    const rows = Array.isArray(result) ? result : (result.rows ?? []);
    return rows.length > 0;
  }

  /**
   * Sends outside the outbox (a person is waiting for this answer now), within the budget Telegram gives the
   * bot as a whole: the delivery engine lets it go ahead of the queued alerts, never past 30 a second overall
   * or one a second in the chat.
   */
  const paced = <T>(chatId: number | string | undefined, send: () => Promise<T>): Promise<T> => sop(strapi, 'delivery').paced(TELEGRAM_CHANNEL, String(chatId ?? ''), send);

  /**
   * The bot's answer in a chat, paced with the alerts. Should Telegram still refuse it with 429 (another
   * instance's alerts share the bot's budget), that wait is honoured (twice at most) rather than the answer lost.
   */
  async function answer(ctx: Context, text: string, extra?: Parameters<Context['reply']>[1]): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await paced(ctx.chatId, () => ctx.reply(text, extra));
        return;
      } catch (error) {
        const outcome = classify(error);
        if (outcome.kind !== 'retry-after' || attempt >= 2) throw error;
        await new Promise((resolve) => setTimeout(resolve, outcome.ms));
      }
    }
  }

  /** Whether the update is a citizen's message, handed to the channels plugin (stored before this resolves). */
  async function handedToCitizens(ctx: Context): Promise<boolean> {
    const citizens = citizenChats(strapi);
    const message = ctx.message;
    if (!citizens || !message || message.chat.type !== 'private' || isCommand(message.text)) return false;
    if (await links().byChat(message.chat.id)) return false;
    let reply: string | null;
    try {
      reply = await citizens.accept(ctx.update);
    } catch (error) {
      throw new NotStored((error as Error)?.message ?? String(error));
    }
    if (reply) await answer(ctx, reply);
    return true;
  }

  const notLinkedText = async () => TEXT.notLinked((await sop(strapi, 'office').current()).shortName);

  async function linkedOrRefuse(ctx: Context): Promise<LinkedChat | null> {
    const chatId = ctx.chatId;
    const linked = chatId === undefined ? null : await links().byChat(chatId);
    if (!linked) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: 'Chat ini belum terhubung dengan akun staf.', show_alert: true });
      else await answer(ctx, await notLinkedText());
    }
    return linked;
  }

  async function alertOf(chatId: number | string, messageId: number): Promise<AlertPayload | null> {
    const row = (await strapi.db.query(UID.notification).findOne({
      where: { channel: TELEGRAM_CHANNEL, recipient: String(chatId), externalId: String(messageId) },
      select: ['payload'],
    })) as { payload: AlertPayload & { purpose?: unknown } } | null;
    return row?.payload && row.payload.purpose === undefined ? row.payload : null;
  }

  async function onStart(ctx: Context): Promise<void> {
    const code = String(ctx.match ?? '').trim();
    const chat = ctx.chat;
    if (!chat) return;
    if (!code) {
      const linked = await links().byChat(chat.id);
      const citizens = chat.type === 'private' ? citizenChats(strapi) : null;
      await answer(ctx, linked ? TEXT.alreadyLinked(linked.user.name) : ((await citizens?.greeting()) ?? (await notLinkedText())));
      return;
    }
    const result = await links().redeem(code, { id: chat.id, type: chat.type });
    if (result.ok) {
      await answer(ctx, linkedGreeting(result.user));
      return;
    }
    const reply = { unknown: TEXT.unknownCode, expired: TEXT.expiredCode(configOf(strapi).linkCodeMinutes), used: TEXT.usedCode }[result.reason];
    await answer(ctx, reply);
  }

  async function onStop(ctx: Context): Promise<void> {
    if (ctx.chatId === undefined) return;
    await answer(ctx, (await links().unlinkChat(ctx.chatId)) ? TEXT.stopped : TEXT.notLinkedStop);
  }

  async function onInfo(ctx: Context): Promise<void> {
    const linked = await linkedOrRefuse(ctx);
    if (!linked) return;
    const match = /^(\S+)\s+([\s\S]+)$/.exec(String(ctx.match ?? '').trim());
    if (!match) {
      await answer(ctx, TEXT.infoUsage);
      return;
    }
    const documentId = await actions().documentIdOfCode(match[1]);
    if (!documentId) {
      await answer(ctx, `Permohonan ${escapeHtml(match[1].toUpperCase())} tidak ditemukan.`);
      return;
    }
    const result = await actions().coordinate(linked.user, documentId, match[2]);
    await answer(ctx, result.message);
  }

  async function onMessage(ctx: Context): Promise<void> {
    const message = ctx.message;
    if (!message) return;
    const linked = await linkedOrRefuse(ctx);
    if (!linked) return;
    const repliedTo = message.reply_to_message;
    if (!repliedTo) {
      await answer(ctx, TEXT.help);
      return;
    }
    const alert = await alertOf(message.chat.id, repliedTo.message_id);
    if (!alert) {
      await answer(ctx, TEXT.notAnAlert);
      return;
    }
    const result = await actions().coordinate(linked.user, alert.inquiry, message.text ?? message.caption ?? '');
    await answer(ctx, result.message, { reply_parameters: { message_id: message.message_id } });
  }

  async function onCallback(ctx: Context): Promise<void> {
    const query = ctx.callbackQuery;
    if (!query) return;
    const linked = await linkedOrRefuse(ctx);
    if (!linked) return;
    const [verb, documentId] = String(query.data ?? '').split(':');
    if (verb !== 'ack' || !documentId) {
      await ctx.answerCallbackQuery({ text: 'Tombol ini tidak dikenal.' });
      return;
    }
    const result = await actions().acknowledge(linked.user, documentId);
    await ctx.answerCallbackQuery({ text: result.message, show_alert: !result.ok });
    const message = query.message;
    if (!result.ok || !message) return;
    const alert = await alertOf(message.chat.id, message.message_id);
    const body = alert?.text ?? escapeHtml(('text' in message ? message.text : undefined) ?? '');
    const footer = `✅ Diterima oleh <b>${escapeHtml(linked.user.name)}</b> · ${formatWib(result.at ?? now(strapi))}`;
    const buttons = alert?.url ? [[{ text: 'Buka di dasbor', url: alert.url }]] : [];
    try {
      await paced(message.chat.id, () =>
        api().editMessageText({
          chat_id: message.chat.id,
          message_id: message.message_id,
          text: `${body}\n\n${footer}`,
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          reply_markup: { inline_keyboard: buttons },
        }),
      );
    } catch (error) {
      strapi.log.warn(`[telegram] editing the acknowledged alert failed: ${(error as Error).message}`);
    }
  }

  function build(): Bot {
    const config = configOf(strapi);
    const created = new Bot(config.token, { apiRoot: config.apiRoot, maxRetries: 0, timeoutMs: config.delivery.requestTimeoutMs });
    created.use(async (ctx, next) => {
      if (await handedToCitizens(ctx)) return;
      if (await firstTime(ctx.update.update_id)) await next();
    });
    created.command('start', onStart);
    created.command('stop', onStop);
    created.command('info', onInfo);
    created.on('callback_query', onCallback);
    created.on('message', onMessage);
    created.catch((error, ctx) => {
      strapi.log.error(`[telegram] update ${ctx.update.update_id} failed: ${(error as Error)?.message ?? error}`);
      // Rethrown, polling stops before confirming the update (and starts again) and the webhook answers 5xx.
      if (error instanceof NotStored) throw error;
    });
    return created;
  }

  function api(): Api {
    if (!bot) throw new Error('telegram-notifier: the bot is not started (TELEGRAM_BOT_TOKEN is not set)');
    return bot.api;
  }

  /** Each getUpdates answer goes to the channel's state (a refused token, a 409, the network), as a send's does. */
  function reportPoll(outcome: PollOutcome): void {
    citizenChats(strapi)
      ?.polled(outcome)
      .catch(() => undefined);
  }

  /** The long poll, with every getUpdates round trip reported; aborted by stop(). */
  function watchedUpdates(current: Bot, signal: AbortSignal): AsyncIterable<Update> {
    const api = {
      getUpdates: async (...args: Parameters<Api['getUpdates']>) => {
        try {
          const updates = await current.api.getUpdates(...args);
          reportPoll({ ok: true });
          return updates;
        } catch (error) {
          if (!signal.aborted) reportPoll(describePollFailure(error));
          throw error;
        }
      },
    } as unknown as Api;
    return longPoll(api, { timeout: configOf(strapi).pollTimeoutSeconds, allowedUpdates: ALLOWED_UPDATES, onError: (error) => strapi.log.warn(`[telegram] getUpdates failed, retrying: ${describePollFailure(error).message}`) }, signal);
  }

  async function pollForever(current: Bot): Promise<void> {
    let failures = 0;
    while (!stopping) {
      pollAbort = new AbortController();
      try {
        await current.startPolling(watchedUpdates(current, pollAbort.signal));
        failures = 0;
      } catch (error) {
        failures += 1;
        const wait = Math.min(60_000, 1000 * 2 ** failures);
        strapi.log.error(`[telegram] polling stopped (${error instanceof NotStored ? error.message : describePollFailure(error).message}); starting again in ${wait / 1000} s`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          interruptBackoff = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        interruptBackoff = null;
      }
    }
  }

  return {
    api,

    async start(): Promise<void> {
      const config = configOf(strapi);
      stopping = false;
      bot = build();
      if (config.webhookUrl) {
        try {
          await bot.api.setWebhook({ url: config.webhookUrl, secret_token: config.webhookSecret, allowed_updates: ALLOWED_UPDATES });
        } catch (error) {
          strapi.log.error(`[telegram] setWebhook failed: ${(error as Error).message}`);
        }
        return;
      }
      // Telegram refuses getUpdates while a webhook is set: polling mode removes it (pending updates are kept).
      try {
        await bot.api.deleteWebhook({ drop_pending_updates: false });
      } catch (error) {
        strapi.log.warn(`[telegram] deleteWebhook failed: ${(error as Error).message}`);
      }
      polling = pollForever(bot);
    },

    async stop(): Promise<void> {
      stopping = true;
      pollAbort?.abort();
      bot?.stop();
      interruptBackoff?.();
      await polling;
      polling = null;
    },

    /** One update, from the webhook route (polling feeds the bot directly). */
    async handleUpdate(update: Update): Promise<void> {
      if (!bot) throw new Error('telegram-notifier: the bot is not started');
      await bot.handleUpdate(update);
    },

    async pruneUpdates(before: Date): Promise<void> {
      await strapi.db.connection(UPDATES_TABLE).where('received_at', '<', before.getTime()).delete();
    },
  };
};
