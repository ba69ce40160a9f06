/** SOP/P.6.5/01/425.111/2023 defaults; the sop-policy content type overrides them per revision. */
export const SOP_STEPS = ['triage', 'coordination', 'answer'] as const;
export type SopStep = (typeof SOP_STEPS)[number];

/** The SOP's own numbering: step 1 is the citizen's request, steps 2–4 are timed. */
export const SOP_STEP_LABELS: Record<SopStep, { id: string; en: string }> = {
  triage: { id: 'Langkah 2: memilah dan meneruskan', en: 'Step 2: sort and route' },
  coordination: { id: 'Langkah 3: koordinasi dengan Bidang', en: 'Step 3: coordinate with the division' },
  answer: { id: 'Langkah 4: menyampaikan jawaban', en: 'Step 4: deliver the answer' },
};

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

export interface SopPolicyValues {
  sopNumber: string;
  revisionDate: string;
  triageMinutes: number;
  coordinationMinutes: number;
  answerMinutes: number;
  reminderThreshold: number;
  clockMode: ClockMode;
  officeHours: WeeklyHours;
  timeZone: string;
}

const WORKDAY: readonly OfficeInterval[] = [{ start: 8 * 60, end: 16 * 60 }];

export const DEFAULT_OFFICE_HOURS: WeeklyHours = [[], WORKDAY, WORKDAY, WORKDAY, WORKDAY, WORKDAY, []];

export const DEFAULT_SOP_POLICY: SopPolicyValues = {
  sopNumber: 'SOP/P.6.5/01/425.111/2023',
  revisionDate: '2023-02-01',
  triageMinutes: 15,
  coordinationMinutes: 60,
  answerMinutes: 60,
  reminderThreshold: 0.8,
  clockMode: 'working',
  officeHours: DEFAULT_OFFICE_HOURS,
  timeZone: 'Asia/Jakarta',
};

export const STEP_BUDGET_FIELD: Record<SopStep, 'triageMinutes' | 'coordinationMinutes' | 'answerMinutes'> = {
  triage: 'triageMinutes',
  coordination: 'coordinationMinutes',
  answer: 'answerMinutes',
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
