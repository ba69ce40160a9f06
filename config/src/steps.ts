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

/**
 * A clock counted in working days of the request's own calendar: another authority's time limit on a
 * request, watched beside the SOP's steps. It runs from its start field being set until its end field is,
 * on requests of one channel only; its budget is a whole number of working days in the SOP policy.
 */
export interface WorkingDayClockDefinition {
  readonly clock: string;
  readonly label: { readonly id: string; readonly en: string };
  /** What the time limit asks for, as officers read it on the card and in the recap. */
  readonly task: { readonly id: string; readonly en: string };
  readonly startField: string;
  readonly atField: string;
  readonly dueField: string;
  readonly breachedField: string;
  readonly budgetField: string;
  readonly defaultDays: number;
}

/** The channel whose requests carry SP4N-LAPOR!'s clocks. */
export const LAPOR_CLOCK_CHANNEL = 'lapor_sp4n';
/** The pending reminder of whichever LAPOR! clock runs: they follow one another, so one field serves them all. */
export const LAPOR_REMINDER_FIELD = 'laporReminderDueAt';
/** When the follow-up (tindak lanjut) was posted on SP4N-LAPOR!: the end of the second clock, the start of the third. */
export const LAPOR_FOLLOW_UP_FIELD = 'laporFollowUpAt';

/**
 * SP4N-LAPOR!'s own time limits (PermenPAN-RB 62/2018), one after another: the report verified and forwarded
 * to the Bidang within 3 working days of reaching the Dinas, the follow-up posted within 5 working days of
 * the forwarding, and the report closed 10 working days after the follow-up when the reporter does not reply.
 */
export const LAPOR_CLOCK_TABLE = [
  {
    clock: 'lapor_forwarding',
    label: { id: 'LAPOR!: verifikasi dan penerusan', en: 'LAPOR!: verify and forward' },
    task: { id: 'verifikasi dan teruskan laporan ke Bidang', en: 'verify the report and forward it to the division' },
    startField: 'receivedAt',
    atField: 'triagedAt',
    dueField: 'laporForwardingDueAt',
    breachedField: 'laporForwardingBreached',
    budgetField: 'laporForwardingDays',
    defaultDays: 3,
  },
  {
    clock: 'lapor_follow_up',
    label: { id: 'LAPOR!: tindak lanjut', en: 'LAPOR!: follow-up' },
    task: { id: 'unggah tindak lanjut ke SP4N-LAPOR!', en: 'post the follow-up on SP4N-LAPOR!' },
    startField: 'triagedAt',
    atField: LAPOR_FOLLOW_UP_FIELD,
    dueField: 'laporFollowUpDueAt',
    breachedField: 'laporFollowUpBreached',
    budgetField: 'laporFollowUpDays',
    defaultDays: 5,
  },
  {
    clock: 'lapor_closure',
    label: { id: 'LAPOR!: penutupan laporan', en: 'LAPOR!: closing the report' },
    task: { id: 'tutup laporan bila pelapor tidak menanggapi', en: 'close the report if the reporter does not reply' },
    startField: LAPOR_FOLLOW_UP_FIELD,
    atField: 'closedAt',
    dueField: 'laporClosureDueAt',
    breachedField: 'laporClosureBreached',
    budgetField: 'laporClosureDays',
    defaultDays: 10,
  },
] as const satisfies readonly WorkingDayClockDefinition[];

export type LaporClockRow = (typeof LAPOR_CLOCK_TABLE)[number];
export type LaporClock = LaporClockRow['clock'];
export type LaporBudgetField = LaporClockRow['budgetField'];
export const LAPOR_CLOCKS: readonly LaporClock[] = LAPOR_CLOCK_TABLE.map((row) => row.clock);
export const LAPOR_CLOCK = Object.fromEntries(LAPOR_CLOCK_TABLE.map((row) => [row.clock, row])) as {
  readonly [C in LaporClock]: Extract<LaporClockRow, { clock: C }>;
};

/** The LAPOR! clock fields of an inquiry as the database returns them. */
export type InquiryLaporFields = { [F in LaporClockRow['dueField'] | typeof LAPOR_FOLLOW_UP_FIELD | typeof LAPOR_REMINDER_FIELD]: string | null } & {
  [F in LaporClockRow['breachedField']]: boolean | null;
};

/** A LAPOR! clock or an SOP step by its key, for the alerts and the timeline that name either. */
export function isLaporClock(value: unknown): value is LaporClock {
  return typeof value === 'string' && (LAPOR_CLOCKS as readonly string[]).includes(value);
}

/**
 * The LAPOR! clock running on a request (started, not ended), or null: none runs before the report is
 * recorded, between the clocks never, and after the report is closed none.
 */
export function runningLaporClock(inquiry: Partial<Record<string, unknown>>): LaporClockRow | null {
  if (inquiry.channel !== undefined && inquiry.channel !== LAPOR_CLOCK_CHANNEL) return null;
  return LAPOR_CLOCK_TABLE.find((row) => inquiry[row.dueField] != null && inquiry[row.atField] == null) ?? null;
}

/** A clock an alert or an event may name: an SOP step or one of SP4N-LAPOR!'s. */
export type ClockKey = SopStep | LaporClock;

/** The inquiry field holding a clock's deadline. */
export function dueFieldOf(key: ClockKey): string {
  return isLaporClock(key) ? LAPOR_CLOCK[key].dueField : SOP_STEP[key].dueField;
}
