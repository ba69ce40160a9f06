import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenFake, type FakeHttp } from './http-fake';

export const PHONE_NUMBER_ID = '106540352242922';
export const PAGE_ID = '102938475610293';
export const INSTAGRAM_ID = '17841400000000001';
const TOKEN = 'EAAG-test-token';
const APP_SECRET = 'meta-app-secret-for-tests';
const VERIFY_TOKEN = 'verifikasi-layanan';
const DAY = 24 * 3600_000;

export interface GraphCall {
  account: string;
  body: Record<string, unknown>;
  /** Whether the fake answered it as accepted (a fault or a closed window answers otherwise). */
  outcome: 'ok' | 'error' | 'hang' | 'reset';
  id: string | null;
  at: number;
}

/** What the fake does to the next `remaining` sends: answer with a Graph error, never answer, or take it and cut the connection. */
export type GraphFault = { kind: 'error'; status: number; code: number; subcode?: number; message?: string; remaining?: number } | { kind: 'hang'; remaining?: number } | { kind: 'reset-after'; remaining?: number };

/**
 * Meta's side for a test: the Graph API send endpoints (WhatsApp `/{version}/{phone-number-id}/messages`,
 * Messenger and Instagram `/{version}/{id}/messages`) on port 0, speaking Meta's formats and error codes,
 * with WhatsApp's 24-hour window on the fake's own clock; and the webhooks Meta would post, signed with the
 * app secret exactly as Meta signs them (HMAC-SHA256 of the raw body).
 */
export class FakeMeta {
  readonly calls: GraphCall[] = [];
  /** The fake's clock (ms), for the window; tests point it at the CMS's virtual clock. */
  clock: () => number = () => Date.now();
  private http: FakeHttp | null = null;
  private faults: Required<GraphFault>[] = [];
  /** Files citizens sent, by WhatsApp media id or by the CDN path of a Messenger/Instagram attachment. */
  private readonly files = new Map<string, { bytes: Buffer; mimeType: string }>();
  /** Every GET the fake answered (media look-ups and downloads), with whether the bearer token came along. */
  readonly downloads: { path: string; authorized: boolean }[] = [];
  private readonly lastInbound = new Map<string, number>();
  private sequence = 0;

  async start(): Promise<this> {
    this.http = await listenFake((req, res) => void this.handle(req, res));
    return this;
  }

  get root(): string {
    return `http://127.0.0.1:${this.http!.port}`;
  }

  env(overrides: Record<string, string> = {}): Record<string, string> {
    return {
      META_API_ROOT: this.root,
      META_APP_SECRET: APP_SECRET,
      META_VERIFY_TOKEN: VERIFY_TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_ACCESS_TOKEN: TOKEN,
      WHATSAPP_ANSWER_TEMPLATE: 'jawaban_tersedia:id',
      MESSENGER_PAGE_ID: PAGE_ID,
      MESSENGER_PAGE_TOKEN: TOKEN,
      INSTAGRAM_ACCOUNT_ID: INSTAGRAM_ID,
      INSTAGRAM_ACCESS_TOKEN: TOKEN,
      ...overrides,
    };
  }

  readonly verifyToken = VERIFY_TOKEN;

