import { minutesOfTime, type OfficeDay, type OfficeHoursRow } from '@layanan/config';

/** The papers a Tanda Terima is printed on: an A6 sheet, or a thermal roll of 80 or 58 mm. */
export const RECEIPT_LAYOUTS = ['a6', 'roll80', 'roll58'] as const;
export type ReceiptLayout = (typeof RECEIPT_LAYOUTS)[number];

/** The printer's page for each paper; a roll's length is what one receipt needs at most. */
export const PAGE_SIZE: Record<ReceiptLayout, string> = {
  a6: '105mm 148mm',
  roll80: '80mm 200mm',
  roll58: '58mm 240mm',
};

export const isReceiptLayout = (value: unknown): value is ReceiptLayout => (RECEIPT_LAYOUTS as readonly unknown[]).includes(value);

const clock = (time: string) => {
  const minutes = minutesOfTime(time) ?? 0;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}.${String(minutes % 60).padStart(2, '0')}`;
};

/**
 * The office hours as a citizen reads them on a receipt: days with the same hours in a row become one line
 * ("Senin–Jumat: 08.00–16.00"); `dayName` names a day in the reader's language. Rows come Monday first.
 */
export function officeHoursLines(rows: readonly OfficeHoursRow[], dayName: (day: OfficeDay) => string): string[] {
  const days: { day: OfficeDay; hours: string }[] = [];
  for (const row of rows) {
    const span = `${clock(row.opensAt)}–${clock(row.closesAt)}`;
    const last = days[days.length - 1];
    if (last?.day === row.day) last.hours = `${last.hours}, ${span}`;
    else days.push({ day: row.day, hours: span });
  }
  const lines: { first: OfficeDay; last: OfficeDay; hours: string }[] = [];
  for (const { day, hours } of days) {
    const previous = lines[lines.length - 1];
    if (previous && previous.hours === hours && nextDay(previous.last) === day) previous.last = day;
    else lines.push({ first: day, last: day, hours });
  }
  return lines.map(({ first, last, hours }) => `${first === last ? dayName(first) : `${dayName(first)}–${dayName(last)}`}: ${hours}`);
}

const WEEK: readonly OfficeDay[] = ['senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu'];
const nextDay = (day: OfficeDay) => WEEK[(WEEK.indexOf(day) + 1) % WEEK.length];
