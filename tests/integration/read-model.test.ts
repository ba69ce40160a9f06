import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, buildPublicInquiry, countRows, createStaff, divisionId, type Staff } from '../helpers/builders';

const FAQ = 'api::faq-entry.faq-entry';

/** A request routed to Pencatatan Sipil, by a citizen who typed their own NIK and phone number into it. */
const CAPIL_APPLICANT = { name: 'Rina Kartika', nik: '3574016604792400', phone: '+6281210732253', email: 'rina.kartika@contoh.id' };
const OWN_WORDS = 'Tanya akta: NIK saya 3574015609641588 dan HP 081210821423, alamat jl. mawar no. 5 rt 02 rw 03';

describe.each(databases())('the read model of the API on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let officer: Staff;
  let dafduk: Staff;
  let capilInquiry: { documentId: string; code: string };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    officer = await createStaff(app, 'officer');
    dafduk = await createStaff(app, 'division_staff', 'DAFDUK');
    const created = await app.http
      .post('/api/inquiries')
      .set(officer.auth)
      .send(buildOfficerInquiry({ applicant: CAPIL_APPLICANT, subject: 'Akta kelahiran anak', message: OWN_WORDS }))
      .expect(201);
    capilInquiry = created.body.data;
    await app.http.post(`/api/inquiries/${capilInquiry.documentId}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, 'CAPIL') } }).expect(200);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  const secrets = () => [CAPIL_APPLICANT.nik, CAPIL_APPLICANT.phone, CAPIL_APPLICANT.email, capilInquiry.code, '3574015609641588', '081210821423'];

  describe('division staff cannot reach another Bidang’s requests through relations', () => {
    it.each([
      '/api/divisions?populate[inquiries][populate]=applicant&filters[code][$eq]=CAPIL',
      '/api/faq-entries?populate[division][populate][inquiries][populate]=applicant',
      '/api/users/me?populate[division][populate][inquiries][populate]=applicant',
      '/api/inquiries?populate[division][populate][inquiries][populate]=applicant',
      '/api/divisions?filters[inquiries][applicant][nik][$startsWith]=3574',
      '/api/divisions?sort=inquiries.code:asc',
    ])('%s is refused with a 400 that names the relation', async (url) => {
      const res = await app.http.get(url).set(dafduk.auth);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/relasi "inquiries" tidak dapat dibaca/);
      for (const secret of secrets()) expect(res.text).not.toContain(secret);
    });

    it('asking for every relation with populate=* brings only what may be read', async () => {
      const res = await app.http.get('/api/divisions?populate=*').set(dafduk.auth).expect(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      for (const division of res.body.data) expect(division).not.toHaveProperty('inquiries');
      for (const secret of secrets()) expect(res.text).not.toContain(secret);
    });

    it('a deep populate on the FAQ stays small, whatever the number of routed requests', async () => {
      const res = await app.http.get('/api/faq-entries?populate[division][populate]=*&pagination[pageSize]=100').set(dafduk.auth).expect(200);
      for (const entry of res.body.data) expect(Object.keys(entry.division ?? {})).not.toContain('inquiries');
      expect(res.text.length).toBeLessThan(200_000);
    });
  });

  it('a staff list masks what the citizen typed about themselves; the detail view keeps it whole', async () => {
    const list = await app.http.get(`/api/inquiries?filters[documentId][$eq]=${capilInquiry.documentId}`).set(officer.auth).expect(200);
    const [row] = list.body.data;
    expect(row.message).not.toContain('3574015609641588');
    expect(row.message).not.toContain('081210821423');
    expect(row.message).not.toMatch(/mawar/i);
    expect(row.message).toMatch(/^Tanya akta: NIK saya 357401\*+88/);
    const detail = await app.http.get(`/api/inquiries/${capilInquiry.documentId}`).set(officer.auth).expect(200);
    expect(detail.body.data.message).toBe(OWN_WORDS);
  });

  describe('a NUL byte is refused with a 400, not stored or compared', () => {
    it.each([
      ['a tracking code', 'get', '/api/public/track/%00?token=x', undefined],
      ['an inquiry id', 'get', '/api/inquiries/%00', undefined],
      ['a filter value', 'get', '/api/inquiries?filters[code][$eq]=INF%00', undefined],
      ['an applicant name', 'post', '/api/public/inquiries', buildPublicInquiry({ applicant: { name: 'Siti\u0000Aminah' } })],
      ['a survey code', 'post', '/api/public/surveys', { data: { code: 'INF\u0000', token: 'x', scores: {} } }],
    ] as const)('in %s', async (_label, method, url, body) => {
      const before = await countRows(app.strapi);
      const req = app.http[method](url).set(officer.auth);
      const res = body ? await req.send(body) : await req;
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/karakter yang tidak diizinkan/);
      expect(await countRows(app.strapi)).toEqual(before);
    });
  });

  describe('a malformed query is the client’s mistake: 400 with the parameter named', () => {
    it.each([
      ['an id that is not a number', 'filters[id][$eq]=abc', /filters\[id\]\[\$eq\].*angka/],
      ['an id beyond any number', 'filters[id][$gt]=1e400', /angka/],
      ['a list with a word among ids', 'filters[id][$in][0]=1&filters[id][$in][1]=abc', /angka/],
      ['$not given a value', 'filters[$not]=1', /objek/],
      ['an operator inside an operator', 'filters[code][$eq][$eq]=x', /teks atau angka/],
      ['a filter by position', 'filters[0]=x', /filters/],
      ['an empty filter name', 'filters[]=1', /filters/],
      ['filters as a word', 'filters=1', /objek/],
      ['a page start beyond any page', 'pagination[start]=1e20', /bilangan bulat/],
      ['a text operator on a date', 'filters[receivedAt][$containsi]=2026', /operator teks/],
      ['a private field', 'filters[trackingTokenHash][$startsWith]=a', /tidak dikenal/],
      ['$or as an object', 'filters[$or][subject]=a&filters[$or][code]=b', /harus berupa daftar/],
      ['a field named after the object prototype', 'fields=__proto__', /tidak dikenal/],
      ['a field named after the constructor', 'fields[0]=constructor', /tidak dikenal/],
      ['a sort by the constructor', 'sort=constructor', /tidak dikenal/],
    ])('%s', async (_label, query, message) => {
      for (const who of [officer, dafduk]) {
        const res = await app.http.get(`/api/inquiries?${query}`).set(who.auth);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
      }
    });

    it('a cut-off multipart body on the public form', async () => {
      const res = await app.http
        .post('/api/public/inquiries')
        .set('Content-Type', 'multipart/form-data; boundary=----x')
        .send('------x\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"kind":');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/tidak dapat dibaca/);
    });

    it('the browser’s own favicon request', async () => {
      const res = await app.http.get('/favicon.ico');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/image/);
    });

    it.each(['/favicon.ico', '/robots.txt', '/apple-touch-icon.png', '/apple-touch-icon-precomposed.png', '/manifest.json', '/site.webmanifest', '/browserconfig.xml'])(
      'what a browser or a crawler asks for by itself: %s',
      async (path) => {
        const res = await app.http.get(path);
        expect(res.status).toBeLessThan(500);
      },
    );
  });

  it('an FAQ entry never published stays out of public reads, whatever the query asks', async () => {
    await app.strapi.documents(FAQ).create({ data: { question: 'Draf: syarat pindah datang 2027', answer: 'Belum final.', serviceCategory: 'pindah_datang' } as never });
    for (const query of ['status=draft', 'hasPublishedVersion=false&status=draft', '']) {
      const list = await app.http.get(`/api/faq-entries?${query}&pagination[pageSize]=100`).expect(200);
      expect(list.text).not.toContain('Draf: syarat pindah datang 2027');
    }
  });
});
