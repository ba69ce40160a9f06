import type { EngineSettings } from './delivery/engine';

export interface RateLimit {
  points: number;
  durationSeconds: number;
}

export interface SopWorkflowConfig {
  sweepCron: string | false;
  /** The outbox's delivery engine, for every channel alike (each sender brings its own limits). */
  delivery: EngineSettings;
  /** New requests from the public form, per client address. */
  publicRateLimit: RateLimit;
  /** Tracking look-ups per client address: generous for citizens, too slow for guessing tokens. */
  trackRateLimit: RateLimit;
  /** Staff account requests (a password reset), per client address and per e-mail address alike. */
  accountRateLimit: RateLimit;
  /**
   * Attempts to recover a lost tracking link, per tracking code (besides the client address's tracking limit):
   * few enough that the last four digits of a phone number cannot be guessed.
   */
  recoverRateLimit: RateLimit;
}

const defaults: SopWorkflowConfig = {
  sweepCron: '*/1 * * * *',
  delivery: { pollIntervalMs: 1000, shutdownGraceMs: 5000, wakeGatherMs: 20 },
  publicRateLimit: { points: 10, durationSeconds: 60 },
  trackRateLimit: { points: 60, durationSeconds: 60 },
  accountRateLimit: { points: 5, durationSeconds: 3600 },
  recoverRateLimit: { points: 5, durationSeconds: 3600 },
};

function rateLimitProblem(name: string, limit: RateLimit | undefined): string | null {
  if (limit === undefined) return null;
  const { points, durationSeconds } = limit;
  if (Number.isInteger(points) && points >= 1 && Number.isInteger(durationSeconds) && durationSeconds >= 1) return null;
  return `sop-workflow: ${name} needs positive integers { points, durationSeconds }`;
}

function deliveryProblem(delivery: Partial<EngineSettings> | undefined): string | null {
  for (const [name, value] of Object.entries(delivery ?? {})) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return `sop-workflow: delivery.${name} must be a number ≥ 0, got ${JSON.stringify(value)}`;
  }
  return null;
}

function validator(config: Partial<SopWorkflowConfig>): void {
  const { sweepCron } = config;
  if (sweepCron !== undefined && sweepCron !== false && (typeof sweepCron !== 'string' || sweepCron.trim().split(/\s+/).length < 5)) {
    throw new Error(`sop-workflow: sweepCron must be a cron expression or false, got ${JSON.stringify(sweepCron)}`);
  }
  const problem =
    rateLimitProblem('publicRateLimit', config.publicRateLimit) ??
    rateLimitProblem('trackRateLimit', config.trackRateLimit) ??
    rateLimitProblem('accountRateLimit', config.accountRateLimit) ??
    rateLimitProblem('recoverRateLimit', config.recoverRateLimit) ??
    deliveryProblem(config.delivery);
  if (problem) throw new Error(problem);
}

export default { default: defaults, validator };
