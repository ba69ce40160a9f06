import { MappingError, checkMapping, guessMapping, mappingHints, readRows } from '../../plugins/channels/src/lapor/import';
import { SheetError, readSheet, type Sheet } from '../../plugins/channels/src/lapor/sheet';
import { HEADINGS, csvOf, sheetReport, xlsxOf } from '../helpers/lapor-sheets';

const sheetOf = (rows: string[][], headers = HEADINGS): Sheet => ({ headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });
const rowOf = (n: number, changes: Partial<Record<number, string>> = {}) => {
  const r = sheetReport(n);
  const cells = [String(n + 1), r.trackingId, '2026-01-12 10:15', r.title, r.content, r.reporter, r.phone, r.category, r.location, r.status];
  for (const [i, v] of Object.entries(changes)) cells[Number(i)] = v!;
  return cells;
};
const problemOf = (given: unknown, headers = HEADINGS) => {
  try {
    checkMapping(given, headers);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(MappingError);
    return (error as Error).message;
  }
};

describe('importing a file of LAPOR! reports', () => {
  it('guesses the mapping from the headings as the report page names its fields, and leaves a row-number column out', () => {
    expect(guessMapping(HEADINGS)).toEqual({
      trackingId: 1,
      date: 2,
      title: 3,
      content: 4,
      reporter: 5,
      phone: 6,
      category: 7,
      location: 8,
      status: 9,
      disposition: null,
      email: null,
      classification: null,
      privacy: null,
    });
    expect(guessMapping(['Nomor Tiket', 'Perihal', 'Uraian Laporan', 'E-mail Pelapor'])).toMatchObject({ trackingId: 0, title: 1, content: 2, email: 3 });
  });

  it('refuses a mapping that names no tracking number or text, a column twice, a column the file lacks, or an unknown field', () => {
    const guessed = guessMapping(HEADINGS);
    expect(problemOf(guessed)).toBeNull();
    expect(problemOf({ ...guessed, trackingId: null })).toBe('Pilih kolom untuk Nomor tiket (Tracking ID): tanpa itu laporan tidak dapat dicatat.');
    expect(problemOf({ ...guessed, content: 3, title: 3 })).toBe('Kolom "Judul Laporan" dipilih untuk dua isian: Judul laporan dan Isi laporan.');
    expect(problemOf({ ...guessed, location: 14 })).toBe('Kolom untuk Lokasi tidak ada di berkas (berkas ini punya 10 kolom).');
    expect(problemOf({ ...guessed, nik: 2 })).toBe('Isian pemetaan tidak dikenal: nik.');
    expect(problemOf([1, 2])).toMatch(/harus berupa objek/);
  });

  it('reads each row as the request it becomes: tracking number, reporter, kind, category and the report date in WIB', () => {
    const [row] = readRows(sheetOf([rowOf(0)]), guessMapping(HEADINGS), 'laporan.xlsx');
    expect(row).toMatchObject({ row: 2, trackingId: '5100000', outcome: 'new', problems: [], warnings: [] });
    expect(row.draft).toMatchObject({
      channel: 'lapor_sp4n',
      kind: 'complaint',
      subject: 'KTP-el belum dicetak (0)',
      serviceCategory: 'ktp_el',
      applicant: { name: 'Siti Rahayu', phone: '+6281230000000' },
      externalRef: '5100000',
    });
    expect(row.draft!.notes).toBe('Dilaporkan di SP4N-LAPOR! 12 Januari 2026 10.15 WIB; kategori Administrasi Kependudukan; lokasi Jl. Soekarno Hatta No. 1, Kel. Wiroborang, Kec. Mayangan, Kota Probolinggo. Diimpor dari berkas laporan.xlsx, baris 2.');
  });

  it('marks a tracking number seen earlier in the file as its duplicate, however it is written', () => {
    const rows = readRows(sheetOf([rowOf(0), rowOf(1), rowOf(2, { 1: '#5100 000' }), rowOf(3, { 1: '5100001' })]), guessMapping(HEADINGS), 'x.csv');
    expect(rows.map((r) => [r.outcome, r.sameAsRow])).toEqual([
      ['new', undefined],
      ['new', undefined],
      ['duplicate_file', 2],
      ['duplicate_file', 3],
    ]);
  });

  it('says why a row cannot be recorded, and what it records differently from the file', () => {
    const rows = readRows(
      sheetOf([rowOf(0, { 1: '' }), rowOf(1, { 1: 'Siti Rahayu' }), rowOf(2, { 4: 'ok' }), rowOf(3, { 6: '12345', 2: 'kemarin sore' }), rowOf(4, { 4: '<p>KTP-el saya <b>hilang</b></p>' })]),
      guessMapping(HEADINGS),
      'x.csv',
    );
    expect(rows.map((r) => r.outcome)).toEqual(['invalid', 'invalid', 'invalid', 'new', 'new']);
    expect(rows[0].problems).toEqual(['Nomor tiket kosong.']);
    expect(rows[1].problems).toEqual(['Nomor tiket "Siti Rahayu" tidak dikenali: isinya harus nomor tiket LAPOR!, misalnya 4123567.']);
    expect(rows[2].problems).toEqual(['Isi laporan terlalu pendek (minimal 3 karakter).']);
    expect(rows[3].warnings).toEqual(['Tanggal laporan "kemarin sore" tidak terbaca; tidak dicatat.', 'Nomor telepon pelapor tidak valid; tidak dicatat.']);
    expect(rows[3].draft!.applicant).toEqual({ name: 'Bambang Sugiarto' });
    expect(rows[4].warnings).toEqual(['Kode HTML di isi laporan dihapus.']);
    expect(rows[4].draft!.message).toBe('KTP-el saya hilang');
  });

  it('a wrong mapping makes most rows invalid, and the hint names the column to check', () => {
    // The officer took the reporter's name for the tracking number and the title for the text.
    const wrong = { ...guessMapping(HEADINGS), trackingId: 5, reporter: null, content: 0, title: null };
    const rows = readRows(sheetOf([rowOf(0), rowOf(1), rowOf(2), rowOf(3)]), wrong, 'x.csv');
    expect(rows.every((r) => r.outcome === 'invalid')).toBe(true);
    expect(mappingHints(rows, HEADINGS, wrong)).toEqual([
      'Sebagian besar baris tidak punya nomor tiket yang terbaca: periksa apakah kolom "Nama Pelapor" benar kolom nomor tiket.',
      'Sebagian besar baris tidak punya isi laporan: periksa apakah kolom "No" benar kolom isi laporan.',
    ]);
  });

  it('reads an Excel file past its empty cover sheet, its date cells as the wall clock in WIB', async () => {
    const sheet = await readSheet(await xlsxOf([sheetReport(0), sheetReport(1)]), 'laporan.xlsx');
    expect(sheet.headers).toEqual(HEADINGS);
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(sheet.rows[1].cells.slice(0, 3)).toEqual(['2', '5100001', '2026-01-06 08:01']);
    const [row] = readRows(sheet, guessMapping(sheet.headers), 'laporan.xlsx');
    expect(row.draft!.notes).toMatch(/^Dilaporkan di SP4N-LAPOR! 5 Januari 2026 08\.00 WIB/);
  });

  it('reads a CSV as Indonesian Excel saves it (semicolons, byte-order mark, quoted text with line breaks) and as Windows-1252', async () => {
    const report = { ...sheetReport(7), content: 'Baris pertama; dengan titik koma.\nBaris kedua "dikutip".' };
    const sheet = await readSheet(csvOf([report]), 'laporan.csv');
    expect(sheet.headers).toEqual(HEADINGS);
    expect(sheet.rows[0].cells[4]).toBe(report.content);
    const latin = await readSheet(Buffer.from('Tracking ID,Isi Laporan\r\n5100009,Keluhan pelayanan di loket caf\xe9\r\n', 'latin1'), 'x.csv');
    expect(latin.rows[0].cells).toEqual(['5100009', 'Keluhan pelayanan di loket café']);
  });

  it('refuses an empty file, a file of headings alone, an old .xls and a broken workbook with what to do', async () => {
    const refusal = (buffer: Buffer, name: string) => readSheet(buffer, name).then(() => null, (error: Error) => (expect(error).toBeInstanceOf(SheetError), error.message));
    expect(await refusal(Buffer.alloc(0), 'a.csv')).toBe('Berkas kosong.');
    expect(await refusal(Buffer.from('Tracking ID;Isi Laporan\n'), 'a.csv')).toBe('Berkas hanya berisi baris judul kolom, tanpa laporan.');
    expect(await refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'a.xls')).toMatch(/\.xls \(Excel 97–2003\) tidak didukung/);
    expect(await refusal(Buffer.from('PK\x03\x04rusak', 'latin1'), 'a.xlsx')).toMatch(/Berkas Excel tidak dapat dibaca/);
  });
});
