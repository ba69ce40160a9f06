import type { Status } from './statuses';

/**
 * SP4N-LAPOR! (PermenPAN-RB 62/2018), the national complaint system: what its reports and statuses mean
 * here. The adapter, the import and the dashboard read these.
 */

/** The statuses a report has on LAPOR!'s side (the admin's actions Verifikasi, Tunda, Bukan Wewenang, Arsipkan; and Selesai). */
export const LAPOR_STATUSES = ['verifikasi', 'tunda', 'bukan_wewenang', 'arsip', 'selesai'] as const;
export type LaporStatus = (typeof LAPOR_STATUSES)[number];

/**
 * Each LAPOR! status, how officers read it, and where our request should stand beside it: still being
 * handled (`open`), or finished (`closed`: answered and closed, or refused as not this office's authority).
 */
export const LAPOR_STATUS_INFO: Record<LaporStatus, { id: string; en: string; ours: 'open' | 'closed'; expected: readonly Status[] }> = {
  verifikasi: { id: 'Verifikasi', en: 'Verified', ours: 'open', expected: ['received', 'triaged', 'coordinated', 'answered'] },
  tunda: { id: 'Tunda', en: 'On hold', ours: 'open', expected: ['received', 'triaged', 'coordinated', 'answered'] },
  bukan_wewenang: { id: 'Bukan Wewenang', en: 'Not our authority', ours: 'closed', expected: ['closed'] },
  arsip: { id: 'Arsip', en: 'Archived', ours: 'closed', expected: ['closed'] },
  selesai: { id: 'Selesai', en: 'Completed', ours: 'closed', expected: ['answered', 'closed'] },
};

export function isLaporStatus(value: unknown): value is LaporStatus {
  return typeof value === 'string' && (LAPOR_STATUSES as readonly string[]).includes(value);
}

/** "Bukan Wewenang", "ARSIP", "Diarsipkan", "selesai" → the status; null when it is none of them. */
export function laporStatusOf(text: string): LaporStatus | null {
  const word = text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  if (/^bukan wewenang/.test(word)) return 'bukan_wewenang';
  if (/^(di)?arsip(kan)?$/.test(word)) return 'arsip';
  if (/^(di)?tunda$/.test(word)) return 'tunda';
  if (/^(ter)?verifikasi$/.test(word)) return 'verifikasi';
  if (/^selesai$/.test(word)) return 'selesai';
  return null;
}

/** LAPOR!'s classifications of a report; a request for information is ours too, the rest are complaints. */
export const LAPOR_CLASSIFICATIONS = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const;
export type LaporClassification = (typeof LAPOR_CLASSIFICATIONS)[number];

/**
 * A LAPOR! tracking number as officers copy it ("#4123567", "4123 567", "Tracking ID: 4123567"): the
 * digits (and letters, should LAPOR! ever add them) in upper case; null when nothing is left, or no digit
 * (a name in the wrong column is no tracking number).
 */
export function normaliseTrackingId(value: string): string | null {
  const text = value.trim().replace(/^(?:tracking\s*id|no\.?\s*tiket|nomor\s*(?:tiket|laporan))\s*[:.]?\s*/i, '').replace(/^#/, '');
  const id = text.replace(/[\s.]/g, '').toUpperCase();
  return /^[A-Z0-9][A-Z0-9-]{3,39}$/.test(id) && /\d/.test(id) ? id : null;
}

/**
 * Channels whose external reference names one report that may be recorded once (LAPOR!'s tracking number):
 * the database holds a unique index per channel over them.
 */
export const UNIQUE_REF_CHANNELS = ['lapor_sp4n'] as const;

/**
 * The fields of a LAPOR! report as this product reads them, wherever they come from (the labelled lines of
 * a pasted report, the columns of an imported file), and how officers read their names. The tracking number
 * and the report's text are what an import cannot do without.
 */
export const LAPOR_REPORT_FIELD_INFO = {
  trackingId: { id: 'Nomor tiket (Tracking ID)', en: 'Tracking number', required: true },
  title: { id: 'Judul laporan', en: 'Title', required: false },
  content: { id: 'Isi laporan', en: 'Report text', required: true },
  date: { id: 'Tanggal laporan', en: 'Report date', required: false },
  disposition: { id: 'Tanggal disposisi ke Dinas', en: 'Forwarded to the office', required: false },
  reporter: { id: 'Nama pelapor', en: 'Reporter', required: false },
  email: { id: 'E-mail pelapor', en: 'Reporter e-mail', required: false },
  phone: { id: 'Telepon pelapor', en: 'Reporter phone', required: false },
  category: { id: 'Kategori', en: 'Category', required: false },
  classification: { id: 'Klasifikasi', en: 'Classification', required: false },
  location: { id: 'Lokasi', en: 'Location', required: false },
  status: { id: 'Status LAPOR!', en: 'LAPOR! status', required: false },
  privacy: { id: 'Sifat (anonim/rahasia)', en: 'Anonymous or confidential', required: false },
} as const satisfies Record<string, { id: string; en: string; required: boolean }>;

export type LaporReportField = keyof typeof LAPOR_REPORT_FIELD_INFO;
export const LAPOR_REPORT_FIELDS = Object.keys(LAPOR_REPORT_FIELD_INFO) as LaporReportField[];
