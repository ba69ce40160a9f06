import type { Status } from './statuses';

/**
 * A clock on an inquiry: the status it runs in, the fields that hold its start, end, deadline, breach
 * flag and working duration, and the policy field that gives its budget. The sweep, the recap and the
 * board read clocks from tables of this shape; a further clock (another authority's deadline) is one
 * more row of its own table, with the fields it adds to the inquiry schema.
 */
export interface ClockDefinition {
  /** The status an inquiry is in while this clock runs; its deadline is watched only then. */
  readonly status: Status;
  /** When the clock starts (a timestamp of the inquiry). */
  readonly startField: string;
  /** When the work it times is done. */
  readonly atField: string;
  readonly dueField: string;
  readonly breachedField: string;
  /** Working minutes the work took, stored when it ends so that the recap can take medians in SQL. */
  readonly workingMinutesField: string;
  /** The pending reminder's time, or null when the clock sends none. */
  readonly reminderField: string | null;
  /** The sop-policy field with the budget in minutes, and the SOP's own value for it. */
  readonly budgetField: string;
  readonly defaultMinutes: number;
}

export interface SopStepDefinition extends ClockDefinition {
  readonly step: string;
  /** The SOP's own numbering: step 1 is the citizen's request, steps 2–4 are timed. */
  readonly number: number;
  readonly label: { readonly id: string; readonly en: string };
}

/** SOP/P.6.5/01/425.111/2023, steps 2–4: the one place their fields and budgets are named. */
export const SOP_STEP_TABLE = [
  {
    step: 'triage',
    number: 2,
    label: { id: 'Langkah 2: memilah dan meneruskan', en: 'Step 2: sort and route' },
    status: 'received',
    startField: 'receivedAt',
    atField: 'triagedAt',
    dueField: 'triageDueAt',
    breachedField: 'triageBreached',
    workingMinutesField: 'triageWorkingMinutes',
    reminderField: 'reminderDueAt',
    budgetField: 'triageMinutes',
    defaultMinutes: 15,
  },
  {
    step: 'coordination',
    number: 3,
    label: { id: 'Langkah 3: koordinasi dengan Bidang', en: 'Step 3: coordinate with the division' },
    status: 'triaged',
    startField: 'triagedAt',
    atField: 'coordinatedAt',
    dueField: 'coordinationDueAt',
    breachedField: 'coordinationBreached',
    workingMinutesField: 'coordinationWorkingMinutes',
    reminderField: 'reminderDueAt',
    budgetField: 'coordinationMinutes',
    defaultMinutes: 60,
  },
  {
    step: 'answer',
    number: 4,
    label: { id: 'Langkah 4: menyampaikan jawaban', en: 'Step 4: deliver the answer' },
    status: 'coordinated',
    startField: 'coordinatedAt',
    atField: 'answeredAt',
    dueField: 'answerDueAt',
    breachedField: 'answerBreached',
    workingMinutesField: 'answerWorkingMinutes',
    reminderField: 'reminderDueAt',
    budgetField: 'answerMinutes',
    defaultMinutes: 60,
  },
] as const satisfies readonly SopStepDefinition[];

export type SopStepRow = (typeof SOP_STEP_TABLE)[number];
export type SopStep = SopStepRow['step'];
export const SOP_STEPS: readonly SopStep[] = SOP_STEP_TABLE.map((row) => row.step);

/** A step's row by its key, with its literal field names. */
export const SOP_STEP = Object.fromEntries(SOP_STEP_TABLE.map((row) => [row.step, row])) as {
  readonly [S in SopStep]: Extract<SopStepRow, { step: S }>;
};

export type StepStatus = SopStepRow['status'];
export type StepBudgetField = SopStepRow['budgetField'];
export type StepDueField = SopStepRow['dueField'];
export type StepBreachedField = SopStepRow['breachedField'];
export type StepWorkingMinutesField = SopStepRow['workingMinutesField'];
export type StepTimeField = SopStepRow['startField'] | SopStepRow['atField'];

/** The step fields of an inquiry as the database returns them (times as ISO strings). */
export type InquiryStepFields = { [F in StepTimeField | StepDueField]: string | null } & { [F in StepBreachedField]: boolean } & {
  [F in StepWorkingMinutesField]: number | null;
};

/** Which open status waits on which step. */
export const STEP_OF_STATUS = Object.fromEntries(SOP_STEP_TABLE.map((row) => [row.status, row.step])) as Record<StepStatus, SopStep>;

/** The step an inquiry in this status waits on, or null once it is answered or closed. */
export function stepOfStatus(status: string): SopStepRow | null {
  return SOP_STEP_TABLE.find((row) => row.status === status) ?? null;
}

/** One value per step, in the SOP's order. */
export function perStep<T>(value: (step: SopStep) => T): Record<SopStep, T> {
  return Object.fromEntries(SOP_STEPS.map((step) => [step, value(step)])) as Record<SopStep, T>;
}

/** The database column of a field, as Strapi names it (`triageDueAt` → `triage_due_at`), for the recap's SQL. */
export function columnOf(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
