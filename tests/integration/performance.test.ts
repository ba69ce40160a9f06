import { stringify } from 'qs';
import { SOP_STEPS, addWorkingDays, computeIkm, gradeTableFor, mulberry32, totalsOf, type PublicPerformance, type SkmElement, type WorkingCalendar } from '@layanan/config';
import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { createStaff, type Staff } from '../helpers/builders';
import { signInEditor } from '../helpers/admin';
import { generateInquiries, insertInquiries, type GeneratedInquiry } from '../helpers/recap';
import { virtualClock } from '../helpers/telegram';

/** Tuesday 8 December 2026, 10:00 WIB. */
const NOW = new Date('2026-12-08T03:00:00Z');
const MINUTE = 60_000;
const WINDOWS = { month: { from: '2026-12-01', to: '2026-12-08' }, year: { from: '2026-01-01', to: '2026-12-08' } } as const;
const OPEN_STEP = { received: 'triageDueAt', triaged: 'coordinationDueAt', coordinated: 'answerDueAt' } as const;
const STANDARD = 'api::service-standard.service-standard';

const inWindow = (row: GeneratedInquiry, window: { from: string; to: string }) => {
  const day = new Date(row.receivedAt.getTime() + 7 * 60 * MINUTE).toISOString().slice(0, 10);
  return day >= window.from && day <= window.to;
};

