import type { RoleType } from '@layanan/config';

/**
 * What each staff role may do in the dashboard, mirroring the server's permission matrix: menus and
 * buttons a role cannot use are not shown, and the server refuses them anyway.
 */
const RULES: Record<Exclude<RoleType, 'public'>, Record<string, readonly string[]>> = {
  officer: {
    board: ['list'],
    profile: ['show'],
    notifications: ['list'],
    recap: ['list', 'export'],
    inquiries: ['list', 'show', 'create', 'edit', 'triage', 'coordinate', 'answer', 'close', 'reject', 'message', 'receipt', 'deliver', 'contact', 'attachment', 'lapor-status'],
    'faq-entries': ['list', 'show'],
    'lapor-import': ['create'],
    health: ['show'],
  },
  division_staff: {
    queue: ['list'],
    profile: ['show'],
    inquiries: ['list', 'show', 'coordinate', 'attachment'],
    'faq-entries': ['list', 'show'],
  },
  leadership: {
    profile: ['show'],
    health: ['show'],
    recap: ['list', 'export'],
    inquiries: ['list', 'show'],
    'faq-entries': ['list', 'show'],
    'access-log': ['list', 'export'],
  },
  data_protection_officer: {
    profile: ['show'],
    'access-log': ['list', 'export'],
  },
};

export function roleCan(role: RoleType | null | undefined, action: string, resource: string): boolean {
  if (!role || role === 'public') return false;
  return RULES[role][resource]?.includes(action) ?? false;
}

/** Where each role starts: the officer on the triage board, division staff on their queue, leadership on the recap, the Petugas Pelindungan Data on the access log. */
export function homeOf(role: RoleType | null | undefined): string {
  if (role === 'officer') return '/';
  if (role === 'division_staff') return '/antrean';
  if (role === 'leadership') return '/rekap';
  if (role === 'data_protection_officer') return '/akses-data';
  return '/inquiries';
}
