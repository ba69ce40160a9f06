import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, countRows, createStaff, type Staff } from '../helpers/builders';
import { REPORT_FIXTURES } from '../helpers/lapor-reports';

const INQUIRY = 'api::inquiry.inquiry';

describe.each(databases())('SP4N-LAPOR! reports recorded by the officer on %s', (kind) => {
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

  const paste = (text: string) => app.http.post('/api/channels/lapor/parse').set(officer.auth).send({ data: { text } });
  const record = (data: Record<string, unknown>) => app.http.post('/api/inquiries').set(officer.auth).send({ data });

  it('a pasted report fills in the intake: the officer reviews it and records it as a LAPOR! request', async () => {
    const before = await countRows(app.strapi);
    const read = await paste(REPORT_FIXTURES[0].text).expect(200);
    const { draft, missing } = read.body.data;
    expect(missing).toEqual([]);
    expect(draft).toMatchObject({
      kind: 'complaint',
      channel: 'lapor_sp4n',
      subject: 'KTP-el tidak kunjung dicetak',
      serviceCategory: 'ktp_el',
      applicant: { name: 'Siti Rahayu' },
      externalRef: '4123567',
      laporStatus: 'verifikasi',
    });
    expect(draft.message).toMatch(/^Saya sudah melakukan perekaman KTP-el/);
    expect(draft.notes).toMatch(/Dilaporkan di SP4N-LAPOR! 12 Januari 2026 10\.15 WIB; kategori Administrasi Kependudukan; lokasi Jl\. Soekarno Hatta/);
    // Reading the text writes nothing.
    expect(await countRows(app.strapi)).toEqual(before);

    const created = await record(draft).expect(201);
    expect(created.body.data).toMatchObject({ channel: 'lapor_sp4n', externalRef: '4123567', status: 'received', laporStatus: 'verifikasi' });
    // What LAPOR! showed is dated by the intake, whatever the client says.
    expect(created.body.data.laporStatusAt).toBe(created.body.data.receivedAt);
  });

  it('an anonymous report keeps no contact and says so instead of a name', async () => {
    const { draft } = (await paste(REPORT_FIXTURES.find((f) => f.expected.anonymous)!.text).expect(200)).body.data;
    expect(draft.applicant).toEqual({ name: 'Pelapor anonim (SP4N-LAPOR!)' });
    expect(draft.notes).toMatch(/laporan anonim/);
  });

  it('text that is no LAPOR! report is refused with what is missing, and an empty paste with what to do', async () => {
    expect((await paste('Selamat pagi, mohon info jam buka kantor.').expect(400)).body.error.message).toMatch(/tidak terbaca sebagai laporan SP4N-LAPOR!/);
    expect((await paste('   ').expect(400)).body.error.message).toBe('Tempelkan teks laporan SP4N-LAPOR! terlebih dahulu.');
  });

  it('a second import of the same report is refused with 409 naming the request that holds it, and writes nothing', async () => {
    const first = await record(buildOfficerInquiry({ channel: 'lapor_sp4n', externalRef: '4123601' }).data).expect(201);
    const before = await countRows(app.strapi);
    // The same tracking number as officers copy it: with the hash, spaces.
    const again = await record(buildOfficerInquiry({ channel: 'lapor_sp4n', externalRef: '#4123 601', subject: 'Laporan yang sama' }).data).expect(409);
    expect(again.body.error.message).toBe(`Laporan SP4N-LAPOR! #4123601 sudah tercatat sebagai permohonan ${first.body.data.code}.`);
    expect(await countRows(app.strapi)).toEqual(before);
    // The same reference on another channel is another matter.
    await record(buildOfficerInquiry({ channel: 'phone', externalRef: '4123601' }).data).expect(201);
  });

  it('two officers importing one report at the same moment: the database lets one through', async () => {
    const body = buildOfficerInquiry({ channel: 'lapor_sp4n', externalRef: '4129999' }).data;
    const results = await Promise.all([record(body), record(body), record(body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await app.strapi.db.query(INQUIRY).count({ where: { channel: 'lapor_sp4n', externalRef: '4129999' } })).toBe(1);
    const holder = results.find((r) => r.status === 201)!.body.data.code;
    for (const refused of results.filter((r) => r.status === 409)) expect(refused.body.error.message).toContain(holder);
  });

  it('editing a LAPOR! request’s tracking number onto another report’s is refused the same way', async () => {
    const held = await record(buildOfficerInquiry({ channel: 'lapor_sp4n', externalRef: '4123702' }).data).expect(201);
    const other = await record(buildOfficerInquiry({ channel: 'lapor_sp4n', externalRef: '4123703' }).data).expect(201);
    const edit = await app.http.put(`/api/inquiries/${other.body.data.documentId}`).set(officer.auth).send({ data: { externalRef: '4123702' } }).expect(409);
    expect(edit.body.error.message).toContain(held.body.data.code);
    const unreadable = await app.http.put(`/api/inquiries/${other.body.data.documentId}`).set(officer.auth).send({ data: { externalRef: '???' } }).expect(400);
    expect(unreadable.body.error.message).toMatch(/tidak dikenali/);
  });
});
