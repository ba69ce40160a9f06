import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { bootApp, createTestDatabase, databases, type DatabaseKind, type TestApp, type TestDatabase } from '../helpers/strapi';
import { indexNames, recordedMigrations, tableNames } from '../helpers/schema';
import { buildPublicInquiry } from '../helpers/builders';
import { upgradeReport, type UpgradeReport } from '../../scripts/lib/upgrade-report';

/**
 * A Dinas upgrading keeps everything: today's code boots on the database an earlier release wrote (with its
 * demo data, tests/fixtures/upgrade/<release>, made by scripts/upgrade-fixtures.mjs), runs every migration over
 * the tables, indexes and triggers that release made at its own start, and finds every request, event, outbox row
 * and rating as it was, the Rekap Informasi of the months before unchanged, and an open request able to finish.
 */
const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'upgrade');
const MIGRATIONS = path.resolve(__dirname, '..', '..', 'cms', 'database', 'migrations');
const PASSWORD = 'Layanan2026!';

interface Expected extends UpgradeReport {
  now: string;
  recapQuery: Record<string, string>;
  recap: Record<string, unknown>;
}

/** A copy of the release's database: the SQLite file, or its dump loaded into a fresh PostgreSQL database. */
async function releaseDatabase(release: string, kind: DatabaseKind): Promise<TestDatabase> {
  const db = await createTestDatabase(kind);
  if (kind === 'sqlite') {
    writeFileSync(db.env.DATABASE_FILENAME, gunzipSync(readFileSync(path.join(FIXTURES, release, 'sqlite.db.gz'))));
  } else {
    const dump = gunzipSync(readFileSync(path.join(FIXTURES, release, 'postgres.sql.gz')));
    execFileSync('psql', ['--quiet', '--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '--dbname', db.env.DATABASE_URL], { input: dump, stdio: ['pipe', 'ignore', 'inherit'] });
  }
  return db;
}

const releases = readdirSync(FIXTURES).sort();

describe.each(releases)('upgrading the release of %s', (release) => {
  describe.each(databases())('on %s', (kind) => {
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, release, `${kind}.expected.json`), 'utf8')) as Expected;
    const NOW = new Date(expected.now);
    let now = NOW;
    let db: TestDatabase;
    let app: TestApp;
    const signIn = async (email: string) => {
      const res = await app.http.post('/api/auth/local').send({ identifier: email, password: PASSWORD }).expect(200);
      return { Authorization: `Bearer ${res.body.jwt as string}` };
    };

    beforeAll(async () => {
      db = await releaseDatabase(release, kind);
      app = await bootApp(db);
      app.strapi.plugin('sop-workflow').service('clock').use(() => now);
    });
    afterAll(async () => {
      await app?.stop();
      await db?.drop();
    });
    beforeEach(() => {
      now = NOW;
    });

    it('runs every migration once and has what they make', async () => {
      const ran = await recordedMigrations(app);
      const files = [
        ...readdirSync(MIGRATIONS).filter((f) => f.endsWith('.js')),
        ...readdirSync(path.join(MIGRATIONS, 'after-sync')).map((f) => `after-sync/${f}`),
      ];
      expect([...ran].sort()).toEqual([...new Set(ran)].sort());
      expect(ran).toEqual(expect.arrayContaining(files));

      const tables = await tableNames(app, kind);
      expect(tables).toEqual(expect.arrayContaining(['inquiry_code_counters', 'channel_inbox', 'channel_cursors', 'channel_leases', 'telegram_updates', 'backup_runs', 'recap_days']));
      if (kind === 'postgres') expect(tables).toContain('public_rate_limits');
      const indexes = await indexNames(app, kind);
      expect(indexes).toEqual(
        expect.arrayContaining([
          'inquiries_code_uq',
          'inquiries_recap_delivery_idx',
          'inquiries_lapor_sp4n_ref_uq',
          'inquiry_events_at_idx',
          'notifications_idempotency_key_uq',
          'survey_responses_inquiry_once',
          'issued_documents_serial_uq',
        ]),
      );
      expect(indexes).not.toContain('inquiries_code_idx');
    });

    it('keeps every request, event, outbox row and rating, field for field', async () => {
      const { counts, inquiries, events, notifications } = expected;
      expect(await upgradeReport(app.strapi)).toEqual({ counts, inquiries, events, notifications });
    });

    it('gives the Rekap Informasi of the months before the upgrade as the release gave it', async () => {
      const leader = await signIn('pimpinan@demo.local');
      const recap = await app.http.get('/api/recap').query(expected.recapQuery).set(leader).expect(200);
      // Since 7 December 2026 the step budgets are named per policy revision the range's requests carried.
      const { budgets, ...compliance } = expected.recap.compliance as { budgets?: Record<string, number> };
      expect(recap.body.data).toMatchObject({ ...expected.recap, compliance });
      if (budgets) expect(recap.body.data.compliance.policies).toEqual([expect.objectContaining({ budgets })]);
    });

    it('takes an open request of the release to its answer, and numbers a new one after the old ones', async () => {
      const officer = await signIn('petugas@demo.local');
      const open = (await app.strapi.db.query('api::inquiry.inquiry').findOne({
        where: { status: 'coordinated' },
        select: ['documentId', 'code'],
        orderBy: { id: 'desc' },
      })) as { documentId: string; code: string };
      const eventsBefore = await app.http.get(`/api/inquiries/${open.documentId}/events`).set(officer).expect(200);

      now = new Date(NOW.getTime() + 10 * 60_000);
      const answered = await app.http
        .post(`/api/inquiries/${open.documentId}/answer`)
        .set(officer)
        .send({ data: { answer: 'Silakan datang ke loket dengan membawa KK asli.' } })
        .expect(200);
      expect(answered.body.data).toMatchObject({ code: open.code, status: 'answered' });
      now = new Date(NOW.getTime() + 20 * 60_000);
      await app.http.post(`/api/inquiries/${open.documentId}/close`).set(officer).send({ data: {} }).expect(200);

      const eventsAfter = await app.http.get(`/api/inquiries/${open.documentId}/events`).set(officer).expect(200);
      const before = new Set((eventsBefore.body.data as unknown[]).map((e) => JSON.stringify(e)));
      const after = eventsAfter.body.data as { type: string }[];
      expect(after.filter((e) => before.has(JSON.stringify(e)))).toHaveLength(before.size);
      expect(after.filter((e) => !before.has(JSON.stringify(e))).map((e) => e.type)).toEqual(['answered', 'closed']);

      // The release numbered requests of December 2026 already: the code counter it kept goes on.
      const last = (await app.strapi.db.query('api::inquiry.inquiry').findOne({
        where: { code: { $startsWith: 'INF-2612-' } },
        select: ['code'],
        orderBy: { code: 'desc' },
      })) as { code: string } | null;
      const asked = await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
      const next = last ? Number(last.code.slice(-5)) + 1 : 1;
      expect(asked.body.data.code).toBe(`INF-2612-${String(next).padStart(5, '0')}`);
    });
  });
});
