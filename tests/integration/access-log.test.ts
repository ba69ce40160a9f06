import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, createStaff, type Staff } from '../helpers/builders';
import { signInAdmin } from '../helpers/admin';
import { virtualClock } from '../helpers/telegram';

const LOG = 'api::access-log.access-log';
/** Monday 2 November 2026, 09:00 WIB. */
const MONDAY_0900 = new Date('2026-11-02T02:00:00Z');
const NIK = '3574015508910003';
const PHONE = '+6281377001122';

describe.each(databases())('the record of who saw a citizen’s data (UU 27/2022 Pasal 31) on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let officer: Staff;
  let leadership: Staff;
  let dpo: Staff;
  let clock: ReturnType<typeof virtualClock>;
  let request: { documentId: string; code: string };

  const nameOf = async (who: Staff) => ((await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: who.id } })) as { fullName: string }).fullName;
  const rows = async () => {
    await app.strapi.plugin('sop-workflow').service('accessLog').flush();
    return (await app.strapi.db.query(LOG).findMany({ orderBy: { id: 'asc' } })) as { at: string; userId: number; userName: string; role: string; inquiryCode: string | null; kind: string; detail: string | null; ip: string | null }[];
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    clock = virtualClock(app, MONDAY_0900);
    officer = await createStaff(app, 'officer');
    leadership = await createStaff(app, 'leadership');
    dpo = await createStaff(app, 'data_protection_officer');
    const created = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ applicant: { name: 'Wulan Sari', nik: NIK, phone: PHONE } })).expect(201);
    request = { documentId: created.body.data.documentId, code: created.body.data.code };
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('an officer opening the request page is one row: who, when, which request, what, from where', async () => {
    const before = (await rows()).length;
    clock.set(new Date('2026-11-02T02:15:00Z'));
    const res = await app.http.get(`/api/inquiries/${request.documentId}`).set(officer.auth).expect(200);
    expect(res.body.data.applicant.nik).toBe(NIK);
    const added = (await rows()).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ userId: officer.id, userName: await nameOf(officer), role: 'officer', inquiryCode: request.code, kind: 'request', detail: null });
    expect(new Date(added[0].at).toISOString()).toBe('2026-11-02T02:15:00.000Z');
    expect(added[0].ip).toMatch(/127\.0\.0\.1/);

    // The page fetching it again while it opens is the same showing; a minute later it is a new one.
    clock.set(new Date('2026-11-02T02:15:40Z'));
    await app.http.get(`/api/inquiries/${request.documentId}`).set(officer.auth).expect(200);
    expect(await rows()).toHaveLength(before + 1);
    clock.set(new Date('2026-11-02T02:16:01Z'));
    await app.http.get(`/api/inquiries/${request.documentId}`).set(officer.auth).expect(200);
    expect(await rows()).toHaveLength(before + 2);
  });

  it('lists, the board and a search by name show masked data and record nothing; a search by whole NIK or phone is recorded', async () => {
    const before = (await rows()).length;
    await app.http.get('/api/inquiries?pagination[pageSize]=50').set(officer.auth).expect(200);
    await app.http.get('/api/inquiries?q=Wulan').set(officer.auth).expect(200);
    expect(await rows()).toHaveLength(before);

    const byNik = await app.http.get(`/api/inquiries?q=${NIK}`).set(officer.auth).expect(200);
    expect(byNik.body.data.map((row: { code: string }) => row.code)).toEqual([request.code]);
    await app.http.get('/api/inquiries?q=0813-7700-1122').set(leadership.auth).expect(200);
    // A number no request has: a search, but nobody's data was shown.
    await app.http.get('/api/inquiries?q=3574010101010001').set(officer.auth).expect(200);
    const added = (await rows()).slice(before);
    expect(added.map((row) => [row.role, row.inquiryCode, row.kind])).toEqual([
      ['officer', request.code, 'search_nik'],
      ['leadership', request.code, 'search_phone'],
    ]);
    for (const row of added) expect(JSON.stringify(row)).not.toMatch(/3574015508910003|81377001122/);
  });

  it('leadership and the Petugas Pelindungan Data read it newest first, filtered by day (WIB), staff, code and kind', async () => {
    // 06.30 WIB on 3 November is still 2 November in UTC: the row belongs to 3 November.
    clock.set(new Date('2026-11-02T23:30:00Z'));
    await app.http.get(`/api/inquiries/${request.documentId}`).set(leadership.auth).expect(200);
    const day = await app.http.get('/api/access-logs?from=2026-11-03&to=2026-11-03').set(dpo.auth).expect(200);
    expect(day.body.data.map((row: { role: string; kind: string }) => [row.role, row.kind])).toEqual([['leadership', 'request']]);
    expect(day.body.meta.pagination).toMatchObject({ page: 1, total: 1 });

    const searches = await app.http.get('/api/access-logs?kind=search_nik').set(leadership.auth).expect(200);
    expect(searches.body.data.every((row: { kind: string }) => row.kind === 'search_nik')).toBe(true);
    expect(searches.body.data.length).toBeGreaterThan(0);
    const byName = await app.http.get(`/api/access-logs?user=leadership&code=${request.code}`).set(dpo.auth).expect(200);
    expect(byName.body.data.map((row: { kind: string }) => row.kind)).toEqual(['request', 'search_phone']);
    const all = await app.http.get('/api/access-logs?pageSize=2&page=1').set(dpo.auth).expect(200);
    expect(all.body.data).toHaveLength(2);
    expect(new Date(all.body.data[0].at).getTime()).toBeGreaterThanOrEqual(new Date(all.body.data[1].at).getTime());
  });

  it('the CSV export names each row in words, in WIB, with the staff member’s network but not their machine', async () => {
    const res = await app.http.get('/api/access-logs/export?from=2026-11-03&to=2026-11-03').set(dpo.auth).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('catatan-akses-data-pribadi-2026-11-03-2026-11-03.csv');
    const lines = res.text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Waktu (WIB);Petugas;Peran;Kode permohonan;Yang dibuka;Keterangan;Alamat jaringan');
    expect(lines.slice(1)).toEqual([`2026-11-03 06.30.00;${await nameOf(leadership)};Pimpinan;${request.code};Halaman permohonan (data pemohon utuh);;127.0.0.x`]);
  });

  it('refuses a malformed filter with a clear 400', async () => {
    for (const [query, message] of [
      ['from=2026-13-45', 'Tanggal awal harus berbentuk TTTT-BB-HH, misalnya 2026-12-01.'],
      ['from=2026-11-05&to=2026-11-01', 'Tanggal akhir tidak boleh sebelum tanggal awal.'],
      ['kind=semua', 'Jenis akses tidak dikenal. Pilihan: request, attachment, search_nik, search_phone, export.'],
      ['pageSize=1000', 'Jumlah per halaman harus bilangan bulat 1 sampai 100.'],
    ]) {
      const res = await app.http.get(`/api/access-logs?${query}`).set(leadership.auth).expect(400);
      expect([query, res.body.error.message]).toEqual([query, message]);
    }
  });

  it('the Petugas Pelindungan Data reads the log, not the requests; officers cannot read the log', async () => {
    await app.http.get(`/api/inquiries/${request.documentId}`).set(dpo.auth).expect(403);
    await app.http.get('/api/inquiries').set(dpo.auth).expect(403);
    await app.http.get('/api/access-logs').set(officer.auth).expect(403);
  });

  it('is append-only: not even the admin panel changes or removes a row', async () => {
    const admin = await signInAdmin(app, `it-akses-${kind}@dinas.test`);
    await app.strapi.plugin('sop-workflow').service('accessLog').flush();
    const row = (await app.strapi.db.query(LOG).findOne({ where: { kind: 'request' } })) as { id: number; documentId: string | null; userName: string };
    const create = await app.http.post(`/content-manager/collection-types/${LOG}`).set(admin).send({ at: '2026-11-02T00:00:00Z', kind: 'request', userName: 'palsu' });
    expect(create.status).toBeGreaterThanOrEqual(400);
    if (row.documentId) {
      expect((await app.http.put(`/content-manager/collection-types/${LOG}/${row.documentId}`).set(admin).send({ userName: 'diubah' })).status).toBeGreaterThanOrEqual(400);
      expect((await app.http.delete(`/content-manager/collection-types/${LOG}/${row.documentId}`).set(admin)).status).toBeGreaterThanOrEqual(400);
    }
    expect(((await app.strapi.db.query(LOG).findOne({ where: { id: row.id } })) as { userName: string }).userName).toBe(row.userName);
    expect(await app.strapi.db.query(LOG).count({ where: { userName: 'palsu' } })).toBe(0);
  });
});
