import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildPublicInquiry, createStaff, type Staff } from '../helpers/builders';
import { runScript } from '../helpers/scripts';
import { virtualClock } from '../helpers/telegram';
import { backupJob } from '../../cms/src/scheduled-backups';

const DAY = 24 * 3600_000;

/** What a backup must carry over: the requests, their audit trail, the outbox, the applicants, the uploads' rows and the staff. */
const TABLES = ['inquiries', 'components_inquiry_applicants', 'inquiry_events', 'notifications', 'files', 'up_users'];

type Row = Record<string, unknown>;
type Snapshot = Record<string, Row[]>;

async function snapshot(app: TestApp): Promise<Snapshot> {
  const knex = app.strapi.db.connection;
  const entries = await Promise.all(TABLES.map(async (table) => [table, (await knex(table).select('*').orderBy('id')) as Row[]] as const));
  return Object.fromEntries(entries);
}

/** The same read straight from a database no server has opened yet (a restored one, before its outbox sends anything). */
async function snapshotOf(database: TestDatabase): Promise<Snapshot> {
  const read: Snapshot = {};
  if (database.env.DATABASE_FILENAME) {
    const db = new Database(database.env.DATABASE_FILENAME, { readonly: true });
    for (const table of TABLES) read[table] = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Row[];
    db.close();
    return read;
  }
  const client = new Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  for (const table of TABLES) read[table] = (await client.query(`SELECT * FROM ${table} ORDER BY id`)).rows;
  await client.end();
  return read;
}

/** Citizens sending the public form one after another until told to stop; counts what was acknowledged. */
function citizensWriting(app: TestApp) {
  let stopped = false;
  let acknowledged = 0;
  const done = (async () => {
    for (let i = 0; !stopped; i += 1) {
      await app.http.post('/api/public/inquiries').send(buildPublicInquiry({ subject: `Pertanyaan saat pencadangan ${i}`, applicant: { name: 'Warga Kota', email: `warga${i}@contoh.id` } })).expect(201);
      acknowledged += 1;
    }
  })();
  return {
    get acknowledged() {
      return acknowledged;
    },
    async stop() {
      stopped = true;
      await done;
    },
  };
}

async function upload(app: TestApp, dir: string, name: string, text: string) {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const [saved] = await app.strapi
    .plugin('upload')
    .service('upload')
    .upload({ data: {}, files: { filepath: file, originalFilename: name, mimetype: 'text/plain', size: statSync(file).size } });
  return saved as { id: number; url: string };
}

