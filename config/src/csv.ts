/** Excel reads UTF-8 only when the file says so. */
export const CSV_BOM = '\ufeff';
/**
 * Excel in an Indonesian locale splits CSV at its list separator, the semicolon, and reads a comma as the
 * decimal mark: a comma-separated file opens in one column there.
 */
export const CSV_SEPARATOR = ';';
/** A cell starting like a formula is prefixed, so that a spreadsheet shows it as text (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One text cell of an RFC 4180 file with semicolons. */
export function csvText(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of cells already written as CSV (text through csvText), CRLF ended. */
export function csvLine(cells: readonly string[]): string {
  return cells.join(CSV_SEPARATOR) + '\r\n';
}
