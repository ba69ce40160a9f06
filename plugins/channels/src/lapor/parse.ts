import { LAPOR_REPORT_FIELDS, laporStatusOf, normaliseTrackingId, type LaporReportField, type Kind, type LaporClassification, type ServiceCategory } from '@layanan/config';
import type { LaporReport } from './adapter';

/**
 * Reads a LAPOR! report as an officer copies it from the report page, or as LAPOR!'s notification mail
 * states it: labelled lines ("Tracking ID : 4123567", "Judul:", "Pelapor", "Isi Laporan") in any order, the
 * label on its own line or before a colon, Indonesian dates in the forms LAPOR! and people write them. What
 * it cannot find it leaves empty and names, so the officer fills it in.
 */
export interface ParsedReport extends LaporReport {
  kind: Kind;
  /** Our service category, guessed from the category, title and content. */
  serviceCategory: ServiceCategory;
  /** What could not be read: `trackingId`, `content`, `reportedAt`, `reporter`. */
  missing: string[];
}

type Field = LaporReportField | 'end';

/** Each label as it appears before its value (lower-case, without the colon); the longest spelling is tried first. */
const LABELS: [Field, RegExp][] = [
  ['trackingId', /^(?:tracking\s*id|id\s*pelacakan|no(?:mor|\.)?\s*(?:tiket|laporan|pengaduan|tracking)|id\s*laporan|kode\s*laporan)$/],
  ['title', /^(?:judul(?:\s*laporan)?|perihal|subjek|topik)$/],
  ['content', /^(?:isi(?:\s*laporan|\s*pengaduan|\s*aduan)?|uraian(?:\s*laporan)?|deskripsi|keterangan|laporan|detail\s*laporan)$/],
  ['category', /^(?:kategori(?:\s*laporan)?|sub\s*kategori|topik\s*laporan)$/],
  ['classification', /^(?:klasifikasi|jenis(?:\s*laporan)?)$/],
  ['disposition', /^(?:tanggal\s*disposisi|didisposisikan(?:\s*pada)?|diteruskan(?:\s*pada)?|tanggal\s*diteruskan)$/],
  ['date', /^(?:tanggal(?:\s*laporan|\s*lapor|\s*masuk|\s*pengaduan|\s*dibuat)?|waktu(?:\s*laporan)?|dilaporkan(?:\s*pada)?|dibuat(?:\s*pada)?|tgl\.?(?:\s*laporan)?)$/],
  ['reporter', /^(?:pelapor|nama(?:\s*pelapor)?|dilaporkan\s*oleh|dari)$/],
  ['location', /^(?:lokasi(?:\s*kejadian)?|alamat(?:\s*kejadian)?|tempat\s*kejadian)$/],
  ['email', /^(?:e-?mail(?:\s*pelapor)?|surel)$/],
  ['phone', /^(?:telepon|telp\.?|no\.?\s*(?:hp|telp|telepon|wa)|hp|whatsapp|nomor\s*(?:hp|telepon))(?:\s*pelapor)?$/],
  ['status', /^(?:status(?:\s*laporan)?)$/],
  ['privacy', /^(?:sifat(?:\s*laporan)?|privasi)$/],
  ['end', /^(?:lampiran|tindak\s*lanjut|tanggapan|instansi(?:\s*tujuan|\s*terdisposisi)?|disposisi|tanggal\s*kejadian)$/],
];

const MONTHS: Record<string, number> = { jan: 1, feb: 2, peb: 2, mar: 3, apr: 4, mei: 5, may: 5, jun: 6, jul: 7, agu: 8, agt: 8, ags: 8, aug: 8, sep: 9, okt: 10, oct: 10, nov: 11, nop: 11, des: 12, dec: 12 };
const ZONES: Record<string, number> = { wib: 7, wita: 8, wit: 9 };

/**
 * "Senin, 12 Januari 2026 pukul 10.15 WIB", "12 Jan 2026 10:15", "12/01/2026 10:15", "2026-01-12 10:15:00":
 * a time in the office's zone (WIB) unless WITA or WIT is written; a date alone is its midnight.
 */
