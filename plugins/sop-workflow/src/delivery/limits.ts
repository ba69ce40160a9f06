import type { ChannelSender, SenderLimits } from './types';

/**
 * What a sender leaves unsaid: ten sends a second on the channel, one a second to a recipient, and the
 * attempts, backoff, timeout and lease the Telegram notifier has always used.
 */
export const DEFAULT_LIMITS: SenderLimits = {
  globalPerSecond: 10,
  perRecipientIntervalMs: 1000,
  marginMs: 0,
  maxAttempts: 20,
  backoffBaseMs: 5000,
  backoffMaxMs: 10 * 60_000,
  requestTimeoutMs: 30_000,
  leaseMs: 2 * 60_000,
};

export function limitsOf(sender: ChannelSender): SenderLimits {
  const limits: SenderLimits = { ...DEFAULT_LIMITS };
  for (const [name, value] of Object.entries(sender.limits)) if (value !== undefined) (limits as unknown as Record<string, unknown>)[name] = value;
  return limits;
}

/** The wait before the given attempt's successor: the base, doubling, up to the maximum. */
export function backoff(limits: Pick<SenderLimits, 'backoffBaseMs' | 'backoffMaxMs'>, attempt: number): number {
  return Math.min(limits.backoffMaxMs, limits.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
}

/** Why these limits cannot work, or null. */
export function limitsProblem(limits: SenderLimits): string | null {
  const numbers = Object.entries(limits).filter(([, value]) => typeof value !== 'function');
  for (const [name, value] of numbers) {
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0) return `${name} must be a number ≥ 0, got ${JSON.stringify(value)}`;
  }
  if (limits.globalPerSecond <= 0 || limits.maxAttempts < 1) return 'globalPerSecond and maxAttempts must be positive';
  if (limits.concurrency !== undefined && limits.concurrency < 1) return 'concurrency must be at least 1';
  // A lease that ran out while the send could still be answered would park a row another instance is sending.
  if (limits.leaseMs <= limits.requestTimeoutMs) return `leaseMs (${limits.leaseMs}) must be longer than requestTimeoutMs (${limits.requestTimeoutMs})`;
  return null;
}
