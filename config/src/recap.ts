import type { SopStep } from './sop';
import type { Status } from './statuses';
import { OPEN_STATUSES } from './statuses';

/**
 * SLA compliance of the Rekap Informasi, per SOP step, for inquiries received in a period:
 * - a step *applies* once it has started: triage always; coordination once routed to a Bidang on the
 *   ordinary path (not answered directly, not rejected); answer once the Bidang has given its information;
 * - it is *late* when its breach flag is set (at completion, or by the sweep while open) or when it is still
 *   open past its due time (the sweep marks that within a minute);
 * - it is *pending* while still open and not yet due; *met* when completed without a breach.
 * The share within budget is (met + pending) / applicable: every step not (yet) breached.
 */
export interface StepCompliance {
  applicable: number;
  met: number;
  late: number;
  pending: number;
  /** (met + pending) / applicable, or null when no step applies. */
  withinBudget: number | null;
}

/** One group of inquiries as the database counts them: the same status, outcome, path and flags. */
export interface StepGroup {
  status: Status;
  outcome: 'answered' | 'rejected' | null;
  directAnswer: boolean;
  triageBreached: boolean;
  coordinationBreached: boolean;
  answerBreached: boolean;
  count: number;
}

/** Which open status waits on which step. */
export const OPEN_STEP: Record<'received' | 'triaged' | 'coordinated', SopStep> = {
  received: 'triage',
  triaged: 'coordination',
  coordinated: 'answer',
};

const STEP_ORDER: Record<Status, number> = { received: 0, triaged: 1, coordinated: 2, answered: 3, closed: 3 };

/** Whether a step applies to a group, and whether it is still open (waiting on that step). */
export function stepState(step: SopStep, group: Omit<StepGroup, 'count'>): 'none' | 'open' | 'done' {
  const ordinaryPath = !group.directAnswer && group.outcome !== 'rejected';
  const reached = STEP_ORDER[group.status];
  if (step === 'triage') return reached === 0 ? 'open' : 'done';
  if (step === 'coordination') {
    if (reached < 1 || (reached === 3 && !ordinaryPath)) return 'none';
    return reached === 1 ? 'open' : 'done';
  }
  if (reached < 2 || (reached === 3 && !ordinaryPath)) return 'none';
  return reached === 2 ? 'open' : 'done';
}

const FLAG: Record<SopStep, 'triageBreached' | 'coordinationBreached' | 'answerBreached'> = {
  triage: 'triageBreached',
  coordination: 'coordinationBreached',
  answer: 'answerBreached',
};

/**
 * Adds up a step's compliance over counted groups; `overdueOpen` is how many of its open, unflagged steps
 * are already past due (counted separately, against the clock).
 */
export function stepCompliance(step: SopStep, groups: readonly StepGroup[], overdueOpen = 0): StepCompliance {
  let applicable = 0;
  let met = 0;
  let late = 0;
  let pending = 0;
  for (const group of groups) {
    const state = stepState(step, group);
    if (state === 'none') continue;
    applicable += group.count;
    if (group[FLAG[step]]) late += group.count;
    else if (state === 'open') pending += group.count;
    else met += group.count;
  }
  const overdue = Math.min(overdueOpen, pending);
  pending -= overdue;
  late += overdue;
  return { applicable, met, late, pending, withinBudget: applicable === 0 ? null : (met + pending) / applicable };
}

export function isOpenStatus(status: Status): status is 'received' | 'triaged' | 'coordinated' {
  return OPEN_STATUSES.includes(status);
}

/**
 * The positions to read for a continuous percentile (linear interpolation, as PostgreSQL's percentile_cont):
 * the value at rank `lower` (0-based, ascending) plus `fraction` of the way to the next one.
 */
export function percentilePosition(p: number, count: number): { lower: number; fraction: number } {
  const position = p * (count - 1);
  const lower = Math.floor(position);
  return { lower, fraction: position - lower };
}

/** percentile_cont over sorted values; null for none. */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const { lower, fraction } = percentilePosition(p, sorted.length);
  const low = sorted[lower];
  const high = sorted[Math.min(lower + 1, sorted.length - 1)];
  return low + fraction * (high - low);
}