const listening = (app: TestApp) =>
  new Promise<number>((resolve) => {
    const server = app.strapi.server.httpServer;
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

const manifestOf = (file: string) => JSON.parse(execFileSync('tar', ['-xzOf', file, 'manifest.json'], { encoding: 'utf8' }));

describe.each(databases())('backup and restore on %s', (kind) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let app: TestApp;
  let restored: TestApp | undefined;
  let officer: Staff;
  let tmp: string;
  const dir = (name: string) => path.join(tmp, name);
  /** What the scripts read: the database, the uploads, the backups, the port a running server would answer on. */
  const scriptEnv = (database: TestDatabase, publicDir: string, port: number) => ({
    DATABASE_URL: undefined,
    DATABASE_FILENAME: undefined,
    ...database.env,
    PUBLIC_DIR: publicDir,
    BACKUP_DIR: dir('backups'),
    BACKUP_KEEP: '2',
    HOST: '127.0.0.1',
    PORT: String(port),
  });

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'layanan-backup-'));
    for (const name of ['before/uploads', 'after/uploads', 'files']) mkdirSync(dir(name), { recursive: true });
    source = await createTestDatabase(kind);
    target = await createTestDatabase(kind);
    app = await bootApp(source, { PUBLIC_DIR: dir('before'), BACKUP_CRON: '30 1 * * *' });
    officer = await createStaff(app, 'officer');
  });
  afterAll(async () => {
    await app?.stop().catch(() => undefined);
    await restored?.stop();
    await source?.drop();
    await target?.drop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('copies, while citizens keep writing, every row acknowledged before it began, and restores them unchanged into a fresh database that serves them', async () => {
    const lambang = await upload(app, dir('files'), 'lambang.txt', 'Lambang Kota Probolinggo');
    const pengumuman = await upload(app, dir('files'), 'pengumuman.txt', 'Pelayanan tutup pada hari libur nasional.');
    for (let i = 0; i < 5; i += 1) await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
    // The outbox rows stay as they were committed: no send moves them between the two reads compared below.
    await app.strapi.plugin('sop-workflow').service('delivery').stop();
    const port = await listening(app);

    const citizens = citizensWriting(app);
    while (citizens.acknowledged < 3) await new Promise((resolve) => setImmediate(resolve));
    const before = await snapshot(app);
    const acknowledgedBefore = citizens.acknowledged;
    const backup = await runScript('backup', [], scriptEnv(source, dir('before'), 1));
    const duringBackup = citizens.acknowledged - acknowledgedBefore;
    await citizens.stop();

    expect(backup).toMatchObject({ code: 0 });
    expect(duringBackup).toBeGreaterThan(0);
    const [name] = readdirSync(dir('backups')).filter((file) => file.endsWith('.tar.gz'));
    expect(name).toMatch(/^layanan-informasi-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.tar\.gz$/);
    const file = path.join(dir('backups'), name);
    const manifest = manifestOf(file);
    expect(manifest).toMatchObject({ product: 'layanan-informasi', version: '0.1.0', database: { kind }, uploads: { files: 2 } });
    expect(manifest.database.counts.inquiries).toBeGreaterThanOrEqual(before.inquiries.length);
    expect(before.notifications.length).toBeGreaterThan(0);
    expect(before.inquiry_events.length).toBeGreaterThan(0);

    // The health details name the backup; only a server told to back itself up is degraded by an old one.
    const details = async () => (await app.http.get('/api/health/details').set(officer.auth).expect(200)).body.data.checks.backup;
    const lastAt = new Date((await details()).lastAt);
    expect(await details()).toEqual({ state: 'ok', scheduled: true, lastAt: lastAt.toISOString(), file: name, bytes: statSync(file).size });
    const clock = virtualClock(app, new Date(lastAt.getTime() + DAY));
    expect((await details()).state).toBe('ok');
    clock.set(new Date(lastAt.getTime() + 3 * DAY));
    expect((await details()).state).toBe('degraded');

    // Never over a running server: not while one answers on the configured port, not into a database it holds.
    const count = async () => Number((await app.strapi.db.connection('inquiries').count({ n: '*' }))[0].n);
    const rowsBefore = await count();
    const overPort = await runScript('restore', [file], scriptEnv(target, dir('after'), port));
    expect(overPort.code).toBe(1);
    expect(overPort.output).toContain(`a server answers on 127.0.0.1:${port}`);
    const overRunning = await runScript('restore', [file, '--replace'], scriptEnv(source, dir('before'), 1));
    expect(overRunning.code).toBe(1);
    expect(overRunning.output).toMatch(kind === 'postgres' ? /other connection\(s\) to database/ : /another process has .* open/);
    expect(await count()).toBe(rowsBefore);
    expect(readdirSync(dir('before/uploads'))).toHaveLength(2);

    await app.stop();
    const restore = await runScript('restore', [file], scriptEnv(target, dir('after'), 1));
    expect(restore).toMatchObject({ code: 0 });

    const after = await snapshotOf(target);
    for (const table of TABLES) {
      const byId = new Map(after[table].map((row) => [row.id, row]));
      for (const row of before[table]) expect({ table, row: byId.get(row.id) }).toEqual({ table, row });
    }
    restored = await bootApp(target, { PUBLIC_DIR: dir('after') });
    const jwt = restored.strapi.plugin('users-permissions').service('jwt').issue({ id: officer.id });
    const list = await restored.http.get('/api/inquiries?pagination[pageSize]=100').set({ Authorization: `Bearer ${jwt}` }).expect(200);
    const served = new Set(list.body.data.map((inquiry: { code: string }) => inquiry.code));
    for (const row of before.inquiries) expect(served.has(row.code)).toBe(true);
    for (const saved of [lambang, pengumuman]) {
      const res = await restored.http.get(saved.url).expect(200);
      expect(res.text).toBe(readFileSync(path.join(dir('before'), saved.url)).toString());
    }
  });

  it('keeps only the BACKUP_KEEP newest backups', async () => {
    const first = readdirSync(dir('backups')).filter((file) => file.endsWith('.tar.gz'));
    await restored!.stop();
    restored = undefined;
    for (let i = 0; i < 2; i += 1) expect(await runScript('backup', [], scriptEnv(target, dir('after'), 1))).toMatchObject({ code: 0 });
    const left = readdirSync(dir('backups')).filter((file) => file.endsWith('.tar.gz'));
    expect(left).toHaveLength(2);
    expect(left).not.toContain(first[0]);
    expect(readdirSync(dir('backups')).filter((file) => !file.endsWith('.tar.gz'))).toEqual([]);
  });
});

describe.each(databases())('the server’s own backups (BACKUP_CRON) on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let tmp: string;
  const backups = () => readdirSync(path.join(tmp, 'backups')).filter((file) => file.endsWith('.tar.gz'));

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'layanan-backup-cron-'));
    mkdirSync(path.join(tmp, 'public', 'uploads'), { recursive: true });
    mkdirSync(path.join(tmp, 'backups'));
    app = await bootApp(db = await createTestDatabase(kind), { PUBLIC_DIR: path.join(tmp, 'public'), BACKUP_DIR: path.join(tmp, 'backups'), BACKUP_CRON: '30 1 * * *' });
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('are made by the one instance that takes the lease; a twin firing at the same time skips', async () => {
    const leases = app.strapi.plugin('channels').service('inbox');
    const thisInstance = backupJob(app.strapi);
    const twin = backupJob(app.strapi);

    await leases.lease('backup', 'an-instance-already-backing-up', 60_000);
    expect(await thisInstance.run()).toBe('skipped');
    expect(backups()).toEqual([]);

    await leases.releaseLease('backup', 'an-instance-already-backing-up');
    expect(await thisInstance.run()).toBe('done');
    expect(await twin.run()).toBe('skipped');
    expect(backups()).toHaveLength(1);
    expect(manifestOf(path.join(tmp, 'backups', backups()[0])).database.kind).toBe(kind);
  });
});
