import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { bootApp, createTestDatabase, databases, type DatabaseKind, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildPublicInquiry } from '../helpers/builders';

/**
 * A Dinas upgrading keeps everything: today's code boots on the database an earlier release wrote (with its
 * demo data, tests/fixtures/upgrade/<release>, made by scripts/upgrade-fixtures.mjs), runs every migration over
 * the tables, indexes and triggers that release made at its own start, and finds every request, event, outbox row
 * and rating as it was, the Rekap Informasi of the months before unchanged, and an open request able to finish.
 */
const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'upgrade');
const MIGRATIONS = path.resolve(__dirname, '..', '..', 'cms', 'database', 'migrations');
const PASSWORD = 'Layanan2026!';
const HISTORY = ['inquiries', 'inquiry_events', 'notifications', 'survey_responses', 'divisions', 'up_users', 'admin_users'];

interface Expected {
  now: string;
  recapQuery: Record<string, string>;
  counts: Record<string, number>;
  inquiries: Record<string, unknown>[];
  events: Record<string, unknown>[];
  notifications: Record<string, unknown>[];
  recap: Record<string, unknown>;
}

const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());

/** The same rows and fields the release wrote down (first five and last five by id). */
async function sample(app: TestApp, uid: string, fields: string[], dates: string[]) {
  const rows = (await app.strapi.db.query(uid as never).findMany({ select: ['id', ...fields, ...dates], orderBy: { id: 'asc' } })) as Record<string, unknown>[];
  return rows
    .filter((_, k) => k < 5 || k >= rows.length - 5)
    .map((row) => Object.fromEntries([['id', row.id], ...fields.map((f) => [f, row[f] ?? null]), ...dates.map((f) => [f, iso(row[f])])]));
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

async function tableNames(app: TestApp, kind: DatabaseKind): Promise<string[]> {
  const knex = app.strapi.db.connection;
  return kind === 'postgres'
    ? ((await knex('pg_tables').where('schemaname', 'public').select('tablename')) as { tablename: string }[]).map((r) => r.tablename)
    : ((await knex('sqlite_master').where('type', 'table').select('name')) as { name: string }[]).map((r) => r.name);
}

async function indexNames(app: TestApp, kind: DatabaseKind): Promise<string[]> {
  const knex = app.strapi.db.connection;
  return kind === 'postgres'
    ? ((await knex('pg_indexes').where('schemaname', 'public').select('indexname')) as { indexname: string }[]).map((r) => r.indexname)
    : ((await knex('sqlite_master').where('type', 'index').select('name')) as { name: string }[]).map((r) => r.name);
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
      const ran = ((await app.strapi.db.connection('strapi_migrations').select('name')) as { name: string }[]).map((r) => r.name);
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
      const knex = app.strapi.db.connection;
      for (const table of HISTORY) {
        expect([table, Number(((await knex(table).count({ n: '*' })) as { n: unknown }[])[0].n)]).toEqual([table, expected.counts[table]]);
      }
      expect(
        await sample(app, 'api::inquiry.inquiry', ['code', 'kind', 'channel', 'status', 'outcome', 'subject', 'routedDivisionId', 'triageBreached', 'answerWorkingMinutes'], ['receivedAt', 'answeredAt', 'closedAt']),
      ).toEqual(expected.inquiries);
      expect(await sample(app, 'api::inquiry-event.inquiry-event', ['type', 'actorType', 'actorName', 'public'], ['at'])).toEqual(expected.events);
      expect(await sample(app, 'api::notification.notification', ['channel', 'topic', 'status', 'idempotencyKey', 'attempts'], ['sentAt'])).toEqual(expected.notifications);
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
