/**
 * The SKB on next year's national holidays and cuti bersama is usually signed in September or October.
 * From 1 November (office time) the office is reminded while next year still lacks either.
 */
export const HOLIDAY_REMINDER_FROM = '11-01';

/** The kinds of day off the office must enter every year. */
export const YEARLY_HOLIDAY_KINDS = ['national', 'cuti_bersama'] as const;
export type YearlyHolidayKind = (typeof YEARLY_HOLIDAY_KINDS)[number];

export interface HolidayOutlook {
  /** The year after today's. */
  year: number;
  /** Whether the reminder is in season (1 November to 31 December). */
  due: boolean;
  /** The kinds next year has no entry of yet, in YEARLY_HOLIDAY_KINDS order. */
  missing: YearlyHolidayKind[];
}

/** `today` is the office's local date (YYYY-MM-DD); `holidays` may span any years. */
export function holidayOutlook(today: string, holidays: readonly { date: string; kind: string | null }[]): HolidayOutlook {
  const year = Number(today.slice(0, 4)) + 1;
  const entered = new Set(holidays.filter((holiday) => String(holiday.date).startsWith(`${year}-`)).map((holiday) => holiday.kind ?? 'national'));
  return { year, due: today.slice(5, 10) >= HOLIDAY_REMINDER_FROM, missing: YEARLY_HOLIDAY_KINDS.filter((kind) => !entered.has(kind)) };
}

/**
 * The reminder in the words the admin panel shows, or null when there is nothing to remind of.
 * The dashboard words it through its own catalogue.
 */
export function holidayReminderText({ year, due, missing }: HolidayOutlook): string | null {
  if (!due || missing.length === 0) return null;
  if (missing.length === YEARLY_HOLIDAY_KINDS.length) return `Hari libur ${year} belum diisi: masukkan libur nasional dan cuti bersama ${year} sesuai SKB.`;
  if (missing.includes('cuti_bersama')) return `Cuti bersama ${year} belum diisi: tambahkan sesuai SKB ${year} begitu terbit.`;
  return `Libur nasional ${year} belum diisi: masukkan sesuai SKB ${year}.`;
}
