import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, countRows, createStaff, type Staff } from '../helpers/builders';
import { HEADINGS, csvOf, sheetReport, xlsxOf, type SheetReport } from '../helpers/lapor-sheets';

const INQUIRY = 'api::inquiry.inquiry';
const reports = (from: number, count: number) => Array.from({ length: count }, (_, i) => sheetReport(from + i));

describe.each(databases())('a file of SP4N-LAPOR! reports imported by the officer on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let officer: Staff;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    officer = await createStaff(app, 'officer');
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  const upload = (path: string, file: Buffer, name: string, mapping?: unknown, who: Staff = officer) => {
    const req = app.http.post(`/api/channels/lapor/${path}`).set(who.auth).attach('files', file, name);
    return mapping === undefined ? req : req.field('mapping', JSON.stringify(mapping));
  };
  const preview = (file: Buffer, name = 'laporan.xlsx', mapping?: unknown) => upload('import/preview', file, name, mapping);
  const importFile = (file: Buffer, name: string, mapping: unknown) => upload('import', file, name, mapping);
  const laporCount = () => app.strapi.db.query(INQUIRY).count({ where: { channel: 'lapor_sp4n' } });

  it('previews a file without writing: the guessed mapping, and which rows are new, already recorded, repeated or invalid', async () => {
    const held = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'lapor_sp4n', externalRef: sheetReport(1).trackingId })).expect(201);
    const rows: SheetReport[] = [...reports(0, 3), { ...sheetReport(0), title: 'Laporan yang sama lagi' }, { ...sheetReport(3), trackingId: '' }];
    const before = await countRows(app.strapi);

    const { body } = await preview(await xlsxOf(rows)).expect(200);

    expect(await countRows(app.strapi)).toEqual(before);
    expect(body.data.guessed).toBe(true);
    expect(body.data.mapping).toMatchObject({ trackingId: 1, content: 4, reporter: 5 });
    expect(body.data.columns[1]).toEqual({ index: 1, header: 'Tracking ID', sample: '5100000' });
    expect(body.data.summary).toMatchObject({ total: 5, new: 2, duplicateExisting: 1, duplicateFile: 1, invalid: 1 });
    expect(body.data.rows.map((r: { row: number; outcome: string }) => [r.row, r.outcome])).toEqual([
      [2, 'new'],
      [3, 'duplicate_existing'],
      [4, 'new'],
      [5, 'duplicate_file'],
      [6, 'invalid'],
    ]);
    expect(body.data.rows[1].existing.code).toBe(held.body.data.code);
    expect(body.data.rows[3].sameAsRow).toBe(2);
    expect(body.data.rows[4].problems).toEqual(['Nomor tiket kosong.']);
    // The officer reads the rows as any list: no contact data, the reporter's name masked.
    expect(body.data.rows[0]).toMatchObject({ reporter: expect.stringMatching(/^S\S*\*/), kind: 'complaint', serviceCategory: 'ktp_el' });
    expect(JSON.stringify(body.data.rows)).not.toContain(sheetReport(0).phone);
  });

  it('imports the new rows of a CSV with the officer’s mapping and reports each row; a second import records none again', async () => {
    const file = csvOf(reports(10, 4));
    const { body: seen } = await preview(file, 'laporan.csv').expect(200);
    const before = await laporCount();

    const { body } = await importFile(file, 'laporan.csv', seen.data.mapping).expect(200);

    expect(body.data.summary).toMatchObject({ total: 4, created: 4, failed: 0 });
    expect(await laporCount()).toBe(before + 4);
    const first = body.data.rows[0];
    const stored = await app.strapi.db.query(INQUIRY).findOne({ where: { documentId: first.created.documentId }, populate: { applicant: true } });
    expect(stored).toMatchObject({ code: first.created.code, channel: 'lapor_sp4n', externalRef: '5100010', status: 'received', subject: sheetReport(10).title });
    // The file's Status column is what LAPOR! showed for the report, seen at the import.
    expect(stored.laporStatus).toBe('verifikasi');
    expect(new Date(stored.laporStatusAt).getTime()).toBe(new Date(stored.receivedAt).getTime());
    expect(stored.applicant).toMatchObject({ name: sheetReport(10).reporter, phone: '+6281230000010' });
    expect(stored.notes).toMatch(/Dilaporkan di SP4N-LAPOR! 15 Januari 2026 08\.10 WIB; .* Diimpor dari berkas laporan\.csv, baris 2\.$/);
    const events = await app.strapi.db.query('api::inquiry-event.inquiry-event').findMany({ where: { inquiry: { id: stored.id } } });
    expect(events).toEqual([expect.objectContaining({ type: 'created', actorType: 'user' })]);

    const again = await importFile(file, 'laporan.csv', seen.data.mapping).expect(200);
    expect(again.body.data.summary).toMatchObject({ created: 0, duplicateExisting: 4 });
    expect(again.body.data.rows[0].existing.code).toBe(first.created.code);
    expect(await laporCount()).toBe(before + 4);
  });

  it('a wrong mapping: an impossible one is refused with the field to fix, a mistaken one previews as invalid rows with a hint, and neither writes', async () => {
    const file = await xlsxOf(reports(20, 4));
    const before = await countRows(app.strapi);
    const { body: guessed } = await preview(file).expect(200);

    const twice = await preview(file, 'laporan.xlsx', { ...guessed.data.mapping, title: 4 }).expect(400);
    expect(twice.body.error.message).toBe('Kolom "Isi Laporan" dipilih untuk dua isian: Judul laporan dan Isi laporan.');
    const none = await importFile(file, 'laporan.xlsx', { ...guessed.data.mapping, content: null }).expect(400);
    expect(none.body.error.message).toBe('Pilih kolom untuk Isi laporan: tanpa itu laporan tidak dapat dicatat.');

    const mistaken = { ...guessed.data.mapping, trackingId: 5, reporter: null };
    const { body } = await preview(file, 'laporan.xlsx', mistaken).expect(200);
    expect(body.data.summary).toMatchObject({ total: 4, new: 0, invalid: 4 });
    expect(body.data.hints).toEqual(['Sebagian besar baris tidak punya nomor tiket yang terbaca: periksa apakah kolom "Nama Pelapor" benar kolom nomor tiket.']);
    const imported = await importFile(file, 'laporan.xlsx', mistaken).expect(200);
    expect(imported.body.data.summary).toMatchObject({ created: 0, invalid: 4 });
    expect(await countRows(app.strapi)).toEqual(before);
  });

  it('refuses what is no file of reports, and who may not import, with a 4xx in Indonesian and nothing written', async () => {
    const before = await countRows(app.strapi);
    const noFile = await app.http.post('/api/channels/lapor/import/preview').set(officer.auth).send({ data: {} }).expect(400);
    expect(noFile.body.error.message).toBe('Pilih berkas Excel (.xlsx) atau CSV berisi laporan SP4N-LAPOR!.');
    expect((await preview(Buffer.from('PK\x03\x04rusak', 'latin1')).expect(400)).body.error.message).toMatch(/Berkas Excel tidak dapat dibaca/);
    expect((await preview(Buffer.from(`${HEADINGS.join(';')}\n`), 'kosong.csv').expect(400)).body.error.message).toBe('Berkas hanya berisi baris judul kolom, tanpa laporan.');
    const badJson = await app.http.post('/api/channels/lapor/import').set(officer.auth).attach('files', csvOf(reports(30, 1)), 'a.csv').field('mapping', '{trackingId').expect(400);
    expect(badJson.body.error.message).toBe('Pemetaan kolom tidak terbaca (harus JSON).');
    expect((await upload('import', csvOf(reports(30, 1)), 'a.csv').expect(400)).body.error.message).toMatch(/Periksa pratinjau/);
    const staff = await createStaff(app, 'division_staff', 'DAFDUK');
    await upload('import/preview', csvOf(reports(30, 1)), 'a.csv', undefined, staff).expect(403);
    await app.http.post('/api/channels/lapor/import/preview').attach('files', csvOf(reports(30, 1)), 'a.csv').expect(403);
    expect(await countRows(app.strapi)).toEqual(before);
  });

  it('5,000 rows: the import creates exactly the new ones, each with its own code', async () => {
    // 300 of them were imported before; 50 rows repeat a tracking number of the same file.
    await importFile(csvOf(reports(1000, 300)), 'pekan-lalu.csv', (await preview(csvOf(reports(1000, 300)), 'pekan-lalu.csv')).body.data.mapping).expect(200);
    const batch = [...reports(1000, 4950), ...reports(3000, 50)];
    const file = await xlsxOf(batch);
    const before = await laporCount();

    const started = Date.now();
    const { body: seen } = await preview(file).expect(200);
    expect(seen.data.summary).toMatchObject({ total: 5000, new: 4650, duplicateExisting: 300, duplicateFile: 50, invalid: 0 });
    const { body } = await importFile(file, 'laporan.xlsx', seen.data.mapping).expect(200);
    const seconds = (Date.now() - started) / 1000;

    expect(body.data.summary).toMatchObject({ total: 5000, created: 4650, duplicateExisting: 300, duplicateFile: 50, failed: 0 });
    expect(await laporCount()).toBe(before + 4650);
    const codes = body.data.rows.filter((r: { outcome: string }) => r.outcome === 'created').map((r: { created: { code: string } }) => r.created.code);
    expect(new Set(codes).size).toBe(4650);
    const refs = (await app.strapi.db.query(INQUIRY).findMany({ where: { channel: 'lapor_sp4n', externalRef: { $startsWith: '51' } }, select: ['externalRef'] })) as { externalRef: string }[];
    expect(new Set(refs.map((r) => r.externalRef)).size).toBe(refs.length);
    console.info(`[lapor import] 5,000 rows on ${kind}: preview and import in ${seconds.toFixed(1)} s`);
  }, 300_000);
});
