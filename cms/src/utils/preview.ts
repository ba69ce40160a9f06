import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a preview link from the admin panel shows its draft: a working session, not for good. */
export const PREVIEW_LIFETIME_MS = 2 * 60 * 60 * 1000;

/** Where the public site shows the draft of one FAQ entry, as the citizen will see it once published. */
const faqPreviewPath = (documentId: string) => `/faq/pratinjau/${encodeURIComponent(documentId)}`;

/** A key of its own for preview links, derived from the admin panel's secret so that no new secret is needed. */
function previewKey(adminSecret: string): Buffer {
  return createHmac('sha256', adminSecret).update('layanan:faq-preview').digest();
}

function mac(adminSecret: string, documentId: string, expiresAt: number): Buffer {
  return createHmac('sha256', previewKey(adminSecret)).update(`${documentId}.${expiresAt}`).digest();
}

/** A token that opens the draft of this one entry until it expires; it names no other entry. */
export function signPreview(adminSecret: string, documentId: string, now = Date.now()): string {
  const expiresAt = now + PREVIEW_LIFETIME_MS;
  return `${expiresAt}.${mac(adminSecret, documentId, expiresAt).toString('base64url')}`;
}

export function previewTokenValid(adminSecret: string, documentId: string, token: unknown, now = Date.now()): boolean {
  if (typeof token !== 'string' || !adminSecret) return false;
  const match = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return false;
  const expiresAt = Number(match[1]);
  if (expiresAt <= now || expiresAt > now + PREVIEW_LIFETIME_MS) return false;
  return timingSafeEqual(Buffer.from(match[2], 'base64url'), mac(adminSecret, documentId, expiresAt));
}

/** The address the admin panel's preview opens: the public FAQ page of this draft, with its token. */
export function faqPreviewUrl(publicUrl: string, adminSecret: string, documentId: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return `${base}${faqPreviewPath(documentId)}?token=${encodeURIComponent(signPreview(adminSecret, documentId))}`;
}
