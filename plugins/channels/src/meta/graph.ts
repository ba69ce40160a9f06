import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { redactFreeText } from '@layanan/config';
import type { SendOutcome } from '@layanan/sop-workflow';

/**
 * A thin client for Meta's Graph API send endpoints (no SDK fits Node 20 and a configurable root, see
 * channels.md §2.4), and what its failures mean for the delivery engine.
 */

export class GraphError extends Error {
  override name = 'GraphError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: number | null,
    readonly subcode: number | null,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
  }
}

/** Meta's error envelope: `{ error: { message, type, code, error_subcode, error_data: { details } } }`. */
function graphError(status: number, body: unknown, retryAfter: string | null): GraphError {
  const error = ((body as { error?: Record<string, unknown> } | null)?.error ?? {}) as Record<string, unknown>;
  const details = (error.error_data as { details?: unknown } | undefined)?.details;
  const message = [error.message, details].filter((part) => typeof part === 'string' && part).join(': ') || `HTTP ${status}`;
  const number = (value: unknown) => (Number.isInteger(Number(value)) && value !== null && value !== undefined && value !== '' ? Number(value) : null);
  const seconds = number(retryAfter);
  return new GraphError(message, status, number(error.code), number(error.error_subcode), seconds === null ? null : seconds * 1000);
}

/** A failure on the way, and whether the whole request had gone out before it (only then may Meta have acted). */
export class GraphTransportError extends Error {
  override name = 'GraphTransportError';
  constructor(
    override readonly cause: Error & { code?: string },
    readonly written: boolean,
  ) {
    super(cause.message);
  }
  get code(): string | undefined {
    return this.cause.code;
  }
}

/**
 * One POST on a connection of its own. A reused keep-alive connection can be closed by the server just as a
 * request goes out, and the client cannot tell whether it was read; a fresh one fails either before the
 * request is written (nothing sent: retried) or after (Meta may have sent it: settled by its status).
 */
export function graphPost(url: string, token: string, body: unknown, signal?: AbortSignal): Promise<Record<string, unknown>> {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let written = false;
    const req = send(target, {
      method: 'POST',
      agent: false,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': payload.length, connection: 'close' },
      signal,
    });
    req.on('finish', () => {
      written = true;
    });
    req.on('error', (error) => reject(new GraphTransportError(error, written)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => reject(new GraphTransportError(error, true)));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = null;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          parsed = null;
        }
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) reject(graphError(status, parsed, (res.headers['retry-after'] as string | undefined) ?? null));
        else resolve((parsed ?? {}) as Record<string, unknown>);
      });
    });
    req.end(payload);
  });
}

/** Errors that mean no connection was ever made, so nothing was sent. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);
const RATE_LIMITED = new Set([4, 80007, 130429, 131048, 131056]);
const WINDOW_CLOSED = new Set([131047, 2018278]);
const AUTH = new Set([190, 102]);
const TRANSIENT = new Set([1, 2, 131000, 131016, 133004]);
/** The pair rate (one user, several messages) asks for about 6 s between messages; the others a second or so. */
const PAIR_RATE_MS = 6000;

const causeCode = (error: unknown): string | undefined => {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code ?? (error as { code?: string })?.code;
};

export function classifyGraph(error: unknown): SendOutcome {
  if (error instanceof GraphError) {
    const code = error.code ?? -1;
    if (error.status === 429 || RATE_LIMITED.has(code)) return { kind: 'retry-after', ms: error.retryAfterMs ?? (code === 131056 ? PAIR_RATE_MS : 1000) };
    if (WINDOW_CLOSED.has(code) || error.subcode === 2018278 || (code === 10 && error.subcode === 2018278)) return { kind: 'window-closed' };
    if (error.status === 401 || AUTH.has(code)) return { kind: 'auth' };
    if (error.status >= 500 || TRANSIENT.has(code)) return { kind: 'transient' };
    return { kind: 'permanent' };
  }
  if (NOT_CONNECTED.has(causeCode(error) ?? '')) return { kind: 'transient' };
  if (error instanceof GraphTransportError && !error.written) return { kind: 'transient' };
  // Cut off after the request went out (a reset, a timeout): Meta may have sent it. The status webhook
  // carrying the row's id in biz_opaque_callback_data settles it if it did.
  return { kind: 'uncertain' };
}

const CAUSES: Record<number, string> = {
  130429: 'Batas kecepatan kirim WhatsApp tercapai; dicoba lagi.',
  131056: 'Terlalu banyak pesan ke warga yang sama dalam waktu singkat; dicoba lagi.',
  131047: 'Sudah lewat 24 jam sejak pesan terakhir warga: WhatsApp hanya menerima templat yang disetujui.',
  2018278: 'Sudah lewat jendela balasan sejak pesan terakhir warga.',
  131026: 'Pesan tidak dapat diterima nomor ini (tidak memakai WhatsApp, atau aplikasinya terlalu lama). Hubungi warga lewat kanal lain.',
  131021: 'Penerima sama dengan nomor pengirim Dinas.',
  131051: 'Jenis pesan ini tidak didukung WhatsApp.',
  133010: 'Nomor WhatsApp Dinas belum terdaftar di Cloud API.',
  190: 'Token akses Meta kedaluwarsa atau dicabut: administrator perlu menghubungkan ulang.',
  551: 'Pengguna ini tidak dapat dihubungi saat ini.',
  10: 'Aplikasi Meta tidak memiliki izin untuk pesan ini.',
};

/** The cause officers read: in Indonesian where the code is known, with Meta's own words (masked) otherwise. */
export function describeGraph(error: unknown): string {
  if (error instanceof GraphError) {
    const known = CAUSES[error.subcode ?? -1] ?? CAUSES[error.code ?? -1];
    const tag = `Meta ${error.code ?? error.status}${error.subcode ? `/${error.subcode}` : ''}`;
    return `${tag}: ${known ?? redactFreeText(error.message)}`.slice(0, 500);
  }
  const code = causeCode(error);
  return `${code ? `${code}: ` : ''}${redactFreeText(String((error as Error)?.message ?? error))}`.slice(0, 500);
}
