import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** Meta's webhook for WhatsApp, Messenger and Instagram deliveries. */
export const WEBHOOK_PATH = '/api/channels/meta/webhook';
/** As the body parser's limit for every other route. */
const LIMIT = 256 * 1024;
/** Where the body parser keeps the raw body beside the parsed one; the controller reads what Meta signed there. */
const UNPARSED = Symbol.for('unparsedBody');
/** Accepted deliveries are summed up in the request log once a minute instead of a line each. */
const SUMMARY_EVERY_MS = 60_000;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Strapi's error classes with their status, as its errors middleware answers them. */
const STATUS_OF: [new (...args: never[]) => Error, number][] = [
  [errors.UnauthorizedError, 401],
  [errors.ForbiddenError, 403],
  [errors.NotFoundError, 404],
  [errors.PayloadTooLargeError, 413],
];

function readBody(req: IncomingMessage): Promise<Buffer> {
  const tooLarge = () => new errors.PayloadTooLargeError(`Isi webhook terlalu besar (paling banyak ${LIMIT / 1024} KB).`);
  if (Number(req.headers['content-length']) > LIMIT) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > LIMIT) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** `application/json` or a `+json` type, as the body parser accepts them. */
function isJson(req: IncomingMessage): boolean {
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.!#$%&'*^_`|~-]+\+json$/.test(type);
}

/**
 * A key that would reach an object's prototype when merged elsewhere is dropped, as the body parser does. A
 * reviver makes parsing several times slower, so it is used only on a body that could name such a key: one
 * that spells it out, or that has escapes in it (which could spell it too).
 */
const withoutProto = (key: string, value: unknown) => (key === '__proto__' ? undefined : value);
const parseJson = (text: string): unknown => (text.includes('__proto__') || text.includes('\\u') ? JSON.parse(text, withoutProto) : JSON.parse(text));

/** The JSON object Meta posted, with the bytes it signed kept beside it for the controller. */
async function bodyOf(req: IncomingMessage): Promise<Record<PropertyKey, unknown>> {
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding !== 'identity') throw new errors.ValidationError('Isi webhook harus JSON tanpa kompresi.');
  const raw = await readBody(req);
  if (!isJson(req)) throw new errors.ValidationError('Isi webhook harus JSON.');
  const text = raw.toString('utf8');
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : parseJson(text);
  } catch {
    throw new errors.ValidationError('Isi webhook bukan JSON yang sah.');
  }
  if (parsed === null || typeof parsed !== 'object') throw new errors.ValidationError('Isi webhook harus berupa objek JSON.');
  return Object.assign(parsed, { [UNPARSED]: raw });
}

/** The status and Strapi's error envelope for a refusal; anything unexpected is a 500 that says nothing more. */
function refusalOf(error: unknown): { status: number; body: unknown } {
  if (error instanceof errors.ApplicationError) {
    const status = STATUS_OF.find(([type]) => error instanceof type)?.[1] ?? 400;
    return { status, body: { data: null, error: { status, name: error.name, message: error.message, details: error.details } } };
  }
  return { status: 500, body: { data: null, error: { status: 500, name: 'InternalServerError', message: 'Internal Server Error' } } };
}

/**
 * The request log's line for this route. Meta may post hundreds of deliveries a minute: the first after a
 * quiet minute gets its line at once, the rest are summed up when the minute is over; a refusal always gets
 * its own line. Never the body.
 */
function webhookLog(strapi: Core.Strapi) {
  let window: { count: number; statuses: Map<number, number>; slowestMs: number; timer: NodeJS.Timeout } | null = null;
  const line = (status: number, ms: number) => strapi.log.http(`POST ${WEBHOOK_PATH} (${ms} ms) ${status}`);
  const flush = () => {
    if (!window) return;
    const { count, statuses, slowestMs, timer } = window;
    clearTimeout(timer);
    window = null;
    if (count === 0) return;
    const byStatus = [...statuses].map(([status, n]) => `${status}: ${n}`).join(', ');
    strapi.log.http(`POST ${WEBHOOK_PATH}: ${count} kiriman lagi dalam semenit terakhir (${byStatus}), terlama ${slowestMs} ms`);
  };
  return {
    record(status: number, ms: number) {
      if (status !== 200) line(status, ms);
      if (!window) {
        if (status === 200) line(status, ms);
        window = { count: 0, statuses: new Map(), slowestMs: 0, timer: setTimeout(flush, SUMMARY_EVERY_MS).unref() };
        return;
      }
      window.count += 1;
      window.statuses.set(status, (window.statuses.get(status) ?? 0) + 1);
      window.slowestMs = Math.max(window.slowestMs, ms);
    },
    flush,
  };
}

/**
 * Meta retries a delivery it does not see answered quickly, and posts many at once: its webhook is answered
 * by the HTTP server itself, ahead of Koa and every middleware, whose work for each request would queue the
 * others. Only what the route needs runs: the body read within its limit and parsed as JSON, then the channels
 * plugin's controller, which checks the signature and stores every item before the 200. Refusals carry
 * Strapi's error envelope; every other request, this path's handshake (GET) included, goes to Strapi as before.
 * Returns what flushes the request log's last summary.
 */
export function serveWebhookAhead(strapi: Core.Strapi): () => void {
  const server = (strapi.server as unknown as { httpServer: Server }).httpServer;
  const log = webhookLog(strapi);
  // Without the channels plugin (switched off in a configuration) there is no webhook to answer.
  const found = strapi.plugin('channels')?.controller('meta') as { receive(ctx: unknown): Promise<void> } | undefined;
  if (!found) return () => {};
  const controller = found;

  async function answer(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    let status = 200;
    let body: unknown;
    try {
      const ctx = {
        request: { body: await bodyOf(req) },
        get: (name: string) => String(req.headers[name.toLowerCase()] ?? ''),
        body: undefined as unknown,
      };
      await controller.receive(ctx);
      body = ctx.body;
    } catch (error) {
      ({ status, body } = refusalOf(error));
      // The logger masks personal data in every line it writes (cms/config/logger.ts).
      if (status >= 500) strapi.log.error(`POST ${WEBHOOK_PATH}: ${String((error as Error)?.stack ?? error)}`);
    }
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(json),
      'x-content-type-options': 'nosniff',
    });
    res.end(json);
    log.record(status, Math.round(performance.now() - started));
  }

  const strapiListeners = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'POST' && (req.url ?? '').split('?')[0] === WEBHOOK_PATH) void answer(req, res);
    else for (const listener of strapiListeners) listener.call(server, req, res);
  });
  return log.flush;
}
