import type { Core } from '@strapi/strapi';
import { getService as sop } from '@layanan/sop-workflow';
import type { SopStep } from '@layanan/config';
import { NetworkError, TelegramApiError, type Api } from 'node-telegram-bot-api';
import { STAFF_CHANNEL, TELEGRAM_CHANNEL, UID, configOf, getService, now } from '../utils';
import type { AlertPayload, AlertTopic } from './messages';
import { Pacer } from './pacer';

interface OutboxRow {
  id: number;
  topic: string;
  recipient: string | null;
  payload: Record<string, unknown> | null;
  idempotencyKey: string;
  attempts: number | null;
  nextAttemptAt: string | Date | null;
  claimedAt?: string | Date | null;
}

const ROW_FIELDS = ['id', 'topic', 'recipient', 'payload', 'idempotencyKey', 'attempts', 'nextAttemptAt'];
const EXPAND_BATCH = 50;
const TOPICS: readonly AlertTopic[] = ['inquiry.triaged', 'inquiry.reminder', 'inquiry.breached', 'inquiry.answered'];

/** A failure after which Telegram may or may not have delivered the message. */
export const UNCERTAIN =
  'Tidak pasti terkirim: pengiriman terputus sebelum Telegram menjawab. Tidak dikirim ulang otomatis agar tidak ganda; periksa dengan penerima lalu kirim ulang bila perlu.';

/** Connection failures that happen before a request can reach Telegram: nothing was sent, so retrying is safe. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') codes.push(code);
    current = cause;
  }
  return codes;
}

type Outcome = { kind: 'retry-after'; ms: number } | { kind: 'transient' } | { kind: 'permanent'; unlink: boolean } | { kind: 'uncertain' };

/**
 * What a failed send means for the row. Telegram's explicit answers are trusted: a 429 or a 5xx means it did
 * not deliver, a 4xx means it never will (403: the person blocked the bot or left). 401 and 404 mean the
 * bot token is wrong: every message would fail alike, so they wait as an outage does. A connection that
 * could not even be opened sent nothing. Anything else (our timeout, a connection reset mid-request, a
 * garbled answer) leaves us not knowing.
 */
export function classify(error: unknown): Outcome {
  if (error instanceof TelegramApiError) {
    if (error.errorCode === 429) return { kind: 'retry-after', ms: (error.retryAfter ?? 1) * 1000 };
    if (error.errorCode >= 500 || error.errorCode === 401 || error.errorCode === 404) return { kind: 'transient' };
    return { kind: 'permanent', unlink: error.errorCode === 403 };
  }
  if (error instanceof NetworkError && causeCodes(error).some((code) => NOT_SENT_CODES.has(code))) return { kind: 'transient' };
  return { kind: 'uncertain' };
}

function describe(error: unknown): string {
  if (error instanceof TelegramApiError) return `Telegram ${error.errorCode}: ${error.description}`;
  const codes = causeCodes(error);
  return `${(error as Error)?.message ?? String(error)}${codes.length ? ` (${codes.join(', ')})` : ''}`.slice(0, 1000);
}

function time(value: string | Date | null | undefined): number {
  return value ? new Date(value).getTime() : 0;
}

