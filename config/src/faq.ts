import type { FieldProblem } from './fieldProblem';

/** An FAQ entry's keywords: rows of one text each, as editors enter them in the admin panel. */
export interface KeywordRow {
  keyword: string;
}

export const KEYWORD_MAX_LENGTH = 100;

/** Two keywords are the same when they differ only in case and spacing. */
export function keywordKey(keyword: string): string {
  return keyword.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
}

/** Why rows are not a valid keyword list, in words an editor understands, and which row; null when they are. */
export function keywordsRefusal(rows: unknown): FieldProblem | null {
  if (rows === null || rows === undefined) return null;
  if (!Array.isArray(rows)) return { message: 'Kata kunci harus berupa daftar baris, satu kata kunci per baris.', at: [] };
  const seen = new Map<string, number>();
  for (const [index, value] of rows.entries()) {
    const row = index + 1;
    const at = [index, 'keyword'];
    const keyword = typeof value === 'object' && value !== null ? (value as Partial<KeywordRow>).keyword : undefined;
    if (typeof keyword !== 'string' || keyword.trim() === '') return { message: `Kata kunci baris ${row} kosong: isi atau hapus barisnya.`, at };
    if (keyword.trim().length > KEYWORD_MAX_LENGTH) return { message: `Kata kunci baris ${row} terlalu panjang (paling banyak ${KEYWORD_MAX_LENGTH} karakter).`, at };
    const earlier = seen.get(keywordKey(keyword));
    if (earlier) return { message: `Kata kunci "${keyword.trim()}" (baris ${row}) sudah ada di baris ${earlier}.`, at };
    seen.set(keywordKey(keyword), row);
  }
  return null;
}

/** The keywords as the FAQ search and the routing suggestion read them. */
export function keywordsOf(rows: readonly KeywordRow[] | null | undefined): string[] {
  return (rows ?? []).map((row) => row.keyword.trim());
}

/** Rows from plain keywords (the seed, an upgrade from the old list): blanks and repeats left out. */
export function keywordRows(keywords: readonly unknown[]): KeywordRow[] {
  const seen = new Set<string>();
  const rows: KeywordRow[] = [];
  for (const value of keywords) {
    if (typeof value !== 'string' || value.trim() === '' || seen.has(keywordKey(value))) continue;
    seen.add(keywordKey(value));
    rows.push({ keyword: value.trim().slice(0, KEYWORD_MAX_LENGTH) });
  }
  return rows;
}
