import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, buildPublicInquiry, createStaff, divisionId, type Staff } from '../helpers/builders';
import { waitFor } from '../helpers/wait';

/** Wednesday 4 November 2026, 10:00 WIB. */
const WEDNESDAY_1000 = new Date('2026-11-04T03:00:00Z');
const at = (minutes: number) => new Date(WEDNESDAY_1000.getTime() + minutes * 60_000);

describe.each(databases())('the breach sweep on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let officer: Staff;
  let now = WEDNESDAY_1000;
  const sweep = () => app.strapi.plugin('sop-workflow').service('sweep').run() as Promise<{ breached: number; reminded: number }>;
  const events = async (documentId: string) =>
    (await app.http.get(`/api/inquiries/${documentId}/events`).set(officer.auth).expect(200)).body.data as { type: string; detail: { step?: string } }[];
  const outbox = (documentId: string) =>
    app.strapi.db.query('api::notification.notification').findMany({ where: { inquiry: { documentId } }, orderBy: { id: 'asc' } }) as Promise<{ topic: string; idempotencyKey: string }[]>;

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

  async function intake() {
    now = WEDNESDAY_1000;
    const res = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'phone' })).expect(201);
    return res.body.data.documentId as string;
  }

  it('reminds at 80 % of the triage budget (12 of 15 minutes), once', async () => {
    const id = await intake();
    now = at(11);
    await sweep();
    expect((await events(id)).map((e) => e.type)).toEqual(['created']);
    now = at(12.5);
    await sweep();
    now = at(13);
    await sweep();
    const reminded = (await events(id)).filter((e) => e.type === 'reminded');
    expect(reminded).toHaveLength(1);
    expect(reminded[0].detail.step).toBe('triage');
    expect((await outbox(id)).map((n) => n.topic)).toEqual(['inquiry.received', 'inquiry.reminder']);
  });

  it('marks a request not routed within 15 minutes as breached, once, with an event and a notification', async () => {
    const id = await intake();
    now = at(16);
    await sweep();
    await sweep();
    const row = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId: id } });
    expect(row.triageBreached).toBe(true);
    expect((await events(id)).filter((e) => e.type === 'breached')).toHaveLength(1);
    expect((await outbox(id)).map((n) => n.idempotencyKey)).toContain(`breached:${id}:triage`);
  });

  it('keeps a breach off the citizen\'s tracking page: it is for the office', async () => {
    now = WEDNESDAY_1000;
    const { code, trackingToken } = (await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201)).body.data;
    const id = ((await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { code } })) as { documentId: string }).documentId;
    now = at(16);
    await sweep();
    expect((await events(id)).map((e) => e.type)).toEqual(['created', 'breached']);
    const page = await app.http.get(`/api/public/track/${code}`).query({ token: trackingToken }).expect(200);
    expect(page.body.data.timeline).toEqual([{ type: 'created', at: WEDNESDAY_1000.toISOString() }]);
  });

  it('watches the coordination hour once the request is routed, in working time', async () => {
    const id = await intake();
    now = at(5);
    await app.http.post(`/api/inquiries/${id}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, 'CAPIL') } }).expect(200);
    now = at(64);
    await sweep();
    expect((await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId: id } })).coordinationBreached).toBe(false);
    now = at(66);
    await sweep();
    const row = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId: id } });
    expect(row).toMatchObject({ triageBreached: false, coordinationBreached: true });
    expect((await events(id)).filter((e) => e.type === 'breached').map((e) => e.detail.step)).toEqual(['coordination']);
  });

  it('does not count the night: a request at 15:55 is not breached at 08:05 the next morning', async () => {
    now = new Date('2026-11-04T08:55:00Z');
    const res = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry()).expect(201);
    expect(res.body.data.triageDueAt).toBe('2026-11-05T01:10:00.000Z');
    now = new Date('2026-11-05T01:05:00Z');
    await sweep();
    const row = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId: res.body.data.documentId } });
    expect(row.triageBreached).toBe(false);
  });

  it('two sweeps racing mark each breach exactly once', async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, () => intake()));
    now = at(30);
    const results = await Promise.all([sweep(), sweep(), sweep()]);
    for (const id of ids) {
      expect((await events(id)).filter((e) => e.type === 'breached')).toHaveLength(1);
    }
    expect(results.reduce((sum, r) => sum + r.breached, 0)).toBeGreaterThanOrEqual(5);
  });

  it('after a long weekend, one run of three racing sweeps marks a backlog of more than a chunk, each breach once with its event and alert', async () => {
    // Everything older is settled first, so the run below owes exactly the backlog.
    const friday = new Date('2026-11-06T03:00:00Z');
    now = friday;
    await sweep();
    // More than one chunk of the sweep's (500), and far more than it once marked in a run (200).
    const backlog = 520;
    const ids: string[] = [];
    for (let i = 0; i < backlog; i += 25) {
      const batch = Array.from({ length: Math.min(25, backlog - i) }, () => app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'phone' })).expect(201));
      ids.push(...(await Promise.all(batch)).map((res) => res.body.data.documentId as string));
    }
    now = new Date('2026-11-10T03:00:00Z');
    const results = await Promise.all([sweep(), sweep(), sweep()]);
    expect(results.reduce((sum, r) => sum + r.breached, 0)).toBe(backlog);

    const inquiries = app.strapi.db.query('api::inquiry.inquiry');
    expect(await inquiries.count({ where: { documentId: { $in: ids }, triageBreached: true, reminderDueAt: null } })).toBe(backlog);
    const breachEvents = (await app.strapi.db.query('api::inquiry-event.inquiry-event').findMany({
      where: { type: 'breached', inquiry: { documentId: { $in: ids } } },
      populate: { inquiry: { select: ['documentId'] } },
    })) as { detail: { step: string }; inquiry: { documentId: string } }[];
    expect(breachEvents).toHaveLength(backlog);
    expect(new Set(breachEvents.map((e) => e.inquiry.documentId)).size).toBe(backlog);
    expect(breachEvents.every((e) => e.detail.step === 'triage')).toBe(true);
    const alerts = (await app.strapi.db.query('api::notification.notification').findMany({
      where: { topic: 'inquiry.breached', inquiry: { documentId: { $in: ids } } },
      select: ['idempotencyKey', 'payload'],
    })) as { idempotencyKey: string; payload: { code: string; step: string } }[];
    expect(alerts.map((a) => a.idempotencyKey).sort()).toEqual(ids.map((id) => `breached:${id}:triage`).sort());
    const codes = new Map(((await inquiries.findMany({ where: { documentId: { $in: ids } }, select: ['documentId', 'code'] })) as { documentId: string; code: string }[]).map((r) => [r.documentId, r.code]));
    expect(alerts.every((a) => a.payload.step === 'triage' && a.payload.code === codes.get(a.idempotencyKey.split(':')[1]))).toBe(true);
    // The deadline passed long before the reminder could matter: no reminder goes out for a breached step.
    expect(await app.strapi.db.query('api::notification.notification').count({ where: { topic: 'inquiry.reminder', inquiry: { documentId: { $in: ids } } } })).toBe(0);
    expect((await sweep()).breached).toBe(0);
  });
});

describe('the sweep on its schedule', () => {
  const ours = ['sopWorkflowSweep', 'channelsPurge', 'telegramPrune'];
  const scheduled = (app: TestApp) => (app.strapi.cron.jobs as { name: string | null }[]).map((job) => job.name).filter((name) => ours.includes(name ?? ''));

  it('runs by itself when scheduled jobs are on: a request left unrouted is marked late without anyone calling it', async () => {
    const db = await createTestDatabase('sqlite');
    const app = await bootApp(db, { CRON_ENABLED: 'true', SOP_SWEEP_CRON: '* * * * * *' });
    try {
      // (The bot's own pruning comes with its token.)
      expect(scheduled(app).sort()).toEqual(['channelsPurge', 'sopWorkflowSweep']);
      let now = WEDNESDAY_1000;
      app.strapi.plugin('sop-workflow').service('clock').use(() => now);
      const officer = await createStaff(app, 'officer');
      const res = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'phone' })).expect(201);
      now = at(16);
      const inquiries = app.strapi.db.query('api::inquiry.inquiry');
      await waitFor(async () => (await inquiries.findOne({ where: { documentId: res.body.data.documentId } })).triageBreached === true, 10_000, 'the scheduled sweep');
      // Each run leaves its time where the health check (and every other instance) reads it.
      await waitFor(async () => (await app.strapi.plugin('sop-workflow').service('sweep').lastRun())?.getTime() === now.getTime(), 10_000, 'the sweep’s heartbeat');
      const health = await app.http.get('/api/health/details').set(officer.auth).expect(200);
      expect(health.body.data.checks.scheduler).toMatchObject({ state: 'ok', lastRunAt: now.toISOString() });
    } finally {
      await app.stop();
      await db.drop();
    }
  });

  it('CRON_ENABLED=false schedules none of the plugins\' jobs (Strapi would start them anyway): a test moves the clock and calls the sweep itself', async () => {
    const db = await createTestDatabase('sqlite');
    const app = await bootApp(db, { CRON_ENABLED: 'false', SOP_SWEEP_CRON: '* * * * * *' });
    try {
      expect(scheduled(app)).toEqual([]);
    } finally {
      await app.stop();
      await db.drop();
    }
  });
});
