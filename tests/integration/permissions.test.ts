import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'qs';
import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, buildPublicInquiry, createStaff, divisionId, type Staff } from '../helpers/builders';
import { FakeTelegram } from '../helpers/fake-telegram';

type Who = 'public' | 'officer' | 'division_staff' | 'leadership' | 'data_protection_officer';
const ALL: Who[] = ['public', 'officer', 'division_staff', 'leadership', 'data_protection_officer'];
/** The staff who handle or oversee the requests themselves. */
const STAFF: Who[] = ['officer', 'division_staff', 'leadership'];
/** Every signed-in account, the Petugas Pelindungan Data too (who reads the access log, not the requests). */
const SIGNED_IN: Who[] = [...STAFF, 'data_protection_officer'];
/** Who reads the record of who saw a citizen's data (UU 27/2022 Pasal 31, 53). */
const ACCESS_LOG: Who[] = ['leadership', 'data_protection_officer'];

interface Route {
  name: string;
  method: 'get' | 'post' | 'put' | 'delete';
  path: (ids: Ids) => string;
  body?: (ids: Ids) => object;
  allowed: Who[];
}

interface Ids {
  inquiry: string;
  notification: string;
  division: string;
  code: string;
  token: string;
}

/** DESIGN §6–7: who may call what. Everything not allowed must be refused with 401 or 403. */
const MATRIX: Route[] = [
  { name: 'submit a public request', method: 'post', path: () => '/api/public/inquiries', body: () => buildPublicInquiry(), allowed: ['public'] },
  { name: 'track a request', method: 'get', path: (i) => `/api/public/track/${i.code}?token=${i.token}`, allowed: ['public'] },
  { name: 'have a lost tracking link sent again', method: 'post', path: (i) => `/api/public/track/${i.code}/resend`, allowed: ['public'] },
  { name: 'open a request by the last digits of its phone', method: 'post', path: (i) => `/api/public/track/${i.code}/verify`, body: () => ({ data: { contact: '7890' } }), allowed: ['public'] },
  { name: 'read the Dinas’s public profile (names, address, contacts)', method: 'get', path: () => '/api/public/office', allowed: ALL },
  { name: 'check an issued Rekap PDF by the code printed under its QR', method: 'get', path: () => '/api/public/documents/ABCDEFGHJK', allowed: ALL },
  { name: 'read the SOP’s performance (counts, shares, medians)', method: 'get', path: () => '/api/public/performance', allowed: ALL },
  { name: 'read the Standar Pelayanan and Maklumat Pelayanan', method: 'get', path: () => '/api/public/service-standard', allowed: ALL },
  { name: 'read the FAQ', method: 'get', path: () => '/api/faq-entries', allowed: ALL },
  { name: 'search the FAQ', method: 'get', path: () => '/api/faq-entries?q=akte%20kelahiran', allowed: ALL },
  { name: 'ask the search for the Bidang of a request', method: 'get', path: () => '/api/search/division-suggestion?q=akte%20kelahiran', allowed: ['officer'] },
  { name: 'preview an FAQ draft from its link', method: 'get', path: () => '/api/faq-preview/unknown?token=none', allowed: ['public'] },
  { name: 'list divisions', method: 'get', path: () => '/api/divisions', allowed: STAFF },
  { name: 'list holidays', method: 'get', path: () => '/api/holidays', allowed: STAFF },
  { name: 'see whether next year’s holidays are in', method: 'get', path: () => '/api/holidays/outlook', allowed: ALL },
  { name: 'read the SOP policy', method: 'get', path: () => '/api/sop-policy', allowed: STAFF },
  { name: 'list inquiries', method: 'get', path: () => '/api/inquiries', allowed: STAFF },
  { name: 'read an inquiry', method: 'get', path: (i) => `/api/inquiries/${i.inquiry}`, allowed: STAFF },
  { name: 'read its timeline', method: 'get', path: (i) => `/api/inquiries/${i.inquiry}/events`, allowed: STAFF },
  { name: 'print a receipt (Tanda Terima) with its tracking key', method: 'post', path: (i) => `/api/inquiries/${i.inquiry}/receipt`, allowed: ['officer'] },
  { name: 'record an intake', method: 'post', path: () => '/api/inquiries', body: () => buildOfficerInquiry(), allowed: ['officer'] },
  { name: 'edit descriptive fields', method: 'put', path: (i) => `/api/inquiries/${i.inquiry}`, body: () => ({ data: { notes: 'catatan' } }), allowed: ['officer'] },
  { name: 'triage', method: 'post', path: (i) => `/api/inquiries/${i.inquiry}/triage`, body: (i) => ({ data: { division: i.division } }), allowed: ['officer'] },
  { name: 'coordinate', method: 'post', path: (i) => `/api/inquiries/${i.inquiry}/coordinate`, body: () => ({ data: { information: 'Informasi bidang.' } }), allowed: ['officer', 'division_staff'] },
  { name: 'answer', method: 'post', path: (i) => `/api/inquiries/${i.inquiry}/answer`, body: () => ({ data: { answer: 'Jawaban petugas.' } }), allowed: ['officer'] },
  { name: 'close', method: 'post', path: (i) => `/api/inquiries/${i.inquiry}/close`, body: () => ({ data: {} }), allowed: ['officer'] },
  { name: 'reject', method: 'post', path: (i) => `/api/inquiries/${i.inquiry}/reject`, body: () => ({ data: { reason: 'Spam' } }), allowed: ['officer'] },
  { name: 'read the Rekap Informasi', method: 'get', path: () => '/api/recap?from=2026-01-01&to=2026-01-31', allowed: ['officer', 'leadership'] },
  { name: 'download the Rekap Informasi', method: 'get', path: () => '/api/recap/export?from=2026-01-01&to=2026-01-31&format=csv', allowed: ['officer', 'leadership'] },
  { name: 'read the IKM', method: 'get', path: () => '/api/surveys/ikm?from=2026-01-01&to=2026-12-31', allowed: ['officer', 'leadership'] },
  { name: 'rate an answered request (SKM)', method: 'post', path: () => '/api/public/surveys', body: (i) => ({ data: { code: i.code, token: i.token, scores: { U1: 4, U2: 4, U3: 4, U4: 4, U5: 4, U6: 4, U7: 4, U8: 4, U9: 4 } } }), allowed: ['public'] },
  { name: 'who am I', method: 'get', path: () => '/api/users/me', allowed: SIGNED_IN },
  { name: 'my role and Bidang', method: 'get', path: () => '/api/me', allowed: SIGNED_IN },
  { name: 'ask for a Telegram link code', method: 'post', path: () => '/api/telegram/link-code', allowed: SIGNED_IN },
  { name: 'read my Telegram link', method: 'get', path: () => '/api/telegram/link', allowed: SIGNED_IN },
  { name: 'unlink my Telegram chat', method: 'delete', path: () => '/api/telegram/link', allowed: SIGNED_IN },
  { name: 'list failed notifications', method: 'get', path: () => '/api/notifications/failed', allowed: ['officer'] },
  { name: 'send a failed notification again', method: 'post', path: (i) => `/api/notifications/${i.notification}/retry`, allowed: ['officer'] },
  { name: 'read the conversation', method: 'get', path: (i) => `/api/channels/inquiries/${i.inquiry}/messages`, allowed: STAFF },
  { name: 'open a citizen’s file in the conversation', method: 'get', path: (i) => `/api/channels/inquiries/${i.inquiry}/messages/unknown/attachments/0`, allowed: ['officer', 'division_staff'] },
  { name: 'see where the answer goes', method: 'get', path: (i) => `/api/channels/inquiries/${i.inquiry}/delivery`, allowed: STAFF },
  { name: 'see the citizen’s other requests (contact)', method: 'get', path: (i) => `/api/channels/inquiries/${i.inquiry}/contact`, allowed: ['officer'] },
  { name: 'message the citizen', method: 'post', path: (i) => `/api/channels/inquiries/${i.inquiry}/messages`, body: () => ({ data: { text: 'Mohon lengkapi NIK.' } }), allowed: ['officer'] },
  { name: 'send the receipt to the citizen', method: 'post', path: (i) => `/api/channels/inquiries/${i.inquiry}/receipt`, body: (i) => ({ data: { token: i.token } }), allowed: ['officer'] },
  { name: 'read a pasted LAPOR! report', method: 'post', path: () => '/api/channels/lapor/parse', body: () => ({ data: { text: 'Tracking ID: 4123567\nIsi Laporan: KTP-el belum jadi.' } }), allowed: ['officer'] },
  { name: 'preview a file of LAPOR! reports', method: 'post', path: () => '/api/channels/lapor/import/preview', body: () => ({ data: {} }), allowed: ['officer'] },
  { name: 'record the status LAPOR! shows', method: 'put', path: (i) => `/api/channels/lapor/inquiries/${i.inquiry}/status`, body: () => ({ data: { status: 'selesai' } }), allowed: ['officer'] },
  { name: 'import a file of LAPOR! reports', method: 'post', path: () => '/api/channels/lapor/import', body: () => ({ data: {} }), allowed: ['officer'] },
  { name: 'confirm the answer was delivered', method: 'post', path: (i) => `/api/inquiries/${i.inquiry}/delivered`, body: () => ({ data: { how: 'Melalui telepon' } }), allowed: ['officer'] },
  { name: 'sign in', method: 'post', path: () => '/api/auth/local', body: () => ({ identifier: 'bukan.pegawai@contoh.id', password: 'salah' }), allowed: ['public'] },
  { name: 'ask for a password reset', method: 'post', path: () => '/api/auth/forgot-password', body: () => ({ email: 'bukan.pegawai@contoh.id' }), allowed: ['public'] },
  { name: 'set a new password with the mailed code', method: 'post', path: () => '/api/auth/reset-password', body: () => ({ code: 'salah', password: 'Sandi-Baru-2026!', passwordConfirmation: 'Sandi-Baru-2026!' }), allowed: ['public'] },
  { name: 'change my password', method: 'post', path: () => '/api/auth/change-password', body: () => ({ currentPassword: 'salah', password: 'Sandi-Baru-2026!', passwordConfirmation: 'Sandi-Baru-2026!' }), allowed: SIGNED_IN },
  { name: 'see whether the server is up (monitors)', method: 'get', path: () => '/api/health', allowed: ALL },
  { name: 'see how the server is, part by part', method: 'get', path: () => '/api/health/details', allowed: ['officer', 'leadership'] },
  { name: 'read the privacy notice, current or by version', method: 'get', path: () => '/api/public/privacy-notice?versi=1', allowed: ALL },
  { name: 'read who saw which citizen’s data (access log)', method: 'get', path: () => '/api/access-logs?from=2026-01-01&to=2026-12-31', allowed: ACCESS_LOG },
  { name: 'download the access log as CSV', method: 'get', path: () => '/api/access-logs/export?from=2026-01-01&to=2026-12-31', allowed: ACCESS_LOG },
  { name: 'list users', method: 'get', path: () => '/api/users', allowed: [] },
  // The admin panel's own routes (an admin's session, never a staff member's token).
  { name: 'download the staff CSV template', method: 'get', path: () => '/users-permissions/staff-import/template', allowed: [] },
  { name: 'preview a CSV of staff accounts', method: 'post', path: () => '/users-permissions/staff-import/preview', body: () => ({ csv: 'nama;email;peran;bidang\nA;a@contoh.id;petugas;\n' }), allowed: [] },
  { name: 'import a CSV of staff accounts', method: 'post', path: () => '/users-permissions/staff-import', body: () => ({ csv: 'nama;email;peran;bidang\nA;a@contoh.id;petugas;\n' }), allowed: [] },
  { name: 'invite a staff member again', method: 'post', path: () => '/users-permissions/staff/unknown/invitation', allowed: [] },
  { name: 'sign up', method: 'post', path: () => '/api/auth/local/register', body: () => ({ username: 'x', email: 'x@x.id', password: 'Rahasia-2026!' }), allowed: [] },
];

