import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { createStaff } from '../helpers/builders';
import { throwawayEnv } from '../../scripts/lib/throwaway-env';

/** Every local plugin of the repository, by the name Strapi knows it under. */
const LOCAL_PLUGINS = readdirSync(path.resolve(__dirname, '..', '..', 'plugins')).map(
  (dir) => JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'plugins', dir, 'package.json'), 'utf8')).strapi.name as string,
);

describe.each(databases())('the CMS on %s', (kind) => {
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

  it('loads every local plugin (an unbuilt plugin would be skipped silently)', () => {
    expect(LOCAL_PLUGINS).toContain('sop-workflow');
    for (const name of LOCAL_PLUGINS) expect(Object.keys(app.strapi.plugins)).toContain(name);
    expect(app.strapi.plugin('sop-workflow').service('workflow')).toBeDefined();
  });

  it('loads the telegram-notifier plugin, which stays off without a bot token while everything else works', async () => {
    expect(Object.keys(app.strapi.plugins)).toContain('telegram-notifier');
    expect(app.strapi.plugin('telegram-notifier').service('sender')).toBeDefined();
    expect(app.strapi.plugin('sop-workflow').service('delivery').handles('telegram')).toBe(false);
    const staff = await createStaff(app, 'division_staff', 'DAFDUK');
    const state = await app.http.get('/api/telegram/link').set(staff.auth).expect(200);
    expect(state.body.data).toMatchObject({ enabled: false, linked: false });
    const refused = await app.http.post('/api/telegram/link-code').set(staff.auth).expect(503);
    expect(refused.body.error.message).toMatch(/belum diaktifkan/);
  });

  it('seeds the two Bidang of the SOP and the default timings 15/60/60', async () => {
    const divisions = await app.strapi.db.query('api::division.division').findMany({ select: ['code'] });
    expect(divisions.map((d: { code: string }) => d.code).sort()).toEqual(['CAPIL', 'DAFDUK']);
    const policy = await app.strapi.db.query('api::sop-policy.sop-policy').findOne({});
    expect([policy.triageMinutes, policy.coordinationMinutes, policy.answerMinutes]).toEqual([15, 60, 60]);
  });
});

const BOOT_ONCE = path.join(__dirname, '..', 'helpers', 'boot-once.js');

function boot(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BOOT_ONCE], { env: { ...process.env, ...throwawayEnv(env) }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Strapi's document service writes a repeatable component's rows concurrently inside its transaction,
    // which pg reports once per process as a deprecation; anything else on stderr is a failure to come up.
    child.on('exit', (code) => resolve({ code, stderr: stderr.replace(/^\(node:\d+\) DeprecationWarning: Calling client\.query\(\) when the client is already executing a query.*\n(\(Use `node --trace-deprecation.*\n)?/m, '') }));
  });
}

// Several instances share a database on PostgreSQL only (DESIGN §10); the embedded SQLite file has one.
if (databases().includes('postgres')) {
  describe('instances started together on an empty PostgreSQL database', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase('postgres');
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('all come up: the first creates the tables and seeds, the others wait for it and find them', async () => {
      const results = await Promise.all([boot(db.env), boot(db.env), boot(db.env)]);
      for (const result of results) expect(result).toEqual({ code: 0, stderr: '' });
    });
  });
}
