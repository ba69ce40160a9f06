import { addStepCounts, budgetSpans, completedSteps, emptyStepCounts, percentilePosition, stepCompliance, type StepCounts } from '../../config/src/recap';
import { periodBounds, periodOfDay, periodsOfRange, dayNumberOf } from '../../config/src/periods';

const steps = (triage: number, coordination: number, answer: number) => ({ triage, coordination, answer });

/**
 * A Bidang's month: 100 requests received and routed; 6 wait for coordination (1 flagged by the sweep,
 * 2 past due but not flagged yet, 3 within time) and 4 for the answer (all within time); 9 routings, 5
 * coordinations and 7 answers were flagged late.
 */
const BIDANG: StepCounts = {
  received: 100,
  routed: 100,
  open: steps(0, 6, 4),
  flagged: steps(9, 5, 7),
  openFlagged: steps(0, 1, 0),
  overdue: steps(0, 2, 0),
};

describe('stepCompliance: the share of SOP steps within budget', () => {
  it('routing: every request, 9 late, none waiting', () => {
    expect(stepCompliance('triage', BIDANG)).toEqual({ applicable: 100, met: 91, late: 9, pending: 0, withinBudget: 0.91 });
  });

  it('coordination: late counts the flagged and the overdue; pending only the open steps still within time', () => {
    expect(stepCompliance('coordination', BIDANG)).toEqual({ applicable: 100, met: 90, late: 7, pending: 3, withinBudget: 0.93 });
  });

  it('the answer applies once the Bidang has given its information: 94 of 100', () => {
    expect(stepCompliance('answer', BIDANG)).toEqual({ applicable: 94, met: 83, late: 7, pending: 4, withinBudget: 87 / 94 });
  });

  it('requests not routed (answered directly or rejected) have only the routing step', () => {
    const direct: StepCounts = { ...emptyStepCounts(), received: 20, open: steps(3, 0, 0), flagged: steps(2, 0, 0), overdue: steps(1, 0, 0) };
    expect(stepCompliance('triage', direct)).toEqual({ applicable: 20, met: 15, late: 3, pending: 2, withinBudget: 17 / 20 });
    expect(stepCompliance('coordination', direct)).toEqual({ applicable: 0, met: 0, late: 0, pending: 0, withinBudget: null });
  });

  it('counts the completed steps whose durations the percentiles read', () => {
    expect(completedSteps(BIDANG)).toEqual({ triage: 100, coordination: 94, answer: 90 });
  });

  it('adds Bidang up to the office', () => {
    const office = addStepCounts(BIDANG, BIDANG);
    expect(stepCompliance('coordination', office)).toEqual({ applicable: 200, met: 180, late: 14, pending: 6, withinBudget: 0.93 });
  });
});

describe('percentilePosition: ranks read for a continuous percentile', () => {
  it.each([
    [0.5, 1, 0, 0],
    [0.5, 4, 1, 0.5],
    [0.5, 5, 2, 0],
    [0.9, 11, 9, 0],
    [0.9, 10, 8, 0.1],
  ])('p%s of %s values: rank %s plus %s of the next', (p, count, lower, fraction) => {
    const position = percentilePosition(p, count);
    expect(position.lower).toBe(lower);
    expect(position.fraction).toBeCloseTo(fraction, 10);
  });
});

describe('periods of the Rekap Informasi in WIB', () => {
  const day = (key: string) => dayNumberOf(key)!;

  it.each([
    ['2026-01-31', 'month', '2026-01'],
    ['2026-02-01', 'week', '2026-01-26'],
    ['2026-02-02', 'week', '2026-02-02'],
    ['2026-03-08', 'week', '2026-03-02'],
    ['2028-02-29', 'day', '2028-02-29'],
  ] as const)('%s by %s is %s', (date, groupBy, period) => {
    expect(periodOfDay(day(date), groupBy)).toBe(period);
  });

  it('refuses dates that are not on the calendar', () => {
    expect(dayNumberOf('2026-02-29')).toBeNull();
    expect(dayNumberOf('2026-13-01')).toBeNull();
    expect(dayNumberOf('31-01-2026')).toBeNull();
  });

  it('a month runs from local midnight to local midnight: 1 January 00:00 WIB is 31 December 17:00 UTC', () => {
    const [january] = periodBounds(day('2026-01-01'), day('2026-01-31'), 'month', 'Asia/Jakarta');
    expect(january).toEqual({ key: '2026-01', start: new Date('2025-12-31T17:00:00Z'), end: new Date('2026-01-31T17:00:00Z') });
    const late = new Date('2026-01-31T16:30:00Z'); // 23:30 WIB on the last day
    expect(late >= january.start && late < january.end).toBe(true);
  });

  it('cuts the first and last period to the range', () => {
    const weeks = periodBounds(day('2026-02-04'), day('2026-02-10'), 'week', 'Asia/Jakarta');
    expect(weeks.map((w) => [w.key, w.start.toISOString(), w.end.toISOString()])).toEqual([
      ['2026-02-02', '2026-02-03T17:00:00.000Z', '2026-02-08T17:00:00.000Z'],
      ['2026-02-09', '2026-02-08T17:00:00.000Z', '2026-02-10T17:00:00.000Z'],
    ]);
    expect(periodsOfRange(day('2026-02-04'), day('2026-02-10'), 'week')).toEqual(['2026-02-02', '2026-02-09']);
  });
});

describe('a step\'s budget over a range, from the policy revisions its requests carried', () => {
  const revision = (n: number, triage: number, since: string | null) => ({ revision: n, budgets: steps(triage, 60, 60), since });

  it.each([
    ['one revision throughout', [revision(1, 15, '2026-11-02T01:00:00Z')], 'triage', [{ minutes: 15, since: null, until: null }]],
    [
      'the editor moved triage to 20 minutes on 10 December',
      [revision(2, 20, '2026-12-10T01:00:00Z'), revision(1, 15, '2026-12-01T01:00:00Z')],
      'triage',
      [
        { minutes: 15, since: null, until: '2026-12-10T01:00:00Z' },
        { minutes: 20, since: '2026-12-10T01:00:00Z', until: null },
      ],
    ],
    ['a revision that left this step alone reads as one', [revision(1, 15, '2026-12-01T01:00:00Z'), revision(2, 20, '2026-12-10T01:00:00Z')], 'answer', [{ minutes: 60, since: null, until: null }]],
  ] as const)('%s', (_, policies, step, expected) => {
    expect(budgetSpans(policies, step)).toEqual(expected);
  });
});
