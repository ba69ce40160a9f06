import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made, as the fake Bot API server received it. */
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** On the fake's clock (a test's virtual clock when it passes one). */
  at: number;
  outcome: 'ok' | 'error' | 'hang';
  status?: number;
}

interface Fault {
  method: string;
  status?: number;
  retryAfter?: number;
  description?: string;
  hang?: boolean;
  remaining: number;
  /** Applies only while this holds (an outage of a given length on the test's clock). */
  active?: () => boolean;
  chatId?: string;
}

interface StoredMessage {
  chatId: string;
  messageId: number;
  text: string;
  replyMarkup?: unknown;
}

type Update = Record<string, unknown> & { update_id: number };

/** JSON-typed fields arrive as JSON strings in the bot's urlencoded form bodies. */
function parseForm(body: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    params[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return params;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The most of these times (ms) that fall within any one second: what Telegram's 30 a second is measured by. */
export function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while (sorted[i] - sorted[j] >= 1000) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

const chatType = (chatId: string) => (chatId.startsWith('-') ? 'supergroup' : 'private');

/**
 * A local stand-in for Telegram's Bot API (node:http) that the notifier reaches through its apiRoot. It
 * records every call, answers sendMessage/editMessageText/answerCallbackQuery/getUpdates/setWebhook like
 * Telegram, can send updates (a /start, a button press, a reply) by long polling or to the registered
 * webhook, and can inject 429 with retry_after, 5xx, 4xx and requests that never get an answer.
 */
export class FakeTelegram {
  readonly token: string;
  readonly calls: RecordedCall[] = [];
  readonly messages = new Map<string, StoredMessage>();
  webhook: { url: string; secret: string } | null = null;

  private server: Server | null = null;
  private readonly now: () => number;
  private faults: Fault[] = [];
  private queue: Update[] = [];
  private pollers: (() => void)[] = [];
  private hung = new Set<ServerResponse>();
  private nextUpdateId = 1;
  private nextMessageId = new Map<string, number>();
  private nextCallbackId = 1;
  private listeners: ((call: RecordedCall) => void)[] = [];

  constructor(options: { token?: string; now?: () => number } = {}) {
    this.token = options.token ?? '123456:TEST-token_for-the-fake';
    this.now = options.now ?? Date.now;
  }

  get apiRoot(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** What a test passes to bootApp. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return { TELEGRAM_BOT_TOKEN: this.token, TELEGRAM_API_ROOT: this.apiRoot, TELEGRAM_BOT_USERNAME: 'LayananInfoBot', ...extra };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error) => {
        res.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.releasePollers();
    for (const res of this.hung) res.destroy();
    this.hung.clear();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  // ------------------------------------------------------------------ what was sent

  /** Messages Telegram accepted, oldest first; for one chat when given; from the `since`-th call on. */
  delivered(chatId?: string | number, since = 0): (RecordedCall & { chatId: string; text: string })[] {
    return this.calls
      .slice(since)
      .filter((c) => c.method === 'sendMessage' && c.outcome === 'ok' && (chatId === undefined || String(c.params.chat_id) === String(chatId)))
      .map((c) => ({ ...c, chatId: String(c.params.chat_id), text: String(c.params.text) }));
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the next call of this method that matches, waiting for it when it has not come yet. */
  waitFor(method: string, match: (call: RecordedCall) => boolean = () => true, timeoutMs = 10_000): Promise<RecordedCall> {
    const seen = this.calls.find((c) => c.method === method && match(c));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`fake Telegram: no ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (call: RecordedCall) => {
        if (call.method !== method || !match(call)) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve(call);
      };
      this.listeners.push(listener);
    });
  }

  /** Breaches of Telegram's limits among the accepted messages: per chat, per group and overall. */
  violations(limits = { perChatMs: 1000, groupPerMinute: 20, perSecond: 30 }, since = 0): string[] {
    const problems: string[] = [];
    const sent = this.delivered(undefined, since);
    const byChat = new Map<string, number[]>();
    for (const m of sent) byChat.set(m.chatId, [...(byChat.get(m.chatId) ?? []), m.at]);
    for (const [chat, times] of byChat) {
      if (chatType(chat) === 'private') {
        for (let i = 1; i < times.length; i += 1) {
          if (times[i] - times[i - 1] < limits.perChatMs) problems.push(`chat ${chat}: ${times[i] - times[i - 1]} ms between two messages`);
        }
      } else {
        for (let i = limits.groupPerMinute; i < times.length; i += 1) {
          if (times[i] - times[i - limits.groupPerMinute] < 60_000) problems.push(`group ${chat}: more than ${limits.groupPerMinute} messages in a minute`);
        }
      }
    }
    const all = sent.map((m) => m.at).sort((a, b) => a - b);
    for (let i = limits.perSecond; i < all.length; i += 1) {
      if (all[i] - all[i - limits.perSecond] < 1000) problems.push(`more than ${limits.perSecond} messages within a second at ${all[i]}`);
    }
    return problems;
  }

  // ------------------------------------------------------------------ faults

  /** The next `times` calls of a method (to one chat, when given) answer with this error. */
  failNext(method: string, error: { status: number; retryAfter?: number; description?: string; chatId?: string | number }, times = 1): void {
    this.faults.push({ method, ...error, chatId: error.chatId === undefined ? undefined : String(error.chatId), remaining: times });
  }

  /** Every call of a method answers with this error while `active()` holds (an outage). */
  failWhile(method: string, active: () => boolean, error: { status: number; description?: string } = { status: 500 }): void {
    this.faults.push({ method, ...error, remaining: Number.POSITIVE_INFINITY, active });
  }

  /** The next `times` calls of a method are received but never answered (the client times out). */
  hangNext(method: string, times = 1): void {
    this.faults.push({ method, hang: true, remaining: times });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Answers every getUpdates held open now (with what is queued, often nothing), so the next one comes at once. */
  wakePollers(): void {
    for (const release of [...this.pollers]) release();
  }

  // ------------------------------------------------------------------ updates from people

  private chatOf(chatId: number, title?: string) {
    return chatId < 0 ? { id: chatId, type: 'supergroup', title: title ?? 'Grup Bidang' } : { id: chatId, type: 'private', first_name: 'Staf' };
  }

  /** A person types `text` in a chat (a private chat's id is the person's user id). */
  async userSends(chatId: number, text: string, options: { replyTo?: number; fromId?: number; name?: string } = {}): Promise<Update> {
    const fromId = options.fromId ?? Math.abs(chatId);
    const chat = this.chatOf(chatId);
    const [firstName, ...lastName] = (options.name ?? 'Staf').split(' ');
    const message: Record<string, unknown> = {
      message_id: this.messageIdFor(String(chatId)),
      date: Math.floor(this.now() / 1000),
      chat,
      from: { id: fromId, is_bot: false, first_name: firstName, ...(lastName.length ? { last_name: lastName.join(' ') } : {}) },
      text,
    };
    if (options.replyTo !== undefined) {
      const original = this.messages.get(`${chatId}:${options.replyTo}`);
      message.reply_to_message = { message_id: options.replyTo, date: Math.floor(this.now() / 1000), chat, text: original?.text ?? '' };
    }
    return this.push({ update_id: this.nextUpdateId++, message });
  }

  /** A person presses an inline button under a message the bot sent. */
  async userPresses(chatId: number, messageId: number, data: string, options: { fromId?: number } = {}): Promise<Update> {
    const original = this.messages.get(`${chatId}:${messageId}`);
    return this.push({
      update_id: this.nextUpdateId++,
      callback_query: {
        id: String(this.nextCallbackId++),
        from: { id: options.fromId ?? Math.abs(chatId), is_bot: false, first_name: 'Staf' },
        chat_instance: `ci-${chatId}`,
        data,
        message: { message_id: messageId, date: Math.floor(this.now() / 1000), chat: this.chatOf(chatId), text: original?.text ?? '' },
      },
    });
  }

  /** An update goes to the registered webhook when there is one, else to the next getUpdates. */
  async push(update: Update): Promise<Update> {
    if (this.webhook) {
      await fetch(this.webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': this.webhook.secret },
        body: JSON.stringify(update),
      });
      return update;
    }
    this.queue.push(update);
    this.releasePollers();
    return update;
  }

  /** Resolves once getUpdates has confirmed (offset past) every queued update. */
  async consumed(timeoutMs = 10_000): Promise<void> {
    const started = Date.now();
    while (this.queue.length > 0) {
      if (Date.now() - started > timeoutMs) throw new Error(`fake Telegram: ${this.queue.length} update(s) not fetched`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  // ------------------------------------------------------------------ the server

  private messageIdFor(chatId: string): number {
    const id = (this.nextMessageId.get(chatId) ?? 100) + 1;
    this.nextMessageId.set(chatId, id);
    return id;
  }

  private releasePollers(): void {
    const waiting = this.pollers;
    this.pollers = [];
    for (const release of waiting) release();
  }

  private faultFor(method: string, params: Record<string, unknown>): Fault | null {
    for (const fault of this.faults) {
      if (fault.method !== method || fault.remaining <= 0) continue;
      if (fault.chatId !== undefined && fault.chatId !== String(params.chat_id)) continue;
      if (fault.active && !fault.active()) continue;
      fault.remaining -= 1;
      return fault;
    }
    return null;
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    for (const listener of [...this.listeners]) listener(call);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    const body = await readBody(req);
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    };
    if (!match) return reply(404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method] = match;
    const params = (req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(body || '{}') as Record<string, unknown>) : parseForm(body);
    if (token !== this.token) return reply(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const at = this.now();

    const fault = this.faultFor(method, params);
    if (fault?.hang) {
      this.record({ method, params, at, outcome: 'hang' });
      this.hung.add(res);
      res.on('close', () => this.hung.delete(res));
      return;
    }
    if (fault) {
      this.record({ method, params, at, outcome: 'error', status: fault.status });
      const status = fault.status ?? 500;
      const description = fault.description ?? (status === 429 ? `Too Many Requests: retry after ${fault.retryAfter ?? 1}` : status >= 500 ? 'Internal Server Error' : 'Bad Request');
      return reply(status, { ok: false, error_code: status, description, ...(status === 429 ? { parameters: { retry_after: fault.retryAfter ?? 1 } } : {}) });
    }

    if (method === 'getUpdates') return this.getUpdates(params, res, at);
    this.record({ method, params, at, outcome: 'ok' });
    switch (method) {
      case 'getMe':
        return reply(200, { ok: true, result: { id: 1, is_bot: true, first_name: 'Layanan Informasi', username: 'LayananInfoBot' } });
      case 'sendMessage': {
        const chatId = String(params.chat_id);
        const messageId = this.messageIdFor(chatId);
        const text = String(params.text ?? '');
        this.messages.set(`${chatId}:${messageId}`, { chatId, messageId, text, replyMarkup: params.reply_markup });
        return reply(200, { ok: true, result: { message_id: messageId, date: Math.floor(at / 1000), chat: this.chatOf(Number(chatId)), text } });
      }
      case 'editMessageText': {
        const key = `${params.chat_id}:${params.message_id}`;
        const stored = this.messages.get(key);
        if (!stored) return reply(400, { ok: false, error_code: 400, description: 'Bad Request: message to edit not found' });
        Object.assign(stored, { text: String(params.text), replyMarkup: params.reply_markup });
        return reply(200, { ok: true, result: { message_id: stored.messageId, date: Math.floor(at / 1000), chat: this.chatOf(Number(stored.chatId)), text: stored.text } });
      }
      case 'setWebhook':
        this.webhook = { url: String(params.url), secret: String(params.secret_token ?? '') };
        return reply(200, { ok: true, result: true });
      case 'deleteWebhook':
        this.webhook = null;
        return reply(200, { ok: true, result: true });
      case 'answerCallbackQuery':
        return reply(200, { ok: true, result: true });
      default:
        return reply(400, { ok: false, error_code: 400, description: `Bad Request: method ${method} is not in the fake` });
    }
  }

  private getUpdates(params: Record<string, unknown>, res: ServerResponse, at: number): void {
    const offset = params.offset === undefined ? 0 : Number(params.offset);
    this.queue = this.queue.filter((u) => u.update_id >= offset);
    const answer = () => {
      const updates = this.queue.filter((u) => u.update_id >= offset);
      this.record({ method: 'getUpdates', params, at, outcome: 'ok' });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result: updates }));
    };
    if (this.queue.length > 0 || !Number(params.timeout)) return answer();
    const timer = setTimeout(() => {
      this.pollers = this.pollers.filter((p) => p !== release);
      answer();
    }, Number(params.timeout) * 1000);
    const release = () => {
      clearTimeout(timer);
      if (!res.writableEnded && !res.destroyed) answer();
    };
    this.pollers.push(release);
    res.on('close', () => {
      clearTimeout(timer);
      this.pollers = this.pollers.filter((p) => p !== release);
    });
  }
}
