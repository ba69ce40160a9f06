import {
  DEFAULT_SOP_POLICY,
  LAPOR_CLOCK,
  LAPOR_CLOCK_CHANNEL,
  LAPOR_REMINDER_FIELD,
  addWorkingDays,
  addWorkingMinutes,
  clockStart,
  workingMinutesBetween,
  type InquiryLaporFields,
  type LaporClock,
  type WorkingCalendar,
} from '@layanan/config';
import type { PolicySnapshot } from './services/policy';

/**
 * SP4N-LAPOR!'s clocks on a request of its channel, beside the SOP's steps: each starts when the one before
 * it ends and is counted in working days of the request's own calendar; its reminder comes at the policy's
 * threshold of the working time it allows, as the steps' do.
 */

type Row = { channel: string } & Partial<InquiryLaporFields>;

export function isLaporRequest(row: { channel?: string | null }): boolean {
  return row.channel === LAPOR_CLOCK_CHANNEL;
}

/** The working days a clock allows under this snapshot; an older snapshot without them keeps the SOP's numbers. */
export function laporDays(clock: LaporClock, policy: PolicySnapshot): number {
  const field = LAPOR_CLOCK[clock].budgetField;
  return policy[field] ?? DEFAULT_SOP_POLICY[field];
}

export function laporDeadline(clock: LaporClock, from: Date, policy: PolicySnapshot, calendar: WorkingCalendar): { dueAt: Date; remindAt: Date } {
  const dueAt = addWorkingDays(from, laporDays(clock, policy), calendar);
  const start = clockStart(from, calendar);
  return { dueAt, remindAt: addWorkingMinutes(start, workingMinutesBetween(start, dueAt, calendar) * policy.reminderThreshold, calendar) };
}

/** The fields that start a LAPOR! clock at `at`: its deadline and the shared reminder. */
export function startLaporClock(clock: LaporClock, at: Date, policy: PolicySnapshot, calendar: WorkingCalendar): Record<string, unknown> {
  const { dueAt, remindAt } = laporDeadline(clock, at, policy, calendar);
  return { [LAPOR_CLOCK[clock].dueField]: dueAt, [LAPOR_REMINDER_FIELD]: remindAt };
}

/**
 * The fields that end a running LAPOR! clock at `at`: late or not (a breach already marked stays), and no
 * reminder pending. Nothing for a clock that never started (a request recorded before the clocks existed).
 */
export function endLaporClock(clock: LaporClock, row: Row, at: Date): Record<string, unknown> {
  const fields = LAPOR_CLOCK[clock];
  const due = row[fields.dueField];
  if (!due) return {};
  return { [fields.breachedField]: Boolean(row[fields.breachedField]) || at.getTime() > new Date(due).getTime(), [LAPOR_REMINDER_FIELD]: null };
}