/**
 * Delivers the staff channel of the outbox on Telegram, in two stages.
 *
 * Expansion: each pending `staff` row (a request routed, a reminder, a breach, an answer) becomes one
 * `telegram` row per recipient chat, keyed `<source key>:<chat id>`, in one transaction with marking the
 * source row sent. The source row is claimed by a conditional update first, so of two instances one expands
 * it and the other finds it taken; the keys make a repeated expansion a no-op.
 *
 * Delivery, at most once per row: a row is claimed (pending → sending, with its claim time) by a conditional
 * update just before its send, and the answer (sent with Telegram's message_id, or the failure) is written in
 * one statement right after. Telegram has no idempotency key and no way to ask whether a message arrived, so
 * a row found still "sending" after the lease (the process died or lost the database between the send and
 * the record) cannot be told apart from one that never left: it is parked as failed with UNCERTAIN, shown to
 * officers, and never resent by itself. The same holds for a send cut off without an answer (our timeout, a
 * reset connection). Failures Telegram reports (429, 5xx) or connections that never opened are retried with
 * backoff; while Telegram is down one message at a time probes it, so a long outage costs the queue nothing
 * and no message runs out of attempts while waiting. Rows are sent oldest first per chat, one head per chat,
 * paced by the Pacer.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.notification);
  const delivery = () => configOf(strapi).delivery;
  const nowMs = () => now(strapi).getTime();

  let pacer = new Pacer(delivery());
  const inFlight = new Map<number, Promise<void>>();
  const busyChats = new Set<string>();
  const outage = { failures: 0, until: 0 };
  const lastSettle: { at: number; next: number | null } = { at: Number.NEGATIVE_INFINITY, next: null };
  let abort = new AbortController();
  let running = false;
  let loop: Promise<void> | null = null;
  let woken = false;
  let interrupt: (() => void) | null = null;
  let ticking: Promise<number | null> | null = null;

  const api = (): Api => getService(strapi, 'bot').api();

  function backoff(attempt: number): number {
    const { backoffBaseMs, backoffMaxMs } = delivery();
    return Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  }

  async function recipientsFor(topic: AlertTopic, payload: Record<string, unknown>, divisionOfInquiry: string | undefined): Promise<string[]> {
    const links = getService(strapi, 'links');
    const division = (documentId: string | undefined) => (documentId ? links.chatsOf({ role: 'division_staff', divisionDocumentId: documentId }) : Promise.resolve([]));
    const officers = () => links.chatsOf({ role: 'officer' });
    switch (topic) {
      case 'inquiry.triaged':
        return division((payload.division as string | undefined) ?? divisionOfInquiry);
      case 'inquiry.reminder':
        // A reminder goes to whoever owns the running step: the Bidang for step 3, the officers for 2 and 4.
        return payload.step === 'coordination' ? division(divisionOfInquiry) : officers();
      case 'inquiry.breached':
        return [...new Set([...(await officers()), ...(await division(divisionOfInquiry))])];
      case 'inquiry.answered':
        return configOf(strapi).notifyAnswered ? division(divisionOfInquiry) : [];
    }
  }

  async function expand(row: OutboxRow, at: Date): Promise<void> {
    await strapi.db.transaction(async () => {
      const { count } = await rows().updateMany({ where: { id: row.id, status: 'pending' }, data: { status: 'sent', sentAt: at } });
      if (count !== 1) return;
      const payload = row.payload ?? {};
      const topic = row.topic as AlertTopic;
      if (!TOPICS.includes(topic)) {
        await rows().update({ where: { id: row.id }, data: { status: 'failed', lastError: `Topik ${row.topic} tidak dikenal oleh notifikasi Telegram.` } });
        return;
      }
      const messages = getService(strapi, 'messages');
      const inquiry = await messages.load(String(payload.inquiry ?? ''));
      const recipients = inquiry ? await recipientsFor(topic, payload, inquiry.division?.documentId) : [];
      if (inquiry && recipients.length > 0) {
        const alert = messages.compose(topic, inquiry, { step: payload.step as SopStep | undefined, dueAt: payload.dueAt as string | undefined });
        for (const chatId of recipients) {
          await sop(strapi, 'outbox').enqueue({
            channel: TELEGRAM_CHANNEL,
            topic,
            recipient: chatId,
            idempotencyKey: `${row.idempotencyKey}:${chatId}`,
            inquiryId: inquiry.id,
            payload: { ...alert },
            at,
          });
        }
      }
      await rows().update({ where: { id: row.id }, data: { payload: { ...payload, telegramRecipients: recipients.length } } });
    });
  }

  /** Staff rows due now are expanded; returns when the next one falls due, if any is pending. */
  async function expandDue(at: Date): Promise<number | null> {
    const due = (await rows().findMany({
      where: { channel: STAFF_CHANNEL, status: 'pending', nextAttemptAt: { $lte: at } },
      select: ROW_FIELDS,
      orderBy: { id: 'asc' },
      limit: EXPAND_BATCH,
    })) as OutboxRow[];
    for (const row of due) {
      try {
        await expand(row, at);
      } catch (error) {
        const message = (error as Error).message;
        strapi.log.error(`[telegram] expanding notification ${row.id} failed: ${message}`);
        await rows().update({ where: { id: row.id }, data: { nextAttemptAt: new Date(at.getTime() + delivery().backoffBaseMs), lastError: message.slice(0, 1000) } });
      }
    }
    if (due.length === EXPAND_BATCH) return at.getTime();
    const later = (await rows().findOne({ where: { channel: STAFF_CHANNEL, status: 'pending' }, select: ['nextAttemptAt'], orderBy: { nextAttemptAt: 'asc' } })) as OutboxRow | null;
    return later ? time(later.nextAttemptAt) : null;
  }

  /** Rows another life of this process (or another instance) left "sending" past the lease; looked for once a second. */
  async function settleStale(at: number): Promise<number | null> {
    if (at >= lastSettle.at && at - lastSettle.at < 1000) return lastSettle.next;
    const sending = (await rows().findMany({ where: { channel: TELEGRAM_CHANNEL, status: 'sending' }, select: ['id', 'claimedAt'] })) as OutboxRow[];
    let next: number | null = null;
    for (const row of sending) {
      if (inFlight.has(row.id)) continue;
      const expires = time(row.claimedAt) + delivery().leaseMs;
      if (expires > at) {
        next = next === null ? expires : Math.min(next, expires);
        continue;
      }
      await rows().updateMany({ where: { id: row.id, status: 'sending' }, data: { status: 'failed', lastError: UNCERTAIN } });
    }
    lastSettle.at = at;
    lastSettle.next = next;
    return next;
  }

  /**
   * The oldest pending row of each chat (messages to one chat go out in order, and no chat starves another),
   * the chat with the longest backlog first: a group allowed 20 a minute is the bottleneck of a burst, so it
   * takes a free global slot before private chats that will be done within seconds anyway.
   */
  async function heads(): Promise<OutboxRow[]> {
    const groups = (await strapi.db
      .getConnection('notifications')
      .select('recipient')
      .min({ id: 'id' })
      .count({ waiting: 'id' })
      .where({ channel: TELEGRAM_CHANNEL, status: 'pending' })
      .groupBy('recipient')) as { recipient: string; id: number; waiting: number | string }[];
    if (groups.length === 0) return [];
    const backlog = new Map(groups.map((g) => [Number(g.id), Number(g.waiting) * pacer.gapFor(g.recipient ?? '')]));
    const found = (await rows().findMany({ where: { id: { $in: [...backlog.keys()] } }, select: ROW_FIELDS })) as OutboxRow[];
    return found.sort((a, b) => backlog.get(b.id)! - backlog.get(a.id)! || a.id - b.id);
  }

  async function claim(row: OutboxRow, at: Date): Promise<boolean> {
    const { count } = await rows().updateMany({
      where: { id: row.id, status: 'pending' },
      data: { status: 'sending', claimedAt: at, attempts: (row.attempts ?? 0) + 1 },
    });
    return count === 1;
  }

  function keyboard(payload: AlertPayload) {
    const buttons: ({ text: string; callback_data: string } | { text: string; url: string })[] = [];
    if (payload.acknowledge) buttons.push({ text: 'Terima', callback_data: `ack:${payload.inquiry}` });
    if (payload.url) buttons.push({ text: 'Buka di dasbor', url: payload.url });
    return buttons.length ? { inline_keyboard: [buttons] } : undefined;
  }

  async function record(row: OutboxRow, chatId: string, error: unknown): Promise<void> {
    const at = nowMs();
    const outcome = classify(error);
    const attempts = (row.attempts ?? 0) + 1;
    const lastError = describe(error);
    switch (outcome.kind) {
      case 'retry-after':
        pacer.holdChat(chatId, at + outcome.ms);
        await rows().update({ where: { id: row.id }, data: { status: 'pending', attempts: row.attempts ?? 0, nextAttemptAt: new Date(at + outcome.ms), lastError } });
        return;
      case 'transient': {
        outage.failures += 1;
        outage.until = at + backoff(outage.failures);
        if (attempts >= delivery().maxAttempts) {
          await rows().update({ where: { id: row.id }, data: { status: 'failed', lastError: `Gagal setelah ${attempts} percobaan. ${lastError}` } });
        } else {
          await rows().update({ where: { id: row.id }, data: { status: 'pending', nextAttemptAt: new Date(at + backoff(attempts)), lastError } });
        }
        strapi.log.warn(`[telegram] Telegram unavailable (${lastError}); next try in ${Math.round(backoff(outage.failures) / 1000)} s`);
        return;
      }
      case 'permanent':
        await rows().update({ where: { id: row.id }, data: { status: 'failed', lastError } });
        if (outcome.unlink) await getService(strapi, 'links').unlinkChat(chatId);
        return;
      case 'uncertain':
        await rows().update({ where: { id: row.id }, data: { status: 'failed', lastError: `${UNCERTAIN} (${lastError})` } });
    }
  }

  async function send(row: OutboxRow, chatId: string, signal: AbortSignal): Promise<void> {
    const payload = row.payload as unknown as AlertPayload;
    try {
      const message = await api().sendMessage(
        {
          chat_id: chatId,
          text: payload.text,
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          reply_markup: keyboard(payload),
        },
        AbortSignal.any([signal, AbortSignal.timeout(delivery().requestTimeoutMs)]),
      );
      outage.failures = 0;
      await rows().update({ where: { id: row.id }, data: { status: 'sent', sentAt: now(strapi), externalId: String(message.message_id), lastError: null } });
    } catch (error) {
      // Cut off by shutdown: the outcome is unknown and the row stays "sending" for the lease to settle.
      if (signal.aborted) return;
      await record(row, chatId, error);
    }
  }

  function launch(row: OutboxRow, chatId: string): void {
    busyChats.add(chatId);
    const done = send(row, chatId, abort.signal)
      .catch((error) => {
        strapi.log.error(`[telegram] recording notification ${row.id} failed: ${(error as Error).message}`);
      })
      .finally(() => {
        inFlight.delete(row.id);
        busyChats.delete(chatId);
        wake();
      });
    inFlight.set(row.id, done);
  }

  async function dispatch(at: Date): Promise<number | null> {
    const atMs = at.getTime();
    let next: number | null = null;
    const consider = (t: number) => {
      next = next === null ? t : Math.min(next, t);
    };
    if (outage.failures > 0) {
      // Telegram is failing: one probe at a time, after the backoff.
      if (inFlight.size > 0) return null;
      if (atMs < outage.until) {
        const pending = await rows().count({ where: { channel: TELEGRAM_CHANNEL, status: 'pending' } });
        return pending > 0 ? outage.until : null;
      }
    }
    for (const row of await heads()) {
      const chatId = row.recipient ?? '';
      if (busyChats.has(chatId)) continue;
      const due = time(row.nextAttemptAt);
      if (due > atMs) {
        consider(due);
        continue;
      }
      const slot = pacer.nextFor(chatId, atMs);
      if (slot > atMs) {
        consider(slot);
        continue;
      }
      if (!(await claim(row, at))) continue;
      // The slot is taken at the moment the request leaves, which the claim's write may have delayed.
      pacer.take(chatId, Math.max(atMs, nowMs()));
      launch(row, chatId);
      if (outage.failures > 0) break;
    }
    return next;
  }

  async function runTick(): Promise<number | null> {
    const at = now(strapi);
    const times = [await expandDue(at), await settleStale(at.getTime()), await dispatch(at)].filter((t): t is number => t !== null);
    return times.length ? Math.min(...times) : null;
  }

  function wake(): void {
    woken = true;
    interrupt?.();
  }

  async function background(): Promise<void> {
    while (running) {
      woken = false;
      let next: number | null = null;
      try {
        next = await tick();
      } catch (error) {
        strapi.log.error(`[telegram] delivery round failed: ${(error as Error).message}`);
      }
      if (!running) break;
      if (woken) continue;
      const { pollIntervalMs } = delivery();
      const wait = next === null ? pollIntervalMs : Math.min(pollIntervalMs, Math.max(0, next - nowMs()));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        interrupt = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      interrupt = null;
    }
  }

  /** One round: expands due staff rows, settles stale claims and sends what the limits allow now. */
  function tick(): Promise<number | null> {
    ticking ??= runTick().finally(() => {
      ticking = null;
    });
    return ticking;
  }

  return {
    tick,
    wake,

    /** Resolves when every send under way has been answered and recorded. */
    async settled(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
    },

    start(): void {
      if (running) return;
      running = true;
      pacer = new Pacer(delivery());
      loop = background();
    },

    /** Stops the loop; sends under way get the grace period to finish, then are cut off (their rows stay "sending"). */
    async stop(): Promise<void> {
      running = false;
      interrupt?.();
      await loop;
      loop = null;
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, delivery().shutdownGraceMs);
        });
        await Promise.race([Promise.allSettled([...inFlight.values()]), grace]);
        clearTimeout(timer);
      }
      abort.abort();
      await Promise.allSettled([...inFlight.values()]);
      abort = new AbortController();
    },
  };
};
