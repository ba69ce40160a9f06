/** The staff dashboard's place under the CMS's origin; it routes by path below it. */
export const DASHBOARD_BASE = '/dashboard';

/** One inquiry's page in the dashboard, below DASHBOARD_BASE. */
export function inquiryPagePath(documentId: string): string {
  return `/inquiries/${encodeURIComponent(documentId)}/show`;
}
