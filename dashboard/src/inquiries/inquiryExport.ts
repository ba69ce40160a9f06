import { CSV_BOM, csvLine, csvText } from '@layanan/config';
import type { Inquiry } from '../types';
import { formatDateTime } from '../format';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The list's columns, as the officer reads them on screen: labels, not codes; times in WIB. */
const COLUMNS: { field: string; value: (row: Inquiry, translate: Translate, locale: string) => string }[] = [
  { field: 'code', value: (row) => row.code },
  { field: 'kind', value: (row, t) => t(`layanan.kind.${row.kind}`) },
  { field: 'channel', value: (row, t) => t(`layanan.channel.${row.channel}`) },
  { field: 'subject', value: (row) => row.subject ?? '' },
  { field: 'applicant.name', value: (row) => row.applicant?.name ?? '' },
  { field: 'division', value: (row) => row.division?.name ?? '' },
  { field: 'status', value: (row, t) => t(`layanan.status.${row.status}`) },
  { field: 'receivedAt', value: (row, _t, locale) => formatDateTime(row.receivedAt, locale) },
  { field: 'answeredAt', value: (row, _t, locale) => formatDateTime(row.answeredAt, locale) },
];

/**
 * The list as a spreadsheet opens it in Indonesia (semicolons, UTF-8 with a BOM): the rows as the list
 * shows them, with the citizen's name masked as the server sends it in lists.
 */
export function inquiriesCsv(rows: readonly Inquiry[], translate: Translate, locale: string): string {
  const header = csvLine(COLUMNS.map(({ field }) => csvText(translate(`layanan.inquiry.fields.${field}`))));
  return CSV_BOM + header + rows.map((row) => csvLine(COLUMNS.map(({ value }) => csvText(value(row, translate, locale))))).join('');
}
