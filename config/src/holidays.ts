/** The days the SOP clock stands still: national holidays, cuti bersama, and the city's own days off. */
export const HOLIDAY_KINDS = ['national', 'cuti_bersama', 'local'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export const HOLIDAY_KIND_LABELS: Record<HolidayKind, { id: string; en: string }> = {
  national: { id: 'Libur nasional', en: 'National holiday' },
  cuti_bersama: { id: 'Cuti bersama', en: 'Collective leave' },
  local: { id: 'Libur daerah', en: 'Local holiday' },
};
