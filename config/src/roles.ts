export const ROLES = ['officer', 'division_staff', 'leadership', 'public'] as const;
export type RoleType = (typeof ROLES)[number];

export const ROLE_LABELS: Record<RoleType, { id: string; en: string }> = {
  officer: { id: 'Petugas Layanan Informasi', en: 'Information officer' },
  division_staff: { id: 'Staf Bidang', en: 'Division staff' },
  leadership: { id: 'Pimpinan', en: 'Leadership' },
  public: { id: 'Publik', en: 'Public' },
};

export function isRoleType(value: unknown): value is RoleType {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
