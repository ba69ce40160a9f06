import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, createStaff, type Staff } from '../helpers/builders';

const POLICY = 'api::sop-policy.sop-policy';
/** Thursday 3 December 2026, 09.00 WIB: a request under the SOP's fifteen minutes. */
const BEFORE = new Date('2026-12-03T02:00:00Z');
/** Thursday 10 December 2026, 08.00 WIB: the editor's new budget of twenty minutes is in force. */
const CHANGED = new Date('2026-12-10T01:00:00Z');
const AFTER = new Date('2026-12-10T03:00:00Z');

describe.each(databases())('the Rekap judges and labels each request by the SOP policy it carried, on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let officer: Staff;
  let leadership: Staff;
  let now = BEFORE;

  const recap = async (from: string, to: string) =>
    (await app.http.get(`/api/recap?from=${from}&to=${to}&groupBy=day`).set(leadership.auth).expect(200)).body.data;
  const intake = () => app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'phone' })).expect(201);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    app.strapi.plugin('sop-workflow').service('clock').use(() => now);
    officer = await createStaff(app, 'officer');
    leadership = await createStaff(app, 'leadership');
    now = BEFORE;
    await intake();
    now = CHANGED;
    const policy = await app.strapi.db.query(POLICY).findOne({});
    await app.strapi.documents(POLICY).update({ documentId: policy.documentId, data: { triageMinutes: 20 } as never });
    now = AFTER;
    await intake();
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('a week before the change reads fifteen minutes, though the editor has since set twenty', async () => {
    const data = await recap('2026-12-01', '2026-12-07');
    expect(data.compliance.policies).toEqual([expect.objectContaining({ budgets: { triage: 15, coordination: 60, answer: 60 }, since: BEFORE.toISOString() })]);
  });

  it('a month that mixes both names each budget with the first request judged by it', async () => {
    const data = await recap('2026-12-01', '2026-12-31');
    const policies = [...data.compliance.policies].sort((a, b) => a.since.localeCompare(b.since));
    expect(policies.map((p: { budgets: { triage: number }; since: string }) => [p.budgets.triage, p.since])).toEqual([
      [15, BEFORE.toISOString()],
      [20, AFTER.toISOString()],
    ]);
    expect(policies[1].revision).toBeGreaterThan(policies[0].revision);
  });

  it('a range without requests reads the policy in force now', async () => {
    const data = await recap('2026-11-01', '2026-11-30');
    expect(data.compliance.policies).toEqual([expect.objectContaining({ budgets: { triage: 20, coordination: 60, answer: 60 }, since: null })]);
  });
});
