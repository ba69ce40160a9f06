import { ApiError } from './siteApi';

/** One issued document as the register holds it: what it is, never who it names. */
export interface IssuedDocument {
  verificationId: string;
  kind: string;
  title: string;
  number: string | null;
  period: { from: string; to: string; words: string };
  filters: string | null;
  generatedAt: string;
  generatedByRole: string;
  sha256: string;
}

export async function fetchIssuedDocument(id: string): Promise<IssuedDocument> {
  const response = await fetch(`/api/public/documents/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(body?.error?.message ?? response.statusText, response.status);
  return body.data as IssuedDocument;
}

/** The file's SHA-256 in lower-case hex, computed in the browser: the file never leaves the reader's device. */
export async function sha256OfFile(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A pasted hash, with spaces, colons or capitals as a tool may print it. */
export const normalisedHash = (text: string): string => text.replace(/[\s:]/g, '').toLowerCase();
