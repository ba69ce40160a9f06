import type { Writable } from 'node:stream';
import { CSV_BOM, csvLine, csvText } from '@layanan/config';
import { DETAIL_COLUMNS, type Cell, type LocalClock } from './report';
import type { DetailRow } from './rows';
import { drained } from './stream';

function field(value: Cell, clock: LocalClock): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return clock.format(value);
  if (typeof value === 'number') return String(Math.round(value * 10) / 10).replace('.', ',');
  return csvText(value);
}

/** RFC 4180 with semicolons and comma decimals, CRLF line ends, UTF-8 with a BOM; times as WIB wall clock. */
export async function writeCsv(out: Writable, pages: AsyncIterable<DetailRow[]>, clock: LocalClock) {
  out.write(CSV_BOM + csvLine(DETAIL_COLUMNS.map((column) => field(column.header, clock))));
  for await (const page of pages) {
    out.write(page.map((row) => csvLine(DETAIL_COLUMNS.map((column) => field(column.value(row), clock)))).join(''));
    await drained(out);
  }
  out.end();
}
