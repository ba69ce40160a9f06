import { SOP_STEP_TABLE, addWorkingMinutes, stepOfStatus, type InquiryStepFields, type StepBudgetField, type WorkingCalendar } from '@layanan/config';

/**
 * The latest time the answer may come, as a receipt promises it: the deadline of the step the request waits
 * on, plus the full budgets of the steps after it, in the request's own working time. Null once it is answered
 * or closed (nothing left to promise). Each later step may start earlier and so end earlier, never later.
 */
export function answerPromisedAt(
  row: Pick<InquiryStepFields, 'triageDueAt' | 'coordinationDueAt' | 'answerDueAt'> & { status: string },
  budgets: Record<StepBudgetField, number>,
  calendar: WorkingCalendar,
): Date | null {
  const waiting = stepOfStatus(row.status);
  const due = waiting && row[waiting.dueField];
  if (!waiting || !due) return null;
  const after = SOP_STEP_TABLE.slice(SOP_STEP_TABLE.indexOf(waiting) + 1);
  const rest = after.reduce((sum, step) => sum + budgets[step.budgetField], 0);
  return rest === 0 ? new Date(due) : addWorkingMinutes(new Date(due), rest, calendar);
}
