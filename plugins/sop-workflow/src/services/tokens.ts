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

/** An inquiry opens with the token of its first link or with the newest recovered one. */
export function inquiryTokenMatches(token: string, row: { trackingTokenHash?: string | null; recoveryTokenHash?: string | null }): boolean {
  // Both are compared, always, so the time taken says nothing about which one matched.
  const first = tokenMatches(token, row.trackingTokenHash);
  const recovered = tokenMatches(token, row.recoveryTokenHash);
  return first || recovered;
}
