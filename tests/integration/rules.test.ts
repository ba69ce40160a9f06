import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildPublicInquiry, createStaff, type Staff } from '../helpers/builders';

/** Monday 2 November 2026, 09:00 WIB. */
const MONDAY_0900 = new Date('2026-11-02T02:00:00Z');

describe.each(databases())('rules every path obeys, on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let officer: Staff;
  let now = MONDAY_0900;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    app.strapi.plugin('sop-workflow').service('clock').use(() => now);
    officer = await createStaff(app, 'officer');
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('a script or the admin panel creating through the document service cannot forge the server fields', async () => {
    const created = await app.strapi.documents('api::inquiry.inquiry').create({
      data: {
        kind: 'complaint',
        channel: 'radio',
        subject: 'Keluhan dari siaran radio',
        message: 'Pendengar mengeluhkan antrean panjang.',
        status: 'answered',
        code: 'PALSU-1',
        receivedAt: '2020-01-01T00:00:00Z',
        triageDueAt: '2030-01-01T00:00:00Z',
        answer: 'jawaban palsu',
      } as never,
    });
    const row = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId: created.documentId } });
    expect(row).toMatchObject({ status: 'received', answer: null });
    expect(row.code).toMatch(/^ADU-2611-\d{5}$/);
    expect(new Date(row.receivedAt)).toEqual(MONDAY_0900);
    expect(new Date(row.triageDueAt)).toEqual(new Date(MONDAY_0900.getTime() + 15 * 60_000));
    const events = await app.strapi.db.query('api::inquiry-event.inquiry-event').findMany({ where: { inquiry: { id: row.id } } });
    expect(events.map((e: { type: string }) => e.type)).toEqual(['created']);

    await app.strapi.documents('api::inquiry.inquiry').update({ documentId: created.documentId, data: { status: 'closed', subject: 'Antrean panjang' } as never });
    const edited = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId: created.documentId } });
    expect(edited).toMatchObject({ status: 'received', subject: 'Antrean panjang' });
    await expect(app.strapi.documents('api::inquiry.inquiry').delete({ documentId: created.documentId })).rejects.toThrow(/tidak dapat dihapus/);
  });

  it('a create the database refuses uses no tracking number: the next request gets the next one', async () => {
    const inquiries = () => app.strapi.documents('api::inquiry.inquiry');
    const input = { kind: 'information', channel: 'phone', subject: 'Jam buka loket', message: 'Loket buka jam berapa?' };
    const first = await inquiries().create({ data: input as never });
    const rows = await app.strapi.db.query('api::inquiry.inquiry').count({});
    await expect(inquiries().create({ data: { ...input, channel: 'merpati_pos' } as never })).rejects.toThrow();
    const next = await inquiries().create({ data: input as never });
    const sequence = (code: string) => Number(code.split('-')[2]);
    expect(sequence(next.code)).toBe(sequence(first.code) + 1);
    expect(await app.strapi.db.query('api::inquiry.inquiry').count({})).toBe(rows + 1);
  });

  it('keeps the audit trail append-only', async () => {
    const event = await app.strapi.db.query('api::inquiry-event.inquiry-event').findOne({});
    await expect(app.strapi.documents('api::inquiry-event.inquiry-event').delete({ documentId: event.documentId })).rejects.toThrow(/tidak dapat diubah atau dihapus/);
    await expect(
      app.strapi.documents('api::inquiry-event.inquiry-event').update({ documentId: event.documentId, data: { type: 'note' } as never }),
    ).rejects.toThrow(/tidak dapat diubah/);
    await expect(
      app.strapi.documents('api::inquiry-event.inquiry-event').create({ data: { type: 'answered', at: new Date(), actorType: 'user' } as never }),
    ).rejects.toThrow(/hanya dapat ditambah oleh sistem/);
  });

  it('a new SOP revision applies to new requests only', async () => {
    const before = await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
    await app.strapi.documents('api::sop-policy.sop-policy').update({ documentId: (await app.strapi.db.query('api::sop-policy.sop-policy').findOne({})).documentId, data: { triageMinutes: 30 } as never });
    const after = await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
    expect(new Date(before.body.data.triageDueAt)).toEqual(new Date(MONDAY_0900.getTime() + 15 * 60_000));
    expect(new Date(after.body.data.triageDueAt)).toEqual(new Date(MONDAY_0900.getTime() + 30 * 60_000));
    const rows = await app.strapi.db.query('api::inquiry.inquiry').findMany({ where: { code: { $in: [before.body.data.code, after.body.data.code] } }, orderBy: { id: 'asc' } });
    expect(rows[1].policyRevision).toBe(rows[0].policyRevision + 1);
  });

  it('refuses office hours an editor typed wrong, with a message they understand', async () => {
    const policy = await app.strapi.db.query('api::sop-policy.sop-policy').findOne({});
    await expect(
      app.strapi.documents('api::sop-policy.sop-policy').update({ documentId: policy.documentId, data: { officeHours: [{ day: 'senin', opensAt: '16:00:00.000', closesAt: '08:00:00.000' }] } as never }),
    ).rejects.toThrow(/jam tutup 08.00 harus setelah jam buka 16.00/);
  });

  it('a holiday added by an editor stops the clock that day', async () => {
    await app.strapi.documents('api::holiday.holiday').create({ data: { date: '2026-11-10', name: 'Cuti bersama (uji)', kind: 'cuti_bersama' } as never });
    now = new Date('2026-11-10T02:00:00Z');
    const res = await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
    expect(res.body.data.triageDueAt).toBe('2026-11-11T01:30:00.000Z');
    now = MONDAY_0900;
  });

  it('gives every request its own code, even when they arrive together', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => app.http.post('/api/public/inquiries').send(buildPublicInquiry())));
    const codes = results.map((r) => r.body.data.code);
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('limits the public form per address with a 429 that says when to retry', async () => {
    app.strapi.config.set('plugin::sop-workflow.publicRateLimit', { points: 3, durationSeconds: 60 });
    now = new Date('2026-11-02T05:00:30Z');
    try {
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await app.http.post('/api/public/inquiries').send(buildPublicInquiry())).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
      const refused = await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(429);
      expect(refused.body.error.message).toMatch(/Terlalu banyak/);
      expect(refused.body.error.details.retryAfter).toBe(30);
      now = new Date('2026-11-02T05:01:00Z');
      await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
    } finally {
      app.strapi.config.set('plugin::sop-workflow.publicRateLimit', { points: 100000, durationSeconds: 60 });
      now = MONDAY_0900;
    }
  });

  it('limits tracking look-ups per address on their own window, apart from the form\'s', async () => {
    now = new Date('2026-11-02T06:00:10Z');
    const { code, trackingToken } = (await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201)).body.data;
    app.strapi.config.set('plugin::sop-workflow.trackRateLimit', { points: 2, durationSeconds: 60 });
    const track = () => app.http.get(`/api/public/track/${code}?token=${encodeURIComponent(trackingToken)}`);
    try {
      expect([(await track()).status, (await track()).status]).toEqual([200, 200]);
      const refused = await track().expect(429);
      expect(refused.body.error.details.retryAfter).toBe(50);
      // The form still takes a request from the same address: each limit counts its own.
      await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
      now = new Date('2026-11-02T06:01:00Z');
      await track().expect(200);
    } finally {
      app.strapi.config.set('plugin::sop-workflow.trackRateLimit', { points: 100000, durationSeconds: 60 });
      now = MONDAY_0900;
    }
  });

  it('signs staff in through the users-permissions login', async () => {
    const res = await app.http.post('/api/auth/local').send({ identifier: (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: officer.id } })).email, password: 'Rahasia-2026!' }).expect(200);
    expect(res.body.jwt).toEqual(expect.any(String));
  });
});
