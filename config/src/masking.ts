/**
 * Personal data (UU 27/2022 Pelindungan Data Pribadi) is shown masked everywhere except an
 * inquiry's own detail view. Masks keep just enough for an officer to recognise a record.
 */

const NIK_PATTERN = /^\d{16}$/;
const PHONE_SEPARATORS = /[\s\-().]/g;
const PHONE_PREFIX_MAX = 5;
const VISIBLE_TAIL = 2;

function stars(count: number): string {
  return '*'.repeat(Math.max(0, count));
}

/** Keeps the region code (first 6 digits) and the last 2; anything not a 16-digit NIK is starred whole. */
export function maskNik(nik: string): string {
  if (!NIK_PATTERN.test(nik)) return stars(nik.length);
  return nik.slice(0, 6) + stars(nik.length - 6 - VISIBLE_TAIL) + nik.slice(-VISIBLE_TAIL);
}

/**
 * Separators are dropped, then the country/operator prefix (at most 5 characters, and never more
 * than the starred middle) and the last 2 digits stay visible; 4 characters or fewer are starred whole.
 */
export function maskPhone(phone: string): string {
  const compact = phone.replace(PHONE_SEPARATORS, '');
  if (compact.length <= 2 * VISIBLE_TAIL) return stars(compact.length);
  const prefix = Math.min(PHONE_PREFIX_MAX, Math.floor((compact.length - VISIBLE_TAIL) / 2));
  return compact.slice(0, prefix) + stars(compact.length - prefix - VISIBLE_TAIL) + compact.slice(-VISIBLE_TAIL);
}

/** Keeps the first and last character of the local part and the whole domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return stars(email.length);
  const local = Array.from(email.slice(0, at));
  const domain = email.slice(at);
  if (local.length <= 2) return stars(local.length) + domain;
  return local[0] + stars(local.length - 2) + local[local.length - 1] + domain;
}

/** Keeps the first letter of each word and the spacing between words. */
export function maskName(name: string): string {
  return name.replace(/\S+/gu, (word) => {
    const [first, ...rest] = Array.from(word);
    return first + stars(rest.length);
  });
}

export function isValidNik(nik: string): boolean {
  return nikProblem(nik) === null;
}

/**
 * What is wrong with a NIK, in words a citizen understands, or null when it is well formed:
 * PP KK CC (province 11..94, regency, district) DDMMYY (women add 40 to the day) SSSS (serial).
 */
export function nikProblem(nik: string): string | null {
  if (!NIK_PATTERN.test(nik)) return 'NIK harus 16 digit angka.';
  if (!isRegionCode(nik.slice(0, 6))) return 'Kode wilayah pada NIK tidak valid.';
  if (!isBirthDate(nik.slice(6, 12))) return 'Tanggal lahir pada NIK tidak valid.';
  if (nik.slice(12) === '0000') return 'Nomor urut pada NIK tidak valid.';
  return null;
}

function isRegionCode(code: string): boolean {
  const province = Number(code.slice(0, 2));
  return province >= 11 && province <= 94 && code.slice(2, 4) !== '00' && code.slice(4, 6) !== '00';
}

/** The birth year's century is not encoded, so 29 February is always accepted. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isBirthDate(ddmmyy: string): boolean {
  const encodedDay = Number(ddmmyy.slice(0, 2));
  const day = encodedDay > 40 ? encodedDay - 40 : encodedDay;
  const month = Number(ddmmyy.slice(2, 4));
  if (month < 1 || month > 12) return false;
  return day >= 1 && day <= DAYS_IN_MONTH[month - 1];
}

/** A run of digits, possibly grouped by spaces, dots or dashes, with an optional leading "+". */
const DIGIT_RUN = /\+?\(?\d(?:\)?[\s.-]?\(?\d)+/g;
const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[a-z]{2,}/gi;
/** A street, alley, housing estate or hamlet name: the keyword, then the rest of the clause. */
const STREET = /\b(?:Jl\.?|Jln\.?|Jalan|JALAN|Gg\.?|Gang|GANG|Perum(?:ahan)?\.?|Komplek|Kompleks|Dusun|Dsn\.?|Blok)\s+[A-Z0-9][^,;\n]*/g;
const NEIGHBOURHOOD = /\bR[TW]\.?\s*\d{1,3}(?:\s*\/\s*(?:R[TW]\.?\s*)?\d{1,3})?/g;
export const REDACTED_ADDRESS = '[alamat disembunyikan]';
const MIN_NUMBER_DIGITS = 9;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Free text a citizen typed (a subject, a message) may carry their own personal data. Before such text
 * leaves the inquiry's detail view (an alert, an excerpt) every number long enough to be a NIK, a KK
 * or a phone number is masked, e-mail addresses are masked, street addresses are replaced, and the
 * words of the given names (the applicant's) are masked wherever they appear.
 */
export function redactFreeText(text: string, options: { names?: readonly string[] } = {}): string {
  let result = text
    .replace(EMAIL, (email) => maskEmail(email))
    .replace(STREET, REDACTED_ADDRESS)
    .replace(NEIGHBOURHOOD, REDACTED_ADDRESS)
    .replace(DIGIT_RUN, (run) => {
      const digits = run.replace(/\D/g, '');
      if (digits.length < MIN_NUMBER_DIGITS) return run;
      return digits.length === 16 ? maskNik(digits) : maskPhone(run);
    });
  const words = new Set(
    (options.names ?? [])
      .flatMap((name) => name.split(/\s+/))
      .map((word) => word.replace(/[^\p{L}\p{N}'-]/gu, ''))
      .filter((word) => Array.from(word).length >= 3),
  );
  for (const word of words) {
    result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'giu'), (found) => maskName(found));
  }
  return result;
}
