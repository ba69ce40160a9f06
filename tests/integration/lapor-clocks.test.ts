import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, createStaff, divisionId, type Staff } from '../helpers/builders';

const INQUIRY = 'api::inquiry.inquiry';
const POLICY = 'api::sop-policy.sop-policy';
const DAY = 86_400_000;
const WIB = 7 * 3_600_000;
/** Monday 2 February 2026, 09.00 WIB. */
const MONDAY_0900 = new Date('2026-02-02T02:00:00Z');

interface Calendar {
  officeHours: readonly (readonly { start: number; end: number }[])[];
  holidays: ReadonlySet<string>;
}

/**
 * "Paling lambat N hari kerja", read the way an officer counts on a wall calendar: from the day the clock
 * starts (the next working day when it starts after closing), go day by day, skipping weekends and the
 * holidays entered; the deadline is closing time of the N-th working day after that one.
 */
function oracleWorkingDays(from: Date, days: number, cal: Calendar): Date {
  const dayOf = (utcMidnightOfWall: number) => new Date(utcMidnightOfWall);
  const isWorkingDay = (wall: number) => !cal.holidays.has(dayOf(wall).toISOString().slice(0, 10)) && cal.officeHours[dayOf(wall).getUTCDay()].length > 0;
  const closing = (wall: number) => Math.max(...cal.officeHours[dayOf(wall).getUTCDay()].map((i) => i.end));
  const wallFrom = from.getTime() + WIB;
  let day = Math.floor(wallFrom / DAY) * DAY;
  // Arriving after closing (or on a closed day) starts the count on the next working day.
  if (!isWorkingDay(day) || wallFrom >= day + closing(day) * 60_000) {
    do day += DAY;
    while (!isWorkingDay(day));
  }
  for (let counted = 0; counted < days; ) {
    day += DAY;
    if (isWorkingDay(day)) counted += 1;
  }
  return new Date(day + closing(day) * 60_000 - WIB);
}

