import { DEFAULT_OFFICE_HOURS } from '@layanan/config';
import { actionForMove, filterFromSearch, groupByStatus, matchesFilter, mergeChanges, searchWithFilter } from '../../dashboard/src/board/boardModel';
import { awaitsDelivery } from '../../dashboard/src/inquiries/delivery';
import { countdownOf, calendarOf, laporCountdownOf } from '../../dashboard/src/sla/countdown';
import type { Inquiry, SopPolicy } from '../../dashboard/src/types';

const POLICY: SopPolicy = { triageMinutes: 15, coordinationMinutes: 60, answerMinutes: 60, reminderThreshold: '0.8', clockMode: 'working', officeHours: DEFAULT_OFFICE_HOURS as SopPolicy['officeHours'], timeZone: 'Asia/Jakarta' };
const CALENDAR = calendarOf(POLICY, ['2026-12-25']);
/** WIB is UTC+7: 09:00 WIB is 02:00Z. */
const wib = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);

let sequence = 0;
function inquiry(overrides: Partial<Inquiry> = {}): Inquiry {
  sequence += 1;
  const code = `INF-2611-${String(sequence).padStart(5, '0')}`;
  return { id: `doc-${sequence}`, documentId: `doc-${sequence}`, code, kind: 'information', channel: 'website', status: 'received', subject: 'Syarat KTP-el', receivedAt: '2026-11-03T02:00:00.000Z', ...overrides };
}

