import { isLaporStatus, normaliseTrackingId, type LaporClassification, type LaporStatus } from '@layanan/config';
import type { SendOutcome } from '@layanan/sop-workflow';
import type { FollowUpReceipt, LaporAdapter, LaporReport } from './adapter';

/**
 * The LAPOR! integration API as this product assumes it. LAPOR! shows its API documentation only to an
 * agency account with the developer role, so this file is the one place that states the assumption; when the
 * Dinas obtains the documentation, this file (and its fake, tests/helpers/fake-lapor.ts) is what changes.
 *
 * Assumed shape (JSON over HTTPS, `Authorization: Bearer <LAPOR_API_TOKEN>`):
 *
 *   GET  {root}/reports?since=<ISO 8601>&page=<n>   → 200 {data: Report[], meta: {nextPage: number | null}}
 *   GET  {root}/reports/{tracking_id}               → 200 {data: Report} | 404
 *   GET  {root}/reports/{tracking_id}/status        → 200 {data: {status, updated_at}} | 404
 *   POST {root}/reports/{tracking_id}/follow-ups    ← {content, attachments: []}, header Idempotency-Key
 *                                                   → 201 {data: {id, posted_at, status}}; a repeat with the
 *                                                     same key answers the first result (200 or 201)
 *
 *   Report = {tracking_id, title, content, category, classification ('pengaduan' | 'aspirasi' |
 *             'permintaan_informasi'), reported_at, disposition_at, location, anonymous, confidential,
 *             reporter: {name, email, phone} | null, status ('verifikasi' | 'tunda' | 'bukan_wewenang' |
 *             'arsip' | 'selesai')}
 *   Errors: 401/403 wrong token; 429 with Retry-After (seconds); 5xx the service is down; other 4xx refusals
 *   with {error: {message}}.
 */

