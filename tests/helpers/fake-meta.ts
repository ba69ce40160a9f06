import { createHmac, randomBytes } from 'node:crypto';
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
    return this.calls.filter((c) => c.outcome === 'ok' && (to === undefined || c.body.to === to.replace(/^\+/, '') || (c.body.recipient as { id?: string } | undefined)?.id === to));
  }

  // ------------------------------------------------------------------ webhook payloads, as Meta builds them

  /** A citizen's WhatsApp message (text unless `message` says otherwise); it opens their window on the fake's clock. */
  waMessage(options: { from: string; name?: string; id?: string; text?: string; message?: Record<string, unknown>; at?: number; contextId?: string }): { entry: Record<string, unknown>; id: string } {
    const at = options.at ?? this.clock();
    const id = options.id ?? this.wamid();
    const waId = options.from.replace(/^\+/, '');
    this.lastInbound.set(waId, Math.max(this.lastInbound.get(waId) ?? 0, at));
    const message = { from: waId, id, timestamp: String(Math.floor(at / 1000)), ...(options.contextId ? { context: { from: PHONE_NUMBER_ID, id: options.contextId } } : {}), ...(options.message ?? { type: 'text', text: { body: options.text ?? 'Halo' } }) };
    return {
      id,
      entry: {
        id: '0',
        changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '6233500000', phone_number_id: PHONE_NUMBER_ID }, contacts: [{ profile: { name: options.name ?? 'Warga' }, wa_id: waId }], messages: [message] } }],
      },
    };
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
  dm(options: { platform: 'page' | 'instagram'; from: string; text?: string; mid?: string; at?: number; echo?: { metadata?: string } }): { entry: Record<string, unknown>; mid: string } {
    const account = options.platform === 'page' ? PAGE_ID : INSTAGRAM_ID;
    const mid = options.mid ?? `m_${randomBytes(12).toString('hex')}`;
    const at = options.at ?? this.clock();
    const message = { mid, text: options.text ?? 'Halo', ...(options.echo ? { is_echo: true, app_id: 1234, ...(options.echo.metadata ? { metadata: options.echo.metadata } : {}) } : {}) };
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

  wamid(): string {
    this.sequence += 1;
    return `wamid.HBgNNjI4${String(this.sequence).padStart(6, '0')}${randomBytes(6).toString('hex').toUpperCase()}`;
  }

  async stop(): Promise<void> {
    await this.http?.stop();
  }

  // ------------------------------------------------------------------ the Graph API

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/v\d+\.\d+\/(\d+)\/messages$/.exec(req.url ?? '');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const graphError = (status: number, code: number, message: string, subcode?: number) => reply(status, { error: { message, type: 'OAuthException', code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: 'AbCdEf' } });
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
      const opened = this.lastInbound.get(String(body.to)) ?? 0;
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
