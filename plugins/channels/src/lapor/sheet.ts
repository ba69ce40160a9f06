import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';

/** A file of reports as rows of cell texts: the heading row, then one row a report, numbered as the file shows them. */
export interface Sheet {
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

export class SheetError extends Error {
  override name = 'SheetError';
}

export const SHEET_MAX_ROWS = 10_000;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the officer sees it. Excel stores a date without a zone, as the clock on the wall read it;
 * exceljs hands it over as that wall time in UTC, so it is written back as "2026-01-12 10:15" for the report
 * parser to read in WIB.
 */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const time = value.getUTCHours() || value.getUTCMinutes() ? ` ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : '';
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}${time}`;
  }
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  return '';
}

function sheetOf(table: string[][]): Sheet {
  const rows = table.map((cells, index) => ({ row: index + 1, cells: cells.map((cell) => cell.replace(/\r\n?/g, '\n').trim()) }));
  const filled = rows.filter((row) => row.cells.some(Boolean));
  const [heading, ...body] = filled;
  if (!heading) throw new SheetError('Berkas kosong: tidak ada baris judul kolom maupun laporan.');
  if (body.length === 0) throw new SheetError('Berkas hanya berisi baris judul kolom, tanpa laporan.');
  if (body.length > SHEET_MAX_ROWS) throw new SheetError(`Berkas berisi ${body.length.toLocaleString('id-ID')} laporan; satu kali impor paling banyak ${SHEET_MAX_ROWS.toLocaleString('id-ID')}. Bagi berkasnya.`);
  return { headers: heading.cells, rows: body };
}

async function readXlsx(buffer: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new SheetError('Berkas Excel tidak dapat dibaca. Simpan ulang sebagai .xlsx atau .csv, lalu unggah lagi.');
  }
  // The first sheet that holds anything: exports often open on an empty cover sheet.
  const worksheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!worksheet) throw new SheetError('Berkas Excel tidak berisi lembar yang terisi.');
  if (worksheet.rowCount > SHEET_MAX_ROWS + 50) throw new SheetError(`Lembar "${worksheet.name}" berisi lebih dari ${SHEET_MAX_ROWS.toLocaleString('id-ID')} baris; bagi berkasnya.`);
  const table: string[][] = [];
  worksheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    table[number - 1] = Array.from(cells, (cell) => cell ?? '');
  });
  return sheetOf(Array.from(table, (cells) => cells ?? []));
}

/** Excel in Indonesia saves CSV with semicolons (the decimal comma); other tools with commas or tabs. */
function delimiterOf(firstLine: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function readCsv(buffer: Buffer): Sheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    // Excel's "CSV" on Windows is the ANSI code page, not UTF-8.
    text = new TextDecoder('windows-1252').decode(buffer);
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.includes('\0')) throw new SheetError('Berkas ini bukan teks CSV. Unggah berkas .xlsx atau .csv.');
  try {
    const table = parseCsv(text, { delimiter: delimiterOf(text.split(/\r?\n/, 1)[0] ?? ''), relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
    return sheetOf(table);
  } catch (error) {
    if (error instanceof SheetError) throw error;
    throw new SheetError(`Berkas CSV tidak dapat dibaca: ${(error as Error).message.split('\n')[0]}`);
  }
}

const ZIP = Buffer.from('PK\x03\x04', 'latin1');

/** An uploaded .xlsx or .csv, told apart by its content (a renamed file is read for what it is). */
export async function readSheet(buffer: Buffer, filename: string): Promise<Sheet> {
  if (buffer.length === 0) throw new SheetError('Berkas kosong.');
  if (buffer.subarray(0, 4).equals(ZIP)) return readXlsx(buffer);
  if (/\.xls$/i.test(filename) || buffer.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new SheetError('Berkas .xls (Excel 97–2003) tidak didukung. Buka di Excel, simpan sebagai .xlsx, lalu unggah lagi.');
  }
  return readCsv(buffer);
}
