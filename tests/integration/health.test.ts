import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildPublicInquiry, createStaff, type Staff } from '../helpers/builders';
import { virtualClock } from '../helpers/telegram';

const MINUTE = 60_000;

describe.each(databases())('GET /api/health on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let officer: Staff;
  let clock: ReturnType<typeof virtualClock>;
  let since: number;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    officer = await createStaff(app, 'officer');
    since = Date.parse((await app.http.get('/api/health/details').set(officer.auth).expect(200)).body.data.checks.scheduler.since);
    clock = virtualClock(app, new Date(since + MINUTE));
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  const details = async () => (await app.http.get('/api/health/details').set(officer.auth).expect(200)).body.data;

  it('tells a monitor, without signing in, only whether the server is up', async () => {
    const res = await app.http.get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('turns degraded once the SOP sweep has not run for two minutes, and ok again when it runs', async () => {
    clock.set(new Date(since + 3 * MINUTE));
    expect((await app.http.get('/api/health').expect(200)).body).toEqual({ status: 'degraded' });
    expect((await details()).checks.scheduler).toMatchObject({ state: 'degraded', lastRunAt: null });

    await app.strapi.plugin('sop-workflow').service('sweep').recordRun(new Date(clock.ms));
    clock.advance(MINUTE);
    expect((await app.http.get('/api/health').expect(200)).body).toEqual({ status: 'ok' });
  });

  it('turns degraded when a citizen’s message has waited over ten minutes to go out, and names when it was due', async () => {
    const sweep = app.strapi.plugin('sop-workflow').service('sweep');
    await sweep.recordRun(new Date(clock.ms));
    // A website receipt with nothing to carry it is done at once; a row of a channel nobody sends on waits.
    await app.strapi.plugin('sop-workflow').service('outbox').enqueue({ channel: 'smtp', topic: 'inquiry.received', recipient: 'warga@contoh.id', idempotencyKey: `health:${kind}`, payload: {}, at: new Date(clock.ms) });
    const due = new Date(clock.ms).toISOString();
    clock.advance(11 * MINUTE);
    await sweep.recordRun(new Date(clock.ms));
    const data = await details();
    expect(data.status).toBe('degraded');
    expect(data.checks.outbox).toMatchObject({ state: 'degraded', oldestDueAt: due, failedLast24h: 0 });
    expect(JSON.stringify(data)).not.toContain('warga@contoh.id');
  });

  it('answers the same to a monitor however busy the office is: no personal data, just the state', async () => {
    await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
    const res = await app.http.get('/api/health');
    expect(Object.keys(res.body)).toEqual(['status']);
  });
});