describe.each(databases())('SP4N-LAPOR!’s own working-day deadlines beside the SOP’s, on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let officer: Staff;
  let now = MONDAY_0900;
  let calendar: Calendar;
  const sweep = () => app.strapi.plugin('sop-workflow').service('sweep').run() as Promise<{ breached: number; reminded: number }>;
  const row = (documentId: string) => app.strapi.db.query(INQUIRY).findOne({ where: { documentId } });
  const iso = (value: unknown) => new Date(value as string).toISOString();
  const events = async (documentId: string) =>
    (await app.http.get(`/api/inquiries/${documentId}/events`).set(officer.auth).expect(200)).body.data as { type: string; detail: { step?: string } }[];
  const keys = async (documentId: string) =>
    ((await app.strapi.db.query('api::notification.notification').findMany({ where: { inquiry: { documentId } } })) as { idempotencyKey: string }[]).map((n) => n.idempotencyKey);

  async function report(trackingId: string): Promise<string> {
    const res = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'lapor_sp4n', externalRef: trackingId })).expect(201);
    return res.body.data.documentId as string;
  }

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    app.strapi.plugin('sop-workflow').service('clock').use(() => now);
    officer = await createStaff(app, 'officer');
    const policies = app.strapi.plugin('sop-workflow').service('policy');
    const policy = await policies.current();
    const cal = await policies.calendarFor(policy);
    calendar = { officeHours: cal.officeHours, holidays: cal.holidays };
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('a report gets its three working days to be verified and forwarded; a request of another channel gets none', async () => {
    now = MONDAY_0900;
    const id = await report('5120001');
    const inquiry = await row(id);
    expect(iso(inquiry.laporForwardingDueAt)).toBe(oracleWorkingDays(MONDAY_0900, 3, calendar).toISOString());
    expect(iso(inquiry.laporForwardingDueAt)).toBe('2026-02-05T09:00:00.000Z'); // Thursday 16.00 WIB
    expect(inquiry).toMatchObject({ laporFollowUpDueAt: null, laporClosureDueAt: null, laporForwardingBreached: false });
    // The SOP's own fifteen minutes run beside it.
    expect(iso(inquiry.triageDueAt)).toBe('2026-02-02T02:15:00.000Z');

    const phone = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'phone' })).expect(201);
    expect(await row(phone.body.data.documentId)).toMatchObject({ laporForwardingDueAt: null, laporReminderDueAt: null });
  });

  it('a report arriving on Friday evening starts counting on Monday, and holidays entered do not count', async () => {
    const friday = new Date('2026-02-13T12:30:00Z'); // Friday 19.30 WIB
    now = friday;
    const id = await report('5120002');
    const due = oracleWorkingDays(friday, 3, calendar);
    expect(iso((await row(id)).laporForwardingDueAt)).toBe(due.toISOString());
    // Monday is day 0: Tuesday to Thursday are the three days, unless a holiday falls among them.
    expect(due.getTime()).toBeGreaterThanOrEqual(new Date('2026-02-19T09:00:00Z').getTime());
  });

  it('forwarding ends the first clock and starts the five days of the follow-up; the sweep reminds once and marks the breach once', async () => {
    now = MONDAY_0900;
    const id = await report('5120003');
    const routed = new Date(MONDAY_0900.getTime() + 25 * 3_600_000); // Tuesday 10.00 WIB
    now = routed;
    await app.http.post(`/api/inquiries/${id}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, 'DAFDUK') } }).expect(200);
    const forwarded = await row(id);
    expect(forwarded).toMatchObject({ laporForwardingBreached: false });
    const followUpDue = oracleWorkingDays(routed, 5, calendar);
    expect(iso(forwarded.laporFollowUpDueAt)).toBe(followUpDue.toISOString());
    expect(new Date(forwarded.laporReminderDueAt).getTime()).toBeLessThan(followUpDue.getTime());

    now = new Date(new Date(forwarded.laporReminderDueAt).getTime() - 60_000);
    await sweep();
    expect((await events(id)).filter((e) => e.detail?.step === 'lapor_follow_up')).toEqual([]);
    now = new Date(new Date(forwarded.laporReminderDueAt).getTime() + 60_000);
    await sweep();
    await sweep();
    expect((await events(id)).filter((e) => e.type === 'reminded' && e.detail.step === 'lapor_follow_up')).toHaveLength(1);
    expect(await keys(id)).toContain(`reminder:${id}:lapor_follow_up`);

    now = new Date(followUpDue.getTime() + 60_000);
    await sweep();
    await sweep();
    expect(await row(id)).toMatchObject({ laporFollowUpBreached: true, laporForwardingBreached: false });
    expect((await events(id)).filter((e) => e.type === 'breached' && e.detail.step === 'lapor_follow_up')).toHaveLength(1);
    expect(await keys(id)).toContain(`breached:${id}:lapor_follow_up`);
  });

  it('the follow-up posted (the date the officer gives) starts the ten days before closing; closing on time ends the last clock unbreached', async () => {
    now = MONDAY_0900;
    const id = await report('5120004');
    now = new Date(MONDAY_0900.getTime() + 30 * 60_000);
    await app.http.post(`/api/inquiries/${id}/answer`).set(officer.auth).send({ data: { answer: 'Data KK sudah kami perbaiki.' } }).expect(200);
    const direct = await row(id);
    // Answered at once: forwarding ends, the follow-up's five days start with the answer.
    expect(direct.laporForwardingBreached).toBe(false);
    expect(iso(direct.laporFollowUpDueAt)).toBe(oracleWorkingDays(now, 5, calendar).toISOString());

    const posted = new Date(MONDAY_0900.getTime() + 2 * 3_600_000);
    now = new Date(MONDAY_0900.getTime() + 3 * 3_600_000);
    await app.http.post(`/api/inquiries/${id}/delivered`).set(officer.auth).send({ data: { how: 'Diunggah ke SP4N-LAPOR!', at: posted.toISOString() } }).expect(200);
    const followedUp = await row(id);
    expect(iso(followedUp.laporFollowUpAt)).toBe(posted.toISOString());
    expect(followedUp.laporFollowUpBreached).toBe(false);
    const closureDue = oracleWorkingDays(posted, 10, calendar);
    expect(iso(followedUp.laporClosureDueAt)).toBe(closureDue.toISOString());

    now = new Date(closureDue.getTime() - 3_600_000);
    await app.http.post(`/api/inquiries/${id}/close`).set(officer.auth).send({ data: { reason: 'Pelapor tidak menanggapi.' } }).expect(200);
    now = new Date(closureDue.getTime() + DAY);
    await sweep();
    const closed = await row(id);
    expect(closed).toMatchObject({ laporClosureBreached: false, laporReminderDueAt: null });
    expect((await events(id)).filter((e) => e.type === 'breached')).toEqual([]);
  });

  it('a report left unverified past its three days is late on LAPOR!’s clock as well as on the SOP’s, and stays late once forwarded', async () => {
    now = MONDAY_0900;
    const id = await report('5120005');
    now = new Date(oracleWorkingDays(MONDAY_0900, 3, calendar).getTime() + 60_000);
    await sweep();
    expect(await row(id)).toMatchObject({ triageBreached: true, laporForwardingBreached: true });
    const steps = (await events(id)).filter((e) => e.type === 'breached').map((e) => e.detail.step);
    expect(steps.sort()).toEqual(['lapor_forwarding', 'triage']);
    // Forwarded late: the breach stays on record.
    await app.http.post(`/api/inquiries/${id}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, 'DAFDUK') } }).expect(200);
    expect((await row(id)).laporForwardingBreached).toBe(true);
  });

  it('the numbers are the SOP policy’s: two days instead of three apply to reports received afterwards only', async () => {
    now = MONDAY_0900;
    const before = await report('5120006');
    const policy = await app.strapi.db.query(POLICY).findOne({});
    await app.strapi.documents(POLICY).update({ documentId: policy.documentId, data: { laporForwardingDays: 2 } as never });
    const after = await report('5120007');
    expect(iso((await row(after)).laporForwardingDueAt)).toBe(oracleWorkingDays(MONDAY_0900, 2, calendar).toISOString());
    expect(iso((await row(before)).laporForwardingDueAt)).toBe(oracleWorkingDays(MONDAY_0900, 3, calendar).toISOString());
    await expect(app.strapi.documents(POLICY).update({ documentId: policy.documentId, data: { laporFollowUpDays: 0 } as never })).rejects.toThrow();
    await app.strapi.documents(POLICY).update({ documentId: policy.documentId, data: { laporForwardingDays: 3 } as never });
  });

  it('the Rekap counts each LAPOR! limit of the month’s reports: met, late (flagged or running past it), and pending', async () => {
    now = new Date('2026-06-01T02:00:00Z');
    const officerRecap = async (query: string) => (await app.http.get(`/api/recap?from=2026-02-01&to=2026-02-28&groupBy=month${query}`).set(officer.auth).expect(200)).body.data.lapor;
    const lapor = await officerRecap('');
    // Seven reports above: two forwarded in time (one of them answered at once), one forwarded late, four never.
    expect(lapor.reports).toBe(7);
    expect(lapor.budgets).toEqual({ lapor_forwarding: 3, lapor_follow_up: 5, lapor_closure: 10 });
    expect(lapor.clocks.lapor_forwarding).toEqual({ applicable: 7, met: 2, late: 5, pending: 0, withinBudget: 2 / 7 });
    // The follow-up ran for three: posted in time once, breached once, and still not posted after its five days once.
    expect(lapor.clocks.lapor_follow_up).toEqual({ applicable: 3, met: 1, late: 2, pending: 0, withinBudget: 1 / 3 });
    expect(lapor.clocks.lapor_closure).toEqual({ applicable: 1, met: 1, late: 0, pending: 0, withinBudget: 1 });
    expect((await officerRecap('&channel=phone')).reports).toBe(0);
  });
});
