import { bootApp, createTestDatabase, databases, type TestDatabase } from '../helpers/strapi';
import { buildPublicInquiry } from '../helpers/builders';

const DEMO_PASSWORD = 'Layanan2026!';

describe.each(databases())('starting, stopping and seeding on %s', (kind) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await db.drop();
  });

  it('keeps everything across a restart, and the next code follows the last one', async () => {
    const first = await bootApp(db);
    const asked = await first.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
    await first.stop();

    const second = await bootApp(db);
    try {
      const tracked = await second.http.get(`/api/public/track/${asked.body.data.code}`).query({ token: asked.body.data.trackingToken }).expect(200);
      expect(tracked.body.data.timeline.map((e: { type: string }) => e.type)).toEqual(['created']);
      const next = await second.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
      const sequence = (code: string) => Number(code.split('-')[2]);
      expect(sequence(next.body.data.code)).toBe(sequence(asked.body.data.code) + 1);
    } finally {
      await second.stop();
    }
  });

  it('seeds a believable office for the demo, and its accounts sign in', async () => {
    const app = await bootApp(db, { DEMO_DATA: 'true', DEMO_INQUIRIES: '60' });
    try {
      const { strapi } = app;
      expect(await strapi.db.query('api::faq-entry.faq-entry').count({ where: { publishedAt: { $notNull: true } } })).toBeGreaterThanOrEqual(25);
      const inquiries = (await strapi.db.query('api::inquiry.inquiry').findMany({ select: ['channel', 'kind', 'status', 'outcome', 'triageBreached', 'coordinationBreached', 'answerBreached', 'receivedAt'] })) as {
        channel: string;
        kind: string;
        status: string;
        triageBreached: boolean;
        coordinationBreached: boolean;
        answerBreached: boolean;
        receivedAt: string;
      }[];
      expect(inquiries).toHaveLength(60);
      expect(new Set(inquiries.map((i) => i.kind))).toEqual(new Set(['information', 'complaint']));
      expect(new Set(inquiries.map((i) => i.channel)).size).toBeGreaterThanOrEqual(8);
      expect(new Set(inquiries.map((i) => i.status)).size).toBeGreaterThanOrEqual(3);
      expect(inquiries.some((i) => i.triageBreached || i.coordinationBreached || i.answerBreached)).toBe(true);
      const oldest = Math.min(...inquiries.map((i) => new Date(i.receivedAt).getTime()));
      expect(Date.now() - oldest).toBeGreaterThan(30 * 24 * 3600_000);
      expect(await strapi.db.query('api::notification.notification').count({ where: { status: 'pending' } })).toBe(0);

      // About half of the answered requests are rated in the SKM, and every rated one was answered first.
      const answered = inquiries.filter((i) => (i as { outcome?: string }).outcome === 'answered').length;
      const rated = await strapi.db.query('api::survey-response.survey-response').findMany({ populate: { inquiry: { select: ['outcome', 'answeredAt'] } } });
      expect(rated.length / answered).toBeGreaterThanOrEqual(0.3);
      expect(rated.length / answered).toBeLessThanOrEqual(0.7);
      for (const response of rated) {
        expect(response.inquiry.outcome).toBe('answered');
        expect(new Date(response.at).getTime()).toBeGreaterThan(new Date(response.inquiry.answeredAt).getTime());
      }

      for (const email of ['petugas@demo.local', 'dafduk@demo.local', 'capil@demo.local', 'pimpinan@demo.local']) {
        const res = await app.http.post('/api/auth/local').send({ identifier: email, password: DEMO_PASSWORD });
        expect([email, res.status]).toEqual([email, 200]);
      }
      const admin = await app.http.post('/admin/login').send({ email: 'admin@demo.local', password: DEMO_PASSWORD });
      expect(admin.status).toBe(200);

      const editor = await app.http.post('/admin/login').send({ email: 'editor@demo.local', password: DEMO_PASSWORD });
      expect(editor.status).toBe(200);
      const editorRole = await strapi.db.query('admin::role').findOne({ where: { code: 'layanan-content-editor' } });
      const permissions = (await strapi.db.query('admin::permission').findMany({ where: { role: editorRole.id } })) as { subject: string }[];
      expect(new Set(permissions.map((p) => p.subject))).toEqual(
        new Set(['api::faq-entry.faq-entry', 'api::search-synonym.search-synonym', 'api::division.division', 'api::holiday.holiday', 'api::sop-policy.sop-policy', 'api::office-profile.office-profile', 'api::privacy-notice.privacy-notice', 'api::service-standard.service-standard']),
      );
    } finally {
      await app.stop();
    }
  });

  it('in production creates no demo data and no demo account', async () => {
    const app = await bootApp(db, { NODE_ENV: 'production' });
    try {
      expect(await app.strapi.db.query('plugin::users-permissions.user').count({})).toBe(0);
      expect(await app.strapi.db.query('api::inquiry.inquiry').count({})).toBe(0);
      expect(await app.strapi.db.query('api::division.division').count({})).toBe(2);
    } finally {
      await app.stop();
    }
  });

  it('in production refuses to start with the generated development secrets', async () => {
    await expect(bootApp(db, { NODE_ENV: 'production', JWT_SECRET: 'dev-abc' })).rejects.toThrow(/JWT_SECRET/);
  });
});
