import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenFake, type FakeHttp } from './http-fake';

export const LAPOR_TOKEN = 'lapor-token-untuk-uji';

export interface FakeReport {
  tracking_id: string;
  title?: string;
  content: string;
  category?: string;
  classification?: string;
  reported_at?: string;
  disposition_at?: string;
  location?: string;
  anonymous?: boolean;
  confidential?: boolean;
  reporter?: { name?: string; email?: string; phone?: string } | null;
  status?: string;
}

export interface FollowUpCall {
  trackingId: string;
  content: string;
  idempotencyKey: string | null;
  outcome: 'ok' | 'error' | 'hang';
}

/** What the fake does to the next `remaining` follow-up posts: answer an HTTP error, or never answer. */
export type LaporFault = { kind: 'error'; status: number; retryAfter?: number; remaining?: number } | { kind: 'hang'; remaining?: number };

/**
 * LAPOR!'s integration API as plugins/channels/src/lapor/api.ts assumes it, on port 0: reports by tracking
 * number, paged lists since a time, statuses, and follow-ups that honour an Idempotency-Key (a repeat
 * answers the first result and posts nothing twice). Faults for the next posts; every call logged.
 */
export class FakeLapor {
  readonly reports = new Map<string, FakeReport>();
  readonly followUps: FollowUpCall[] = [];
  readonly requests: { method: string; path: string; authorization: string | null }[] = [];
  pageSize = 2;
  /** The token the API accepts: another one set here is LAPOR! revoking ours (401 to everything). */
  acceptedToken = LAPOR_TOKEN;
  /** The status a posted follow-up's answer names; null leaves it out (the client must look it up). */
  receiptStatus: string | null = 'selesai';
  private readonly posted = new Map<string, { id: string; posted_at: string; status?: string }>();
  private faults: Required<LaporFault>[] = [];
  private http: FakeHttp | null = null;

  async start(): Promise<this> {
    this.http = await listenFake((req, res) => void this.handle(req, res));
    return this;
  }

  get root(): string {
    return `http://127.0.0.1:${this.http!.port}/api/v1`;
  }

  env(overrides: Record<string, string> = {}): Record<string, string> {
    return { LAPOR_API_ROOT: this.root, LAPOR_API_TOKEN: LAPOR_TOKEN, ...overrides };
  }

  add(report: FakeReport): void {
    this.reports.set(report.tracking_id, report);
  }

  fault(fault: LaporFault): void {
    this.faults.push({ remaining: 1, retryAfter: 1, ...fault } as Required<LaporFault>);
  }

  async stop(): Promise<void> {
    await this.http?.stop();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    this.requests.push({ method: req.method ?? '', path: url.pathname + url.search, authorization: req.headers.authorization ?? null });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${this.acceptedToken}`) return send(401, { error: { message: 'Token tidak valid' } });
    const path = url.pathname.replace(/^\/api\/v1/, '');
    if (req.method === 'GET' && path === '/reports') {
      const since = new Date(url.searchParams.get('since') ?? 0).getTime();
      const page = Number(url.searchParams.get('page') ?? 1);
      const all = [...this.reports.values()].filter((r) => new Date(r.disposition_at ?? r.reported_at ?? 0).getTime() >= since);
      const slice = all.slice((page - 1) * this.pageSize, page * this.pageSize);
      return send(200, { data: slice, meta: { nextPage: page * this.pageSize < all.length ? page + 1 : null } });
    }
    const match = /^\/reports\/([^/]+)(\/status|\/follow-ups)?$/.exec(path);
    const report = match ? this.reports.get(decodeURIComponent(match[1])) : undefined;
    if (!match || !report) return send(404, { error: { message: 'Laporan tidak ditemukan' } });
    if (req.method === 'GET' && !match[2]) return send(200, { data: report });
    if (req.method === 'GET' && match[2] === '/status') return send(200, { data: { status: report.status ?? 'verifikasi', updated_at: '2026-11-02T03:00:00Z' } });
    if (req.method === 'POST' && match[2] === '/follow-ups') {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { content: string };
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
      const fault = this.faults[0];
      if (fault) {
        fault.remaining -= 1;
        if (fault.remaining <= 0) this.faults.shift();
      }
      this.followUps.push({ trackingId: report.tracking_id, content: body.content, idempotencyKey: key, outcome: fault ? (fault.kind === 'hang' ? 'hang' : 'error') : 'ok' });
      if (fault?.kind === 'hang') return;
      if (fault?.kind === 'error') return send(fault.status, { error: { message: `Gangguan ${fault.status}` } }, fault.status === 429 ? { 'Retry-After': String(fault.retryAfter) } : {});
      const earlier = key ? this.posted.get(key) : undefined;
      if (earlier) return send(200, { data: earlier });
      const result = { id: `TL-${this.followUps.length}`, posted_at: '2026-11-02T04:00:00Z', ...(this.receiptStatus ? { status: this.receiptStatus } : {}) };
      if (key) this.posted.set(key, result);
      report.status = 'selesai';
      return send(201, { data: result });
    }
    return send(405, { error: { message: 'Metode tidak didukung' } });
  }

  /** Follow-ups LAPOR! really holds: one per idempotency key. */
  postedCount(): number {
    return this.posted.size;
  }
}
