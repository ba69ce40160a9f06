import { stringify } from 'qs';
import { CHANNELS, KINDS, SERVICE_CATEGORIES, STATUSES, mulberry32 } from '@layanan/config';
import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, createStaff, divisionId, type Staff } from '../helpers/builders';
import { generateInquiries, insertInquiries, type GeneratedInquiry } from '../helpers/recap';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** WIB is UTC+7 all year; the oracle below does its own arithmetic with it. */
const WIB = 7 * HOUR;
const STEPS = ['triage', 'coordination', 'answer'] as const;
type Step = (typeof STEPS)[number];

/** Friday 15 May 2026, 10:00 WIB: "now" for every figure that depends on the clock. */
const NOW = new Date('2026-05-15T03:00:00Z');

// ------------------------------------------------------------------ the plain in-memory computation

const localDay = (at: Date) => Math.floor((at.getTime() + WIB) / DAY);
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

function periodOf(at: Date, groupBy: 'day' | 'week' | 'month'): string {
  const day = localDay(at);
  if (groupBy === 'day') return dateOf(day);
  if (groupBy === 'month') return dateOf(day).slice(0, 7);
  const weekday = new Date(day * DAY).getUTCDay();
  return dateOf(day - ((weekday + 6) % 7));
}

interface Filters {
  channel?: string;
  kind?: string;
  division?: string;
}

function selected(rows: GeneratedInquiry[], from: string, to: string, filters: Filters): GeneratedInquiry[] {
  return rows.filter((r) => {
    const day = dateOf(localDay(r.receivedAt));
    if (day < from || day > to) return false;
    if (filters.channel && r.channel !== filters.channel) return false;
    if (filters.kind && r.kind !== filters.kind) return false;
    if (filters.division && (r.division ?? 'none') !== filters.division) return false;
    return true;
  });
}

const OPEN_AT: Record<Step, GeneratedInquiry['status']> = { triage: 'received', coordination: 'triaged', answer: 'coordinated' };
const due = (r: GeneratedInquiry, step: Step) => ({ triage: r.triageDueAt, coordination: r.coordinationDueAt, answer: r.answerDueAt })[step];
const flag = (r: GeneratedInquiry, step: Step) => ({ triage: r.triageBreached, coordination: r.coordinationBreached, answer: r.answerBreached })[step];
const minutesOf = (r: GeneratedInquiry, step: Step) =>
  ({ triage: r.triageWorkingMinutes, coordination: r.coordinationWorkingMinutes, answer: r.answerWorkingMinutes })[step];

/** Per inquiry and step, straight from its due time, flag and the clock. */
function compliance(rows: GeneratedInquiry[], step: Step) {
  const result = { applicable: 0, met: 0, late: 0, pending: 0 };
  for (const r of rows) {
    const dueAt = due(r, step);
    if (!dueAt) continue;
    result.applicable += 1;
    const open = r.status === OPEN_AT[step];
    if (flag(r, step) || (open && dueAt < NOW)) result.late += 1;
    else if (open) result.pending += 1;
    else result.met += 1;
  }
  return { ...result, withinBudget: result.applicable ? (result.met + result.pending) / result.applicable : null };
}

function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
}

function countBy(rows: GeneratedInquiry[], key: (r: GeneratedInquiry) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[key(r)] = (counts[key(r)] ?? 0) + 1;
  return counts;
}

function withZeros(keys: readonly string[], counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, counts[k] ?? 0]));
}

const outcomeOf = (r: GeneratedInquiry) => (r.outcome ?? 'open');

/** SOP step 4 to the citizen: each answer's delivery state, and the minutes from the answer to its delivery. */
function deliveryFigures(rows: GeneratedInquiry[]) {
  const withState = rows.filter((r) => r.answerDelivery !== null);
  const figures = (own: GeneratedInquiry[]) => ({
    delivered: own.filter((r) => r.answerDelivery === 'delivered').length,
    failed: own.filter((r) => r.answerDelivery === 'failed').length,
    pending: own.filter((r) => r.answerDelivery === 'sending' || r.answerDelivery === 'officer_task').length,
    medianMinutes: percentile(
      own.filter((r) => r.answerDelivery === 'delivered').map((r) => (r.answerDeliveredAt!.getTime() - r.answeredAt!.getTime()) / 60_000),
      0.5,
    ),
  });
  const channels = [...new Set(withState.map((r) => r.channel))];
  return { overall: figures(withState), byChannel: Object.fromEntries(channels.map((c) => [c, figures(withState.filter((r) => r.channel === c))])) };
}