describe.each(databases())('the public performance page on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let leadership: Staff;
  let generated: GeneratedInquiry[];
  let surveyed: { division: string | null; at: Date; scores: Record<SkmElement, number> }[];
  let clock: ReturnType<typeof virtualClock>;

  const recap = async (query: Record<string, string>) => (await app.http.get(`/api/recap?${stringify(query)}`).set(leadership.auth).expect(200)).body.data;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    clock = virtualClock(app, NOW);
    leadership = await createStaff(app, 'leadership');
    const random = mulberry32(kind === 'sqlite' ? 25 : 26);
    generated = generateInquiries(random, 360, new Date('2025-12-20T00:00:00Z'), new Date(NOW.getTime() - MINUTE), NOW, ['DAFDUK', 'CAPIL']);
    // Half the open steps forgotten since they were due (days or months ago); two on the edge of one working day:
    // due Monday 09:00 WIB is late but not by a working day until Tuesday's close; due Friday 15:00 WIB is.
    const open = generated.filter((row) => row.status in OPEN_STEP);
    open.forEach((row, i) => {
      const field = OPEN_STEP[row.status as keyof typeof OPEN_STEP];
      if (i % 2 === 0) Object.assign(row, { [field]: new Date(row.receivedAt.getTime() + 15 * MINUTE) });
      if (i === 1) Object.assign(row, { receivedAt: new Date('2026-12-07T01:45:00Z'), [field]: new Date('2026-12-07T02:00:00Z') });
      if (i === 3) Object.assign(row, { receivedAt: new Date('2026-12-04T07:45:00Z'), [field]: new Date('2026-12-04T08:00:00Z') });
    });
    await insertInquiries(app.strapi, generated);
    // SKM answers on a third of the answered requests, an hour after the answer.
    const answered = generated.filter((row) => row.outcome === 'answered' && row.answeredAt && row.answeredAt.getTime() + 60 * MINUTE < NOW.getTime());
    surveyed = [];
    for (const row of answered.filter((_, i) => i % 3 === 0)) {
      const scores = Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((e) => [e, 1 + Math.floor(random() * 4)])) as Record<SkmElement, number>;
      const at = new Date(row.answeredAt!.getTime() + 60 * MINUTE);
      const inquiry = (await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { code: row.code }, select: ['id'] })) as { id: number };
      await app.strapi.db.query('api::survey-response.survey-response').create({
        data: { inquiry: inquiry.id, at, ...Object.fromEntries(Object.entries(scores).map(([e, v]) => [e.toLowerCase(), v])) },
      });
      surveyed.push({ division: row.division, at, scores });
    }
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('shows, without an account, the Rekap Informasi’s own figures for this month and the last twelve, for the office and each Bidang', async () => {
    const res = await app.http.get('/api/public/performance').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const page = res.body.data as PublicPerformance;
    expect(page.computedAt).toBe(NOW.toISOString());

    for (const name of ['month', 'year'] as const) {
      const window = page[name];
      expect([window.from, window.to]).toEqual([WINDOWS[name].from, WINDOWS[name].to]);
      const scopes = [{ division: undefined, figures: window.office }, ...window.divisions.map((d) => ({ division: d.code, figures: d.figures }))];
      expect(window.divisions.map((d) => d.code)).toEqual(['DAFDUK', 'CAPIL']);
      for (const { division, figures } of scopes) {
        const query = { ...WINDOWS[name], groupBy: 'month', ...(division ? { division } : {}) };
        const official = await recap(query);
        const ikm = (await app.http.get(`/api/surveys/ikm?${stringify(query)}`).set(leadership.auth).expect(200)).body.data;
        expect([name, division, figures]).toEqual([
          name,
          division,
          {
            total: official.total,
            channel: official.totals.channel,
            kind: official.totals.kind,
            compliance: official.compliance.overall,
            medianMinutes: Object.fromEntries(SOP_STEPS.map((step) => [step, official.durations[step].median])),
            medianMinutesToAnswer: official.timeToAnswer.median,
            open: { open: official.openBreaches.open, late: official.openBreaches.breached, overOneWorkingDay: official.openBreaches.overOneWorkingDay },
            lapor: official.lapor,
            ikm: { respondents: ikm.respondents, value: ikm.ikm, grade: ikm.grade?.grade ?? null, label: ikm.grade?.label.id ?? null },
          },
        ]);
        if (!division) expect(window.months).toEqual(official.periods.map((p: { period: string; total: number }) => ({ period: p.period, total: p.total })));
      }
    }
    expect(page.year.office.medianMinutesToAnswer).toEqual(expect.any(Number));
    expect(page.year.months).toHaveLength(12);
    expect(page.year.office.total).toBeGreaterThan(page.month.office.total);
    expect(page.year.office.ikm.respondents).toBeGreaterThan(0);
  });

  it('counts open requests more than one working day late, and the IKM per Bidang, as a plain walk over the rows does', async () => {
    const page = (await app.http.get('/api/public/performance').expect(200)).body.data as PublicPerformance;
    const calendar = (await app.strapi.plugin('sop-workflow').service('policy').calendarFor(await app.strapi.plugin('sop-workflow').service('policy').current())) as WorkingCalendar;
    for (const division of [null, 'DAFDUK', 'CAPIL']) {
      const rows = generated.filter((row) => inWindow(row, WINDOWS.year) && (division === null || row.division === division));
      const open = rows.filter((row) => row.status in OPEN_STEP);
      const dueOf = (row: GeneratedInquiry) => row[OPEN_STEP[row.status as keyof typeof OPEN_STEP]]!;
      const late = open.filter((row) => dueOf(row).getTime() < NOW.getTime());
      const overOneDay = late.filter((row) => addWorkingDays(dueOf(row), 1, calendar).getTime() < NOW.getTime());
      const figures = division === null ? page.year.office : page.year.divisions.find((d) => d.code === division)!.figures;
      expect([division, figures.open]).toEqual([division, { open: open.length, late: late.length, overOneWorkingDay: overOneDay.length }]);

      const answers = surveyed.filter((s) => (division === null || s.division === division) && s.at.toISOString() >= '2025-12-31T17:00:00.000Z');
      const expected = computeIkm(totalsOf(answers.map((s) => s.scores)), gradeTableFor(WINDOWS.year.to));
      expect([division, figures.ikm.respondents, figures.ikm.value, figures.ikm.grade]).toEqual([division, expected.respondents, expected.ikm, expected.grade?.grade ?? null]);
    }
    expect(page.year.office.open.overOneWorkingDay).toBeGreaterThan(0);
    expect(page.year.office.open.late).toBeGreaterThan(page.year.office.open.overOneWorkingDay);
    // No request, code, subject or person leaves: only counts, shares and medians.
    expect(JSON.stringify(page)).not.toMatch(/GEN-|Permohonan |applicant|documentId/);
  });

  it('serves the same figures for five minutes, then counts a new request', async () => {
    const before = (await app.http.get('/api/public/performance').expect(200)).body.data as PublicPerformance;
    const [extra] = generateInquiries(mulberry32(7), 1, new Date(NOW.getTime() - 30 * MINUTE), new Date(NOW.getTime() - 30 * MINUTE), NOW, ['CAPIL']);
    await insertInquiries(app.strapi, [{ ...extra, code: 'GEN-EXTRA' }]);
    clock.set(new Date(NOW.getTime() + 4 * MINUTE));
    expect(((await app.http.get('/api/public/performance').expect(200)).body.data as PublicPerformance).month.office.total).toBe(before.month.office.total);
    clock.set(new Date(NOW.getTime() + 5 * MINUTE));
    const after = (await app.http.get('/api/public/performance').expect(200)).body.data as PublicPerformance;
    expect(after.month.office.total).toBe(before.month.office.total + 1);
    expect(after.computedAt).toBe(new Date(NOW.getTime() + 5 * MINUTE).toISOString());
    clock.set(NOW);
  });

  it('publishes the Standar Pelayanan and the Maklumat Pelayanan as the editors keep them', async () => {
    const seeded = (await app.http.get('/api/public/service-standard').expect(200)).body.data;
    expect(seeded).toMatchObject({ serviceName: 'Pelayanan Informasi kepada Masyarakat', reviewedOn: '2023-02-01' });
    expect(seeded.fee).toMatch(/^Gratis/);
    expect(seeded.procedure).toContain('15 menit');
    expect(seeded.pledge).toMatch(/sanggup menyelenggarakan pelayanan/);
    const editor = await signInEditor(app, `standar-${kind}@dinas.test`);
    await app.http
      .put(`/content-manager/single-types/${STANDARD}`)
      .set(editor)
      .send({ ...seeded, complaints: 'Datang langsung\nTelepon (0335) 4438894', reviewedOn: '2026-12-01' })
      .expect(200);
    const edited = (await app.http.get('/api/public/service-standard').expect(200)).body.data;
    expect(edited).toMatchObject({ complaints: 'Datang langsung\nTelepon (0335) 4438894', reviewedOn: '2026-12-01' });
  });
});
