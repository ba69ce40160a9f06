import type { LaporColumnMapping } from '../types';

const PREFIX = 'lapor-import-mapping:';

/** A file layout is its headings: the officer's mapping is remembered for the next file laid out the same way. */
const keyOf = (headers: readonly string[]) => `${PREFIX}${headers.map((h) => h.trim().toLowerCase()).join('|')}`;

export function savedMapping(headers: readonly string[]): LaporColumnMapping | null {
  try {
    const text = localStorage.getItem(keyOf(headers));
    return text ? (JSON.parse(text) as LaporColumnMapping) : null;
  } catch {
    return null;
  }
}

export function saveMapping(headers: readonly string[], mapping: LaporColumnMapping): void {
  try {
    localStorage.setItem(keyOf(headers), JSON.stringify(mapping));
  } catch {
    // A full or disabled storage only means the next file is guessed again.
  }
}

export const sameMapping = (a: LaporColumnMapping, b: LaporColumnMapping) => JSON.stringify(a) === JSON.stringify(b);
