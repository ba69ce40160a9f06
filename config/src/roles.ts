export const ROLES = ['officer', 'division_staff', 'leadership', 'data_protection_officer', 'public'] as const;
export type RoleType = (typeof ROLES)[number];

export const ROLE_LABELS: Record<RoleType, { id: string; en: string }> = {
  officer: { id: 'Petugas Layanan Informasi', en: 'Information officer' },
  division_staff: { id: 'Staf Bidang', en: 'Division staff' },
  leadership: { id: 'Pimpinan', en: 'Leadership' },
  /** The pejabat/petugas pelindungan data pribadi a public service must appoint (UU 27/2022 Pasal 53). */
  data_protection_officer: { id: 'Petugas Pelindungan Data', en: 'Data protection officer' },
  public: { id: 'Publik', en: 'Public' },
};

export function isRoleType(value: unknown): value is RoleType {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
