import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The citizen's tracking token: shown once, stored only as a hash. */
export function newTrackingToken(): { token: string; hash: string } {
  const token = randomBytes(18).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokenMatches(token: string, storedHash: string | null | undefined): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
