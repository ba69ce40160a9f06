import type { Writable } from 'node:stream';
import { DETAIL_COLUMNS, type Cell, type LocalClock } from './report';
import type { DetailRow } from './rows';
import { drained } from './stream';

/** Excel reads UTF-8 only when the file says so. */
const BOM = '\ufeff';
/**
 * Excel in an Indonesian locale splits CSV at its list separator, the semicolon, and reads a comma as the
 * decimal mark: a comma-separated file opens in one column there.
 */
const SEPARATOR = ';';
/** A cell starting like a formula is prefixed, so that a spreadsheet shows it as text (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: Cell, clock: LocalClock): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return clock.format(value);
  if (typeof value === 'number') return String(Math.round(value * 10) / 10).replace('.', ',');
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 with semicolons and comma decimals, CRLF line ends, UTF-8 with a BOM; times as WIB wall clock. */
export async function writeCsv(out: Writable, pages: AsyncIterable<DetailRow[]>, clock: LocalClock) {
  out.write(BOM + DETAIL_COLUMNS.map((column) => field(column.header, clock)).join(SEPARATOR) + '\r\n');
  for await (const page of pages) {
    out.write(page.map((row) => DETAIL_COLUMNS.map((column) => field(column.value(row), clock)).join(SEPARATOR) + '\r\n').join(''));
    await drained(out);
  }
  out.end();
}
