import type { IncomingMessage } from 'node:http';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** Meta's webhook for WhatsApp, Messenger and Instagram deliveries. */
const PATH = '/api/channels/meta/webhook';
/** As the body parser's limit for every other route. */
const LIMIT = 256 * 1024;
/** Where the body parser keeps the raw body beside the parsed one; the controller reads what Meta signed there. */
const UNPARSED = Symbol.for('unparsedBody');

interface Context {
  method: string;
  path: string;
  req: IncomingMessage;
  request: { body?: unknown };
  is(...types: string[]): string | false | null;
  get(name: string): string;
}

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

/** A key that would reach an object's prototype when merged elsewhere is dropped, as the body parser does. */
const withoutProto = (key: string, value: unknown) => (key === '__proto__' ? undefined : value);

/**
 * Meta retries a delivery it does not see answered quickly, and sends many at once: its webhook is answered
 * here, ahead of sessions, CORS, query parsing and the router, whose work for every request would queue the
 * others. Only what the route needs runs: the body read within its limit and parsed as JSON, then its
 * controller, which checks the signature and stores every item before the 200. Refusals are Strapi's errors,
 * which the errors middleware ahead of this one turns into its envelope; the request log, ahead of it too,
 * writes its line as for any route (never the body).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    if (ctx.method !== 'POST' || ctx.path !== PATH) return next();
    const encoding = ctx.get('content-encoding');
    if (encoding && encoding !== 'identity') throw new errors.ValidationError('Isi webhook harus JSON tanpa kompresi.');
    const raw = await readBody(ctx.req);
    if (!ctx.is('application/json', 'application/*+json')) throw new errors.ValidationError('Isi webhook harus JSON.');
    const text = raw.toString('utf8');
    let parsed: unknown;
    try {
      parsed = text.trim() === '' ? {} : JSON.parse(text, withoutProto);
    } catch {
      throw new errors.ValidationError('Isi webhook bukan JSON yang sah.');
    }
    if (parsed === null || typeof parsed !== 'object') throw new errors.ValidationError('Isi webhook harus berupa objek JSON.');
    ctx.request.body = Object.assign(parsed, { [UNPARSED]: raw });
    await (strapi.plugin('channels').controller('meta').receive as (ctx: unknown) => Promise<void>)(ctx);
  };
