/**
 * The record of who saw a citizen's unmasked data (UU 27/2022 Pasal 31): one row each time a staff member is
 * shown it. What was shown is one of these; the row never holds the data itself.
 */
export const ACCESS_KINDS = ['request', 'attachment', 'search_nik', 'search_phone', 'export'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

export const ACCESS_KIND_LABELS: Record<AccessKind, { id: string; en: string }> = {
  request: { id: 'Halaman permohonan (data pemohon utuh)', en: 'Request page (applicant in full)' },
  attachment: { id: 'Lampiran warga', en: 'Citizen’s attachment' },
  search_nik: { id: 'Pencarian dengan NIK', en: 'Search by NIK' },
  search_phone: { id: 'Pencarian dengan nomor telepon', en: 'Search by phone number' },
  export: { id: 'Ekspor berisi data utuh', en: 'Export with unmasked data' },
};

export interface AccessLogEntry {
  at: string;
  userId: number | null;
  userName: string;
  role: string;
  inquiryCode: string | null;
  kind: AccessKind;
  /** What exactly, without personal data: "lampiran 1 pesan 42". */
  detail: string | null;
  ip: string | null;
}

/** A staff member's address in an export: the network, not the machine (192.168.10.x, 2001:db8:1:x). */
export function maskIp(ip: string | null | undefined): string {
  if (!ip) return '';
  const v4 = /^(?:::ffff:)?(\d{1,3}\.\d{1,3}\.\d{1,3})\.\d{1,3}$/.exec(ip);
  if (v4) return `${v4[1]}.x`;
  const parts = ip.split(':').filter(Boolean);
  return parts.length > 1 ? `${parts.slice(0, Math.min(3, parts.length - 1)).join(':')}:x` : 'x';
}