  fail(fault: GraphFault): void {
    this.faults.push({ remaining: 1, subcode: 0, message: 'Fault', ...fault } as Required<GraphFault>);
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** `X-Hub-Signature-256` for a raw body, as Meta computes it (or with another secret, as a forger would). */
  sign(raw: string, secret = APP_SECRET): string {
    return `sha256=${createHmac('sha256', secret).update(Buffer.from(raw, 'utf8')).digest('hex')}`;
  }

  /** Sends to the number the fake accepted, in order. */
  sent(to?: string): GraphCall[] {
    return this.calls.filter((c) => c.outcome === 'ok' && (to === undefined || c.body.to === to.replace(/^\+/, '') || c.body.recipient === to || (c.body.recipient as { id?: string } | undefined)?.id === to));
  }

  // ------------------------------------------------------------------ webhook payloads, as Meta builds them

  /** A citizen's WhatsApp message (text unless `message` says otherwise); it opens their window on the fake's clock. */
  /**
   * A citizen's WhatsApp message (text unless `message` says otherwise); it opens their window on the fake's
   * clock. With `userId` it carries the business-scoped user id (BSUID) as Meta does since 2026; `from: null`
   * is a citizen who hides their number behind a username, known by the BSUID alone.
   */
  waMessage(options: { from: string | null; name?: string; id?: string; text?: string; message?: Record<string, unknown>; at?: number; contextId?: string; userId?: string; username?: string }): { entry: Record<string, unknown>; id: string } {
    const at = options.at ?? this.clock();
    const id = options.id ?? this.wamid();
    const waId = options.from?.replace(/^\+/, '') ?? null;
    const address = waId ?? options.userId ?? '';
    this.lastInbound.set(address, Math.max(this.lastInbound.get(address) ?? 0, at));
    const sender = { ...(waId ? { from: waId } : {}), ...(options.userId ? { from_user_id: options.userId } : {}) };
    const message = { ...sender, id, timestamp: String(Math.floor(at / 1000)), ...(options.contextId ? { context: { from: PHONE_NUMBER_ID, id: options.contextId } } : {}), ...(options.message ?? { type: 'text', text: { body: options.text ?? 'Halo' } }) };
    const contact = { profile: { name: options.name ?? 'Warga', ...(options.username ? { username: options.username } : {}) }, ...(waId ? { wa_id: waId } : {}), ...(options.userId ? { user_id: options.userId } : {}) };
    return {
      id,
      entry: {
        id: '0',
        changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '6233500000', phone_number_id: PHONE_NUMBER_ID }, contacts: [contact], messages: [message] } }],
      },
    };
  }

  /**
   * WhatsApp's `system` message when a citizen changes number (`user_changed_number`: sent from the old number,
   * the new one in `system.wa_id`, a new BSUID with it) or only their BSUID changes (`user_changed_user_id`).
   * System messages carry no `contacts` entry.
   */
  waIdentityChange(options: { change: 'user_changed_number'; from: string; to: string; previousUserId?: string; userId?: string } | { change: 'user_changed_user_id'; from: string | null; previousUserId: string; userId: string }): { entry: Record<string, unknown> } {
    const at = this.clock();
    const from = options.from?.replace(/^\+/, '');
    const system = {
      type: options.change,
      body: options.change === 'user_changed_number' ? `User Warga changed from ${from} to ${options.to.replace(/^\+/, '')}` : 'User Warga changed their user id',
      ...(options.change === 'user_changed_number' ? { wa_id: options.to.replace(/^\+/, '') } : {}),
      ...(options.userId ? { user_id: options.userId } : {}),
      ...(options.previousUserId ? { previous_user_id: options.previousUserId } : {}),
    };
    const message = { ...(from ? { from } : { from_user_id: options.previousUserId }), id: this.wamid(), timestamp: String(Math.floor(at / 1000)), type: 'system', system };
    return { entry: { id: '0', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '6233500000', phone_number_id: PHONE_NUMBER_ID }, messages: [message] } }] } };
  }

  waStatus(options: { id: string; status: 'sent' | 'delivered' | 'read' | 'failed'; to: string; at?: number; opaque?: string; errorCode?: number }): { entry: Record<string, unknown> } {
    const status = {
      id: options.id,
      status: options.status,
      timestamp: String(Math.floor((options.at ?? this.clock()) / 1000)),
      recipient_id: options.to.replace(/^\+/, ''),
      ...(options.opaque ? { biz_opaque_callback_data: options.opaque } : {}),
      ...(options.errorCode ? { errors: [{ code: options.errorCode, title: 'Message undeliverable', message: 'Message undeliverable' }] } : {}),
    };
    return { entry: { id: '0', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: PHONE_NUMBER_ID }, statuses: [status] } }] } };
  }

  /** A Messenger (page) or Instagram direct message from a person, as its `messaging` event. */
  dm(options: { platform: 'page' | 'instagram'; from: string; text?: string; mid?: string; at?: number; echo?: { metadata?: string }; attachments?: { type: string; url: string }[] }): { entry: Record<string, unknown>; mid: string } {
    const account = options.platform === 'page' ? PAGE_ID : INSTAGRAM_ID;
    const mid = options.mid ?? `m_${randomBytes(12).toString('hex')}`;
    const at = options.at ?? this.clock();
    const content = options.attachments ? { attachments: options.attachments.map((a) => ({ type: a.type, payload: { url: a.url } })), ...(options.text ? { text: options.text } : {}) } : { text: options.text ?? 'Halo' };
    const message = { mid, ...content, ...(options.echo ? { is_echo: true, app_id: 1234, ...(options.echo.metadata ? { metadata: options.echo.metadata } : {}) } : {}) };
    const [sender, recipient] = options.echo ? [account, options.from] : [options.from, account];
    return { mid, entry: { id: account, time: at, messaging: [{ sender: { id: sender }, recipient: { id: recipient }, timestamp: at, message }] } };
  }

  /** Messenger's receipts: everything sent to `psid` up to the watermark was delivered (or read). */
  receipt(options: { platform: 'page' | 'instagram'; from: string; kind: 'delivery' | 'read'; watermark: number }): { entry: Record<string, unknown> } {
    const account = options.platform === 'page' ? PAGE_ID : INSTAGRAM_ID;
    return { entry: { id: account, time: options.watermark, messaging: [{ sender: { id: options.from }, recipient: { id: account }, timestamp: options.watermark, [options.kind]: { watermark: options.watermark } }] } };
  }

  /** One delivery of several entries (Meta batches), as the raw body Meta posts. */
  webhook(object: 'whatsapp_business_account' | 'page' | 'instagram', ...entries: { entry: Record<string, unknown> }[]): string {
    return JSON.stringify({ object, entry: entries.map((e) => e.entry) });
  }

  /**
   * A file a citizen sent: on WhatsApp it is known by a media id, resolved (with the token) to a URL on the
   * fake's "lookaside" host that serves the bytes to the same token; on Messenger and Instagram the webhook
   * carries a CDN URL that needs no token. Returns what a webhook names it by.
   */
  media(bytes: Buffer, mimeType: string): { id: string; url: string } {
    const id = String(900_000_000_000 + this.files.size + 1);
    this.files.set(id, { bytes, mimeType });
    return { id, url: `${this.root}/cdn/${id}` };
  }

  /** Meta has dropped the file (WhatsApp keeps media 7 days): its id and URL now answer 404. */
  expireMedia(id: string): void {
    this.files.delete(id);
  }

  wamid(): string {
    this.sequence += 1;
    return `wamid.HBgNNjI4${String(this.sequence).padStart(6, '0')}${randomBytes(6).toString('hex').toUpperCase()}`;
  }

  async stop(): Promise<void> {
    await this.http?.stop();
  }

  // ------------------------------------------------------------------ the Graph API

  /**
   * `GET /{version}/{media-id}` → `{url, mime_type, sha256, file_size, id}` (token required); `GET
   * /lookaside/{id}` → the bytes (token required, as on Meta's lookaside host); `GET /cdn/{id}` → the bytes of
   * a Messenger/Instagram attachment (signed URL, no token).
   */
  private serveMedia(req: IncomingMessage, res: ServerResponse, reply: (status: number, body: unknown) => void, graphError: (status: number, code: number, message: string, subcode?: number) => void): void {
    const path = (req.url ?? '').split('?')[0];
    const authorized = req.headers.authorization === `Bearer ${TOKEN}`;
    this.downloads.push({ path, authorized });
    const lookup = /^\/v\d+\.\d+\/(\d+)$/.exec(path);
    const download = /^\/(lookaside|cdn)\/(\d+)$/.exec(path);
    const file = this.files.get((lookup ?? download)?.[lookup ? 1 : 2] ?? '');
    if ((lookup || download?.[1] === 'lookaside') && !authorized) return graphError(401, 190, 'Error validating access token: Session has expired');
    if (lookup) {
      if (!file) return graphError(400, 100, 'Unsupported get request. Object with ID does not exist, cannot be loaded due to missing permissions, or does not support this operation', 33);
      return reply(200, { messaging_product: 'whatsapp', url: `${this.root}/lookaside/${lookup[1]}?ext=1&hash=ATtest`, mime_type: file.mimeType, sha256: createHash('sha256').update(file.bytes).digest('hex'), file_size: file.bytes.length, id: lookup[1] });
    }
    if (!download || !file) return graphError(404, 100, 'Not found');
    res.writeHead(200, { 'content-type': file.mimeType, 'content-length': file.bytes.length });
    res.end(file.bytes);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/v\d+\.\d+\/(\d+)\/messages$/.exec(req.url ?? '');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const graphError = (status: number, code: number, message: string, subcode?: number) => reply(status, { error: { message, type: 'OAuthException', code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: 'AbCdEf' } });
    if (req.method === 'GET') return this.serveMedia(req, res, reply, graphError);
    if (req.method !== 'POST' || !match) return graphError(400, 100, 'Unsupported request');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return graphError(400, 100, 'Invalid JSON');
    }
    const call: GraphCall = { account: match[1], body, outcome: 'ok', id: null, at: this.clock() };
    this.calls.push(call);
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      call.outcome = 'error';
      return graphError(401, 190, 'Error validating access token: Session has expired');
    }
    const fault = this.faults.find((f) => f.remaining > 0);
    if (fault) {
      fault.remaining -= 1;
      if (fault.kind === 'hang') {
        call.outcome = 'hang';
        return;
      }
      if (fault.kind === 'error') {
        call.outcome = 'error';
        return graphError(fault.status, fault.code, fault.message, fault.subcode || undefined);
      }
    }
    const whatsapp = match[1] === PHONE_NUMBER_ID;
    if (whatsapp && body.type !== 'template') {
      const opened = this.lastInbound.get(String(body.to ?? body.recipient)) ?? 0;
      if (this.clock() - opened > DAY) {
        call.outcome = 'error';
        return graphError(400, 131047, 'Re-engagement message');
      }
    }
    call.id = whatsapp ? this.wamid() : `m_${randomBytes(12).toString('hex')}`;
    if (fault?.kind === 'reset-after') {
      call.outcome = 'reset';
      req.socket.destroy();
      return;
    }
    reply(200, whatsapp ? { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: call.id }] } : { recipient_id: (body.recipient as { id?: string })?.id, message_id: call.id });
  }
}