export class LaporApiError extends Error {
  override name = 'LaporApiError';
  constructor(
    message: string,
    readonly status: number | null,
    /** The request may have reached LAPOR! (cut off while waiting for the answer). */
    readonly uncertain: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

interface WireReport {
  tracking_id?: unknown;
  title?: unknown;
  content?: unknown;
  category?: unknown;
  classification?: unknown;
  reported_at?: unknown;
  disposition_at?: unknown;
  location?: unknown;
  anonymous?: unknown;
  confidential?: unknown;
  reporter?: { name?: unknown; email?: unknown; phone?: unknown } | null;
  status?: unknown;
}

interface Envelope<T> {
  data?: T;
  meta?: { nextPage?: number | null };
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
const date = (value: unknown): Date | null => {
  const parsed = typeof value === 'string' ? new Date(value) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
};
const CLASSIFICATIONS: readonly string[] = ['pengaduan', 'aspirasi', 'permintaan_informasi'];

function reportOf(wire: WireReport): LaporReport | null {
  const trackingId = normaliseTrackingId(String(wire.tracking_id ?? ''));
  const content = str(wire.content);
  if (!trackingId || !content) return null;
  const hidden = wire.anonymous === true || wire.confidential === true;
  return {
    trackingId,
    title: str(wire.title),
    content,
    category: str(wire.category),
    classification: CLASSIFICATIONS.includes(String(wire.classification)) ? (wire.classification as LaporClassification) : null,
    reportedAt: date(wire.reported_at),
    dispositionAt: date(wire.disposition_at),
    location: str(wire.location),
    anonymous: wire.anonymous === true,
    confidential: wire.confidential === true,
    reporter: hidden ? { name: null, email: null, phone: null } : { name: str(wire.reporter?.name), email: str(wire.reporter?.email), phone: str(wire.reporter?.phone) },
    status: isLaporStatus(wire.status) ? wire.status : null,
  };
}

export function createLaporApi(settings: { root: string; token: string; timeoutMs: number }): LaporAdapter {
  /** The whole JSON answer (`{data, meta}`), or null for a 404 where that means "no such report". */
  async function call<T>(method: 'GET' | 'POST', path: string, options: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal; allow404?: boolean } = {}): Promise<Envelope<T> | null> {
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await fetch(`${settings.root}${path}`, {
        method,
        headers: { Authorization: `Bearer ${settings.token}`, Accept: 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
        body: options.body ? JSON.stringify(options.body) : undefined,
        signal,
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      // A connection never opened sent nothing; anything later may have reached LAPOR!.
      const unsent = cause === 'ECONNREFUSED' || cause === 'ENOTFOUND' || cause === 'EAI_AGAIN';
      throw new LaporApiError(unsent ? `LAPOR! tidak dapat dihubungi (${cause}).` : 'Jawaban LAPOR! tidak diterima (koneksi terputus atau waktu habis).', null, !unsent);
    }
    if (response.status === 404 && options.allow404) return null;
    const body = (await response.json().catch(() => null)) as (Envelope<T> & { error?: { message?: string } }) | null;
    if (!response.ok) {
      const retryAfter = Number(response.headers.get('retry-after'));
      const message = str(body?.error?.message) ?? `HTTP ${response.status}`;
      throw new LaporApiError(`LAPOR! menolak (${response.status}): ${message}`, response.status, false, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null);
    }
    return body ?? {};
  }
  const id = (trackingId: string) => encodeURIComponent(trackingId);

  return {
    mode: 'api',
    async listNew(since, signal) {
      const reports: LaporReport[] = [];
      for (let page: number | null = 1; page !== null; ) {
        const params: URLSearchParams = new URLSearchParams({ since: since.toISOString(), page: String(page) });
        const result: Envelope<WireReport[]> | null = await call<WireReport[]>('GET', `/reports?${params}`, { signal });
        for (const wire of result?.data ?? []) {
          const report = reportOf(wire);
          if (report) reports.push(report);
        }
        const next: number | null | undefined = result?.meta?.nextPage;
        page = typeof next === 'number' && next > page ? next : null;
      }
      return reports;
    },
    async get(trackingId, signal) {
      const wire = (await call<WireReport>('GET', `/reports/${id(trackingId)}`, { signal, allow404: true }))?.data;
      return wire ? reportOf(wire) : null;
    },
    async postFollowUp(trackingId, text, { idempotencyKey, signal }): Promise<FollowUpReceipt> {
      const result = (
        await call<{ id?: unknown; posted_at?: unknown; status?: unknown }>('POST', `/reports/${id(trackingId)}/follow-ups`, {
          body: { content: text, attachments: [] },
          headers: { 'Idempotency-Key': idempotencyKey },
          signal,
        })
      )?.data;
      return { id: str(result?.id) ?? (typeof result?.id === 'number' ? String(result.id) : null), postedAt: date(result?.posted_at), status: isLaporStatus(result?.status) ? result.status : null };
    },
    async status(trackingId, signal): Promise<{ status: LaporStatus; at: Date | null } | null> {
      const result = (await call<{ status?: unknown; updated_at?: unknown }>('GET', `/reports/${id(trackingId)}/status`, { signal, allow404: true }))?.data;
      return result && isLaporStatus(result.status) ? { status: result.status, at: date(result.updated_at) } : null;
    },
  };
}

/** What a failed post means for its outbox row. The Idempotency-Key makes one repeat of an uncertain post harmless. */
export function classifyLaporError(error: unknown): SendOutcome {
  if (!(error instanceof LaporApiError)) return { kind: 'transient' };
  if (error.status === 401 || error.status === 403) return { kind: 'auth' };
  if (error.status === 429) return { kind: 'retry-after', ms: error.retryAfterMs ?? 60_000 };
  if (error.status === null) return error.uncertain ? { kind: 'uncertain', retryOnce: true } : { kind: 'transient' };
  if (error.status >= 500) return { kind: 'transient' };
  return { kind: 'permanent' };
}

export function describeLaporError(error: unknown): string {
  if (error instanceof LaporApiError) return error.message;
  return `Gagal mengirim ke LAPOR!: ${(error as Error)?.message ?? String(error)}`;
}
