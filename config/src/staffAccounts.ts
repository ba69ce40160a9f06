import type { RoleType } from './roles';

/** How long an invitation's link lets a new staff member set a first password. */
export const INVITATION_DAYS = 7;
/** Invitation codes start with this, so that a used or expired one is told apart from a password-reset link. */
export const INVITATION_CODE_PREFIX = 'undangan-';

/** The words the IT staff write in a CSV's `peran` column, and the role each names. */
export const STAFF_CSV_ROLES: Record<string, Exclude<RoleType, 'public'>> = {
  petugas: 'officer',
  bidang: 'division_staff',
  pimpinan: 'leadership',
  pdp: 'data_protection_officer',
};

export const STAFF_CSV_COLUMNS = ['nama', 'email', 'peran', 'bidang'] as const;

export const STAFF_CSV_TEMPLATE = '\ufeffnama;email;peran;bidang\r\nRina Wulandari;rina.wulandari@contoh.go.id;petugas;\r\nAgus Santoso;agus.santoso@contoh.go.id;bidang;DAFDUK\r\nBambang Hariyanto;bambang@contoh.go.id;pimpinan;\r\n';

const ADDRESS = /^[^\s@;,]{1,64}@[^\s@;,]{1,190}\.[^\s@;,]{2,63}$/;
const MAX_ROWS = 500;

export interface StaffRow {
  /** The row's line in the file, counting the header as line 1. */
  line: number;
  name: string;
  email: string;
  role: Exclude<RoleType, 'public'> | null;
  division: string | null;
  errors: string[];
}

export interface ParsedStaffCsv {
  /** A problem with the whole file (no header, wrong columns); then there are no rows. */
  fileError?: string;
  rows: StaffRow[];
}

/** Excel's export: UTF-8 with or without a BOM, `;` (Indonesian locale) or `,` between fields, fields in quotes. */
function splitRecords(text: string): string[][] {
  const body = text.replace(/^\ufeff/, '');
  const firstLine = body.split(/\r?\n/, 1)[0];
  const separator = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[i + 1] === '\n') i += 1;
      records.push([...record, field]);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length) records.push([...record, field]);
  return records;
}

/**
 * Reads the IT staff's list of accounts and says, row by row and in Indonesian, what is wrong with it:
 * a bad address, an unknown role or Bidang, an address twice in the file. Existing accounts are not an
 * error here: the import skips them.
 */
export function parseStaffCsv(text: string, divisionCodes: readonly string[]): ParsedStaffCsv {
  const records = splitRecords(text);
  const header = (records.shift() ?? []).map((name) => name.trim().toLowerCase());
  const missing = STAFF_CSV_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length) {
    return { fileError: `Baris judul harus memuat kolom ${STAFF_CSV_COLUMNS.join(', ')}; yang belum ada: ${missing.join(', ')}. Unduh templat dan isi sesuai contohnya.`, rows: [] };
  }
  const at = Object.fromEntries(STAFF_CSV_COLUMNS.map((column) => [column, header.indexOf(column)])) as Record<(typeof STAFF_CSV_COLUMNS)[number], number>;
  const codes = new Map(divisionCodes.map((code) => [code.toUpperCase(), code]));
  const seen = new Map<string, number>();
  const rows: StaffRow[] = [];
  records.forEach((record, index) => {
    if (record.every((value) => value.trim() === '')) return;
    const cell = (column: keyof typeof at) => (record[at[column]] ?? '').trim();
    const line = index + 2;
    const errors: string[] = [];
    const name = cell('nama');
    const email = cell('email').toLowerCase();
    const roleWord = cell('peran').toLowerCase();
    const divisionWord = cell('bidang').toUpperCase();
    if (!name) errors.push('Nama kosong.');
    else if (name.length > 120) errors.push('Nama terlalu panjang (paling banyak 120 karakter).');
    if (!ADDRESS.test(email)) errors.push(email ? `Alamat e-mail "${cell('email')}" tidak valid.` : 'Alamat e-mail kosong.');
    else if (seen.has(email)) errors.push(`Alamat e-mail ini sudah ada di baris ${seen.get(email)}.`);
    else seen.set(email, line);
    const role = STAFF_CSV_ROLES[roleWord] ?? null;
    if (!role) errors.push(`Peran "${cell('peran')}" tidak dikenal; tulis petugas, bidang, pimpinan atau pdp (Petugas Pelindungan Data).`);
    const division = divisionWord ? (codes.get(divisionWord) ?? null) : null;
    if (divisionWord && !division) errors.push(`Bidang "${cell('bidang')}" tidak dikenal; kode yang ada: ${divisionCodes.join(', ')}.`);
    if (role === 'division_staff' && !divisionWord) errors.push('Staf Bidang perlu kode Bidang, misalnya DAFDUK.');
    rows.push({ line, name, email, role, division, errors });
  });
  if (rows.length > MAX_ROWS) return { fileError: `Berkas memuat ${rows.length} baris; paling banyak ${MAX_ROWS} baris sekali impor.`, rows: [] };
  if (!rows.length) return { fileError: 'Berkas tidak memuat satu akun pun di bawah baris judul.', rows: [] };
  return { rows };
}