describe('the board groups requests by workflow state', () => {
  it('puts each request in its state’s column, the nearest deadline first', () => {
    const late = inquiry({ triageDueAt: '2026-11-03T02:15:00.000Z' });
    const later = inquiry({ triageDueAt: '2026-11-03T03:00:00.000Z' });
    const routed = inquiry({ status: 'triaged', coordinationDueAt: '2026-11-03T04:00:00.000Z' });
    const columns = groupByStatus([later, routed, late]);
    expect(columns.received.map((i) => i.code)).toEqual([late.code, later.code]);
    expect(columns.triaged).toEqual([routed]);
    expect(Object.keys(columns)).toEqual(['received', 'triaged', 'coordinated', 'answered', 'closed']);
  });

  it('shows answered and closed requests newest first', () => {
    const early = inquiry({ status: 'answered', answeredAt: '2026-11-03T03:00:00.000Z' });
    const recent = inquiry({ status: 'answered', answeredAt: '2026-11-03T05:00:00.000Z' });
    expect(groupByStatus([early, recent]).answered.map((i) => i.code)).toEqual([recent.code, early.code]);
  });

  it.each([
    ['received', 'triaged', 'triage'],
    ['received', 'answered', 'answer'],
    ['received', 'closed', 'reject'],
    ['triaged', 'coordinated', 'coordinate'],
    ['coordinated', 'answered', 'answer'],
    ['answered', 'closed', 'close'],
    ['triaged', 'received', null],
    ['received', 'coordinated', null],
  ] as const)('a move from %s to %s means %s', (from, to, action) => {
    expect(actionForMove(from, to)).toBe(action);
  });

  it('filters by channel, kind, Bidang, breach and text', () => {
    const now = new Date('2026-11-03T03:00:00.000Z');
    const whatsapp = inquiry({ channel: 'whatsapp', subject: 'Akta kelahiran anak', triageDueAt: '2026-11-03T02:15:00.000Z' });
    const walkIn = inquiry({ channel: 'walk_in', kind: 'complaint', division: { documentId: 'd1', name: 'Bidang Pencatatan Sipil', code: 'CAPIL' }, triageDueAt: '2026-11-03T04:00:00.000Z' });
    const all = [whatsapp, walkIn];
    expect(all.filter((i) => matchesFilter(i, { channel: 'whatsapp' }, now))).toEqual([whatsapp]);
    expect(all.filter((i) => matchesFilter(i, { kind: 'complaint' }, now))).toEqual([walkIn]);
    expect(all.filter((i) => matchesFilter(i, { division: 'd1' }, now))).toEqual([walkIn]);
    expect(all.filter((i) => matchesFilter(i, { breached: 'any' }, now))).toEqual([whatsapp]);
    expect(all.filter((i) => matchesFilter(i, { text: 'AKTA' }, now))).toEqual([whatsapp]);
  });

  it('keeps the cards the server found for the text, whatever the card shows of the citizen', () => {
    const now = new Date('2026-11-03T03:00:00.000Z');
    const siti = inquiry({ id: 'siti', subject: 'KTP hilang', applicant: { name: 'S*** N********' } });
    const other = inquiry({ id: 'other', subject: 'Siti Nurhaliza menanyakan KK' });
    const all = [siti, other];
    expect(all.filter((i) => matchesFilter(i, { text: 'Siti Nurhaliza' }, now, new Set(['siti'])))).toEqual([siti]);
    expect(all.filter((i) => matchesFilter(i, { text: 'Siti Nurhaliza' }, now, null))).toEqual([other]);
  });

  it('filters to the requests late on one step: flagged by the sweep, or still running past that deadline', () => {
    const now = new Date('2026-11-03T03:00:00.000Z');
    const lateTriage = inquiry({ triageDueAt: '2026-11-03T02:15:00.000Z' });
    const flaggedThenRouted = inquiry({ status: 'triaged', triageBreached: true, coordinationDueAt: '2026-11-03T04:00:00.000Z' });
    const lateCoordination = inquiry({ status: 'triaged', coordinationDueAt: '2026-11-03T02:30:00.000Z' });
    const onTime = inquiry({ triageDueAt: '2026-11-03T04:00:00.000Z' });
    const all = [lateTriage, flaggedThenRouted, lateCoordination, onTime];
    expect(all.filter((i) => matchesFilter(i, { breached: 'triage' }, now))).toEqual([lateTriage, flaggedThenRouted]);
    expect(all.filter((i) => matchesFilter(i, { breached: 'coordination' }, now))).toEqual([lateCoordination]);
    expect(all.filter((i) => matchesFilter(i, { breached: 'answer' }, now))).toEqual([]);
  });

  it.each([
    ['?terlambat=triage', { breached: 'triage' }],
    ['?terlambat=any', { breached: 'any' }],
    ['?terlambat=langkah9', {}],
    ['?q=x', {}],
    ['', {}],
  ])('a board opened at "%s" starts with the filter %j', (search, filter) => {
    expect(filterFromSearch(search)).toEqual(filter);
  });

  it('keeps the breach choice in the address and leaves the rest of the query alone', () => {
    expect(searchWithFilter('', { breached: 'answer' })).toBe('?terlambat=answer');
    expect(searchWithFilter('?terlambat=triage&x=1', {})).toBe('?x=1');
    expect(searchWithFilter('?terlambat=triage', { channel: 'email' })).toBe('');
  });

  it('keeps, under "Menunggu penyampaian", the answers an officer must still deliver and those that failed', () => {
    const now = new Date('2026-11-03T03:00:00.000Z');
    const answered = { status: 'answered' as const, answeredAt: '2026-11-03T02:00:00.000Z' };
    const task = inquiry({ ...answered, channel: 'radio', answerDelivery: 'officer_task' });
    const failed = inquiry({ ...answered, channel: 'email', answerDelivery: 'failed' });
    const sending = inquiry({ ...answered, channel: 'email', answerDelivery: 'sending' });
    const delivered = inquiry({ ...answered, channel: 'phone', answerDelivery: 'delivered' });
    const open = inquiry({ triageDueAt: '2026-11-03T04:00:00.000Z' });
    const all = [task, failed, sending, delivered, open];
    expect(all.filter(awaitsDelivery)).toEqual([task, failed]);
    expect(all.filter((i) => matchesFilter(i, { awaitingDelivery: true }, now))).toEqual([task, failed]);
    expect(all.filter((i) => matchesFilter(i, { awaitingDelivery: true, channel: 'radio' }, now))).toEqual([task]);
  });

  it('merges what changed and keeps the identity of what did not', () => {
    const a = inquiry();
    const b = inquiry();
    const bMoved = { ...b, status: 'triaged' as const };
    const c = inquiry();
    const merged = mergeChanges([a, b], [bMoved, c]);
    expect(merged).toEqual([a, bMoved, c]);
    expect(merged[0]).toBe(a);
  });
});

