import type { SenderLimits } from './types';

export type PacerLimits = Pick<SenderLimits, 'globalPerSecond' | 'perRecipientIntervalMs' | 'groupPerMinute' | 'isGroup' | 'marginMs'>;

/** How far behind its even spacing the schedule may catch up at once (a slow round sends a few together). */
const CATCH_UP_CELLS = 5;

/**
 * A channel's send limits (with a small margin) as a schedule, on whatever clock the caller passes in (tests
 * use a virtual one): a global cell rate algorithm (for Telegram one send every 1050/30 ms, with a few cells
 * of slack so a late round can catch up), bounded by a sliding window so that no second ever holds more than
 * the limit; and for each recipient the earliest time of its next send: perRecipientIntervalMs apart, or
 * groupPerMinute for a group (Telegram: one second in a private chat, three seconds in a group). A 429's
 * retry_after pushes that recipient's next time out.
 */
export class Pacer {
  private theoreticalArrival = 0;
  /** The times of the last `globalPerSecond` sends, oldest first. */
  private readonly recent: number[] = [];
  private readonly recipients = new Map<string, number>();

  constructor(private readonly limits: PacerLimits) {}

  private get emission(): number {
    return this.window / this.limits.globalPerSecond;
  }

  private get window(): number {
    return 1000 + this.limits.marginMs;
  }

  /** The earliest time a message may go to this recipient. */
  nextFor(recipient: string, now: number): number {
    return Math.max(this.nextGlobal(now), this.recipients.get(recipient) ?? now);
  }

  nextGlobal(now: number): number {
    const windowFull = this.recent.length >= Math.floor(this.limits.globalPerSecond);
    // Whole milliseconds: clocks (and Date) have no finer grain, and 1000/30 is not a whole number.
    return Math.ceil(Math.max(now, this.theoreticalArrival - CATCH_UP_CELLS * this.emission, windowFull ? this.recent[0] + this.window : 0));
  }

  /** Takes the slot: call only when nextFor(recipient, now) <= now. */
  take(recipient: string, now: number): void {
    this.theoreticalArrival = Math.max(this.theoreticalArrival, now) + this.emission;
    this.recent.push(now);
    if (this.recent.length > Math.floor(this.limits.globalPerSecond)) this.recent.shift();
    this.recipients.set(recipient, now + this.gapFor(recipient));
    if (this.recipients.size > 10_000) this.forget(now);
  }

  /** The least time between two messages to this recipient. */
  gapFor(recipient: string): number {
    const { groupPerMinute, isGroup, perRecipientIntervalMs, marginMs } = this.limits;
    const group = groupPerMinute !== undefined && isGroup?.(recipient);
    return (group ? Math.ceil(60_000 / groupPerMinute) : perRecipientIntervalMs) + marginMs;
  }

  hold(recipient: string, until: number): void {
    this.recipients.set(recipient, Math.max(this.recipients.get(recipient) ?? 0, until));
  }

  private forget(now: number): void {
    for (const [recipient, at] of this.recipients) if (at <= now) this.recipients.delete(recipient);
  }
}
