import { BOARD_BREACHED_PARAM, SOP_STEP, SOP_STEPS, SOP_STEP_TABLE, STATUSES, TRANSITIONS, type Action, type SopStep, type Status } from '@layanan/config';
import type { Inquiry } from '../types';
import { runningStep } from '../sla/countdown';
import { awaitsDelivery } from '../inquiries/delivery';

export type BoardColumns = Record<Status, Inquiry[]>;

export interface BoardFilter {
  channel?: string;
  kind?: string;
  division?: string;
  /** Only the requests late on any step, or on this one (a Telegram digest links here with its step). */
  breached?: 'any' | SopStep;
  awaitingDelivery?: boolean;
  text?: string;
}

/** The instant a card is sorted by: its running step's deadline, else when it left the SOP clock. */
export function sortKey(inquiry: Inquiry): number {
  const running = runningStep(inquiry);
  const at = running?.dueAt.getTime() ?? Date.parse(inquiry.closedAt ?? inquiry.answeredAt ?? inquiry.receivedAt);
  return Number.isNaN(at) ? Number.MAX_SAFE_INTEGER : at;
}

/** One column per workflow state (from config), each sorted by deadline, the oldest first. */
export function groupByStatus(inquiries: readonly Inquiry[]): BoardColumns {
  const columns = Object.fromEntries(STATUSES.map((status) => [status, [] as Inquiry[]])) as BoardColumns;
  for (const inquiry of inquiries) columns[inquiry.status]?.push(inquiry);
  for (const status of STATUSES) {
    columns[status].sort((a, b) => sortKey(a) - sortKey(b) || a.code.localeCompare(b.code));
  }
  // Done work reads newest first: the most recent answers and closures are the ones worth a glance.
  columns.answered.reverse();
  columns.closed.reverse();
  return columns;
}

export function isBreached(inquiry: Inquiry, now: Date): boolean {
  if (SOP_STEP_TABLE.some((row) => inquiry[row.breachedField])) return true;
  const running = runningStep(inquiry);
  return running !== null && running.dueAt.getTime() <= now.getTime();
}

/** Late on the step: the sweep flagged it, or it is still running past its deadline. */
export function isBreachedAt(inquiry: Inquiry, step: SopStep, now: Date): boolean {
  if (inquiry[SOP_STEP[step].breachedField]) return true;
  const running = runningStep(inquiry);
  return running !== null && running.step === step && running.dueAt.getTime() <= now.getTime();
}

const BREACHED_VALUES: readonly string[] = ['any', ...SOP_STEPS];

/** The filter a link opens the board with: `?terlambat=triage` shows the requests late on step 2. */
export function filterFromSearch(search: string): BoardFilter {
  const breached = new URLSearchParams(search).get(BOARD_BREACHED_PARAM);
  return breached && BREACHED_VALUES.includes(breached) ? { breached: breached as BoardFilter['breached'] } : {};
}

/** The address's query with the filter's breach choice in it, the rest of the query kept. */
export function searchWithFilter(search: string, filter: BoardFilter): string {
  const params = new URLSearchParams(search);
  if (filter.breached) params.set(BOARD_BREACHED_PARAM, filter.breached);
  else params.delete(BOARD_BREACHED_PARAM);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * Whether a card stays on the board under the filter. The text is matched by the server (`found`: the ids
 * it returned, which know the citizen's unmasked name, NIK and phone number); until it has answered, by
 * what the card itself shows.
 */
export function matchesFilter(inquiry: Inquiry, filter: BoardFilter, now: Date, found?: ReadonlySet<string> | null): boolean {
  if (filter.channel && inquiry.channel !== filter.channel) return false;
  if (filter.kind && inquiry.kind !== filter.kind) return false;
  if (filter.division && inquiry.division?.documentId !== filter.division) return false;
  if (filter.breached === 'any' && !isBreached(inquiry, now)) return false;
  if (filter.breached && filter.breached !== 'any' && !isBreachedAt(inquiry, filter.breached, now)) return false;
  if (filter.awaitingDelivery && !awaitsDelivery(inquiry)) return false;
  const text = filter.text?.trim().toLowerCase();
  if (text && found) return found.has(String(inquiry.id));
  if (text) {
    const haystack = `${inquiry.code} ${inquiry.subject} ${inquiry.applicant?.name ?? ''}`.toLowerCase();
    if (!haystack.includes(text)) return false;
  }
  return true;
}

/** What a card shows or searches of what people wrote: lists carry it masked (UU 27/2022). */
const MASKED_ON_CARDS = ['applicant', 'subject', 'message'] as const;

/**
 * A card after its move: the workflow's answer (status, times, Bidang) with the card's own masked personal
 * data and texts, since an action route answers as the detail view does, unmasked.
 */
export function cardAfterMove(card: Inquiry, updated: Inquiry): Inquiry {
  const kept = Object.fromEntries(MASKED_ON_CARDS.filter((field) => field in card).map((field) => [field, card[field]]));
  return { ...updated, ...kept };
}

/** Replaces changed cards by id and adds new ones; the rest keep their identity (memoised cards skip a render). */
export function mergeChanges(current: readonly Inquiry[], changed: readonly Inquiry[]): Inquiry[] {
  if (changed.length === 0) return current as Inquiry[];
  const byId = new Map(changed.map((inquiry) => [inquiry.id, inquiry]));
  const merged = current.map((inquiry) => byId.get(inquiry.id) ?? inquiry);
  const known = new Set(current.map((inquiry) => inquiry.id));
  for (const inquiry of changed) if (!known.has(inquiry.id)) merged.push(inquiry);
  return merged;
}

/** Which SOP action a move from one column to another means, or null when no action leads there. */
export function actionForMove(from: Status, to: Status): Action | null {
  const found = (Object.keys(TRANSITIONS) as Action[]).filter((action) => TRANSITIONS[action].to === to && TRANSITIONS[action].from.includes(from));
  return found[0] ?? null;
}

/** The latest change the board has seen, to ask the server only for what changed after it. */
export function latestUpdate(inquiries: readonly Inquiry[]): string | null {
  let latest: string | null = null;
  for (const { updatedAt } of inquiries) if (updatedAt && (!latest || updatedAt > latest)) latest = updatedAt;
  return latest;
}
