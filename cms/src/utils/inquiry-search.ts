import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { isPhoneText, nameKey } from '@layanan/config';

export const MAX_SEARCH_LENGTH = 100;

type Filter = Record<string, unknown>;

const NIK = /^\d{16}$/;
/** A search made of digits and a phone number's separators: a number, never a word. */
const NUMBER_ONLY = /^\+?[\d\s().-]+$/;
/**
 * The longest run of digits a text search may carry into the subject and the message. Lists show those
 * fields with the citizen's numbers masked; a longer run would let a search spell a masked NIK or phone
 * number out of the list, digit by digit.
 */
const MAX_DIGIT_RUN = 4;

export class SearchRefused extends Error {}

/** The phone number a search names, in the form stored (+62…), or null when it is none. */
function phoneOf(text: string): string | null {
  if (!isPhoneText(text)) return null;
  const parsed = parsePhoneNumberFromString(text, 'ID');
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * The staff search box (`q`) as a Strapi filter. A number finds a request by its whole NIK (all 16 digits,
 * never a part, which would let a list be walked through) or its whole phone number, written in any of the
 * usual ways; words find it by any part of the applicant's name (capitals and accents aside), the code,
 * the subject or the message. The code is matched in both cases: staff read it out as digits too.
 */
export function inquirySearchFilter(q: unknown): Filter | null {
  if (q === undefined || q === null) return null;
  if (typeof q !== 'string') throw new SearchRefused('Kata pencarian harus berupa teks.');
  const text = q.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  if (text.length > MAX_SEARCH_LENGTH) throw new SearchRefused(`Kata pencarian maksimal ${MAX_SEARCH_LENGTH} karakter.`);
  const byCode = { code: { $containsi: text } };
  if (NUMBER_ONLY.test(text)) {
    const digits = text.replace(/\D/g, '');
    const phone = phoneOf(text);
    return {
      $or: [byCode, ...(NIK.test(digits) ? [{ applicant: { nik: { $eq: digits } } }] : []), ...(phone ? [{ applicant: { phone: { $eq: phone } } }] : [])],
    };
  }
  const key = nameKey(text);
  const longestRun = Math.max(0, ...(text.match(/\d+/g) ?? []).map((run) => run.length));
  const inText = longestRun <= MAX_DIGIT_RUN ? [{ subject: { $containsi: text } }, { message: { $containsi: text } }] : [];
  return { $or: [byCode, ...inText, ...(key ? [{ applicant: { nameKey: { $containsi: key } } }] : [])] };
}

/**
 * Whether a search names a citizen by a whole NIK or phone number: finding a request that way shows the staff
 * member whose number it is, which the access log records (UU 27/2022 Pasal 31).
 */
export function personalSearchKind(q: unknown): 'search_nik' | 'search_phone' | null {
  if (typeof q !== 'string') return null;
  const text = q.trim().replace(/\s+/g, ' ');
  if (!NUMBER_ONLY.test(text)) return null;
  if (NIK.test(text.replace(/\D/g, ''))) return 'search_nik';
  return phoneOf(text) ? 'search_phone' : null;
}
