import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The citizen's tracking token: shown once, stored only as a hash. */
export function newTrackingToken(): { token: string; hash: string } {
  const token = randomBytes(18).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A shared secret (a webhook's token) compared by digest, so neither its content nor its length leaks through timing. */
export function secretMatches(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return expected.length > 0 && timingSafeEqual(digest(given), digest(expected));
}

export function tokenMatches(token: string, storedHash: string | null | undefined): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The stored keys of an inquiry's tracking link: the first, the newest recovered one, the newest receipt's. */
export const TOKEN_HASH_FIELDS = ['trackingTokenHash', 'recoveryTokenHash', 'receiptTokenHash'] as const;

/** An inquiry opens with the token of its first link, the newest recovered one or the newest printed or sent receipt's. */
export function inquiryTokenMatches(token: string, row: Partial<Record<(typeof TOKEN_HASH_FIELDS)[number], string | null>>): boolean {
  // All are compared, always, so the time taken says nothing about which one matched.
  const matched = TOKEN_HASH_FIELDS.map((field) => tokenMatches(token, row[field]));
  return matched.some(Boolean);
}
