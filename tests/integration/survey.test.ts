import { stringify } from 'qs';
import { SKM_ELEMENTS } from '@layanan/config';
import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildPublicInquiry, createStaff, type Staff } from '../helpers/builders';

/** Wednesday 10 June 2026, 09:00 WIB. */
const WEDNESDAY_0900 = new Date('2026-06-10T02:00:00Z');

/** The nine answers U1..U9 in order. */
function scores(...values: number[]) {
  return Object.fromEntries(SKM_ELEMENTS.map((element, i) => [element, values[i]]));
}
const GOOD = scores(4, 4, 3, 4, 3, 4, 4, 3, 4);

describe.each(databases())('the satisfaction survey (SKM) on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let officer: Staff;
  let leadership: Staff;
  let now = WEDNESDAY_0900;
  const survey = (body: object) => app.http.post('/api/public/surveys').send({ data: body });
  const responses = () => app.strapi.db.query('api::survey-response.survey-response').count({});

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    app.strapi.plugin('sop-workflow').service('clock').use(() => now);
    officer = await createStaff(app, 'officer');
    leadership = await createStaff(app, 'leadership');
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  /** A citizen's request from the website, answered directly by the officer unless told otherwise. */
  async function ask(answer: 'answer' | 'reject' | 'leave open' = 'answer') {
    const asked = await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
    const { code, trackingToken } = asked.body.data;
    const row = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { code } });
    if (answer === 'answer') {
      await app.http.post(`/api/inquiries/${row.documentId}/answer`).set(officer.auth).send({ data: { answer: 'Syaratnya fotokopi KK.' } }).expect(200);
    } else if (answer === 'reject') {
      await app.http.post(`/api/inquiries/${row.documentId}/reject`).set(officer.auth).send({ data: { reason: 'Bukan kewenangan kami.' } }).expect(200);
    }
    return { code: code as string, token: trackingToken as string };
  }

  it('takes one rating of an answered request, with its code and token, and says thank you', async () => {
    const { code, token } = await ask();
    const res = await survey({ code, token, scores: GOOD, comment: 'Petugas ramah dan cepat.' }).expect(201);
    expect(res.body.data).toMatchObject({ code, message: expect.stringContaining('Terima kasih') });
    const stored = await app.strapi.db.query('api::survey-response.survey-response').findOne({ where: { inquiry: { code } }, populate: ['inquiry'] });
    expect(stored).toMatchObject({ u1: 4, u3: 3, u9: 4, comment: 'Petugas ramah dan cepat.' });
    expect(new Date(stored.at)).toEqual(now);
    const tracked = await app.http.get(`/api/public/track/${code}`).query({ token }).expect(200);
    expect(tracked.body.data.survey).toEqual({ given: true, open: false });
  });

  it('refuses a second rating of the same request', async () => {
    const { code, token } = await ask();
    await survey({ code, token, scores: GOOD }).expect(201);
    const before = await responses();
    const again = await survey({ code, token, scores: scores(1, 1, 1, 1, 1, 1, 1, 1, 1) });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('Survei untuk permohonan ini sudah diisi. Terima kasih atas penilaian Anda.');
    expect(await responses()).toBe(before);
  });

  it('counts one of two ratings sent at the same moment', async () => {
    const { code, token } = await ask();
    const before = await responses();
    const results = await Promise.all([survey({ code, token, scores: GOOD }), survey({ code, token, scores: GOOD })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await responses()).toBe(before + 1);
  });

  it('refuses a rating before the request is answered, and tracking says it is not open yet', async () => {
    const { code, token } = await ask('leave open');
    const res = await survey({ code, token, scores: GOOD });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('Survei kepuasan dapat diisi setelah permohonan Anda dijawab.');
    const tracked = await app.http.get(`/api/public/track/${code}`).query({ token }).expect(200);
    expect(tracked.body.data.survey).toEqual({ given: false, open: false });
  });

  it('refuses a rating of a request closed without an answer', async () => {
    const { code, token } = await ask('reject');
    const res = await survey({ code, token, scores: GOOD });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/ditutup tanpa jawaban/);
  });

  it('answers a wrong token exactly like an unknown code, and records nothing', async () => {
    const { code } = await ask();
    const before = await responses();
    const wrongToken = await survey({ code, token: 'bukan-token-yang-benar', scores: GOOD });
    const unknownCode = await survey({ code: 'INF-2606-99999', token: 'bukan-token-yang-benar', scores: GOOD });
    expect(wrongToken.status).toBe(404);
    expect(unknownCode.status).toBe(404);
    expect(wrongToken.body).toEqual(unknownCode.body);
    expect(wrongToken.body.error.message).toBe('Permohonan tidak ditemukan. Periksa kembali kode dan token pelacakan Anda.');
    expect(await responses()).toBe(before);
  });

  it.each([
    ['an element left out', { ...GOOD, U5: undefined }, /U5/],
    ['a score of 5', { ...GOOD, U2: 5 }, /U2 harus antara 1 dan 4/],
    ['a score of 0', { ...GOOD, U9: 0 }, /U9 harus antara 1 dan 4/],
    ['half a point', { ...GOOD, U1: 2.5 }, /bilangan bulat/],
    ['a score as text', { ...GOOD, U7: 'baik' }, /U7/],
    ['an element that does not exist', { ...GOOD, U10: 4 }, /U10/],
  ])('refuses %s with a 400 in Indonesian, recording nothing', async (_label, given, message) => {
    const { code, token } = await ask();
    const before = await responses();
    const res = await survey({ code, token, scores: given });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(await responses()).toBe(before);
  });

  it('refuses a body without code or token', async () => {
    const res = await survey({ scores: GOOD });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Kode permohonan wajib diisi.');
  });

  it('is rate-limited per address like the public form', async () => {
    const limit = app.strapi.config.get('plugin::sop-workflow.publicRateLimit');
    app.strapi.config.set('plugin::sop-workflow.publicRateLimit', { points: 3, durationSeconds: 60 });
    const saved = now;
    now = new Date('2026-06-10T05:00:30Z');
    try {
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await survey({ code: 'INF-2606-99999', token: 'x', scores: GOOD })).status);
      expect(statuses).toEqual([404, 404, 404, 429]);
    } finally {
      app.strapi.config.set('plugin::sop-workflow.publicRateLimit', limit);
      now = saved;
    }
  });

  describe('the IKM over a period', () => {
    /**
     * Worked by hand (PermenPAN-RB 14/2017): three respondents in July 2026,
     *   R1 4 4 3 4 3 4 4 3 4, R2 3 3 3 4 3 3 4 3 3, R3 4 3 2 4 3 4 4 2 3;
     * element totals 11 10 8 12 9 11 12 8 10 (Σ 91); Σ NRR × 1/9 = 91/27 = 3.370; IKM = 84.26: B (Baik).
     * One more in August: all 4, IKM 100.00 (A).
     */
    beforeAll(async () => {
      for (const [day, given] of [
        ['2026-07-06T03:00:00Z', scores(4, 4, 3, 4, 3, 4, 4, 3, 4)],
        ['2026-07-15T03:00:00Z', scores(3, 3, 3, 4, 3, 3, 4, 3, 3)],
        ['2026-07-31T16:30:00Z', scores(4, 3, 2, 4, 3, 4, 4, 2, 3)], // 23:30 WIB, still July
        ['2026-08-03T03:00:00Z', scores(4, 4, 4, 4, 4, 4, 4, 4, 4)],
      ] as const) {
        now = new Date(day);
        const { code, token } = await ask();
        await survey({ code, token, scores: given }).expect(201);
      }
      now = WEDNESDAY_0900;
    });

    const ikm = async (query: Record<string, string>, who: Staff = leadership) =>
      (await app.http.get(`/api/surveys/ikm?${stringify(query)}`).set(who.auth).expect(200)).body.data;

    it('gives each element\'s average, the index and its grade', async () => {
      const data = await ikm({ from: '2026-07-01', to: '2026-07-31' });
      expect(data.respondents).toBe(3);
      expect(data.nrr.U1).toBeCloseTo(11 / 3, 10);
      expect(data.nrr.U4).toBe(4);
      expect(data.nrr.U8).toBeCloseTo(8 / 3, 10);
      expect(data.ikm).toBe(84.26);
      expect(data.grade).toMatchObject({ grade: 'B', label: { id: 'Baik' } });
      expect(data.regulation).toBe('PermenPAN-RB 14/2017');
    });

    it('grades by the older 16/2014 table when asked', async () => {
      const data = await ikm({ from: '2026-07-01', to: '2026-07-31', regulation: 'PermenPAN-RB 16/2014' });
      expect(data).toMatchObject({ ikm: 84.26, grade: { grade: 'A' }, regulation: 'PermenPAN-RB 16/2014' });
    });

    it('shows the trend per month, counting each response in its WIB month', async () => {
      const data = await ikm({ from: '2026-07-01', to: '2026-08-31', groupBy: 'month' });
      expect(data.respondents).toBe(4);
      expect(data.periods.map((p: { period: string; respondents: number; ikm: number }) => [p.period, p.respondents, p.ikm])).toEqual([
        ['2026-07', 3, 84.26],
        ['2026-08', 1, 100],
      ]);
      // (91 + 36) / 4 / 9 × 25 = 88.19: B.
      expect(data.ikm).toBe(88.19);
    });

    it('has no index for a period without respondents', async () => {
      const data = await ikm({ from: '2026-01-01', to: '2026-01-31' }, officer);
      expect(data).toMatchObject({ respondents: 0, ikm: null, grade: null });
    });

    it('follows the Rekap’s filters: the IKM of the requests of one channel, kind or Bidang', async () => {
      // In September one citizen asked on the website and was answered at once (all 4); another complained at
      // the counter, the request went through Pendaftaran Penduduk, and she was less content (all 2).
      now = new Date('2026-09-07T03:00:00Z');
      const web = await ask();
      await survey({ code: web.code, token: web.token, scores: scores(4, 4, 4, 4, 4, 4, 4, 4, 4) }).expect(201);
      const workflow = app.strapi.plugin('sop-workflow').service('workflow');
      const desk = { type: 'system' as const, name: 'Petugas' };
      const { inquiry, trackingToken } = await workflow.create(
        { kind: 'complaint', channel: 'walk_in', subject: 'KTP-el belum jadi', message: 'Sudah tiga minggu KTP-el saya belum jadi.', applicant: { name: 'Siti Aminah' } },
        desk,
      );
      const dafduk = await app.strapi.db.query('api::division.division').findOne({ where: { code: 'DAFDUK' } });
      await workflow.triage(inquiry.documentId, { division: dafduk.documentId }, desk);
      await workflow.coordinate(inquiry.documentId, { information: 'Sudah dicetak, ambil di loket 2.' }, desk);
      await workflow.answer(inquiry.documentId, { answer: 'KTP-el Ibu sudah dapat diambil di loket 2.' }, desk);
      await survey({ code: inquiry.code, token: trackingToken, scores: scores(2, 2, 2, 2, 2, 2, 2, 2, 2) }).expect(201);
      now = WEDNESDAY_0900;

      const september = { from: '2026-09-01', to: '2026-09-30' };
      const figures = async (filters: Record<string, string>) => {
        const data = await ikm({ ...september, ...filters });
        return [data.respondents, data.ikm];
      };
      expect(await figures({})).toEqual([2, 75]);
      expect(await figures({ channel: 'walk_in' })).toEqual([1, 50]);
      expect(await figures({ channel: 'website' })).toEqual([1, 100]);
      expect(await figures({ kind: 'complaint' })).toEqual([1, 50]);
      expect(await figures({ division: dafduk.documentId })).toEqual([1, 50]);
      expect(await figures({ division: 'none' })).toEqual([1, 100]);
      expect(await figures({ channel: 'whatsapp' })).toEqual([0, null]);

      const unknown = await app.http.get(`/api/surveys/ikm?${stringify({ ...september, division: 'BIDANG-X' })}`).set(leadership.auth);
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toBe('Bidang "BIDANG-X" tidak ditemukan.');
    });

    it('refuses an unknown regulation', async () => {
      const res = await app.http.get('/api/surveys/ikm?regulation=PermenPAN-RB%201/2000').set(leadership.auth);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/Peraturan tidak dikenal/);
    });
  });

  it('cannot be edited through the document service (the admin panel)', async () => {
    await expect(
      app.strapi.documents('api::survey-response.survey-response').create({ data: { u1: 4 } as never }),
    ).rejects.toThrow(/tidak dapat diubah/);
  });
});