describe('the countdown counts working time like the server', () => {
  const due = (at: Date) => inquiry({ triageDueAt: at.toISOString() });

  it('has 10 working minutes left and is green with most of the 15-minute budget left', () => {
    const countdown = countdownOf(due(wib('2026-11-03', '09:15')), wib('2026-11-03', '09:05'), CALENDAR, POLICY)!;
    expect(countdown).toMatchObject({ step: 'triage', urgency: 'ok' });
    expect(countdown.remaining).toBeCloseTo(10);
  });

  it('turns amber once 80 % of the budget is used', () => {
    expect(countdownOf(due(wib('2026-11-03', '09:15')), wib('2026-11-03', '09:12'), CALENDAR, POLICY)!.urgency).toBe('warning');
  });

  it('turns red once the deadline has passed', () => {
    const countdown = countdownOf(due(wib('2026-11-03', '09:15')), wib('2026-11-03', '09:20'), CALENDAR, POLICY)!;
    expect(countdown.urgency).toBe('breached');
    expect(countdown.remaining).toBeCloseTo(-5);
  });

  it('does not count the night, the weekend or a holiday', () => {
    expect(countdownOf(due(wib('2026-11-09', '08:10')), wib('2026-11-06', '15:55'), CALENDAR, POLICY)!.remaining).toBeCloseTo(15);
    expect(countdownOf(due(wib('2026-12-28', '08:10')), wib('2026-12-24', '15:55'), CALENDAR, POLICY)!.remaining).toBeCloseTo(15);
  });

  it('follows the running step and stops once the request is answered', () => {
    const routed = inquiry({ status: 'triaged', coordinationDueAt: wib('2026-11-03', '10:15').toISOString() });
    expect(countdownOf(routed, wib('2026-11-03', '09:15'), CALENDAR, POLICY)).toMatchObject({ step: 'coordination', urgency: 'ok' });
    expect(countdownOf(inquiry({ status: 'answered' }), wib('2026-11-03', '09:15'), CALENDAR, POLICY)).toBeNull();
  });
});

describe('the SP4N-LAPOR! badge on a report’s card', () => {
  // Received Tuesday 3 November 09:00 WIB: three working days end Friday 6 November at 16:00.
  const report = (overrides: Partial<Inquiry> = {}) =>
    inquiry({ channel: 'lapor_sp4n', receivedAt: wib('2026-11-03', '09:00').toISOString(), laporForwardingDueAt: wib('2026-11-06', '16:00').toISOString(), ...overrides });

  it('shows the running limit, green while most of its working time is left', () => {
    expect(laporCountdownOf(report(), wib('2026-11-04', '09:00'), CALENDAR, POLICY)).toMatchObject({ clock: 'lapor_forwarding', urgency: 'ok' });
  });

  it('turns amber once 80 % of the working time it allows is used, red once it has passed', () => {
    expect(laporCountdownOf(report(), wib('2026-11-06', '11:00'), CALENDAR, POLICY)!.urgency).toBe('warning');
    expect(laporCountdownOf(report(), wib('2026-11-06', '16:01'), CALENDAR, POLICY)!.urgency).toBe('breached');
  });

  it('moves to the follow-up once forwarded, and shows nothing once the report is closed', () => {
    const forwarded = report({ triagedAt: wib('2026-11-03', '10:00').toISOString(), laporFollowUpDueAt: wib('2026-11-10', '16:00').toISOString() });
    expect(laporCountdownOf(forwarded, wib('2026-11-04', '09:00'), CALENDAR, POLICY)).toMatchObject({ clock: 'lapor_follow_up', urgency: 'ok' });
    const closed = { ...forwarded, laporFollowUpAt: wib('2026-11-04', '10:00').toISOString(), laporClosureDueAt: wib('2026-11-18', '16:00').toISOString(), closedAt: wib('2026-11-05', '10:00').toISOString() };
    expect(laporCountdownOf(closed, wib('2026-11-06', '09:00'), CALENDAR, POLICY)).toBeNull();
  });
});

