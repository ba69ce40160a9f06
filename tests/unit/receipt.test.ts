import { DEFAULT_OFFICE_HOURS, DEFAULT_SOP_POLICY, OFFICE_DAY_LABELS, rowsOfWeeklyHours, type OfficeDay, type WorkingCalendar } from '../../config/src';
import { answerPromisedAt } from '../../plugins/sop-workflow/src/receipt';
import { officeHoursLines } from '../../dashboard/src/inquiries/receiptLayout';

const calendar: WorkingCalendar = { mode: 'working', officeHours: DEFAULT_OFFICE_HOURS, holidays: new Set(['2026-11-09']), timeZone: 'Asia/Jakarta' };
const none = { triageDueAt: null, coordinationDueAt: null, answerDueAt: null };
const dayName = (day: OfficeDay) => OFFICE_DAY_LABELS[day].id;

describe('the answer time a receipt promises', () => {
  it.each([
    ['waiting to be sorted: its deadline plus coordination and answer', { status: 'received', ...none, triageDueAt: '2026-11-02T02:15:00Z' }, '2026-11-02T04:15:00.000Z'],
    ['sorted: the coordination deadline plus the answer', { status: 'triaged', ...none, coordinationDueAt: '2026-11-02T03:30:00Z' }, '2026-11-02T04:30:00.000Z'],
    ['coordinated: the answer deadline itself', { status: 'coordinated', ...none, answerDueAt: '2026-11-02T05:00:00Z' }, '2026-11-02T05:00:00.000Z'],
    ['sorted at 15.45 on Friday: over the weekend and Monday’s holiday to Tuesday', { status: 'received', ...none, triageDueAt: '2026-11-06T08:45:00Z' }, '2026-11-10T02:45:00.000Z'],
    ['answered: nothing left to promise', { status: 'answered', ...none, triageDueAt: '2026-11-02T02:15:00Z' }, null],
  ])('%s', (_case, row, expected) => {
    expect(answerPromisedAt(row, DEFAULT_SOP_POLICY, calendar)?.toISOString() ?? null).toBe(expected);
  });
});

describe('the office hours as a receipt prints them', () => {
  it('joins the weekdays with the same hours into one line', () => {
    expect(officeHoursLines(rowsOfWeeklyHours(DEFAULT_OFFICE_HOURS), dayName)).toEqual(['Senin–Jumat: 08.00–16.00']);
  });

  it('keeps a day with other hours, or a break, on a line of its own', () => {
    const rows = [
      { day: 'senin', opensAt: '08:00:00', closesAt: '15:00:00' },
      { day: 'selasa', opensAt: '08:00:00', closesAt: '15:00:00' },
      { day: 'jumat', opensAt: '08:00:00', closesAt: '11:00:00' },
      { day: 'jumat', opensAt: '13:00:00', closesAt: '15:00:00' },
      { day: 'sabtu', opensAt: '08:00:00', closesAt: '12:00:00' },
    ] as const;
    expect(officeHoursLines(rows, dayName)).toEqual(['Senin–Selasa: 08.00–15.00', 'Jumat: 08.00–11.00, 13.00–15.00', 'Sabtu: 08.00–12.00']);
  });
});
