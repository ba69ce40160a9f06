/**
 * A name as the search compares it: letters without their accents, lower case, single spaces. Kept beside
 * the applicant's name (a private column) so that "siti nurhaliza", "SITI" and "Nurhalizá" all find
 * "Siti Nurhaliza" with one plain comparison on SQLite and on PostgreSQL alike.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
