import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { LAPOR_REPORT_FIELDS, LAPOR_REPORT_FIELD_INFO, normaliseTrackingId, type LaporReportField } from '@layanan/config';
import { draftOf, type LaporDraft } from './draft';
import { fieldOfLabel, reportOf } from './parse';
import type { Sheet } from './sheet';

/** Which column (0-based) holds each field of a report; null where the file has none. */
export type ColumnMapping = Record<LaporReportField, number | null>;

export class MappingError extends Error {
  override name = 'MappingError';
}

const label = (field: LaporReportField) => LAPOR_REPORT_FIELD_INFO[field].id;

/** The mapping the headings suggest ("Tracking ID", "Nama Pelapor", "Isi Laporan"): each field takes the first column that names it. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping = Object.fromEntries(LAPOR_REPORT_FIELDS.map((field) => [field, null])) as ColumnMapping;
  headers.forEach((header, column) => {
    const field = fieldOfLabel(header);
    if (field && mapping[field] === null) mapping[field] = column;
  });
  return mapping;
}

/** The officer's mapping as sent: every field known, every column in the file and used once, the required ones chosen. */
export function checkMapping(given: unknown, headers: readonly string[]): ColumnMapping {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new MappingError('Pemetaan kolom harus berupa objek {isian: nomor kolom}.');
  const unknown = Object.keys(given).filter((key) => !(LAPOR_REPORT_FIELDS as string[]).includes(key));
  if (unknown.length) throw new MappingError(`Isian pemetaan tidak dikenal: ${unknown.join(', ')}.`);
  const mapping = guessMapping([]);
  const usedBy = new Map<number, LaporReportField>();
  for (const field of LAPOR_REPORT_FIELDS) {
    const column = (given as Record<string, unknown>)[field];
    if (column === null || column === undefined) continue;
    if (typeof column !== 'number' || !Number.isInteger(column) || column < 0 || column >= headers.length) {
      throw new MappingError(`Kolom untuk ${label(field)} tidak ada di berkas (berkas ini punya ${headers.length} kolom).`);
    }
    const other = usedBy.get(column);
    if (other) throw new MappingError(`Kolom "${headers[column] || column + 1}" dipilih untuk dua isian: ${label(other)} dan ${label(field)}.`);
    usedBy.set(column, field);
    mapping[field] = column;
  }
  const missing = LAPOR_REPORT_FIELDS.filter((field) => LAPOR_REPORT_FIELD_INFO[field].required && mapping[field] === null);
  if (missing.length) throw new MappingError(`Pilih kolom untuk ${missing.map(label).join(' dan ')}: tanpa itu laporan tidak dapat dicatat.`);
  return mapping;
}

export type RowOutcome = 'new' | 'duplicate_file' | 'duplicate_existing' | 'invalid';

/** One row of the file, read through the mapping: what it would become, or why it cannot. */
export interface ImportRow {
  row: number;
  trackingId: string | null;
  outcome: RowOutcome;
  /** Why the row cannot be recorded. */
  problems: string[];
  /** What is recorded differently from the file (a phone number that is none, markup removed). */
  warnings: string[];
  /** The earlier row of the same file with this tracking number. */
  sameAsRow?: number;
  /** The request that already holds this report. */
  existing?: { code: string; documentId: string };
  draft: LaporDraft | null;
}

const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>/gi;

function withoutMarkup(text: string, warnings: string[], what: string): string {
  if (!new RegExp(MARKUP.source, 'i').test(text)) return text;
  warnings.push(`Kode HTML di ${what} dihapus.`);
  return text.replace(MARKUP, ' ').replace(/[ \t]{2,}/g, ' ').trim();
}

