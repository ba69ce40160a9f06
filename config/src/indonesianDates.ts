import { localDateKey } from './workingTime';

/**
 * Dates and times as Indonesian official documents write them: "1 Desember 2026" (day without a leading
 * zero, month in words), "pukul 14.30 WIB" (a dot between hours and minutes), and a report's period in words.
 */

export const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;

interface Day {
  year: number;
  month: number;
  day: number;
}

const dayOf = (dateKey: string): Day => {
  const [year, month, day] = dateKey.split('-').map(Number);
  return { year, month, day };
};

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** "2026-12-01" → "1 Desember 2026". */
export function dateInWords(dateKey: string): string {
  const { year, month, day } = dayOf(dateKey);
  return `${day} ${MONTHS_ID[month - 1]} ${year}`;
}

/**
 * A report's period: "Bulan November 2026" for a whole month, "Tahun 2026" for a whole year,
 * "1–15 November 2026" inside a month, "28 November – 3 Desember 2026" across months,
 * "29 Desember 2026 – 2 Januari 2027" across years.
 */
export function periodInWords(fromKey: string, toKey: string): string {
  const from = dayOf(fromKey);
  const to = dayOf(toKey);
  if (from.year === to.year && from.month === 1 && from.day === 1 && to.month === 12 && to.day === 31) return `Tahun ${from.year}`;
  if (from.year === to.year && from.month === to.month) {
    if (from.day === 1 && to.day === lastDayOfMonth(to.year, to.month)) return `Bulan ${MONTHS_ID[from.month - 1]} ${from.year}`;
    if (from.day === to.day) return dateInWords(fromKey);
    return `${from.day}–${to.day} ${MONTHS_ID[from.month - 1]} ${from.year}`;
  }
  if (from.year === to.year) return `${from.day} ${MONTHS_ID[from.month - 1]} – ${dateInWords(toKey)}`;
  return `${dateInWords(fromKey)} – ${dateInWords(toKey)}`;
}

const ZONE_NAMES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** "14.30 WIB": the office's wall clock, 24-hour, with a dot. */
export function timeInWords(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}.${part('minute')} ${ZONE_NAMES[timeZone] ?? timeZone}`;
}

/** "1 Desember 2026 pukul 14.30 WIB". */
export const dateTimeInWords = (at: Date, timeZone: string): string => `${dateInWords(localDateKey(at, timeZone))} pukul ${timeInWords(at, timeZone)}`;

/** One period of a Rekap by its key: "3 November 2026" (a day), "pekan 2 November 2026" (the week from that Monday), "November 2026". */
export function periodKeyInWords(key: string, groupBy: 'day' | 'week' | 'month'): string {
  if (groupBy === 'month') return `${MONTHS_ID[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
  return groupBy === 'week' ? `Pekan ${dateInWords(key)}` : dateInWords(key);
}

/** The same, short enough to stand under a chart's bar: "3 Nov" for a day or a week's Monday, "Nov 2026" for a month. */
export function periodKeyShort(key: string, groupBy: 'day' | 'week' | 'month'): string {
  const month = MONTHS_ID[Number(key.slice(5, 7)) - 1].slice(0, 3);
  return groupBy === 'month' ? `${month} ${key.slice(0, 4)}` : `${Number(key.slice(8, 10))} ${month}`;
}
