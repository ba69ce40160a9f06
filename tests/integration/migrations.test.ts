import { readdirSync } from 'node:fs';
import path from 'node:path';
import { runAfterSyncMigrations } from '../../cms/src/after-sync-migrations';
import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { indexNames, recordedMigrations, tableNames } from '../helpers/schema';
import { engine } from '../helpers/telegram';

const AFTER_SYNC = path.resolve(__dirname, '..', '..', 'cms', 'database', 'migrations', 'after-sync');
const LAPOR_ONCE = `after-sync/${readdirSync(AFTER_SYNC).find((file) => file.endsWith('lapor-reference-once.js'))}`;
const LAPOR_INDEX = 'inquiries_lapor_sp4n_ref_uq';
const CITIZEN_OUTBOX = `after-sync/${readdirSync(AFTER_SYNC).find((file) => file.endsWith('citizen-outbox-channels.js'))}`;

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

  it('makes the plugins’ tables, and the indexes on the content types’ tables once Strapi has made those, recording each migration once', async () => {
    const tables = await tableNames(app, kind);
    expect(tables).toEqual(expect.arrayContaining(['inquiry_code_counters', 'channel_inbox', 'channel_cursors', 'channel_leases', 'telegram_updates', 'backup_runs']));
    expect(tables.includes('public_rate_limits')).toBe(kind === 'postgres');
    const indexes = await indexNames(app, kind);
    expect(indexes).toEqual(expect.arrayContaining(['inquiries_code_uq', 'inquiries_recap_channel_idx', LAPOR_INDEX, 'notifications_idempotency_key_uq', 'survey_responses_inquiry_once', 'issued_documents_verification_uq']));
    const names = await recordedMigrations(app);
    expect(names).toEqual(expect.arrayContaining(readdirSync(AFTER_SYNC).map((file) => `after-sync/${file}`)));
    expect(await runAfterSyncMigrations(app.strapi)).toEqual([]);
    expect((await recordedMigrations(app)).length).toBe(names.length);
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
    expect(await recordedMigrations(app)).not.toContain(LAPOR_ONCE);

    await app.strapi.db.query(inquiry).update({ where: { id: twice.id }, data: { externalRef: '4123568' } });
    expect(await runAfterSyncMigrations(app.strapi)).toEqual([LAPOR_ONCE]);
    expect(await indexNames(app, kind)).toContain(LAPOR_INDEX);
    expect(await knex('inquiries').where('external_ref', 'like', '412356%').orderBy('id').select('id', 'channel', 'external_ref')).toEqual([
      { id: expect.any(Number), channel: 'lapor_sp4n', external_ref: '4123567' },
      { id: twice.id, channel: 'lapor_sp4n', external_ref: '4123568' },
    ]);
    // What the database now holds: a unique index on the LAPOR! number of LAPOR! reports only (the refusal of a
    // second import itself is the LAPOR! intake's test).
    const definition =
      kind === 'postgres'
        ? ((await knex('pg_indexes').where({ indexname: LAPOR_INDEX }).first('indexdef')) as { indexdef: string }).indexdef
        : ((await knex('sqlite_master').where({ type: 'index', name: LAPOR_INDEX }).first('sql')) as { sql: string }).sql;
    expect(definition).toMatch(/^CREATE UNIQUE INDEX .*\(\s*external_ref\s*\)\s+WHERE\s+\(*\s*\(*channel\)*\s*(::text\s*)?=\s*'lapor_sp4n'/i);
  });

  it('moves a waiting receipt an older release wrote on the bare channel name to the citizen’s outbox channel, and leaves the staff’s rows', async () => {
    await engine(app).stop();
    const knex = app.strapi.db.connection;
    const outbox = 'api::notification.notification';
    const row = (channel: string, idempotencyKey: string, topic: string) => app.strapi.db.query(outbox).create({ data: { channel, topic, idempotencyKey, status: 'pending', attempts: 0 } });
    await row('email', 'received:olddocument1', 'inquiry.received');
    await row('telegram', 'answered:olddocument2', 'inquiry.answered');
    await row('staff', 'answered:olddocument2:staff', 'inquiry.answered');
    await row('smtp', 'received:olddocument3:smtp', 'inquiry.received');
    await knex('strapi_migrations').where({ name: CITIZEN_OUTBOX }).delete();

    expect(await runAfterSyncMigrations(app.strapi)).toEqual([CITIZEN_OUTBOX]);
    const channels = await knex('notifications').where('idempotency_key', 'like', '%olddocument%').orderBy('idempotency_key').select('idempotency_key', 'channel', 'status');
    expect(channels).toEqual([
      { idempotency_key: 'answered:olddocument2', channel: 'citizen:telegram', status: 'pending' },
      { idempotency_key: 'answered:olddocument2:staff', channel: 'staff', status: 'pending' },
      { idempotency_key: 'received:olddocument1', channel: 'citizen:email', status: 'pending' },
      { idempotency_key: 'received:olddocument3:smtp', channel: 'smtp', status: 'pending' },
    ]);
  });
});
