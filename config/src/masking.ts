/**
 * Personal data (UU 27/2022 Pelindungan Data Pribadi) is shown masked everywhere except an
 * inquiry's own detail view. Masks keep just enough for an officer to recognise a record.
 */

import { CODE_PREFIX, CODE_SEQUENCE_DIGITS } from './codes';
import { PROVINCES } from './provinces';

const NIK_PATTERN = /^\d{16}$/;
const PHONE_SEPARATORS = /[\s\-().]/g;
/**
 * What a phone number may be written with: digits, a leading plus, spaces and ( ) . -. The parser reads
 * letters as keypad digits or drops them, so "0812-3456-789O" would become a different, shorter number.
 */
const PHONE_TEXT = /^[0-9+ ().-]*$/;

export function isPhoneText(value: string): boolean {
  return PHONE_TEXT.test(value);
}
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
 * PP KK CC (one of the 38 province codes, regency, district) DDMMYY (women add 40 to the day) SSSS (serial).
 */
export function nikProblem(nik: string): string | null {
  if (!NIK_PATTERN.test(nik)) return 'NIK harus 16 digit angka.';
  if (!isRegionCode(nik.slice(0, 6))) return 'Kode wilayah pada NIK tidak valid.';
  if (!isBirthDate(nik.slice(6, 12))) return 'Tanggal lahir pada NIK tidak valid.';
  if (nik.slice(12) === '0000') return 'Nomor urut pada NIK tidak valid.';
  return null;
}

