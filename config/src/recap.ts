import { perStep, type SopStep } from './steps';

/**
 * SLA compliance of the Rekap Informasi, per SOP step, for inquiries received in a period:
 * - a step *applies* once it has started: triage always; coordination once the request is routed to a
 *   Bidang (a direct answer or a rejection never is); the answer once the Bidang has given its information;
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

/** What the database counts for one Bidang (or for the requests routed to none). */
export interface StepCounts {
  /** Requests received. */
  received: number;
  /** Of them, routed to a Bidang on the ordinary path: coordination applies to each. */
  routed: number;
  /** Requests still waiting at each step (statuses received, triaged, coordinated). */
  open: Record<SopStep, number>;
  /** Breach flags set, on completed and open steps alike. */
  flagged: Record<SopStep, number>;
  /** Of the open steps, those flagged already. */
  openFlagged: Record<SopStep, number>;
  /** Of the open steps, those past their due time and not flagged yet. */
  overdue: Record<SopStep, number>;
}

/** How many requests each step has started for: the answer waits for coordination to be done. */
function applicable(step: SopStep, counts: StepCounts): number {
  if (step === 'triage') return counts.received;
  if (step === 'coordination') return counts.routed;
  return counts.routed - counts.open.coordination;
}

export function stepCompliance(step: SopStep, counts: StepCounts): StepCompliance {
  const started = applicable(step, counts);
  const late = counts.flagged[step] + counts.overdue[step];
  const pending = counts.open[step] - counts.openFlagged[step] - counts.overdue[step];
  const met = started - late - pending;
  return { applicable: started, met, late, pending, withinBudget: started === 0 ? null : (met + pending) / started };
}

/** Steps completed: each has its working duration recorded (see the workflow), so percentiles count these. */
export function completedSteps(counts: StepCounts): Record<SopStep, number> {
  return perStep((step) => applicable(step, counts) - counts.open[step]);
}

export function emptyStepCounts(): StepCounts {
  const zero = () => perStep(() => 0);
  return { received: 0, routed: 0, open: zero(), flagged: zero(), openFlagged: zero(), overdue: zero() };
}

export function addStepCounts(a: StepCounts, b: StepCounts): StepCounts {
  const sum = (x: Record<SopStep, number>, y: Record<SopStep, number>) => perStep((step) => x[step] + y[step]);
  return {
    received: a.received + b.received,
    routed: a.routed + b.routed,
    open: sum(a.open, b.open),
    flagged: sum(a.flagged, b.flagged),
    openFlagged: sum(a.openFlagged, b.openFlagged),
    overdue: sum(a.overdue, b.overdue),
  };
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

/** One SOP policy revision the range's requests carried, and the first of them it applied to. */
export interface RecapPolicy {
  revision: number;
  budgets: Record<SopStep, number>;
  /** The first request of the range received under this revision (ISO), or null when the range has none. */
  since: string | null;
}

/** One step's budget over part of the range: `since`/`until` bound it when the range mixes budgets. */
export interface BudgetSpan {
  minutes: number;
  since: string | null;
  until: string | null;
}

/**
 * What a step's budget was over the range, from the revisions its requests carried (in order of their first
 * request): one span when every request had the same minutes, else one per change, each bounded by the change.
 */
export function budgetSpans(policies: readonly RecapPolicy[], step: SopStep): BudgetSpan[] {
  const ordered = [...policies].sort((a, b) => (a.since ?? '').localeCompare(b.since ?? ''));
  const changes: { minutes: number; since: string | null }[] = [];
  for (const policy of ordered) {
    if (changes[changes.length - 1]?.minutes !== policy.budgets[step]) changes.push({ minutes: policy.budgets[step], since: policy.since });
  }
  return changes.map((change, i) => ({
    minutes: change.minutes,
    since: i === 0 ? null : change.since,
    until: i === changes.length - 1 ? null : changes[i + 1].since,
  }));
}
