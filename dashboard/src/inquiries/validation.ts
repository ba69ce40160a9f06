import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { isPhoneText, nikProblem } from '@layanan/config';

/** The same rules as the server (cms/src/utils/validation.ts), so a person learns of a mistake before sending. */
export function nikError(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return nikProblem(value.trim()) ?? undefined;
}

export function isValidPhone(value: string): boolean {
  return normalisePhone(value) !== null;
}

/** +62 form of a valid Indonesian (or international) number, as the server stores it. */
export function normalisePhone(value: string): string | null {
  if (!isPhoneText(value.trim())) return null;
  const parsed = parsePhoneNumberFromString(value.trim(), 'ID');
  return parsed?.isValid() ? parsed.number : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function isValidEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

/** Drops empty strings, nulls and empty objects, deeply: the server refuses `null` where a field is optional. */
export function withoutEmpty<T extends Record<string, unknown>>(data: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string') {
      if (value.trim() !== '') out[key] = value.trim();
    } else if (typeof value === 'object' && !Array.isArray(value)) {
      const inner = withoutEmpty(value as Record<string, unknown>);
      if (Object.keys(inner).length) out[key] = inner;
    } else out[key] = value;
  }
  return out as Partial<T>;
}
