import type { RoleType } from '@layanan/config';

/**
 * Each role's first screen is a chunk of its own, so that nobody downloads another role's home (the board's
 * drag and drop is a fifth of the staff app), and neither the sign-in page once signed in. The chunk a person
 * needs starts loading with the app, beside its first script, instead of after it has run and asked who is
 * signed in.
 */
export const homeScreens = {
  board: () => import('../board/Board'),
  queue: () => import('../queue/DivisionQueue'),
  recap: () => import('../recap/RecapPage'),
  login: () => import('./LoginPage'),
};

const HOME_SCREEN: Partial<Record<RoleType, keyof typeof homeScreens>> = { officer: 'board', division_staff: 'queue', leadership: 'recap' };

export function preloadHomeScreen(role: RoleType | null | undefined): void {
  const screen = role ? HOME_SCREEN[role] : 'login';
  if (screen) homeScreens[screen]().catch(() => undefined);
}
