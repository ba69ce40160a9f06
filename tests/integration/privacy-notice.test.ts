import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, buildPublicInquiry, countRows, createStaff, type Staff } from '../helpers/builders';
import { signInAdmin, signInEditor } from '../helpers/admin';
import { FakeSmtp } from '../helpers/fake-smtp';
import { drain, virtualClock } from '../helpers/telegram';

const NOTICE = 'api::privacy-notice.privacy-notice';
/** Monday 2 November 2026, 09:00 WIB. */
const MONDAY_0900 = new Date('2026-11-02T02:00:00Z');

describe.each(databases())('the privacy notice (UU 27/2022 Pasal 21) on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let smtp: FakeSmtp;
  let officer: Staff;
  let editor: { Authorization: string };
  let clock: ReturnType<typeof virtualClock>;

  const editNotice = (data: Record<string, unknown>) => app.http.put(`/content-manager/single-types/${NOTICE}`).set(editor).send(data);
  const notice = (query = '') => app.http.get(`/api/public/privacy-notice${query}`);
  const storedVersion = async (code: string) =>
    ((await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { code }, select: ['privacyNoticeVersion'] })) as { privacyNoticeVersion: number | null }).privacyNoticeVersion;

  beforeAll(async () => {
    smtp = await new FakeSmtp().start();
    db = await createTestDatabase(kind);
    app = await bootApp(db, { ...smtp.env(), PUBLIC_URL: 'https://layanan.example.go.id' });
    clock = virtualClock(app, MONDAY_0900);
    officer = await createStaff(app, 'officer');
    editor = await signInEditor(app, `privasi-${kind}@dinas.test`);
  });
  afterAll(async () => {
    await app?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  it('starts as version 1, in plain Indonesian, naming the Dinas of the Profil Dinas as who processes the data', async () => {
    const res = await notice().expect(200);
    expect(res.body.data).toMatchObject({ title: 'Pemberitahuan Pelindungan Data Pribadi', version: 1, currentVersion: 1, office: { fullName: 'Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo' } });
    expect(res.body.data.sections.map((section: { name: string }) => section.name)).toEqual(['controller', 'purpose', 'legalBasis', 'dataCollected', 'retention', 'rights', 'contact']);
    expect(res.body.data.sections[0].text).toContain('Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo (Pengendali Data Pribadi)');
    expect(res.body.data.sections[6].text).toContain('telepon (0335) 4438894');
  });

  it('a website request and an officer’s intake store the version their citizen was shown', async () => {
    const asked = await app.http.post('/api/public/inquiries').send(buildPublicInquiry({ privacyNoticeVersion: 1 })).expect(201);
    expect(await storedVersion(asked.body.data.code)).toBe(1);
    const recorded = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ privacyNoticeVersion: 1 })).expect(201);
    expect(recorded.body.data.privacyNoticeVersion).toBe(1);
  });

  it('each save an editor makes to its text is a new version with the save’s date; the old one stays readable by number', async () => {
    const before = (await notice().expect(200)).body.data;
    clock.set(new Date('2026-11-03T03:30:00Z'));
    const saved = await editNotice({ summary: `${before.summary} Diperbarui untuk jadwal retensi arsip yang baru.`, retention: 'Lima tahun sesudah permohonan selesai (Perwali JRA 2026), lalu dianonimkan.', version: 40, versionDate: '2020-01-01T00:00:00Z' });
    expect(saved.status).toBe(200);
    const now = (await notice().expect(200)).body.data;
    expect(now).toMatchObject({ version: 2, currentVersion: 2, versionDate: '2026-11-03T03:30:00.000Z' });
    expect(now.sections.find((section: { name: string }) => section.name === 'retention').text).toBe('Lima tahun sesudah permohonan selesai (Perwali JRA 2026), lalu dianonimkan.');

    const old = (await notice('?versi=1').expect(200)).body.data;
    expect(old).toMatchObject({ version: 1, currentVersion: 2, summary: before.summary });
    expect(old.sections).toEqual(before.sections);

    // Saving again without a change is no new version.
    await editNotice({ summary: now.summary }).expect(200);
    expect((await notice().expect(200)).body.data.version).toBe(2);
    expect(await app.strapi.db.query('api::privacy-notice-version.privacy-notice-version').count({})).toBe(2);
    clock.set(MONDAY_0900);
  });

  it('a form that showed version 1 before the edit still records 1; a request without one records the current version', async () => {
    const shownOld = await app.http.post('/api/public/inquiries').send(buildPublicInquiry({ privacyNoticeVersion: 1 })).expect(201);
    expect(await storedVersion(shownOld.body.data.code)).toBe(1);
    const plain = await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
    expect(await storedVersion(plain.body.data.code)).toBe(2);
  });

  it.each([
    [99, /Versi pemberitahuan pelindungan data pribadi tidak dikenal/],
    [0, /Versi pemberitahuan pelindungan data tidak dikenal/],
    ['2', /harus berupa angka/],
    [1.5, /bilangan bulat/],
  ])('refuses a shown version of %p with a clear 400 and writes nothing', async (version, message) => {
    const before = await countRows(app.strapi);
    const res = await app.http.post('/api/public/inquiries').send(buildPublicInquiry({ privacyNoticeVersion: version })).expect(400);
    expect(JSON.stringify(res.body.error)).toMatch(message);
    expect(await countRows(app.strapi)).toEqual(before);
  });

  it('answers an unknown or malformed version number with 404 or 400 in Indonesian', async () => {
    expect((await notice('?versi=7').expect(404)).body.error.message).toBe('Pemberitahuan versi 7 tidak ada.');
    expect((await notice('?versi=abc').expect(400)).body.error.message).toBe('Nomor versi harus berupa angka.');
  });

  it('no one changes or removes a kept version, not even through the admin panel', async () => {
    const admin = await signInAdmin(app, `it-privasi-${kind}@dinas.test`);
    const row = await app.strapi.db.query('api::privacy-notice-version.privacy-notice-version').findOne({ where: { version: 1 } });
    const uid = 'api::privacy-notice-version.privacy-notice-version';
    const put = await app.http.put(`/content-manager/collection-types/${uid}/${row.documentId}`).set(admin).send({ notice: { summary: 'diubah' } });
    expect(put.status).toBeGreaterThanOrEqual(400);
    const del = await app.http.delete(`/content-manager/collection-types/${uid}/${row.documentId}`).set(admin);
    expect(del.status).toBeGreaterThanOrEqual(400);
    expect((await notice('?versi=1').expect(200)).body.data.summary).not.toBe('diubah');
  });

  it('the e-mail receipt, the first message a citizen gets, links the notice', async () => {
    const email = `privasi.${kind}@contoh.id`;
    await app.http.post('/api/public/inquiries').send(buildPublicInquiry({ applicant: { name: 'Lina Marlina', email } })).expect(201);
    await drain(app, clock, { maxRounds: 50 });
    const mail = smtp.received.find((received) => received.envelope.rcptTo.some((rcpt) => rcpt.address === email));
    expect(mail?.raw.toString().replace(/=\r?\n/g, '')).toContain('https://layanan.example.go.id/privasi');
  });
});
