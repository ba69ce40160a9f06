import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A secret at rest: AES-256-GCM under a key derived from ENCRYPTION_KEY, with its own nonce and tag. */
export interface SealedSecret {
  v: 1;
  iv: string;
  tag: string;
  data: string;
}

const keyOf = (encryptionKey: string) => createHash('sha256').update(`layanan-channel-settings:${encryptionKey}`).digest();

export function seal(plain: string, encryptionKey: string): SealedSecret {
  if (!encryptionKey) throw new Error('ENCRYPTION_KEY is not set: channel secrets cannot be stored');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(encryptionKey), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The plain secret, or null when it was sealed under another ENCRYPTION_KEY (or tampered with). */
export function open(sealed: SealedSecret, encryptionKey: string): string | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(encryptionKey), Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export const isSealed = (value: unknown): value is SealedSecret => typeof value === 'object' && value !== null && (value as SealedSecret).v === 1 && typeof (value as SealedSecret).data === 'string';
