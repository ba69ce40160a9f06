import { LAPOR_CLOCK_TABLE, SOP_STEP_TABLE, type LaporBudgetField, type StepBudgetField } from './steps';

/** SOP/P.6.5/01/425.111/2023 defaults; the sop-policy content type overrides them per revision. */

/** A working interval on a weekday, minutes after local midnight, end exclusive. */
export interface OfficeInterval {
  start: number;
  end: number;
}
/** Index 0 = Sunday … 6 = Saturday, as Date#getDay. */
export type WeeklyHours = readonly (readonly OfficeInterval[])[];

/** Whether the SOP clock counts office hours only, or every minute of the day. */
export const CLOCK_MODES = ['working', 'calendar'] as const;
export type ClockMode = (typeof CLOCK_MODES)[number];

export const CLOCK_MODE_LABELS: Record<ClockMode, { id: string; en: string }> = {
  working: { id: 'Jam kerja (hari libur dan di luar jam kantor tidak dihitung)', en: 'Working time (holidays and closed hours do not count)' },
  calendar: { id: 'Waktu kalender (setiap menit dihitung)', en: 'Calendar time (every minute counts)' },
};

/** The step budgets in minutes, one field per row of the step table. */
export type StepBudgets = Record<StepBudgetField, number>;

/** SP4N-LAPOR!'s time limits in working days, one field per row of its clock table. */
export type LaporBudgets = Record<LaporBudgetField, number>;

export interface SopPolicyValues extends StepBudgets, LaporBudgets {
  sopNumber: string;
  revisionDate: string;
  reminderThreshold: number;
  clockMode: ClockMode;
  officeHours: WeeklyHours;
  timeZone: string;
}

/** A value for each step's budget field. */
export function stepBudgetsOf(value: (row: (typeof SOP_STEP_TABLE)[number]) => number): StepBudgets {
  return Object.fromEntries(SOP_STEP_TABLE.map((row) => [row.budgetField, value(row)])) as StepBudgets;
}

/** A value for each LAPOR! clock's budget field. */
export function laporBudgetsOf(value: (row: (typeof LAPOR_CLOCK_TABLE)[number]) => number): LaporBudgets {
  return Object.fromEntries(LAPOR_CLOCK_TABLE.map((row) => [row.budgetField, value(row)])) as LaporBudgets;
}

/** The minutes from a request's arrival to the answer's deadline when every step takes its whole budget. */
export function totalBudgetMinutes(policy: StepBudgets): number {
  return SOP_STEP_TABLE.reduce((sum, row) => sum + policy[row.budgetField], 0);
}

const WORKDAY: readonly OfficeInterval[] = [{ start: 8 * 60, end: 16 * 60 }];

export const DEFAULT_OFFICE_HOURS: WeeklyHours = [[], WORKDAY, WORKDAY, WORKDAY, WORKDAY, WORKDAY, []];

export const DEFAULT_SOP_POLICY: SopPolicyValues = {
  sopNumber: 'SOP/P.6.5/01/425.111/2023',
  revisionDate: '2023-02-01',
  ...stepBudgetsOf((row) => row.defaultMinutes),
  ...laporBudgetsOf((row) => row.defaultDays),
  reminderThreshold: 0.8,
  clockMode: 'working',
  officeHours: DEFAULT_OFFICE_HOURS,
  timeZone: 'Asia/Jakarta',
};


const MINUTES_PER_DAY = 24 * 60;

/** Why a value is not a valid weekly office-hours table, in words an editor understands; null when valid. */
export function officeHoursProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length !== 7) {
    return 'Jam kantor harus berisi 7 hari (Minggu sampai Sabtu).';
  }
  for (const [day, intervals] of value.entries()) {
    if (!Array.isArray(intervals)) return `Jam kantor hari ke-${day} harus berupa daftar jam buka.`;
    let previousEnd = -1;
    for (const interval of intervals as unknown[]) {
      const { start, end } = (interval ?? {}) as { start?: unknown; end?: unknown };
      if (!Number.isInteger(start) || !Number.isInteger(end)) return `Jam kantor hari ke-${day}: mulai dan selesai harus menit bulat.`;
      const s = start as number;
      const e = end as number;
      if (s < 0 || e > MINUTES_PER_DAY || s >= e) return `Jam kantor hari ke-${day}: jam selesai harus setelah jam mulai, dalam satu hari.`;
      if (s < previousEnd) return `Jam kantor hari ke-${day}: sesi tidak boleh tumpang tindih dan harus berurutan.`;
      previousEnd = e;
    }
  }
  return null;
}