export function parseIndonesianDate(text: string): Date | null {
  const t = text.toLowerCase();
  let day: number, month: number, year: number;
  const named = /(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})/.exec(t);
  const numeric = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(t);
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (named && MONTHS[named[2].slice(0, 3)]) [day, month, year] = [Number(named[1]), MONTHS[named[2].slice(0, 3)], Number(named[3])];
  else if (numeric) [day, month, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  else return null;
  const rest = t.slice((iso ?? named ?? numeric)!.index + (iso ?? named ?? numeric)![0].length);
  const time = /(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?/.exec(rest);
  const zone = /\b(wita|wit|wib)\b/.exec(rest);
  const [hour, minute] = time ? [Number(time[1]), Number(time[2])] : [0, 0];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCMonth() !== month - 1) return null;
  return new Date(Date.UTC(year, month - 1, day, hour - ZONES[zone?.[1] ?? 'wib'], minute));
}

/** The KK and the KTP-el are named in passing in many reports about something else: they are tried last. */
const CATEGORY_WORDS: [ServiceCategory, RegExp][] = [
  ['kia', /\bkia\b|kartu identitas anak/],
  ['akta_kelahiran', /akt[ae]\s*(?:ke)?lahir/],
  ['akta_kematian', /akt[ae]\s*kematian|\bmeninggal/],
  ['perkawinan_perceraian', /perkawinan|pernikahan|perceraian|\bcerai\b|\bnikah\b/],
  ['pindah_datang', /\bpindah|kedatangan|\bskpwni|domisili/],
  ['ktp_el', /\bktp|e-?ktp|kartu tanda penduduk|perekaman/],
  ['kk', /\bkk\b|kartu keluarga/],
];

/** Our service category from the report's texts, the most telling first (its title, then its category, then its content). */
export function guessServiceCategory(...texts: (string | null | undefined)[]): ServiceCategory {
  for (const text of texts) {
    const t = (text ?? '').toLowerCase();
    const found = CATEGORY_WORDS.find(([, words]) => words.test(t));
    if (found) return found[0];
  }
  return 'lainnya';
}

function classificationOf(text: string): LaporClassification | null {
  const t = text.toLowerCase();
  if (/permintaan\s*informasi/.test(t)) return 'permintaan_informasi';
  if (/aspirasi/.test(t)) return 'aspirasi';
  if (/pengaduan|keluhan/.test(t)) return 'pengaduan';
  return null;
}

/** A line "Label : value", "Label: value" or the label alone (its value on the next lines). */
function labelled(line: string): { field: Field; value: string } | null {
  const match = /^\s*[*•-]?\s*([A-Za-z][A-Za-z .\-/]{1,40}?)\s*([:：\t]|$)\s*(.*)$/.exec(line);
  if (!match) return null;
  const label = match[1].trim().toLowerCase().replace(/\s+/g, ' ');
  const found = LABELS.find(([, pattern]) => pattern.test(label));
  return found ? { field: found[0], value: match[3].trim() } : null;
}

