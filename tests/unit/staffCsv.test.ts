import { parseStaffCsv, STAFF_CSV_TEMPLATE } from '../../config/src/staffAccounts';

const DIVISIONS = ['DAFDUK', 'CAPIL'];

describe('parseStaffCsv: the IT staff’s list of accounts, as Excel saves it', () => {
  it('reads the downloadable template (BOM, `;`, CRLF) without a single error', () => {
    const { fileError, rows } = parseStaffCsv(STAFF_CSV_TEMPLATE, DIVISIONS);
    expect(fileError).toBeUndefined();
    expect(rows.map(({ line, email, role, division, errors }) => [line, email, role, division, errors])).toEqual([
      [2, 'rina.wulandari@contoh.go.id', 'officer', null, []],
      [3, 'agus.santoso@contoh.go.id', 'division_staff', 'DAFDUK', []],
      [4, 'bambang@contoh.go.id', 'leadership', null, []],
    ]);
  });

  it('reads `,` files with quoted fields, capitals and spaces, and skips empty lines', () => {
    const csv = 'Nama,Email,Peran,Bidang\n"Santoso, Agus",  Agus@Contoh.go.id ,Bidang,capil\n,,,\n"Dewi ""Ika"" L",dewi@contoh.go.id,PIMPINAN,\n';
    expect(parseStaffCsv(csv, DIVISIONS).rows).toEqual([
      { line: 2, name: 'Santoso, Agus', email: 'agus@contoh.go.id', role: 'division_staff', division: 'CAPIL', errors: [] },
      { line: 4, name: 'Dewi "Ika" L', email: 'dewi@contoh.go.id', role: 'leadership', division: null, errors: [] },
    ]);
  });

  it.each([
    ['a bad address', 'Rina;rina(at)contoh.go.id;petugas;', 'Alamat e-mail "rina(at)contoh.go.id" tidak valid.'],
    ['no address', 'Rina;;petugas;', 'Alamat e-mail kosong.'],
    ['an unknown role', 'Rina;rina@contoh.go.id;admin;', 'Peran "admin" tidak dikenal; tulis petugas, bidang, pimpinan atau pdp (Petugas Pelindungan Data).'],
    ['an unknown Bidang', 'Rina;rina@contoh.go.id;bidang;PAJAK', 'Bidang "PAJAK" tidak dikenal; kode yang ada: DAFDUK, CAPIL.'],
    ['division staff without a Bidang', 'Rina;rina@contoh.go.id;bidang;', 'Staf Bidang perlu kode Bidang, misalnya DAFDUK.'],
    ['no name', ';rina@contoh.go.id;petugas;', 'Nama kosong.'],
  ])('names %s in Indonesian on its row', (_label, line, message) => {
    expect(parseStaffCsv(`nama;email;peran;bidang\n${line}\n`, DIVISIONS).rows[0].errors).toEqual([message]);
  });

  it('an address twice in the file is an error on its second row', () => {
    const { rows } = parseStaffCsv('nama;email;peran;bidang\nA;a@contoh.go.id;petugas;\nB;A@contoh.go.id;pimpinan;\n', DIVISIONS);
    expect(rows.map((row) => row.errors)).toEqual([[], ['Alamat e-mail ini sudah ada di baris 2.']]);
  });

  it.each([
    ['a missing column', 'nama;email;peran\nA;a@contoh.go.id;petugas\n', /yang belum ada: bidang/],
    ['an empty file', '', /yang belum ada: nama, email, peran, bidang/],
    ['only the header', 'nama;email;peran;bidang\n', /tidak memuat satu akun pun/],
  ])('refuses %s as a whole', (_label, csv, message) => {
    const parsed = parseStaffCsv(csv, DIVISIONS);
    expect(parsed.fileError).toMatch(message);
    expect(parsed.rows).toEqual([]);
  });
});
