import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { periodInWords, type IkmResult, type OfficeProfile } from '@layanan/config';
import type { Recap } from '../services/recap';
import { DETAIL_COLUMNS, FIGURE_DECIMALS, letterheadLines, NO_FIGURE, isFigure, isLocalDay, summaryTables, type Figure, type LocalClock, type SummaryCell } from './report';
import type { DetailRow } from './rows';
import { drained } from './stream';

const TIME_FORMAT = 'dd/mm/yyyy hh:mm';
const DAY_FORMAT = 'dd/mm/yyyy';
const MONTH_FORMAT = 'mm/yyyy';
/** Excel's number formats are written in its own (English) notation; Excel shows them in the reader's locale. */
const NUMBER_FORMATS: Record<Figure['unit'], string> = Object.fromEntries(
  Object.entries(FIGURE_DECIMALS).map(([unit, decimals]) => [unit, `0.${'0'.repeat(decimals)}${unit === 'percent' ? '%' : ''}`]),
) as Record<Figure['unit'], string>;
/** How much worksheet XML may wait for the zip's deflater before the writer pauses. */
const MAX_QUEUED = 4 * 1024 * 1024;

interface QueueState {
  length?: number;
}
interface SheetInternals {
  stream?: { buffers?: { length?: number }[]; pipes?: { _readableState?: QueueState; _writableState?: QueueState }[] };
}

/**
 * exceljs hands a worksheet's XML on to the zip without waiting (its StreamBuf ignores backpressure), and
 * the deflater takes about one chunk per turn of the event loop: left alone, a year of rows would queue up
 * in memory ahead of it. This reads how much is queued (exceljs and archiver internals, stable across their
 * releases), so that the writer can give the loop turns until the queue is short again.
 */
function queued(sheet: ExcelJS.Worksheet): number {
  const { stream } = sheet as unknown as SheetInternals;
  const own = (stream?.buffers ?? []).reduce((sum, buffer) => sum + (buffer.length ?? 0), 0);
  const piped = (stream?.pipes ?? []).reduce((sum, pipe) => sum + (pipe._readableState?.length ?? 0) + (pipe._writableState?.length ?? 0), 0);
  return own + piped;
}

/**
 * The workbook is written as it is built (exceljs' streaming writer): the summary sheet first, then one
 * committed row per inquiry, so memory holds a page of rows and a few megabytes of XML, never the year.
 */
/** A local day as Excel stores dates: its wall clock read as UTC, like the detail sheet's WIB times. */
const dateOf = (day: string) => new Date(`${day.length === 7 ? `${day}-01` : day}T00:00:00Z`);

/** A summary row: figures as numbers with their format, an unmeasurable one as a dash, days as dates. */
function addSummaryRow(sheet: ExcelJS.Worksheet, cells: SummaryCell[]) {
  const row = sheet.addRow(cells.map((cell) => (isFigure(cell) ? (cell.figure ?? NO_FIGURE) : isLocalDay(cell) ? dateOf(cell.day) : cell)));
  cells.forEach((cell, i) => {
    if (isFigure(cell) && cell.figure !== null) row.getCell(i + 1).numFmt = NUMBER_FORMATS[cell.unit];
    if (isLocalDay(cell)) row.getCell(i + 1).numFmt = cell.day.length === 7 ? MONTH_FORMAT : DAY_FORMAT;
  });
}

export async function writeXlsx(out: Writable, recap: Recap, ikm: IkmResult, pages: AsyncIterable<DetailRow[]>, clock: LocalClock, generatedAt: Date, office: OfficeProfile) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = `Layanan Informasi — ${office.shortName}`;
  workbook.created = generatedAt;

  const summary = workbook.addWorksheet('Ringkasan', { views: [{ state: 'frozen', ySplit: 4 }] });
  summary.columns = [{ width: 44 }, { width: 20 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 16 }, { width: 18 }];
  for (const line of letterheadLines(office)) summary.addRow([line]).font = { bold: true, size: 12 };
  summary.addRow([`Periode ${recap.range.from} s.d. ${recap.range.to} (${periodInWords(recap.range.from, recap.range.to)}, WIB); dibuat ${clock.format(generatedAt)} WIB`]);
  for (const table of summaryTables(recap, ikm)) {
    summary.addRow([]);
    summary.addRow([table.title]).font = { bold: true };
    const header = summary.addRow(table.headers);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    for (const row of table.rows) addSummaryRow(summary, row);
  }
  summary.commit();

  const detail = workbook.addWorksheet('Rincian', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = DETAIL_COLUMNS.map((column, i) => ({
    header: column.header,
    key: String(i),
    width: column.width,
    style: column.kind === 'time' ? { numFmt: TIME_FORMAT } : column.kind === 'minutes' ? { numFmt: '0.0' } : {},
  }));
  detail.getRow(1).font = { bold: true };
  detail.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  detail.getRow(1).commit();
  for await (const page of pages) {
    for (const row of page) {
      detail
        .addRow(
          DETAIL_COLUMNS.map((column) => {
            const value = column.value(row);
            return value instanceof Date ? clock.shift(value) : value;
          }),
        )
        .commit();
    }
    await drained(out);
    while (queued(detail) > MAX_QUEUED) await drained(out);
  }
  detail.commit();
  await workbook.commit();
}
