import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, buildPublicInquiry, countRows, createStaff, divisionId, type Staff } from '../helpers/builders';

const MEGABYTE = 'a'.repeat(1024 * 1024);
const withApplicant = (applicant: Record<string, unknown>) => buildPublicInquiry({ applicant: { name: 'Siti Aminah', ...applicant } });
const officerWith = (fields: Record<string, unknown>) => buildOfficerInquiry(fields);

type Target = 'public' | 'officer' | 'edit' | 'triage' | 'answer' | 'reject' | 'list' | 'track';

/** [what is wrong, where it goes, the body or query, the status, words the message must contain] */
const CASES: [string, Target, unknown, number, RegExp][] = [
  ['no envelope', 'public', { kind: 'information', subject: 'Syarat KTP', message: 'Apa syaratnya ya?' }, 400, /\{"data"/],
  ['data is a string', 'public', { data: 'halo' }, 400, /objek/],
  ['data is an array', 'public', { data: [1, 2] }, 400, /objek/],
  ['kind missing', 'public', buildPublicInquiry({ kind: undefined }), 400, /Jenis/],
  ['unknown kind', 'public', buildPublicInquiry({ kind: 'question' }), 400, /Jenis/],
  ['subject is a number', 'public', buildPublicInquiry({ subject: 42 }), 400, /Judul harus berupa teks/],
  ['subject missing', 'public', buildPublicInquiry({ subject: undefined }), 400, /Judul/],
  ['subject only spaces', 'public', buildPublicInquiry({ subject: '    ' }), 400, /Judul minimal/],
  ['message too short', 'public', buildPublicInquiry({ message: 'halo' }), 400, /Pesan minimal 10/],
  ['message of 1 MB', 'public', buildPublicInquiry({ message: MEGABYTE }), 413, /./],
  ['subject of 300 characters', 'public', buildPublicInquiry({ subject: 'a'.repeat(300) }), 400, /Judul maksimal 200/],
  ['script tag in the message', 'public', buildPublicInquiry({ message: 'Halo <script>alert(1)</script> admin' }), 400, /kode HTML/],
  ['image tag in the subject', 'public', buildPublicInquiry({ subject: '<img src=x onerror=alert(1)>' }), 400, /kode HTML/],
  ['unknown service category', 'public', buildPublicInquiry({ serviceCategory: 'paspor' }), 400, /Kategori layanan/],
  ['applicant missing', 'public', buildPublicInquiry({ applicant: undefined }), 400, /pemohon/i],
  ['applicant name missing', 'public', buildPublicInquiry({ applicant: { email: 'a@b.id' } }), 400, /Nama/],
  ['NIK of 15 digits', 'public', withApplicant({ nik: '357401120390000' }), 400, /NIK harus 16 digit/],
  ['NIK with letters', 'public', withApplicant({ nik: '35740112039000AB' }), 400, /NIK harus 16 digit/],
  ['NIK with a 32nd day', 'public', withApplicant({ nik: '3574013203900002' }), 400, /Tanggal lahir/],
  ['NIK with an unknown province', 'public', withApplicant({ nik: '9974011203900002' }), 400, /wilayah/],
  ['bad e-mail', 'public', withApplicant({ email: 'siti@' }), 400, /e-mail tidak valid/],
  ['bad phone', 'public', withApplicant({ phone: '12345' }), 400, /telepon tidak valid/],
  ['a phone with the letter O for a zero', 'public', withApplicant({ phone: '0812-3456-789O' }), 400, /hanya boleh berisi angka/],
  ['unknown applicant field', 'public', withApplicant({ address: 'Jl. Merdeka 1' }), 400, /tidak dikenal: address/],
  ['unknown field', 'public', buildPublicInquiry({ priority: 'urgent' }), 400, /tidak dikenal.*priority/],
  ['forged status', 'public', buildPublicInquiry({ status: 'answered' }), 400, /status/],
  ['forged receivedAt', 'public', buildPublicInquiry({ receivedAt: '2020-01-01T00:00:00Z' }), 400, /receivedAt/],
  ['forged code', 'public', buildPublicInquiry({ code: 'INF-2611-00001' }), 400, /code/],
  ['forged channel', 'public', buildPublicInquiry({ channel: 'walk_in' }), 400, /channel/],
  ['honeypot filled', 'public', buildPublicInquiry({ website: 'http://spam.example' }), 400, /tidak dapat diterima/],
  ['JSON that does not parse', 'public', '{"data": {"kind": ', 400, /./],
  ['officer: website is not an officer channel', 'officer', officerWith({ channel: 'website' }), 400, /Kanal/],
  ['officer: LAPOR! without its ticket number', 'officer', officerWith({ channel: 'lapor_sp4n' }), 400, /LAPOR/],
  ['officer: forged triagedAt', 'officer', officerWith({ triagedAt: '2026-11-03T02:00:00Z' }), 400, /triagedAt/],
  ['officer: forged division', 'officer', officerWith({ division: 'abc' }), 400, /division/],
  ['edit: status', 'edit', { data: { status: 'closed' } }, 400, /status/],
  ['edit: due time', 'edit', { data: { triageDueAt: '2030-01-01T00:00:00Z' } }, 400, /triageDueAt/],
  ['edit: nothing', 'edit', { data: {} }, 400, /Tidak ada isian/],
  ['triage without a division', 'triage', { data: {} }, 400, /bidang/i],
  ['triage to an unknown division', 'triage', { data: { division: 'tidak-ada' } }, 400, /Bidang tujuan tidak ditemukan/],
  ['answer without text', 'answer', { data: { answer: '' } }, 400, /Jawaban/],
  ['answer with an unknown FAQ entry', 'answer', { data: { answer: 'Jawaban lengkap.', faqEntry: 'tidak-ada' } }, 400, /FAQ/],
  ['reject without a reason', 'reject', { data: {} }, 400, /Alasan penolakan/],
  ['list with $or as an object', 'list', 'filters[$or][subject]=a&filters[$or][code]=b', 400, /harus berupa daftar/],
  ['track with a wrong token', 'track', 'wrong-token', 404, /tidak ditemukan/],
];

describe.each(databases())('malformed requests on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let officer: Staff;
  let inquiry: { documentId: string; code: string };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    officer = await createStaff(app, 'officer');
    const created = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry()).expect(201);
    inquiry = created.body.data;
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  function send(target: Target, payload: unknown) {
    const { http } = app;
    const id = inquiry.documentId;
    const json = (req: ReturnType<typeof http.post>) =>
      typeof payload === 'string' ? req.set('Content-Type', 'application/json').send(payload) : req.send(payload as object);
    switch (target) {
      case 'public':
        return json(http.post('/api/public/inquiries'));
      case 'officer':
        return json(http.post('/api/inquiries').set(officer.auth));
      case 'edit':
        return json(http.put(`/api/inquiries/${id}`).set(officer.auth));
      case 'list':
        return http.get(`/api/inquiries?${payload as string}`).set(officer.auth);
      case 'track':
        return http.get(`/api/public/track/${inquiry.code}?token=${payload as string}`);
      default:
        return json(http.post(`/api/inquiries/${id}/${target}`).set(officer.auth));
    }
  }

  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('%s → %#: a clear 4xx, nothing written', async (_what, target, payload, status, message) => {
    const before = await countRows(app.strapi);
    const stored = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId: inquiry.documentId } });
    const res = await send(target, payload);
    expect(res.status).toBe(status);
    expect(res.body.error?.message ?? '').toMatch(message);
    expect(await countRows(app.strapi)).toEqual(before);
    const after = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId: inquiry.documentId } });
    expect(after).toEqual(stored);
  });

  it('a method an address does not take is a 405 with a message, and deletes nothing', async () => {
    const before = await countRows(app.strapi);
    for (const res of [await app.http.delete('/api/inquiries/').set(officer.auth), await app.http.patch(`/api/inquiries/${inquiry.documentId}`).set(officer.auth).send({ data: {} })]) {
      expect(res.status).toBe(405);
      expect(res.body.error).toMatchObject({ status: 405, name: 'MethodNotAllowedError' });
      expect(res.body.error.message).toMatch(/tidak tersedia/);
    }
    expect(await countRows(app.strapi)).toEqual(before);
  });

  it('a valid triage after all that still works: the refusals left no half-written state', async () => {
    await app.http
      .post(`/api/inquiries/${inquiry.documentId}/triage`)
      .set(officer.auth)
      .send({ data: { division: await divisionId(app.strapi, 'DAFDUK') } })
      .expect(200);
  });
});
