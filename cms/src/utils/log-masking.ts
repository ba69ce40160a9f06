import { redactFreeText } from '@layanan/config';

/**
 * Every log line passes the same masking as the citizens' free text before it is written: a NIK typed as
 * a tracking code, a phone number quoted in a database error or an e-mail address in a delivery failure
 * never reaches the log whole (UU 27/2022).
 */
export function maskLogLine<T extends { message?: unknown }>(info: T): T {
  if (typeof info.message === 'string') info.message = redactFreeText(info.message);
  return info;
}