function expectFigures(got: { medianMinutes: number | null }, expected: { medianMinutes: number | null }) {
  const { medianMinutes, ...counts } = expected;
  expect(got).toMatchObject(counts);
  if (medianMinutes === null) expect(got.medianMinutes).toBeNull();
  else expect(got.medianMinutes).toBeCloseTo(medianMinutes, 6);
}

// ------------------------------------------------------------------ the suite

describe.each(databases())('Rekap Informasi on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let officer: Staff;
  let leadership: Staff;
  let generated: GeneratedInquiry[];

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    app.strapi.plugin('sop-workflow').service('clock').use(() => NOW);
    officer = await createStaff(app, 'officer');
    leadership = await createStaff(app, 'leadership');
    // Three and a half months of requests, a few days either side of the range the tests ask for.
    generated = generateInquiries(mulberry32(kind === 'sqlite' ? 5 : 6), 420, new Date('2026-01-25T00:00:00Z'), new Date('2026-05-15T02:00:00Z'), NOW, ['DAFDUK', 'CAPIL']);
    await insertInquiries(app.strapi, generated);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  const recap = async (query: Record<string, string>, who: Staff = leadership) =>
    (await app.http.get(`/api/recap?${stringify(query)}`).set(who.auth).expect(200)).body.data;

  const cases: [string, Record<string, string>, Filters][] = [
    ['everything, by month', { from: '2026-02-01', to: '2026-05-15', groupBy: 'month' }, {}],
    ['everything, by week', { from: '2026-02-01', to: '2026-05-15', groupBy: 'week' }, {}],
    ['one month, by day', { from: '2026-03-01', to: '2026-03-31', groupBy: 'day' }, {}],
    ['WhatsApp only', { from: '2026-02-01', to: '2026-05-15', groupBy: 'month', channel: 'whatsapp' }, { channel: 'whatsapp' }],
    ['complaints only', { from: '2026-02-01', to: '2026-05-15', groupBy: 'month', kind: 'complaint' }, { kind: 'complaint' }],
    ['Bidang Pendaftaran Penduduk only', { from: '2026-02-01', to: '2026-05-15', groupBy: 'month', division: 'DAFDUK' }, { division: 'DAFDUK' }],
    ['requests not routed to a Bidang', { from: '2026-02-01', to: '2026-05-15', groupBy: 'week', division: 'none' }, { division: 'none' }],
  ];

  describe.each(cases)('%s', (_label, query, filters) => {
    let data: Record<string, any>;
    let rows: GeneratedInquiry[];
    beforeAll(async () => {
      data = await recap(query);
      rows = selected(generated, query.from, query.to, filters);
    });

    it('counts every request once, per period', () => {
      expect(data.total).toBe(rows.length);
      const expected = countBy(rows, (r) => periodOf(r.receivedAt, query.groupBy as 'day' | 'week' | 'month'));
      const got = Object.fromEntries(data.periods.filter((p: { total: number }) => p.total > 0).map((p: { period: string; total: number }) => [p.period, p.total]));
      expect(got).toEqual(expected);
    });

    it('breaks each period down by channel, kind, category, Bidang, status and outcome', () => {
      for (const period of data.periods) {
        const inPeriod = rows.filter((r) => periodOf(r.receivedAt, query.groupBy as 'day' | 'week' | 'month') === period.period);
        expect(period.channel).toEqual(withZeros(CHANNELS, countBy(inPeriod, (r) => r.channel)));
        expect(period.kind).toEqual(withZeros(KINDS, countBy(inPeriod, (r) => r.kind)));
        expect(period.serviceCategory).toEqual(withZeros(SERVICE_CATEGORIES, countBy(inPeriod, (r) => r.serviceCategory)));
        expect(period.status).toEqual(withZeros(STATUSES, countBy(inPeriod, (r) => r.status)));
        expect(period.outcome).toEqual(withZeros(['open', 'answered', 'rejected'], countBy(inPeriod, outcomeOf)));
        expect(period.division).toEqual(withZeros(['DAFDUK', 'CAPIL', 'none'], countBy(inPeriod, (r) => r.division ?? 'none')));
      }
    });

    it('adds the periods up to the totals', () => {
      expect(data.totals.channel).toEqual(withZeros(CHANNELS, countBy(rows, (r) => r.channel)));
      expect(data.totals.division).toEqual(withZeros(['DAFDUK', 'CAPIL', 'none'], countBy(rows, (r) => r.division ?? 'none')));
      expect(data.totals.outcome).toEqual(withZeros(['open', 'answered', 'rejected'], countBy(rows, outcomeOf)));
    });

    it('measures SLA compliance per step, overall and per Bidang', () => {
      for (const step of STEPS) {
        const { withinBudget, ...counts } = compliance(rows, step);
        expect(data.compliance.overall[step]).toMatchObject(counts);
        if (withinBudget === null) expect(data.compliance.overall[step].withinBudget).toBeNull();
        else expect(data.compliance.overall[step].withinBudget).toBeCloseTo(withinBudget, 10);
      }
      const divisions = [...new Set(rows.map((r) => r.division ?? 'none'))];
      expect(Object.keys(data.compliance.byDivision).sort()).toEqual(divisions.sort());
      for (const division of divisions) {
        const own = rows.filter((r) => (r.division ?? 'none') === division);
        for (const step of STEPS) {
          const { withinBudget, ...counts } = compliance(own, step);
          expect(data.compliance.byDivision[division][step]).toMatchObject(counts);
          if (withinBudget !== null) expect(data.compliance.byDivision[division][step].withinBudget).toBeCloseTo(withinBudget, 10);
        }
      }
    });

    it('gives the median and 90th percentile of each step in working minutes', () => {
      for (const step of STEPS) {
        const values = rows.map((r) => minutesOf(r, step)).filter((v): v is number => v !== null);
        expect(data.durations[step].count).toBe(values.length);
        for (const [key, p] of [['median', 0.5], ['p90', 0.9]] as const) {
          const expected = percentile(values, p);
          if (expected === null) expect(data.durations[step][key]).toBeNull();
          else expect(data.durations[step][key]).toBeCloseTo(expected, 6);
        }
      }
    });

    it('gives the median working minutes from receipt to answer, over the answered requests', () => {
      // The generated steps follow one another with every minute a working one, so the working time to the
      // answer is the plain time between receipt and answer (to the millisecond the timestamps are kept in).
      const values = rows.filter((r) => r.answeredAt !== null).map((r) => (r.answeredAt!.getTime() - r.receivedAt.getTime()) / 60_000);
      expect(data.timeToAnswer.count).toBe(values.length);
      const expected = percentile(values, 0.5);
      if (expected === null) expect(data.timeToAnswer.median).toBeNull();
      else expect(data.timeToAnswer.median).toBeCloseTo(expected, 3);
    });

    it('says per channel how many answers reached the citizen, failed or still wait, and the median minutes to delivery', () => {
      const expected = deliveryFigures(rows);
      expect(expected.overall.delivered + expected.overall.failed + expected.overall.pending).toBeGreaterThan(0);
      expect(Object.keys(data.answerDelivery.byChannel).sort()).toEqual(Object.keys(expected.byChannel).sort());
      for (const [channel, figures] of Object.entries(expected.byChannel)) expectFigures(data.answerDelivery.byChannel[channel], figures);
      expectFigures(data.answerDelivery.overall, expected.overall);
    });

    it('counts the open steps past their deadline, flagged by the sweep or not yet', () => {
      const open = rows.filter((r) => ['received', 'triaged', 'coordinated'].includes(r.status));
      const stepOf = (r: GeneratedInquiry): Step => ({ received: 'triage', triaged: 'coordination', coordinated: 'answer' }) [r.status as 'received'] as Step;
      const breached = open.filter((r) => flag(r, stepOf(r)) || due(r, stepOf(r))! < NOW);
      expect(data.openBreaches.open).toBe(open.length);
      expect(data.openBreaches.breached).toBe(breached.length);
      for (const step of STEPS) expect(data.openBreaches.byStep[step]).toBe(breached.filter((r) => stepOf(r) === step).length);
    });
  });

  describe('periods in WIB', () => {
    /** 31 January 2026, 23:30 WIB is still January in Probolinggo, though it is 16:30 UTC. */
    const LATE_JANUARY = new Date('2026-01-31T16:30:00Z');
    /** 1 February 2026, 00:10 WIB is February, though UTC still says 31 January. */
    const EARLY_FEBRUARY = new Date('2026-01-31T17:10:00Z');

    let baseline: { jan: number; feb: number; jan31: number; feb1: number };
    const snapshot = async () => {
      const months = await recap({ from: '2026-01-01', to: '2026-02-28', groupBy: 'month', channel: 'radio', kind: 'information' });
      const days = await recap({ from: '2026-01-31', to: '2026-02-01', groupBy: 'day', channel: 'radio', kind: 'information' });
      const count = (data: { periods: { period: string; total: number }[] }, key: string) => data.periods.find((p) => p.period === key)?.total ?? 0;
      return { jan: count(months, '2026-01'), feb: count(months, '2026-02'), jan31: count(days, '2026-01-31'), feb1: count(days, '2026-02-01') };
    };

    beforeAll(async () => {
      baseline = await snapshot();
      const [late, early] = generateInquiries(mulberry32(99), 2, LATE_JANUARY, LATE_JANUARY, NOW, ['CAPIL']).map((row, i) => ({
        ...row,
        code: `WIB-${i}`,
        channel: 'radio',
        kind: 'information',
        receivedAt: i === 0 ? LATE_JANUARY : EARLY_FEBRUARY,
      }));
      await insertInquiries(app.strapi, [late, early]);
    });

    it('a request at 23:30 WIB on the last day of a month counts in that month, and one at 00:10 in the next', async () => {
      const after = await snapshot();
      expect(after).toEqual({ jan: baseline.jan + 1, feb: baseline.feb + 1, jan31: baseline.jan31 + 1, feb1: baseline.feb1 + 1 });
    });

    it('labels weeks by their Monday in WIB', async () => {
      const data = await recap({ from: '2026-02-01', to: '2026-02-14', groupBy: 'week' });
      expect(data.periods.map((p: { period: string }) => p.period)).toEqual(['2026-01-26', '2026-02-02', '2026-02-09']);
      expect(data.periods[0].start).toBe('2026-01-31T17:00:00.000Z');
      expect(data.periods[2].end).toBe('2026-02-14T17:00:00.000Z');
    });
  });

  describe('with requests handled through the workflow', () => {
    it('records each step\'s working minutes and the Bidang it was routed to', async () => {
      let now = new Date('2026-05-12T02:00:00Z'); // Tuesday 09:00 WIB
      app.strapi.plugin('sop-workflow').service('clock').use(() => now);
      try {
        const created = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'instagram' })).expect(201);
        const id = created.body.data.documentId;
        now = new Date(now.getTime() + 12 * 60_000);
        await app.http.post(`/api/inquiries/${id}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, 'CAPIL') } }).expect(200);
        now = new Date('2026-05-12T08:50:00Z'); // 15:50 WIB: 398 working minutes after routing at 09:12
        await app.http.post(`/api/inquiries/${id}/coordinate`).set(officer.auth).send({ data: { information: 'Informasi dari bidang.' } }).expect(200);
        now = new Date('2026-05-13T01:20:00Z'); // next morning 08:20 WIB: 10 minutes before closing + 20 after opening
        await app.http.post(`/api/inquiries/${id}/answer`).set(officer.auth).send({ data: { answer: 'Jawaban petugas.' } }).expect(200);
        const row = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId: id } });
        expect(row.triageWorkingMinutes).toBeCloseTo(12, 6);
        expect(row.coordinationWorkingMinutes).toBeCloseTo(398, 6);
        expect(row.answerWorkingMinutes).toBeCloseTo(30, 6);
        const capil = await app.strapi.db.query('api::division.division').findOne({ where: { code: 'CAPIL' } });
        expect(row.routedDivisionId).toBe(capil.id);
        const data = await recap({ from: '2026-05-12', to: '2026-05-12', channel: 'instagram' });
        expect(data.totals.division.CAPIL).toBeGreaterThanOrEqual(1);
        expect(data.compliance.overall.coordination.late).toBeGreaterThanOrEqual(1);
        // Receipt to answer in working time: 12 + 398 + 30 minutes, beside the generated answers of that day.
        const others = selected(generated, '2026-05-12', '2026-05-12', { channel: 'instagram' }).filter((r) => r.answeredAt !== null);
        const values = [...others.map((r) => (r.answeredAt!.getTime() - r.receivedAt.getTime()) / 60_000), 440];
        expect(data.timeToAnswer.count).toBe(values.length);
        expect(data.timeToAnswer.median).toBeCloseTo(percentile(values, 0.5)!, 3);
      } finally {
        app.strapi.plugin('sop-workflow').service('clock').use(() => NOW);
      }
    });
  });

  it('counts an answer the officer delivered by hand as delivered, from the time they give', async () => {
    let now = new Date('2026-05-14T02:00:00Z'); // Thursday 09:00 WIB
    app.strapi.plugin('sop-workflow').service('clock').use(() => now);
    try {
      const day = { from: '2026-05-14', to: '2026-05-14', channel: 'radio' };
      const created = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'radio' })).expect(201);
      const id = created.body.data.documentId;
      now = new Date(now.getTime() + 5 * 60_000);
      await app.http.post(`/api/inquiries/${id}/answer`).set(officer.auth).send({ data: { answer: 'Jawaban untuk pendengar radio.' } }).expect(200);
      const before = (await recap(day)).answerDelivery.byChannel.radio;
      now = new Date(now.getTime() + 60 * 60_000);
      const at = new Date(now.getTime() - 20 * 60_000).toISOString(); // read on air 40 minutes after the answer
      await app.http.post(`/api/inquiries/${id}/delivered`).set(officer.auth).send({ data: { how: 'Dibacakan di Radio Suara Kota', at } }).expect(200);
      const after = (await recap(day)).answerDelivery.byChannel.radio;
      expect(after.delivered).toBe((before?.delivered ?? 0) + 1);
      expect(after.pending).toBe((before?.pending ?? 0) - 1);
      if (before?.delivered === 0) expect(after.medianMinutes).toBeCloseTo(40, 6);
      // The direct path: step 2 ended with the answer, 5 minutes after receipt, on a national holiday (Kenaikan
      // Yesus Kristus): no working minute passed, though the delivery's calendar minutes count.
      const answered = selected(generated, day.from, day.to, { channel: 'radio' }).filter((r) => r.answeredAt !== null);
      const toAnswer = [...answered.map((r) => (r.answeredAt!.getTime() - r.receivedAt.getTime()) / 60_000), 0];
      const { timeToAnswer } = await recap(day);
      expect(timeToAnswer.count).toBe(toAnswer.length);
      expect(timeToAnswer.median).toBeCloseTo(percentile(toAnswer, 0.5)!, 3);
    } finally {
      app.strapi.plugin('sop-workflow').service('clock').use(() => NOW);
    }
  });

  it('fills in the durations and the routed Bidang of requests handled before they were recorded, once', async () => {
    let now = new Date('2026-05-11T02:00:00Z'); // Monday 09:00 WIB
    const sop = app.strapi.plugin('sop-workflow');
    sop.service('clock').use(() => now);
    try {
      const created = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'phone' })).expect(201);
      const id = created.body.data.documentId;
      now = new Date(now.getTime() + 7 * 60_000);
      await app.http.post(`/api/inquiries/${id}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, 'DAFDUK') } }).expect(200);
      now = new Date(now.getTime() + 25 * 60_000);
      await app.http.post(`/api/inquiries/${id}/coordinate`).set(officer.auth).send({ data: { information: 'Informasi bidang.' } }).expect(200);
      const query = app.strapi.db.query('api::inquiry.inquiry');
      const before = await query.findOne({ where: { documentId: id } });
      // As an inquiry of an earlier version was stored: no durations, no copy of its Bidang.
      await query.update({ where: { id: before.id }, data: { triageWorkingMinutes: null, coordinationWorkingMinutes: null, routedDivisionId: null } });
      await app.strapi.store({ type: 'plugin', name: 'sop-workflow', key: 'durations-backfill' }).delete({});
      expect(await sop.service('durations').backfill()).toBeGreaterThanOrEqual(1);
      const after = await query.findOne({ where: { documentId: id } });
      expect(after.triageWorkingMinutes).toBeCloseTo(7, 6);
      expect(after.coordinationWorkingMinutes).toBeCloseTo(25, 6);
      expect(after.routedDivisionId).toBe(before.routedDivisionId);
      expect(await sop.service('durations').backfill()).toBe(0);
    } finally {
      sop.service('clock').use(() => NOW);
    }
  });

  describe('refuses what it cannot answer', () => {
    it.each([
      ['a date that does not exist', { from: '2026-02-30' }, /kalender/],
      ['a range ending before it starts', { from: '2026-03-01', to: '2026-02-01' }, /sebelum/],
      ['a year of days', { from: '2025-01-01', to: '2026-03-01', groupBy: 'day' }, /periode/],
      ['an unknown channel', { channel: 'fax' }, /Kanal/],
      ['an unknown Bidang', { division: 'BIDANG-X' }, /tidak ditemukan/],
      ['an unknown parameter', { sort: 'total' }, /tidak dikenal/],
    ])('%s: 400 with a message', async (_label, query, message) => {
      const res = await app.http.get(`/api/recap?${stringify(query)}`).set(officer.auth);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });
  });

  it('answers the officer as well as leadership, for this month by default', async () => {
    const data = await recap({}, officer);
    expect(data.range).toMatchObject({ from: '2026-05-01', to: '2026-05-15', groupBy: 'day', timeZone: 'Asia/Jakarta' });
    expect(data.compliance.policies.map((p: { budgets: unknown }) => p.budgets)).toEqual([{ triage: 15, coordination: 60, answer: 60 }]);
  });
});