function isRegionCode(code: string): boolean {
  return Object.hasOwn(PROVINCES, code.slice(0, 2)) && code.slice(2, 4) !== '00' && code.slice(4, 6) !== '00';
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

/**
 * Text is matched in one spelling. Invisible format characters (zero-width spaces and joiners, soft
 * hyphens, direction marks) hide a number from a pattern but not from a reader, so they go; a joiner
 * right after an emoji only joins emoji and stays. NFKC folds fullwidth digits and letters and odd spaces,
 * and the decimal digits of other scripts (Arabic-Indic, Javanese, …) become 0–9.
 */
const INVISIBLE = /(?<![\p{Extended_Pictographic}\uFE0F])\u200D|(?!\u200D)\p{Cf}/gu;
const OTHER_SCRIPT_DIGIT = /(?![0-9])\p{Nd}/gu;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

function normalise(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFKC').replace(OTHER_SCRIPT_DIGIT, asciiDigit);
}

/** Unicode lays decimal digits out in unbroken runs of 0–9, so a digit is its distance from its run's start, modulo 10. */
function asciiDigit(digit: string): string {
  const code = digit.codePointAt(0)!;
  let start = code;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return String((code - start) % 10);
}

/** Spacing within a line: a pattern that crosses a line break would join unrelated lines of a form. */
const SPACE = String.raw`[^\S\n]`;

/**
 * "@" and "." as people write them to dodge harvesters: "siti @ gmail.com", "siti[at]gmail(dot)com",
 * "siti at gmail dot com". A spelled "at" counts only before a domain, so "at" in a sentence is left alone.
 */
const AT_SIGN = String.raw`\s*@\s*|\s*[[({<]\s*at\s*[\])}>]\s*|\s+at\s+`;
const DOT_SIGN = String.raw`\.|\s*[[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+`;
const SPELLED_DOT = new RegExp(DOT_SIGN, 'gi');
const EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-]+)(?:${AT_SIGN})((?:[\p{L}\p{N}-]+(?:${DOT_SIGN}))+\p{L}{2,})(?![\p{L}\p{N}])`,
  'giu',
);

/**
 * An address runs from where it starts to the end of its clause: a comma, semicolon, newline, "?" or "!",
 * or a full stop that ends a sentence; the full stop of an abbreviation ("No. 5", "Kel. Jati") or inside a
 * word ("RT.02") does not end it.
 */
const ABBREVIATION = String.raw`jl|jln|gg|no|nmr|blk|komp|perum|dsn|ds|kel|kec|kab|prov|rt|rw`;
const CLAUSE_CHAR = String.raw`(?:[^\s,;.!?]|\.(?=[^\s.])|(?<=\b(?:${ABBREVIATION}))\.)`;
const CLAUSE = new RegExp(String.raw`${CLAUSE_CHAR}(?:${SPACE}*${CLAUSE_CHAR})*`, 'giu');

/**
 * Where an address starts. After "alamat saya", "alamat rumah saya", "alamatnya" or "alamat:" comes an
 * address, whatever it looks like; after a bare "alamat" only a number makes one ("pindah alamat di KK"
 * asks a question). Street, alley, estate and hamlet abbreviations are never ordinary words, but the full
 * words are ("di jalan keluar", "masalahnya kompleks"): one of those needs a capitalised name or a number.
 */
const ADDRESS_START = new RegExp(
  [
    String.raw`(?<intro>\balamat(?!\s+(?:e-?mail|surel))(?<owner>nya|ku|(?:\s+(?:rumah|tinggal|domisili|lengkap))?\s+(?:saya|aku|kami))?\b${SPACE}*(?:(?<colon>:)${SPACE}*)?(?:di${SPACE}+)?)(?=\S)`,
    String.raw`\b(?:jl|jln|gg|komp|perum|dsn)(?:\.${SPACE}*|${SPACE}+)(?=[\p{L}\p{N}])`,
    String.raw`\b(?<word>jalan|gang|perumahan|komplek|kompleks|dusun|blok)${SPACE}+(?=[\p{L}\p{N}])`,
  ].join('|'),
  'giu',
);
const CAPITALISED = /^\p{Lu}/u;
const LAST_DIGIT = /\d\D*$/;

/**
 * RT and RW numbers however typed ("rt 02 rw 03", "RT.02/RW.03", "rt02/rw03", "rt/rw 02/03", "RT 03/05"),
 * with the village and district named next to them ("Kel. Jrebeng Kidul", "kec kademangan"). At most two
 * names are taken before the numbers: an unbounded run there would be tried again from every position.
 */
const RT_OR_RW = String.raw`(?:rt\s*\/\s*rw|r[tw])\s*[.:]?\s*\d{1,3}`;
const ADMIN_AREA = String.raw`\b(?:(?:kel|ds|kec)\.\s*|(?:kelurahan|kel|desa|ds|kecamatan|kec)${SPACE}+)[\p{L}'-]+(?:${SPACE}+(?:kulon|wetan|lor|kidul|utara|selatan|timur|barat|tengah)\b)?`;
const NEIGHBOURHOOD = new RegExp(
  String.raw`(?:${ADMIN_AREA}${SPACE}+){0,2}\b${RT_OR_RW}(?:\s*[/,]?\s*${RT_OR_RW}|\s*\/\s*\d{1,3})?(?:${SPACE}+${ADMIN_AREA})*`,
  'giu',
);
export const REDACTED_ADDRESS = '[alamat disembunyikan]';

/**
 * Dates, clock times and Rupiah amounts are not personal data. They are matched before a digit run, so they
 * never join a neighbouring number into a run long enough to be masked ("12/03/2009 08.00"). An amount has
 * at most twelve digits, so a NIK written as one ("Rp 3.574.014.…") is still masked.
 */
const DATE = String.raw`(?<!\d)(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:\d{4}|\d{2})(?![-/.]?\d)`;
const CLOCK_TIME = String.raw`(?<!\d)(?:[01]?\d|2[0-3])[.:][0-5]\d(?![.:]?\d)`;
const RUPIAH = String.raw`(?<=\b(?:Rp|rp|RP)\.?\s?)[1-9]\d{0,2}(?:\.\d{3}){1,3}(?!\.?\d)`;
/**
 * A run of digits grouped by spaces, dots, dashes, slashes or underscores (one mark at most between two
 * groups), with an optional "+" and bracketed area code: "+62 812-3456-7890", "(0335) 421228", "3574/0145/…".
 */
const GROUP_SEPARATOR = String.raw`\)?${SPACE}*(?:[-./_\u2010-\u2015\u2212]${SPACE}*)?\(?`;
const DIGIT_RUN = String.raw`(?:\(\+?\d{1,4}\)|\+?\d)(?:${GROUP_SEPARATOR}\d)+`;
/** Our own tracking codes (INF-2611-00042) name a request, not a person: an officer must read them whole. */
const CODE_NUMBER = String.raw`(?<=\b(?:${Object.values(CODE_PREFIX).join('|')})-)\d{4}-\d{${CODE_SEQUENCE_DIGITS},}(?!\d)`;
const NUMBER = new RegExp(String.raw`(${CODE_NUMBER}|${DATE}|${CLOCK_TIME}|${RUPIAH})|${DIGIT_RUN}`, 'gu');
const MIN_NUMBER_DIGITS = 9;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function maskEmailParts(_match: string, local: string, domain: string): string {
  return maskEmail(`${local}@${domain.replace(SPELLED_DOT, '.')}`);
}

/** The clause from the first place an address starts is replaced; an "alamat" intro itself stays. */
function redactAddress(clause: string): string {
  const lastDigit = clause.search(LAST_DIGIT);
  for (const start of clause.matchAll(ADDRESS_START)) {
    const { intro, owner, colon, word } = start.groups ?? {};
    const rest = start.index + start[0].length;
    const numbered = lastDigit >= rest;
    if (intro !== undefined && !owner && !colon && !numbered) continue;
    if (word !== undefined && !numbered && !CAPITALISED.test(clause.slice(rest))) continue;
    return clause.slice(0, start.index + (intro?.length ?? 0)) + REDACTED_ADDRESS;
  }
  return clause;
}

function maskNumber(run: string, notPersonal: string | undefined): string {
  const digits = run.replace(/\D/g, '');
  if (notPersonal || digits.length < MIN_NUMBER_DIGITS) return run;
  return digits.length === 16 ? maskNik(digits) : maskPhone(run.replace(/[^+\d]/g, ''));
}

/**
 * Free text a citizen typed (a subject, a message) may carry their own personal data. Before such text
 * leaves the inquiry's detail view (an alert, an export, a list, a log) it is normalised, then every number
 * long enough to be a NIK, a KK or a phone number is masked, e-mail addresses are masked, addresses are
 * replaced, and the words of the given names (the applicant's) are masked wherever they appear.
 */
export function redactFreeText(text: string, options: { names?: readonly string[] } = {}): string {
  let result = normalise(text)
    .replace(EMAIL, maskEmailParts)
    .replace(CLAUSE, redactAddress)
    .replace(NEIGHBOURHOOD, REDACTED_ADDRESS)
    .replace(NUMBER, maskNumber);
  const words = new Set(
    (options.names ?? [])
      .flatMap((name) => normalise(name).split(/\s+/))
      .map((word) => word.replace(/[^\p{L}\p{N}'-]/gu, ''))
      .filter((word) => Array.from(word).length >= 3),
  );
  for (const word of words) {
    result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'giu'), (found) => maskName(found));
  }
  return result;
}
