import { stringify } from 'qs';
import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, createStaff, divisionId, type Staff } from '../helpers/builders';

const INQUIRY = 'api::inquiry.inquiry';
const POLICY = 'api::sop-policy.sop-policy';
const MINUTE = 60_000;
/** Wednesday 4 November 2026, 10:00 WIB. */
const WEDNESDAY = new Date('2026-11-04T03:00:00Z');

interface Row {
  receivedAt: string;
  channel: string;
  status: string;
  outcome: string | null;
  triageBreached: boolean;
  triageWorkingMinutes: number | null;
  triageDueAt: string | null;
}

interface RecapData {
  total: number;
  range: { start: string; end: string; timeZone: string };
  totals: { channel: Record<string, number>; status: Record<string, number>; outcome: Record<string, number> };
  compliance: { overall: { triage: { late: number; applicable: number } } };
  durations: { triage: { count: number; median: number | null } };
}

/**
 * The running totals the recap reads are kept by the database as rows change, whoever changes them. Each
 * figure here is checked against the requests themselves, counted in plain JavaScript, after each kind of write.
 */
describe.each(databases())('the recap’s running totals on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let officer: Staff;
  let leadership: Staff;
  let now = WEDNESDAY;

  /** Each start has fresh secrets: the staff sign in again. */
  async function boot() {
    app = await bootApp(db);
    app.strapi.plugin('sop-workflow').service('clock').use(() => now);
    officer = await createStaff(app, 'officer');
    leadership = await createStaff(app, 'leadership');
  }

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await boot();
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  const recap = async (from: string, to: string): Promise<RecapData> =>
    (await app.http.get(`/api/recap?${stringify({ from, to, groupBy: 'day' })}`).set(leadership.auth).expect(200)).body.data;

  /** The same figures from the rows received inside the range the recap reports. */
  async function fromRows(range: RecapData['range']) {
    const rows = ((await app.strapi.db.query(INQUIRY).findMany({
      select: ['receivedAt', 'channel', 'status', 'outcome', 'triageBreached', 'triageWorkingMinutes', 'triageDueAt'],
    })) as Row[]).filter((r) => new Date(r.receivedAt) >= new Date(range.start) && new Date(r.receivedAt) < new Date(range.end));
    const count = (key: (r: Row) => string | null) => {
      const counts: Record<string, number> = {};
      for (const r of rows) {
        const k = key(r);
        if (k !== null) counts[k] = (counts[k] ?? 0) + 1;
      }
      return counts;
    };
    return {
      total: rows.length,
      channel: count((r) => r.channel),
      status: count((r) => r.status),
      rejected: rows.filter((r) => r.outcome === 'rejected').length,
      // Flagged by the sweep, or still waiting past the deadline when the sweep has not run.
      triageLate: rows.filter((r) => r.triageBreached || (r.status === 'received' && r.triageDueAt !== null && new Date(r.triageDueAt) < now)).length,
      triageDurations: rows.filter((r) => r.triageWorkingMinutes !== null).length,
    };
  }

  async function expectExact(from: string, to: string): Promise<RecapData> {
    const data = await recap(from, to);
    const expected = await fromRows(data.range);
    const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
    expect(data.total).toBe(expected.total);
    expect(nonZero(data.totals.channel)).toEqual(expected.channel);
    expect(nonZero(data.totals.status)).toEqual(expected.status);
    expect(data.totals.outcome.rejected).toBe(expected.rejected);
    expect(data.compliance.overall.triage.late).toBe(expected.triageLate);
    expect(data.durations.triage.count).toBe(expected.triageDurations);
    return data;
  }

  const create = async (channel: string) =>
    (await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel })).expect(201)).body.data.documentId as string;

  it('follow every write: intake, routing, a rejection, the sweep’s breaches, and changes made in the table itself', async () => {
    now = WEDNESDAY;
    const ids = [];
    for (const channel of ['phone', 'email', 'walk_in', 'phone', 'radio', 'email']) ids.push(await create(channel));
    const first = await expectExact('2026-11-01', '2026-11-30');
    expect(first.total).toBe(6);

    now = new Date(WEDNESDAY.getTime() + 5 * MINUTE);
    for (const id of ids.slice(0, 2)) await app.http.post(`/api/inquiries/${id}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, 'DAFDUK') } }).expect(200);
    await app.http.post(`/api/inquiries/${ids[2]}/reject`).set(officer.auth).send({ data: { reason: 'Bukan kewenangan Disdukcapil.' } }).expect(200);
    await expectExact('2026-11-01', '2026-11-30');

    now = new Date(WEDNESDAY.getTime() + 20 * MINUTE);
    expect((await app.strapi.plugin('sop-workflow').service('sweep').run()).breached).toBe(3);
    const swept = await expectExact('2026-11-01', '2026-11-30');
    expect(swept.compliance.overall.triage.late).toBe(3);

    // Written past the application (an import, a repair by hand): the database counts it all the same.
    const knex = app.strapi.db.connection;
    const [last] = (await app.strapi.db.query(INQUIRY).findMany({ where: { documentId: ids[5] }, select: ['id'] })) as { id: number }[];
    await knex('inquiries').where({ id: last.id }).update({ channel: 'website' });
    await expectExact('2026-11-01', '2026-11-30');
    await knex('inquiries_cmps').where({ entity_id: last.id }).delete();
    await knex('inquiries').where({ id: last.id }).delete();
    expect((await expectExact('2026-11-01', '2026-11-30')).total).toBe(5);
  });

  it('read the same after they are folded, after a restart, and after their trigger was lost (the start counts afresh)', async () => {
    const before = await expectExact('2026-11-01', '2026-11-30');
    await (app.strapi.service('api::recap.rollup') as unknown as { fold(): Promise<void> }).fold();
    expect(await recap('2026-11-01', '2026-11-30')).toEqual(before);

    await app.stop();
    await boot();
    expect(await recap('2026-11-01', '2026-11-30')).toEqual(before);

    const knex = app.strapi.db.connection;
    if (kind === 'postgres') await knex.raw('DROP TRIGGER recap_rollup ON inquiries');
    else for (const op of ['insert', 'update', 'delete']) await knex.raw(`DROP TRIGGER recap_rollup_${op}`);
    now = new Date(WEDNESDAY.getTime() + 60 * MINUTE);
    await create('phone');
    await app.stop();
    await boot();
    expect((await expectExact('2026-11-01', '2026-11-30')).total).toBe(before.total + 1);
  });

  it('count the days afresh in a new time zone of the policy, and count from the rows when a zone’s offset moves inside the range', async () => {
    // A request at 23:30 WIB is on the next day in WITA.
    now = new Date('2026-11-10T16:30:00Z');
    await create('phone');
    const policies = app.strapi.plugin('sop-workflow').service('policy');
    const policy = (await app.strapi.db.query(POLICY).findOne({})) as { documentId: string };
    const inWib = await expectExact('2026-11-10', '2026-11-10');
    expect(inWib.range.timeZone).toBe('Asia/Jakarta');

    await app.strapi.documents(POLICY).update({ documentId: policy.documentId, data: { timeZone: 'Asia/Makassar' } as never });
    policies.invalidate();
    const inWita = await expectExact('2026-11-11', '2026-11-11');
    expect(inWita.range).toMatchObject({ timeZone: 'Asia/Makassar', start: '2026-11-10T16:00:00.000Z' });
    expect(inWita.total).toBeGreaterThanOrEqual(1);

    // Central Europe moves its clocks on 29 March: the days of that range are counted from the rows.
    now = new Date('2026-03-28T12:00:00Z');
    await create('email');
    now = new Date('2026-03-30T12:00:00Z');
    await create('phone');
    await app.strapi.documents(POLICY).update({ documentId: policy.documentId, data: { timeZone: 'Europe/Berlin' } as never });
    policies.invalidate();
    now = new Date('2026-11-10T12:00:00Z');
    expect((await expectExact('2026-03-25', '2026-04-02')).total).toBe(2);
    await app.strapi.documents(POLICY).update({ documentId: policy.documentId, data: { timeZone: 'Asia/Jakarta' } as never });
    policies.invalidate();
    await expectExact('2026-03-01', '2026-11-30');
  });
});
