import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildPublicInquiry } from '../helpers/builders';
import { waitFor } from '../helpers/wait';

const MONDAY_0900 = new Date('2026-11-02T02:00:00Z');
const UNKNOWN = 'INF-2611-99999';

interface Row {
  id: number;
  idempotencyKey: string;
  payload: Record<string, unknown> | null;
}

describe.each(databases())('a citizen who lost the tracking link (%s)', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let now = MONDAY_0900;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    app.strapi.plugin('sop-workflow').service('clock').use(() => now);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  const ask = async (applicant = { name: 'Siti Aminah', email: 'siti.aminah@contoh.id', phone: '0812 3456 7890' }) =>
    (await app.http.post('/api/public/inquiries').send(buildPublicInquiry({ applicant })).expect(201)).body.data as { code: string; trackingToken: string };
  const track = (code: string, token: string) => app.http.get(`/api/public/track/${code}?token=${encodeURIComponent(token)}`);
  const prove = (code: string, contact: string) => app.http.post(`/api/public/track/${code}/verify`).send({ data: { contact } });
  const receipts = async (code: string): Promise<Row[]> => {
    const inquiry = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { code }, select: ['id'] });
    return app.strapi.db.query('api::notification.notification').findMany({
      where: { inquiry: inquiry.id, topic: 'inquiry.received', recipient: null },
      select: ['id', 'idempotencyKey', 'payload'],
      orderBy: { id: 'asc' },
    }) as Promise<Row[]>;
  };

  it('asks for the link again with the code alone: a new link goes out through the request’s receipt, and the first one still opens it', async () => {
    // The receipt waits in the outbox with its token: delivering it (no medium here) would let the token go.
    await app.strapi.plugin('sop-workflow').service('delivery').stop();
    const asked = await ask();
    const res = await app.http.post(`/api/public/track/${asked.code.toLowerCase()}/resend`).expect(202);
    expect(res.body.data.message).toMatch(/tautan pelacakan baru/);
    await waitFor(async () => (await receipts(asked.code)).length === 2, 10_000, 'a second receipt');
    const again = (await receipts(asked.code))[1];
    expect(again.idempotencyKey).toMatch(/^received:.+:again:/);
    const token = String(again.payload?.trackingToken);
    expect(token).not.toBe(asked.trackingToken);
    expect((await track(asked.code, token).expect(200)).body.data.code).toBe(asked.code);
    await track(asked.code, asked.trackingToken).expect(200);
    const inquiry = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { code: asked.code }, select: ['id'] });
    const notes = await app.strapi.db.query('api::inquiry-event.inquiry-event').findMany({ where: { inquiry: inquiry.id, type: 'note' }, select: ['detail'] });
    expect(notes.map((note: { detail: unknown }) => note.detail)).toEqual([{ trackingLink: 'resent' }]);
  });

  it('an unknown code gets the very same answer, and nothing is sent', async () => {
    const known = await ask();
    const forKnown = await app.http.post(`/api/public/track/${known.code}/resend`).expect(202);
    const forUnknown = await app.http.post(`/api/public/track/${UNKNOWN}/resend`).expect(202);
    expect(forUnknown.body).toEqual(forKnown.body);
    await waitFor(async () => (await receipts(known.code)).length === 2, 10_000, 'the known code’s receipt');
    expect(await app.strapi.db.query('api::notification.notification').count({ where: { idempotencyKey: { $contains: UNKNOWN } } })).toBe(0);
  });

  it('opens the request with the last four digits of the phone, and gives a key for the tracking link', async () => {
    const asked = await ask();
    const res = await prove(asked.code, '7890').expect(200);
    expect(res.body.data).toMatchObject({ code: asked.code, status: 'received', subject: 'Syarat membuat KTP-el baru' });
    expect(JSON.stringify(res.body)).not.toMatch(/Siti|7890|contoh\.id/);
    await track(asked.code, res.body.data.trackingToken).expect(200);
    await track(asked.code, asked.trackingToken).expect(200);
  });

  it('opens it with the e-mail address too, whatever its case', async () => {
    const asked = await ask();
    await prove(asked.code, ' Siti.Aminah@Contoh.ID ').expect(200);
  });

  it('wrong digits, a request without a phone and an unknown code all get the same refusal', async () => {
    const asked = await ask();
    const withoutPhone = await ask({ name: 'Budi', email: 'budi@contoh.id', phone: undefined } as never);
    const wrong = await prove(asked.code, '1111').expect(404);
    const noPhone = await prove(withoutPhone.code, '7890').expect(404);
    const unknown = await prove(UNKNOWN, '7890').expect(404);
    expect(wrong.body.error.message).toMatch(/tidak cocok/);
    expect(noPhone.body.error).toEqual(wrong.body.error);
    expect(unknown.body.error).toEqual(wrong.body.error);
  });

  it('refuses what is neither four digits nor an e-mail address with a clear 400, before looking anything up', async () => {
    const asked = await ask();
    const res = await prove(asked.code, '78').expect(400);
    expect(res.body.error.message).toMatch(/4 angka terakhir nomor HP/);
    await app.http.post(`/api/public/track/${asked.code}/verify`).send({ contact: '7890' }).expect(400);
  });

  it('counts recovery attempts per code, known or not, so that four digits cannot be guessed', async () => {
    const asked = await ask();
    now = new Date('2026-11-02T03:00:10Z');
    app.strapi.config.set('plugin::sop-workflow.recoverRateLimit', { points: 3, durationSeconds: 3600 });
    try {
      const statuses = [];
      for (const digits of ['0000', '0001', '0002', '7890']) statuses.push((await prove(asked.code, digits)).status);
      expect(statuses).toEqual([404, 404, 404, 429]);
      const unknown = [];
      for (let i = 0; i < 4; i += 1) unknown.push((await prove(UNKNOWN, '0000')).status);
      expect(unknown).toEqual([404, 404, 404, 429]);
      // The resend shares the code's count.
      const refused = await app.http.post(`/api/public/track/${asked.code}/resend`).expect(429);
      expect(refused.body.error.message).toMatch(/Terlalu banyak/);
      // Another request's code has its own.
      const other = await ask();
      await prove(other.code, '7890').expect(200);
      now = new Date('2026-11-02T04:00:00Z');
      await prove(asked.code, '7890').expect(200);
    } finally {
      app.strapi.config.set('plugin::sop-workflow.recoverRateLimit', { points: 100000, durationSeconds: 3600 });
      now = MONDAY_0900;
    }
  });
});
