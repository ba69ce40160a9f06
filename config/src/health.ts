/**
 * How the server is: what a load balancer or an uptime monitor reads from GET /api/health, and the details
 * staff see. Tuned to the SOP's 15-minute step: a sweep that has not run for two minutes, or a citizen's
 * message due for ten without going out, is worth a look long before a deadline passes unseen.
 */
export type HealthState = 'ok' | 'degraded' | 'down';

/** The SOP sweep runs every minute; two without one is a scheduler that has stopped. */
export const SCHEDULER_STALE_MS = 2 * 60_000;
/** A message due this long and still not sent: the channel or the delivery engine is stuck. */
export const OUTBOX_STALE_MS = 10 * 60_000;
/** Messages the outbox gave up on within this stretch make it degraded until an officer sees to them. */
export const OUTBOX_FAILED_WINDOW_MS = 24 * 3600_000;

/** A scheduled backup older than this (two nights missed) is worth a look before a disk fails. */
export const BACKUP_STALE_MS = 2 * 24 * 3600_000;

const RANK: Record<HealthState, number> = { ok: 0, degraded: 1, down: 2 };

/** The worst of the parts. */
export function overallHealth(states: readonly HealthState[]): HealthState {
  return states.reduce<HealthState>((worst, state) => (RANK[state] > RANK[worst] ? state : worst), 'ok');
}

/** The sweep last ran at `lastRunAt` (on any instance); a server that started within the stretch is given it. */
export function schedulerHealth({ lastRunAt, startedAt, now }: { lastRunAt: Date | null; startedAt: Date; now: Date }): HealthState {
  const since = Math.max(lastRunAt?.getTime() ?? Number.NEGATIVE_INFINITY, startedAt.getTime());
  return now.getTime() - since > SCHEDULER_STALE_MS ? 'degraded' : 'ok';
}

export function outboxHealth({ oldestDueAt, failedRecently, now }: { oldestDueAt: Date | null; failedRecently: number; now: Date }): HealthState {
  if (failedRecently > 0) return 'degraded';
  return oldestDueAt && now.getTime() - oldestDueAt.getTime() > OUTBOX_STALE_MS ? 'degraded' : 'ok';
}

/**
 * Only a server told to back itself up (BACKUP_CRON) promises fresh backups; one started within the stretch
 * is given it for its first, as the scheduler is.
 */
export function backupHealth({ scheduled, lastAt, startedAt, now }: { scheduled: boolean; lastAt: Date | null; startedAt: Date; now: Date }): HealthState {
  if (!scheduled) return 'ok';
  const since = Math.max(lastAt?.getTime() ?? Number.NEGATIVE_INFINITY, startedAt.getTime());
  return now.getTime() - since > BACKUP_STALE_MS ? 'degraded' : 'ok';
}
