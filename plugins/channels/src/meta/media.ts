import { Readable } from 'node:stream';
import type { MetaConfig } from './config';
import type { MetaChannel } from './webhook';

/** What a message keeps of an attachment (normalise.ts): WhatsApp names the file by id, Messenger and Instagram by URL. */
export type StoredAttachment = Record<string, unknown>;

export interface OpenedMedia {
  body: Readable;
  contentType: string;
  size: number | null;
}

/** Meta no longer has the file (WhatsApp keeps a citizen's media 7 days), or never had it. */
export class MediaGone extends Error {
  override name = 'MediaGone';
}
/** Meta could not be asked or refused us (a token, an outage): nothing the officer's request did wrong. */
export class MediaUnreachable extends Error {
  override name = 'MediaUnreachable';
}

const LOOKUP_TIMEOUT_MS = 15_000;
const DOWNLOAD_TIMEOUT_MS = 120_000;

async function get(url: string, token: string | null, timeoutMs: number): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    // The URL carries Meta's signature: it never goes into a message or a log.
    throw new MediaUnreachable(`Meta tidak dapat dihubungi (${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name}).`);
  }
  if (res.ok) return res;
  await res.body?.cancel();
  if (res.status === 404 || res.status === 400 || res.status === 410) throw new MediaGone('Berkas ini sudah tidak tersedia di Meta.');
  throw new MediaUnreachable(`Meta menolak permintaan berkas (HTTP ${res.status}).`);
}

/**
 * A citizen's attachment fetched from Meta for a member of staff, as a stream: WhatsApp's media id is
 * resolved to a URL that lives about five minutes (`GET /{version}/{media-id}`), then fetched with the same
 * token; a Messenger or Instagram attachment carries its own signed URL. Nothing is kept on our side (see
 * the README: the upload folder is public, and a KTP photo is personal data), so each opening asks again.
 */
export async function openMedia(config: MetaConfig, channel: MetaChannel, stored: StoredAttachment): Promise<OpenedMedia> {
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  const ref = { mediaId: text(stored.mediaId), url: text(stored.url), mimeType: text(stored.mimeType) };
  let url: string;
  let token: string | null = null;
  let declaredType = ref.mimeType ?? null;
  if (channel === 'whatsapp') {
    if (!ref.mediaId || !config.whatsapp) throw new MediaGone('Berkas WhatsApp ini tidak memiliki id media.');
    token = config.whatsapp.token;
    const lookup = await get(`${config.apiRoot}/${config.graphVersion}/${encodeURIComponent(ref.mediaId)}`, token, LOOKUP_TIMEOUT_MS);
    const found = (await lookup.json().catch(() => ({}))) as { url?: unknown; mime_type?: unknown };
    if (typeof found.url !== 'string' || !/^https?:\/\//.test(found.url)) throw new MediaUnreachable('Meta tidak memberi alamat berkas.');
    url = found.url;
    if (typeof found.mime_type === 'string') declaredType = found.mime_type;
  } else {
    if (!ref.url || !/^https?:\/\//.test(ref.url)) throw new MediaGone('Lampiran ini tidak memiliki alamat berkas.');
    url = ref.url;
  }
  const res = await get(url, token, DOWNLOAD_TIMEOUT_MS);
  if (!res.body) throw new MediaGone('Berkas ini kosong.');
  const length = Number(res.headers.get('content-length'));
  return {
    body: Readable.fromWeb(res.body as Parameters<typeof Readable.fromWeb>[0]),
    contentType: (declaredType ?? res.headers.get('content-type') ?? 'application/octet-stream').split(';')[0].trim().toLowerCase(),
    size: Number.isFinite(length) && length > 0 ? length : null,
  };
}