/** A row's report, checked as an officer's intake is: a readable tracking number and a text of at least 3 characters. */
function readRow(cells: string[], mapping: ColumnMapping, row: number, source: string): ImportRow {
  const cell = (field: LaporReportField) => (mapping[field] === null ? null : (cells[mapping[field]!] ?? '').trim() || null);
  const problems: string[] = [];
  const warnings: string[] = [];
  const rawId = cell('trackingId');
  const trackingId = rawId ? normaliseTrackingId(rawId) : null;
  if (!rawId) problems.push('Nomor tiket kosong.');
  else if (!trackingId) problems.push(`Nomor tiket "${rawId.slice(0, 40)}" tidak dikenali: isinya harus nomor tiket LAPOR!, misalnya 4123567.`);
  const content = withoutMarkup(cell('content') ?? '', warnings, 'isi laporan');
  if (content.length < 3) problems.push(content ? 'Isi laporan terlalu pendek (minimal 3 karakter).' : 'Isi laporan kosong.');
  const title = cell('title') ? withoutMarkup(cell('title')!, warnings, 'judul') : null;
  const report = reportOf({ ...Object.fromEntries(LAPOR_REPORT_FIELDS.map((field) => [field, cell(field)])), trackingId: trackingId ?? '', content, title });
  if (cell('date') && !report.reportedAt) warnings.push(`Tanggal laporan "${cell('date')!.slice(0, 40)}" tidak terbaca; tidak dicatat.`);
  if (cell('disposition') && !report.dispositionAt) warnings.push(`Tanggal disposisi "${cell('disposition')!.slice(0, 40)}" tidak terbaca; tidak dicatat.`);
  if (report.content.length > 5000) warnings.push('Isi laporan lebih dari 5.000 karakter dan dipotong; baca lengkapnya di LAPOR!.');
  const phone = report.reporter.phone ? parsePhoneNumberFromString(report.reporter.phone, 'ID') : undefined;
  const hidden = report.anonymous || report.confidential;
  if (cell('phone') && !hidden && !phone?.isValid()) warnings.push('Nomor telepon pelapor tidak valid; tidak dicatat.');
  if (cell('email') && !hidden && !report.reporter.email) warnings.push('Alamat e-mail pelapor tidak valid; tidak dicatat.');
  report.reporter.phone = phone?.isValid() ? phone.number : null;
  if (problems.length) return { row, trackingId, outcome: 'invalid', problems, warnings, draft: null };
  const draft = draftOf(report);
  draft.notes = `${draft.notes} Diimpor dari berkas ${source}, baris ${row}.`.slice(0, 5000);
  return { row, trackingId, outcome: 'new', problems, warnings, draft };
}

/**
 * Every row of the file through the mapping, with what each would become: a new request, a duplicate of an
 * earlier row of the same file (its tracking number again), or invalid with the reasons. Duplicates of
 * requests already recorded are the caller's to mark, from the database.
 */
export function readRows(sheet: Sheet, mapping: ColumnMapping, source: string): ImportRow[] {
  const firstRow = new Map<string, number>();
  return sheet.rows.map(({ row, cells }) => {
    const read = readRow(cells, mapping, row, source);
    if (read.outcome !== 'new' || !read.trackingId) return read;
    const earlier = firstRow.get(read.trackingId);
    if (earlier !== undefined) return { ...read, outcome: 'duplicate_file', sameAsRow: earlier };
    firstRow.set(read.trackingId, row);
    return read;
  });
}

/** A word for the officer when most rows fail the same way: the mapping is likelier wrong than the file. */
export function mappingHints(rows: readonly ImportRow[], headers: readonly string[], mapping: ColumnMapping): string[] {
  const invalid = rows.filter((row) => row.outcome === 'invalid');
  if (rows.length < 3 || invalid.length < rows.length / 2) return [];
  const hints: string[] = [];
  const column = (field: LaporReportField) => `"${headers[mapping[field]!] || mapping[field]! + 1}"`;
  if (invalid.filter((row) => row.problems.some((p) => p.startsWith('Nomor tiket'))).length >= invalid.length / 2) {
    hints.push(`Sebagian besar baris tidak punya nomor tiket yang terbaca: periksa apakah kolom ${column('trackingId')} benar kolom nomor tiket.`);
  }
  if (invalid.filter((row) => row.problems.some((p) => p.startsWith('Isi laporan'))).length >= invalid.length / 2) {
    hints.push(`Sebagian besar baris tidak punya isi laporan: periksa apakah kolom ${column('content')} benar kolom isi laporan.`);
  }
  return hints;
}
