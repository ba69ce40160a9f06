import { readdirSync } from 'node:fs';
import path from 'node:path';
import { runAfterSyncMigrations } from '../../cms/src/after-sync-migrations';
import { bootApp, createTestDatabase, databases, type DatabaseKind, type TestApp, type TestDatabase } from '../helpers/strapi';

const AFTER_SYNC = path.resolve(__dirname, '..', '..', 'cms', 'database', 'migrations', 'after-sync');
const LAPOR_ONCE = `after-sync/${readdirSync(AFTER_SYNC).find((file) => file.endsWith('lapor-reference-once.js'))}`;
const LAPOR_INDEX = 'inquiries_lapor_sp4n_ref_uq';

async function indexNames(app: TestApp, kind: DatabaseKind): Promise<string[]> {
  const knex = app.strapi.db.connection;
  return kind === 'postgres'
    ? ((await knex('pg_indexes').where('schemaname', 'public').select('indexname')) as { indexname: string }[]).map((r) => r.indexname)
    : ((await knex('sqlite_master').where('type', 'index').select('name')) as { name: string }[]).map((r) => r.name);
}

const recorded = async (app: TestApp) => ((await app.strapi.db.connection('strapi_migrations').select('name')) as { name: string }[]).map((r) => r.name);

describe.each(databases())('the migrations on a fresh database, on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('makes the indexes on the content types’ tables once Strapi has made the tables, and records each migration once', async () => {
    const indexes = await indexNames(app, kind);
    expect(indexes).toEqual(expect.arrayContaining(['inquiries_code_uq', 'inquiries_recap_channel_idx', LAPOR_INDEX, 'notifications_idempotency_key_uq', 'survey_responses_inquiry_once', 'issued_documents_verification_uq']));
    const names = await recorded(app);
    expect(names).toEqual(expect.arrayContaining(readdirSync(AFTER_SYNC).map((file) => `after-sync/${file}`)));
    expect(await runAfterSyncMigrations(app.strapi)).toEqual([]);
    expect((await recorded(app)).length).toBe(names.length);
  });

  it('leaves the LAPOR! index to a later start while a report is recorded twice, and makes it once an officer has corrected it', async () => {
    const knex = app.strapi.db.connection;
    await knex.raw(`DROP INDEX ${LAPOR_INDEX}`);
    await knex('strapi_migrations').where({ name: LAPOR_ONCE }).delete();
    const inquiry = 'api::inquiry.inquiry';
    const row = { kind: 'complaint', channel: 'lapor_sp4n', subject: 'Laporan ganda', message: 'Diketik dua kali.', status: 'received', externalRef: '4123567', receivedAt: new Date('2026-11-03T02:00:00Z') };
    await app.strapi.db.query(inquiry).create({ data: { ...row, code: 'ADU-2611-90001' } });
    const twice = await app.strapi.db.query(inquiry).create({ data: { ...row, code: 'ADU-2611-90002' } });

    expect(await runAfterSyncMigrations(app.strapi)).toEqual([]);
    expect(await indexNames(app, kind)).not.toContain(LAPOR_INDEX);
    expect(await recorded(app)).not.toContain(LAPOR_ONCE);

    await app.strapi.db.query(inquiry).update({ where: { id: twice.id }, data: { externalRef: '4123568' } });
    expect(await runAfterSyncMigrations(app.strapi)).toEqual([LAPOR_ONCE]);
    expect(await indexNames(app, kind)).toContain(LAPOR_INDEX);
    await expect(app.strapi.db.query(inquiry).update({ where: { id: twice.id }, data: { externalRef: '4123567' } })).rejects.toThrow();
  });
});
