import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, createStaff, divisionId, type Staff } from '../helpers/builders';

const SITI = { name: 'Siti Nurhaliza', nik: '3574014501900003', phone: '+6281234560011' };
const ANDRE = { name: 'Andrè Wijaya', nik: '3574010203880001', phone: '+6285712340022' };
/** A citizen who typed someone else's NIK into the message: the list shows it masked. */
const TYPED_NIK = '3574016604792400';

describe.each(databases())('the officer finds a request by the citizen on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let officer: Staff;
  let dafduk: Staff;
  let siti: { documentId: string; code: string };
  let andre: { documentId: string; code: string };
  let typed: { documentId: string; code: string };

  async function record(applicant: Record<string, string>, overrides: Record<string, unknown> = {}) {
    const res = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ applicant, ...overrides })).expect(201);
    return res.body.data as { documentId: string; code: string };
  }

  async function codesFound(q: string, who: Staff = officer): Promise<string[]> {
    const res = await app.http.get('/api/inquiries').query({ q, 'fields[0]': 'code' }).set(who.auth).expect(200);
    return (res.body.data as { code: string }[]).map((row) => row.code).sort();
  }

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    officer = await createStaff(app, 'officer');
    dafduk = await createStaff(app, 'division_staff', 'DAFDUK');
    siti = await record(SITI, { subject: 'KTP-el hilang', message: 'Pemohon kehilangan KTP-el di pasar.' });
    andre = await record(ANDRE, { subject: 'Akta kelahiran anak', message: 'Menanyakan syarat akta kelahiran.' });
    typed = await record({ name: 'Rina Kartika' }, { subject: 'Kartu keluarga', message: `Tolong cek NIK ${TYPED_NIK} milik ibu saya.` });
    await app.http.post(`/api/inquiries/${siti.documentId}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, 'DAFDUK') } }).expect(200);
    await app.http.post(`/api/inquiries/${andre.documentId}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, 'CAPIL') } }).expect(200);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it.each([
    ['the full name', 'Siti Nurhaliza'],
    ['part of the name', 'nurhal'],
    ['the name in capitals', 'SITI NURHALIZA'],
    ['the name with an accent the citizen did not write', 'Sití Nurhalizá'],
    ['the phone as a local number', '081234560011'],
    ['the phone with separators', '0812-3456-0011'],
    ['the phone in brackets and spaces', '(0812) 3456 0011'],
    ['the phone with +62', '+6281234560011'],
    ['the phone with +62 and spaces', '+62 812 3456 0011'],
    ['the whole NIK', SITI.nik],
    ['the whole NIK with spaces', '3574 0145 0190 0003'],
    ['a word of the subject', 'ktp-el hilang'],
    ['a word of the message', 'PASAR'],
  ])('by %s', async (_, q) => {
    expect(await codesFound(q)).toEqual([siti.code]);
  });

  it.each([
    ['without the accent the citizen wrote', 'andre'],
    ['with it', 'ANDRÈ'],
    ['with another accent', 'André Wijaya'],
  ])('by a name %s', async (_, q) => {
    expect(await codesFound(q)).toEqual([andre.code]);
  });

  it('by the code, whole or its number alone', async () => {
    expect(await codesFound(siti.code.toLowerCase())).toEqual([siti.code]);
    expect(await codesFound(siti.code.slice(-5))).toEqual([siti.code]);
  });

  it.each([
    ['the first ten digits of a NIK', SITI.nik.slice(0, 10)],
    ['a NIK without its last digit', SITI.nik.slice(0, 15)],
    ['the middle of a phone number', '34560011'],
    ['the first digits of a phone number', '0812345'],
    ['a NIK typed in a message, in part', TYPED_NIK.slice(0, 8)],
    ['a NIK typed in a message, among words', `NIK ${TYPED_NIK.slice(0, 10)}`],
  ])('never by %s', async (_, q) => {
    expect(await codesFound(q)).toEqual([]);
  });

  it('finds only within the caller’s Bidang', async () => {
    expect(await codesFound('Siti', dafduk)).toEqual([siti.code]);
    expect(await codesFound('andre', dafduk)).toEqual([]);
    expect(await codesFound(ANDRE.phone, dafduk)).toEqual([]);
    expect(await codesFound(ANDRE.nik, dafduk)).toEqual([]);
  });

  it('combines the search with the list’s filters', async () => {
    const res = await app.http.get('/api/inquiries').query({ q: 'a', 'filters[status][$eq]': 'received', 'fields[0]': 'code' }).set(officer.auth).expect(200);
    expect(res.body.data.map((row: { code: string }) => row.code)).toEqual([typed.code]);
    expect(res.body.meta.pagination.total).toBe(1);
  });

  it('answers the list masked, without the name as the search compares it', async () => {
    const res = await app.http.get('/api/inquiries').query({ q: 'Siti Nurhaliza', populate: 'applicant' }).set(officer.auth).expect(200);
    const [row] = res.body.data;
    expect(row.applicant.name).toBe('S*** N********');
    expect(row.applicant).not.toHaveProperty('nameKey');
    expect(res.text).not.toContain(SITI.nik);
    expect(res.text).not.toContain(SITI.phone);
    expect(res.text.toLowerCase()).not.toContain('siti nurhaliza');
  });

  it('refuses a search longer than a name or a number with a 400 in Indonesian', async () => {
    const res = await app.http.get('/api/inquiries').query({ q: 'a'.repeat(101) }).set(officer.auth);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Kata pencarian maksimal 100 karakter.');
  });

  describe('a list that shows personal data masked cannot be made to spell it out', () => {
    it.each([
      ['a NIK’s first digits', 'filters[applicant][nik][$startsWith]=3574'],
      ['a phone number’s middle', 'filters[applicant][phone][$containsi]=3456'],
      ['a range of NIKs', 'filters[applicant][nik][$gt]=3574000000000000'],
      ['a list of guesses', 'filters[applicant][nik][$in][0]=3574014501900003&filters[applicant][nik][$in][1]=3574014501900004'],
      ['an e-mail’s start', 'filters[applicant][email][$startsWithi]=s'],
      ['the name as the search compares it', 'filters[applicant][nameKey][$containsi]=siti'],
      ['the order of NIKs', 'sort=applicant.nik:asc'],
      ['a NIK typed in a message', `filters[message][$containsi]=${TYPED_NIK.slice(0, 8)}`],
      ['the note’s start', 'filters[notes][$startsWith]=a'],
      ['the order of messages', 'sort=message:asc'],
      ['Strapi’s own search over the masked texts', `_q=${TYPED_NIK.slice(0, 8)}`],
    ])('%s is refused with a 400', async (_, query) => {
      const res = await app.http.get(`/api/inquiries?${query}`).set(officer.auth);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/data pribadi|tidak dikenal|parameter q/);
      expect(res.text).not.toContain(siti.code);
      expect(res.text).not.toContain(typed.code);
    });

    it('a whole NIK or phone number may still be named', async () => {
      const res = await app.http.get(`/api/inquiries?filters[applicant][nik][$eq]=${SITI.nik}&fields[0]=code`).set(officer.auth).expect(200);
      expect(res.body.data.map((row: { code: string }) => row.code)).toEqual([siti.code]);
    });
  });
});