const TRACKING_IN_TEXT = [/#\s?(\d{5,12})\b/, /lapor\.go\.id\/(?:laporan\/detil|pengaduan|laporan)\/(\d{5,12})/i, /tracking\s*id\s*[:#]?\s*#?(\d{5,12})/i];
const BYLINE = /^(?:ditulis|dilaporkan|dikirim)\s+oleh\s+(.+)$/i;
const FOOTER = /^(?:silakan|silahkan|terima kasih|salam|hormat kami|--|_{3,}|email ini|pesan ini|untuk menindaklanjuti|klik)/i;

export function parseLaporText(input: string): ParsedReport {
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  const values = new Map<Field, string[]>();
  let current: Field | null = null;
  let seenLabel = false;
  /** Lines before the first label: the page shows the title and the byline without one. */
  const loose: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    const found = labelled(line);
    if (!found && !seenLabel && line) loose.push(line);
    if (found) seenLabel = true;
    if (found) {
      current = found.field === 'end' ? null : found.field;
      if (current) values.set(current, found.value ? [found.value] : []);
      continue;
    }
    if (!current) continue;
    if (FOOTER.test(line)) {
      current = null;
      continue;
    }
    // Only the report's own text runs over several lines; another field ends at its first blank line.
    if (current !== 'content' && !line) {
      current = null;
      continue;
    }
    values.get(current)!.push(line);
  }
  const one = (field: Field) => (values.get(field) ?? []).join(' ').trim() || null;
  const byline = loose.map((line) => BYLINE.exec(line)?.[1]).find(Boolean);
  const trackingText = one('trackingId') ?? TRACKING_IN_TEXT.map((pattern) => pattern.exec(input)?.[1]).find(Boolean) ?? '';
  const fields: ReportFields = Object.fromEntries(LAPOR_REPORT_FIELDS.map((field) => [field, one(field)]));
  return reportOf({
    ...fields,
    trackingId: trackingText.replace(/\s.*$/, ''),
    content: (values.get('content') ?? []).join('\n').replace(/\n{3,}/g, '\n\n').trim() || null,
    reporter: fields.reporter ?? byline ?? null,
    title: fields.title ?? loose.find((line) => line.length > 10 && !BYLINE.test(line) && !TRACKING_IN_TEXT.some((p) => p.test(line)) && !/^https?:/.test(line) && !classificationOf(line) && !parseIndonesianDate(line)) ?? null,
  }, { head: lines.slice(0, 6) });
}

type ReportField = LaporReportField;
export type ReportFields = Partial<Record<ReportField, string | null>>;

/** The report field a label or a column heading names ("Nama Pelapor" → reporter), or null. */
export function fieldOfLabel(label: string): ReportField | null {
  const text = label.trim().toLowerCase().replace(/[:：]\s*$/, '').replace(/\s+/g, ' ');
  const found = LABELS.find(([, pattern]) => pattern.test(text))?.[0];
  return found && found !== 'end' ? found : null;
}

/**
 * A report from its fields' texts. `head`, the first lines of a pasted text, is where a page without
 * labels states the classification and the date.
 */
export function reportOf(fields: ReportFields, { head = [] }: { head?: string[] } = {}): ParsedReport {
  const one = (field: ReportField) => fields[field]?.trim() || null;
  const trackingId = normaliseTrackingId(one('trackingId') ?? '') ?? '';
  const reporterText = one('reporter');
  const privacy = `${one('privacy') ?? ''} ${reporterText ?? ''}`.toLowerCase();
  const anonymous = /anonim|anonymous|dirahasiakan/.test(privacy);
  const confidential = /rahasia/.test(privacy);
  const hidden = anonymous || confidential;
  const title = one('title');
  const content = one('content');
  const category = one('category');
  const classification = classificationOf(one('classification') ?? '') ?? classificationOf(head.slice(0, 4).join(' '));
  const phone = one('phone')?.replace(/[^\d+]/g, '') || null;
  const email = one('email')?.match(/[^\s<>@]+@[^\s<>@]+\.[a-z]{2,}/i)?.[0].toLowerCase() ?? null;
  const reportedAt = parseIndonesianDate(one('date') ?? '') ?? parseIndonesianDate(head.join(' '));
  const report: ParsedReport = {
    trackingId,
    title,
    content: content ?? '',
    category,
    classification,
    reportedAt,
    dispositionAt: parseIndonesianDate(one('disposition') ?? ''),
    location: one('location'),
    anonymous,
    confidential,
    reporter: hidden ? { name: null, email: null, phone: null } : { name: reporterText?.replace(/\s*\(.*\)\s*$/, '') || null, email, phone: phone && phone.length >= 9 ? phone : null },
    status: laporStatusOf(one('status') ?? ''),
    kind: classification === 'permintaan_informasi' ? 'information' : 'complaint',
    serviceCategory: guessServiceCategory(title, category, content),
    missing: [],
  };
  if (!report.trackingId) report.missing.push('trackingId');
  if (!report.content) report.missing.push('content');
  if (!report.reportedAt) report.missing.push('reportedAt');
  if (!hidden && !report.reporter.name) report.missing.push('reporter');
  return report;
}
