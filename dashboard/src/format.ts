import { dayNumberOf, utcOffsetMinutes } from '@layanan/config';

/** Times are stored in UTC and always shown in WIB (the office's zone), whatever the browser's zone. */
export const OFFICE_ZONE = 'Asia/Jakarta';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone: OFFICE_ZONE });
    formatters.set(key, found);
  }
  return found;
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const DATE_TIME: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hour12: false };
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** "3 Nov 2026 09.15 WIB" (id-ID) or "3 Nov 2026, 09:15 WIB" (en-GB). */
export function formatDateTime(value: string | Date | null | undefined, locale = 'id-ID'): string {
  const date = toDate(value);
  return date ? `${formatter(locale, DATE_TIME).format(date)} WIB` : '';
}

const LONG_DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE_TIME, month: 'long' };

/** "8 Desember 2026 pukul 09.15 WIB": the citizen's pages name the month in full (staff screens keep the short form). */
export function formatLongDateTime(value: string | Date | null | undefined, locale = 'id-ID'): string {
  const date = toDate(value);
  return date ? `${formatter(locale, LONG_DATE_TIME).format(date)} WIB` : '';
}

const DAY_DATE_TIME: Intl.DateTimeFormatOptions = { ...LONG_DATE_TIME, weekday: 'long' };

/** "Senin, 8 Desember 2026 pukul 10.15 WIB": a promise to a citizen names the day too. */
export function formatDayDateTime(value: string | Date | null | undefined, locale = 'id-ID'): string {
  const date = toDate(value);
  return date ? `${formatter(locale, DAY_DATE_TIME).format(date)} WIB` : '';
}

export function formatTime(value: string | Date | null | undefined, locale = 'id-ID'): string {
  const date = toDate(value);
  return date ? `${formatter(locale, TIME).format(date)} WIB` : '';
}

const DAY_TIME: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false };

/** The office's calendar day of an instant, as YYYY-MM-DD. */
const officeDay = (at: Date) => new Date(at.getTime() + utcOffsetMinutes(at, OFFICE_ZONE) * 60_000).toISOString().slice(0, 10);

/** "14.30 WIB" when it falls on `now`'s day (in WIB), else "2 Des, 14.30 WIB": a deadline read at a glance. */
export function formatTimeOrDay(value: string | Date | null | undefined, now: Date, locale = 'id-ID'): string {
  const date = toDate(value);
  if (!date) return '';
  return officeDay(date) === officeDay(now) ? formatTime(date, locale) : `${formatter(locale, DAY_TIME).format(date)} WIB`;
}

export function formatDate(value: string | Date | null | undefined, locale = 'id-ID'): string {
  const date = toDate(value);
  return date ? formatter(locale, DATE).format(date) : '';
}

/** "512 KB", "1,2 MB": a file's size (an attachment, a report as it streams in). */
export function formatBytes(bytes: number, locale: string): string {
  if (bytes < 1024) return `${new Intl.NumberFormat(locale).format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(bytes / 1024)} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

/** "2026-11-03T09:15": an instant as the office's wall clock, the value of a datetime-local input. */
export function officeInputValue(at: Date): string {
  return new Date(at.getTime() + utcOffsetMinutes(at, OFFICE_ZONE) * 60_000).toISOString().slice(0, 16);
}

/** The instant an office wall-clock time names ("2026-11-03T09:15" WIB), or null when it is not one. */
export function fromOfficeInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const asUtc = new Date(`${value}:00Z`);
  if (Number.isNaN(asUtc.getTime())) return null;
  return new Date(asUtc.getTime() - utcOffsetMinutes(asUtc, OFFICE_ZONE) * 60_000);
}

/** The locale tag Intl should use for a react-admin locale code. */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : 'id-ID';
}

/** "01/12/2026" for 2026-12-01: day first, as Indonesians write a date, whatever the browser's language. */
export function dayMonthYear(dateKey: string): string {
  const [year, month, day] = dateKey.split('-');
  return `${day}/${month}/${year}`;
}

const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** The date "1/12/2026", "01-12-2026" or "1.12.2026" names, as YYYY-MM-DD, or null when it is no calendar day. */
export function parseDayMonthYear(text: string): string | null {
  const match = DAY_MONTH_YEAR.exec(text.trim());
  if (!match) return null;
  const key = `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
  return dayNumberOf(key) === null ? null : key;
}

/** "08/12/2026 09.15" for the office input "2026-12-08T09:15": day first and a dot in the time, as Indonesians write it. */
export function dayMonthYearTime(officeInput: string): string {
  const [date, time] = officeInput.split('T');
  return date && time ? `${dayMonthYear(date)} ${time.replace(':', '.')}` : '';
}

const HOUR_MINUTE = /^(\d{1,2})[.:](\d{2})$/;

/** The office input "2026-12-08T09:15" that "8/12/2026 9.15" (or 09:15) names, or null when it names no such time. */
export function parseDayMonthYearTime(text: string): string | null {
  const [date, time, ...rest] = text.trim().split(/\s+/);
  const day = date ? parseDayMonthYear(date) : null;
  const match = time && rest.length === 0 ? HOUR_MINUTE.exec(time) : null;
  if (!day || !match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  return `${day}T${match[1].padStart(2, '0')}:${match[2]}`;
}
