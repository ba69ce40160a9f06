import type { OfficeInterval, WeeklyHours } from './sop';
import type { FieldProblem } from './fieldProblem';

/**
 * The office-hours table as editors keep it: one row per opening (day, opens, closes); a day with a break
 * has two rows, a closed day none. The stored day names are the ones editors pick in the admin panel,
 * in the order of Date#getDay (0 = Sunday).
 */
export const OFFICE_DAYS = ['minggu', 'senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu'] as const;
export type OfficeDay = (typeof OFFICE_DAYS)[number];

export const OFFICE_DAY_LABELS: Record<OfficeDay, { id: string; en: string }> = {
  minggu: { id: 'Minggu', en: 'Sunday' },
  senin: { id: 'Senin', en: 'Monday' },
  selasa: { id: 'Selasa', en: 'Tuesday' },
  rabu: { id: 'Rabu', en: 'Wednesday' },
  kamis: { id: 'Kamis', en: 'Thursday' },
  jumat: { id: 'Jumat', en: 'Friday' },
  sabtu: { id: 'Sabtu', en: 'Saturday' },
};

/** One row of the table; times as Strapi's time fields hold them ('08:00:00.000', or '08:00:00' from PostgreSQL). */
export interface OfficeHoursRow {
  day: OfficeDay;
  opensAt: string;
  closesAt: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?$/;
const LAST_MINUTE = 24 * 60 - 1;

/** Minutes after midnight of a time field, seconds dropped; null when it is no time of day. */
export function minutesOfTime(time: unknown): number | null {
  const match = typeof time === 'string' ? TIME.exec(time) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** A time field's value for minutes after midnight; the end of the day (1440) is the last minute, 23:59. */
export function timeOfMinutes(minutes: number): string {
  const clamped = Math.min(minutes, LAST_MINUTE);
  return `${String(Math.floor(clamped / 60)).padStart(2, '0')}:${String(clamped % 60).padStart(2, '0')}:00.000`;
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}.${String(minutes % 60).padStart(2, '0')}`;

/** How a row reads as the title of its line in the admin panel: "Senin 07.30–15.30". Rows must be valid. */
export function officeHoursRowLabel(row: OfficeHoursRow): string {
  return `${OFFICE_DAY_LABELS[row.day].id} ${clock(minutesOfTime(row.opensAt)!)}–${clock(minutesOfTime(row.closesAt)!)}`;
}

/** Why rows are not a valid office-hours table, in words an editor understands, and which row; null when they are. */
export function officeHoursRowsRefusal(rows: unknown): FieldProblem | null {
  if (!Array.isArray(rows)) return { message: 'Jam kantor harus berupa daftar baris hari, jam buka dan jam tutup.', at: [] };
  if (rows.length === 0) return { message: 'Jam kantor harus berisi paling sedikit satu baris: hari, jam buka dan jam tutup.', at: [] };
  const byDay = new Map<OfficeDay, { start: number; end: number; row: number }[]>();
  for (const [index, value] of rows.entries()) {
    const { day, opensAt, closesAt } = (value ?? {}) as Record<string, unknown>;
    const row = index + 1;
    if (!OFFICE_DAYS.includes(day as OfficeDay)) return { message: `Jam kantor baris ${row}: pilih hari Senin sampai Minggu.`, at: [index, 'day'] };
    const name = OFFICE_DAY_LABELS[day as OfficeDay].id;
    const start = minutesOfTime(opensAt);
    const end = minutesOfTime(closesAt);
    if (start === null || end === null) return { message: `Jam kantor ${name} (baris ${row}): isi jam buka dan jam tutup.`, at: [index, start === null ? 'opensAt' : 'closesAt'] };
    if (end <= start) return { message: `Jam kantor ${name} (baris ${row}): jam tutup ${clock(end)} harus setelah jam buka ${clock(start)}.`, at: [index, 'closesAt'] };
    const sessions = byDay.get(day as OfficeDay) ?? [];
    const clash = sessions.find((other) => start < other.end && other.start < end);
    if (clash) {
      return {
        message: `Jam kantor ${name}: sesi ${clock(clash.start)}–${clock(clash.end)} (baris ${clash.row}) dan ${clock(start)}–${clock(end)} (baris ${row}) tumpang tindih.`,
        at: [index, 'opensAt'],
      };
    }
    byDay.set(day as OfficeDay, [...sessions, { start, end, row }]);
  }
  return null;
}

/** The refusal's words alone: whether stored rows can be read as the office's hours. */
export const officeHoursRowsProblem = (rows: unknown): string | null => officeHoursRowsRefusal(rows)?.message ?? null;

/** The rows as the working-time functions read them: per weekday, intervals in order. Rows must be valid. */
export function weeklyHoursOfRows(rows: readonly OfficeHoursRow[]): WeeklyHours {
  return OFFICE_DAYS.map((day) =>
    rows
      .filter((row) => row.day === day)
      .map((row): OfficeInterval => ({ start: minutesOfTime(row.opensAt)!, end: minutesOfTime(row.closesAt)! }))
      .sort((a, b) => a.start - b.start),
  );
}

/** The rows of a weekly table, Monday first as an office reads its week. */
export function rowsOfWeeklyHours(week: WeeklyHours): OfficeHoursRow[] {
  const mondayFirst = [1, 2, 3, 4, 5, 6, 0];
  return mondayFirst.flatMap((index) =>
    (week[index] ?? []).map((interval) => ({ day: OFFICE_DAYS[index], opensAt: timeOfMinutes(interval.start), closesAt: timeOfMinutes(interval.end) })),
  );
}
