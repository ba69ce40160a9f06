import type { SopStep } from './sop';

/** The staff dashboard's place under the CMS's origin; it routes by path below it. */
export const DASHBOARD_BASE = '/dashboard';

/** One inquiry's page in the dashboard, below DASHBOARD_BASE. */
export function inquiryPagePath(documentId: string): string {
  return `/inquiries/${encodeURIComponent(documentId)}/show`;
}

/** The board's query parameter that shows only the requests that breached a step's deadline (`?terlambat=triage`). */
export const BOARD_BREACHED_PARAM = 'terlambat';

/** The officers' board, below DASHBOARD_BASE; with `breached`, filtered to the requests that breached that step. */
export function boardPath(filter: { breached?: SopStep } = {}): string {
  return filter.breached ? `/?${BOARD_BREACHED_PARAM}=${encodeURIComponent(filter.breached)}` : '/';
}
