import type { ErrorKind } from '@layanan/config';
import { codeOf } from './mailbox-reader';

type ImapError = Error & { authenticationFailed?: boolean; serverResponseCode?: string; responseText?: string };

/**
 * What a failed IMAP session means for the channel, in an officer's words: a refused login (the mail admin
 * changed the password) kills the channel at once; anything else is a disruption until it repeats.
 */
export function imapFailure(error: unknown): { error: ErrorKind; message: string } {
  const e = (error ?? {}) as ImapError;
  if (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED') {
    return { error: 'credential', message: 'Login IMAP ditolak (AUTHENTICATIONFAILED): nama pengguna atau kata sandi kotak surat salah atau sudah diganti.' };
  }
  return { error: 'transient', message: `Kotak surat IMAP tidak dapat dibaca (${codeOf(error)}${e.responseText ? `: ${e.responseText}` : ''}).` };
}
