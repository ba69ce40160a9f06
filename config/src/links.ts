import type { SopStep } from './steps';

/** The staff dashboard's place under the CMS's origin; it routes by path below it. */
export const DASHBOARD_BASE = '/dashboard';

/**
 * The citizen's pages at the site root, as the public site routes them (`:name` is one path segment). The
 * CMS answers a direct visit to each with the site's page, so a link opened from a message works.
 */
export const SITE_PAGES = {
  ask: '/',
  sent: '/terkirim',
  trackForm: '/lacak',
  track: '/lacak/:code',
  faq: '/faq',
  faqPreview: '/faq/pratinjau/:documentId',
  /** The privacy notice (UU 27/2022 Pasal 21), linked from the ask form, every receipt and every page's footer; `?versi=N` shows an older one. */
  privacy: '/privasi',
  /** The site's accessibility statement (WCAG 2.2 AA), linked from every page's footer. */
  accessibility: '/aksesibilitas',
  survey: '/survei/:code',
  /** A staff member's password, forgotten and set again from the mailed link: outside the dashboard's sign-in. */
  forgotPassword: '/lupa-sandi',
  resetPassword: '/atur-sandi',
  /** A Rekap Informasi PDF checked against the register of issued documents (its QR code leads here). */
  verify: '/verifikasi/:id',
  /** The SOP's performance in public, with the Standar Pelayanan and the Maklumat Pelayanan. */
  performance: '/kinerja',
} as const;

const SITE_PAGE_PATTERNS = Object.values(SITE_PAGES).map(
  (page) => new RegExp(`^${page.replace(/\/$/, '').replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
);

/** Whether a request path (without its query) is one of the citizen's pages. */
export function isSitePage(path: string): boolean {
  return SITE_PAGE_PATTERNS.some((pattern) => pattern.test(path));
}

/** Where a citizen follows a request (SITE_PAGES.track): the link carries the token, so it stays private. */
export function trackingPath(code: string, token: string): string {
  return `${SITE_PAGES.track.replace(':code', encodeURIComponent(code))}?token=${encodeURIComponent(token)}`;
}

/** One inquiry's page in the dashboard, below DASHBOARD_BASE. */
export function inquiryPagePath(documentId: string): string {
  return `/inquiries/${encodeURIComponent(documentId)}/show`;
}

/** One inquiry's printable Tanda Terima in the dashboard, below DASHBOARD_BASE (a page outside its layout). */
export const RECEIPT_PAGE = '/inquiries/:id/tanda-terima';

export function receiptPagePath(documentId: string): string {
  return RECEIPT_PAGE.replace(':id', encodeURIComponent(documentId));
}

/** The board's query parameter that shows only the requests that breached a step's deadline (`?terlambat=triage`). */
export const BOARD_BREACHED_PARAM = 'terlambat';

/** The officers' board, below DASHBOARD_BASE; with `breached`, filtered to the requests that breached that step. */
export function boardPath(filter: { breached?: SopStep } = {}): string {
  return filter.breached ? `/?${BOARD_BREACHED_PARAM}=${encodeURIComponent(filter.breached)}` : '/';
}