/** An applicant of Pencatatan Sipil, whose data no Pendaftaran Penduduk staff and no list may show whole. */
const THEIR_APPLICANT = { name: 'Rina Kartika', nik: '3574016604792400', phone: '+6281210732253', email: 'rina.kartika@contoh.id' };

/** Routes that do not exist for anyone: no deleting requests, no reading the outbox or the raw audit log. */
const ABSENT = [
  ['delete', (i: Ids) => `/api/inquiries/${i.inquiry}`],
  ['get', () => '/api/notifications'],
  ['get', () => '/api/inquiry-events'],
  ['post', () => '/api/divisions'],
  ['put', () => '/api/sop-policy'],
  ['get', () => '/api/survey-responses'],
  ['post', () => '/api/survey-responses'],
  ['get', () => '/api/search-synonyms'],
  ['post', () => '/api/search-synonyms'],
  ['get', () => '/api/office-profile'],
  ['put', () => '/api/office-profile'],
  ['get', () => '/api/issued-documents'],
  ['get', () => '/api/service-standard'],
  ['put', () => '/api/service-standard'],
] as const;

describe.each(databases())('the permission matrix on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let staff: Record<Exclude<Who, 'public'>, Staff>;
  let telegram: FakeTelegram;

  beforeAll(async () => {
    telegram = await new FakeTelegram().start();
    db = await createTestDatabase(kind);
    app = await bootApp(db, telegram.env());
    staff = {
      officer: await createStaff(app, 'officer'),
      division_staff: await createStaff(app, 'division_staff', 'DAFDUK'),
      leadership: await createStaff(app, 'leadership'),
      data_protection_officer: await createStaff(app, 'data_protection_officer'),
    };
  });
  afterAll(async () => {
    await app?.stop();
    await telegram?.stop();
    await db?.drop();
  });

  /** A fresh inquiry routed to Pendaftaran Penduduk, so the division staff in the matrix may see it. */
  async function freshIds(): Promise<Ids> {
    const asked = await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
    const row = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { code: asked.body.data.code } });
    const division = await divisionId(app.strapi, 'DAFDUK');
    await app.strapi.plugin('sop-workflow').service('workflow').triage(row.documentId, { division }, { type: 'system' });
    const receipt = await app.strapi.db.query('api::notification.notification').findOne({ where: { idempotencyKey: `received:${row.documentId}` } });
    return { inquiry: row.documentId, notification: receipt.documentId, division, code: asked.body.data.code, token: asked.body.data.trackingToken };
  }

  const cases = MATRIX.flatMap((route) => ALL.map((who) => [route.name, who, route.allowed.includes(who), route] as const));

  it.each(cases)('%s as %s → allowed: %s', async (_name, who, allowed, route) => {
    const ids = await freshIds();
    let req = app.http[route.method](route.path(ids));
    if (who !== 'public') req = req.set(staff[who].auth);
    const res = route.body ? await req.send(route.body(ids)) : await req;
    if (allowed) {
      expect([401, 403]).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    } else {
      expect([401, 403]).toContain(res.status);
    }
    // What a signed-in user or a token holder is answered stays out of shared caches, whatever the route.
    if (who !== 'public' || route.path(ids).includes('token=')) expect(res.headers['cache-control']).toMatch(/no-store/);
  });

  describe('the API docs’ matrix', () => {
    // The routes are documented in the developer docs (docs/dev/: the API page, and the channels' and the recap's own).
    const devDocs = path.resolve(__dirname, '..', '..', 'docs', 'dev');
    const docs = readdirSync(devDocs)
      .filter((name) => name.endsWith('.md'))
      .map((name) => readFileSync(path.join(devDocs, name), 'utf8'))
      .join('\n');
    const api = readFileSync(path.join(devDocs, 'api.md'), 'utf8');
    const shape = (route: string) => route.split('?')[0].replace(/:\w+/g, ':param');
    const documented = new Set([...docs.matchAll(/`((?:GET|POST|PUT|DELETE|PATCH) \/api\/[^`\s]*)`/g)].map((m) => shape(m[1])));
    const refusedToAll = api.slice(api.indexOf('refused (401 or 403) to every role'), api.indexOf('Values: `kind`'));
    const listedRefused = [...refusedToAll.matchAll(/`((?:GET|POST|PUT|DELETE|PATCH) (\/api\/[^`\s]*))`/g)].map((m) => m[1]);

    it('names every route a client can reach', () => {
      const routes = (app.strapi.server.listRoutes() as { path: string; methods: string[] }[])
        .filter((route) => route.path.startsWith('/api/'))
        .flatMap((route) => route.methods.filter((method) => method !== 'HEAD').map((method) => `${method} ${route.path}`));
      expect(routes.length).toBeGreaterThan(50);
      expect(routes.filter((route) => !documented.has(shape(route)))).toEqual([]);
    });

    it.each(SIGNED_IN.concat('public').flatMap((who) => listedRefused.map((route) => [route, who] as const)))('%s, listed as refused to every role, is refused to %s', async (route, who) => {
      const [method, template] = route.split(' ');
      const url = template.replace('(.*)', 'google').replace(/:\w+/g, '1');
      let req = app.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](url);
      if (who !== 'public') req = req.set(staff[who as Exclude<Who, 'public'>].auth);
      const res = await req.send({});
      expect([401, 403]).toContain(res.status);
    });
  });

  const absentCases = ABSENT.flatMap(([method, path]) =>
    ALL.map((who) => [`${method.toUpperCase()} ${path({ inquiry: ':id', notification: '', division: '', code: '', token: '' })}`, who, method, path] as const),
  );

  it.each(absentCases)('%s does not exist for %s', async (_label, who, method, path) => {
    const ids = await freshIds();
    let req = app.http[method](path(ids));
    if (who !== 'public') req = req.set(staff[who as Exclude<Who, 'public'>].auth);
    const res = await req;
    expect([401, 403, 404, 405]).toContain(res.status);
    const row = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId: ids.inquiry } });
    expect(row).not.toBeNull();
  });

  describe('division staff see their own Bidang only', () => {
    let ours: string;
    let theirs: string;
    beforeAll(async () => {
      ours = (await freshIds()).inquiry;
      const other = await freshIds();
      theirs = other.inquiry;
      const row = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId: theirs } });
      await app.strapi.db.query('api::inquiry.inquiry').update({ where: { id: row.id }, data: { division: (await app.strapi.db.query('api::division.division').findOne({ where: { code: 'CAPIL' } })).id } });
      // Recorded at the counter for Pencatatan Sipil, with everything a citizen may give.
      const recorded = await app.http.post('/api/inquiries').set(staff.officer.auth).send(buildOfficerInquiry({ applicant: THEIR_APPLICANT })).expect(201);
      await app.http.post(`/api/inquiries/${recorded.body.data.documentId}/triage`).set(staff.officer.auth).send({ data: { division: await divisionId(app.strapi, 'CAPIL') } }).expect(200);
    });

    it('lists only inquiries of their division', async () => {
      // Asked by id: the matrix above leaves more than a page of Pendaftaran Penduduk requests behind it.
      const res = await app.http
        .get(`/api/inquiries?${stringify({ filters: { documentId: { $in: [ours, theirs] } }, populate: 'division' })}`)
        .set(staff.division_staff.auth)
        .expect(200);
      const ids = res.body.data.map((r: { documentId: string }) => r.documentId);
      expect(ids).toContain(ours);
      expect(ids).not.toContain(theirs);
      expect(res.body.data.every((r: { division: { code: string } }) => r.division.code === 'DAFDUK')).toBe(true);
    });

    it('cannot widen the list with its own filters', async () => {
      const res = await app.http
        .get(`/api/inquiries?${stringify({ filters: { $or: [{ division: { code: 'CAPIL' } }, { id: { $gt: 0 } }] }, pagination: { pageSize: 100 } })}`)
        .set(staff.division_staff.auth)
        .expect(200);
      expect(res.body.data.map((r: { documentId: string }) => r.documentId)).not.toContain(theirs);
    });

    /**
     * Every readable route, every role, every populate that could lead from it to requests: what comes back
     * never holds another Bidang's request nor an applicant's NIK, phone or e-mail whole (the detail view of
     * a request the caller may read is the one place that shows them).
     */
    const READABLE = ['/api/divisions', '/api/faq-entries', '/api/holidays', '/api/sop-policy', '/api/users/me', '/api/inquiries', '/api/notifications/failed', '/api/access-logs'];
    const TOWARDS_INQUIRIES = [
      'populate=*',
      'populate[inquiries][populate]=applicant',
      'populate[inquiries]=*',
      'populate[division][populate][inquiries][populate]=applicant',
      'populate[division][populate]=*',
      'populate[staff][populate][division][populate][inquiries]=*',
      'populate[inquiry][populate]=applicant',
      'populate[events]=*',
      'populate[faqEntry][populate][division][populate][inquiries][populate]=applicant',
      'filters[inquiries][code][$eq]=x',
      'filters[division][inquiries][applicant][nik][$startsWith]=3',
    ];
    const probes = READABLE.flatMap((route) => TOWARDS_INQUIRIES.map((query) => `${route}?${query}`));

    it.each(SIGNED_IN.flatMap((who) => probes.map((url) => [who, url] as const)))('as %s, %s shows no request of another Bidang and no whole personal data', async (who, url) => {
      const res = await app.http.get(url).set(staff[who as Exclude<Who, 'public'>].auth);
      expect(res.status).toBeLessThan(500);
      const leaks = [THEIR_APPLICANT.nik, THEIR_APPLICANT.phone, THEIR_APPLICANT.email, '3574011203900002', '+6281298765432'];
      for (const secret of leaks) expect(res.text).not.toContain(secret);
      if (who === 'division_staff') expect(res.text).not.toContain(theirs);
    });

    it.each(['/api/faq-entries', '/api/faq-entries?populate=*', ...TOWARDS_INQUIRIES.map((query) => `/api/faq-entries?${query}`)])('as public, %s shows no request at all', async (url) => {
      const res = await app.http.get(url);
      expect(res.status).toBeLessThan(500);
      expect(res.text).not.toMatch(/INF-\d{4}-\d{5}|applicant|3574/);
    });

    it.each([
      ['reading an inquiry', 'get', (id: string) => `/api/inquiries/${id}`, undefined],
      ['reading its timeline', 'get', (id: string) => `/api/inquiries/${id}/events`, undefined],
      ['coordinating it', 'post', (id: string) => `/api/inquiries/${id}/coordinate`, { data: { information: 'Informasi bidang lain.' } }],
    ] as const)('%s of another division answers 404 and changes nothing', async (_label, method, path, body) => {
      const req = app.http[method](path(theirs)).set(staff.division_staff.auth);
      const res = body ? await req.send(body) : await req;
      expect(res.status).toBe(404);
      const row = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId: theirs } });
      expect(row.status).toBe('triaged');
    });
  });
});
