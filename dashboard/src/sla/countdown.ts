import {
  clockStart,
  runningLaporClock,
  stepOfStatus,
  workingMinutesBetween,
  type LaporClock,
  type SopStep,
  type StepDueField,
  type WorkingCalendar,
} from '@layanan/config';
import type { Inquiry, SopPolicy } from '../types';

/** Floating-point slack: 15 × (1 − 0.8) is 2.9999999999999996, and 3 minutes left must count as the threshold. */
const EPSILON = 1e-9;

export type Urgency = 'ok' | 'warning' | 'breached';

export interface Countdown {
  step: SopStep;
  dueAt: Date;
  /** Working minutes left; negative once the deadline has passed. */
  remaining: number;
  urgency: Urgency;
}

/** The SOP step an inquiry is waiting for and its deadline, or null once it is answered or closed. */
export function runningStep(inquiry: Pick<Inquiry, 'status' | StepDueField>) {
  const running = stepOfStatus(inquiry.status);
  const due = running && inquiry[running.dueField];
  return running && due ? { ...running, dueAt: new Date(due) } : null;
}

export function calendarOf(policy: SopPolicy, holidays: Iterable<string>): WorkingCalendar {
  return { mode: policy.clockMode, officeHours: policy.officeHours, holidays: new Set(holidays), timeZone: policy.timeZone };
}

/**
 * Time left on the running step, counted in working time like the server counts it. Amber once the
 * reminder threshold of the step's budget is used up, red once the deadline has passed.
 */
export function countdownOf(inquiry: Inquiry, now: Date, calendar: WorkingCalendar, policy: SopPolicy): Countdown | null {
  const running = runningStep(inquiry);
  if (!running) return null;
  const remaining = workingMinutesBetween(now, running.dueAt, calendar);
  const budget = policy[running.budgetField];
  const threshold = Number(policy.reminderThreshold);
  let urgency: Urgency = 'ok';
  if (now.getTime() >= running.dueAt.getTime() || inquiry[running.breachedField]) urgency = 'breached';
  else if (remaining <= budget * (1 - threshold) + EPSILON) urgency = 'warning';
  return { step: running.step, dueAt: running.dueAt, remaining, urgency };
}

/** Whole working minutes as [hours, minutes]: time left rounds up, time late rounds down. */
export function splitMinutes(minutes: number): [number, number] {
  const whole = minutes >= 0 ? Math.ceil(minutes - EPSILON) : Math.floor(-minutes + EPSILON);
  return [Math.floor(whole / 60), whole % 60];
}

export interface LaporCountdown {
  clock: LaporClock;
  dueAt: Date;
  urgency: Urgency;
}

/**
 * The SP4N-LAPOR! time limit running on a report, if any: amber once the reminder threshold of the working
 * time it allows is used up, red once it has passed. Its deadline is a day, so the card shows the date.
 */
export function laporCountdownOf(inquiry: Inquiry, now: Date, calendar: WorkingCalendar, policy: Pick<SopPolicy, 'reminderThreshold'>): LaporCountdown | null {
  const running = runningLaporClock(inquiry as unknown as Record<string, unknown>);
  const due = running && inquiry[running.dueField];
  if (!running || !due) return null;
  const dueAt = new Date(due);
  const started = inquiry[running.startField as keyof Inquiry] as string | null | undefined;
  let urgency: Urgency = 'ok';
  if (now.getTime() >= dueAt.getTime() || inquiry[running.breachedField]) urgency = 'breached';
  else if (started) {
    const from = clockStart(new Date(started), calendar);
    const allowed = workingMinutesBetween(from, dueAt, calendar);
    if (workingMinutesBetween(now, dueAt, calendar) <= allowed * (1 - Number(policy.reminderThreshold)) + EPSILON) urgency = 'warning';
  }
  return { clock: running.clock, dueAt, urgency };
}
