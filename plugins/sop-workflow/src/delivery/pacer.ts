import type { SenderLimits } from './types';

export type PacerLimits = Pick<SenderLimits, 'globalPerSecond' | 'perRecipientIntervalMs' | 'groupPerMinute' | 'isGroup' | 'marginMs'>;

/** A slot taken: say when the service answered the send (or it was given up on), or release it unused. */
export interface Slot {
  answered(at: number): void;
  /** The send never left (its row was claimed by another instance first): it does not count. */
  release(): void;
}

/** How far behind its even spacing the schedule may catch up at once (a slow round sends a few together). */
const CATCH_UP_CELLS = 5;

/** A send the pacer let go: it counts against the budget until a second after its answer. */
interface Send {
  answeredAt: number | null;
}

/**
 * A channel's send limits (with a small margin) as a schedule, on whatever clock the caller passes in (tests
 * use a virtual one): a global cell rate algorithm (for Telegram one send every 1050/30 ms, with a few cells
 * of slack so a late round can catch up), bounded by a count of the sends that may still fall within the
 * last second; and for each recipient the earliest time of its next send: perRecipientIntervalMs apart, or
 * groupPerMinute for a group (Telegram: one second in a private chat, three seconds in a group). A 429's
 * retry_after pushes that recipient's next time out.
 *
 * The service counts a message when it arrives, which is some time between our send and its answer: a
 * stalled event loop, a busy network or a busy server can make one send arrive late and bunch with the next
 * ones, however evenly they left. So the bounds that matter are kept by answer times: a send counts against
 * the second's budget until a second has passed since its answer (unanswered, it counts until it has one),
 * and a recipient's next send waits a full interval after the answer to its last one. Whatever the delays,
 * no second at the service then holds more than `globalPerSecond` of them, nor two to one chat closer than
 * the interval. The price is the round trip, once per second's budget, and only when the budget is full.
 */
export class Pacer {
  private theoreticalArrival = 0;
  /** Sends that may still fall within the last second (unanswered, or answered less than a second ago). */
  private recent: Send[] = [];
  private readonly recipients = new Map<string, number>();
  /** Recipients with sends not yet answered, and how many. */
  private readonly unanswered = new Map<string, number>();

  constructor(private readonly limits: PacerLimits) {}

  private get emission(): number {
    return (1000 + this.limits.marginMs) / this.limits.globalPerSecond;
  }

  private get budget(): number {
    return Math.max(1, Math.floor(this.limits.globalPerSecond));
  }

  /** The earliest time a message may go to this recipient (Infinity while its last one is unanswered). */
  nextFor(recipient: string, now: number): number {
    const own = this.unanswered.has(recipient) ? Number.POSITIVE_INFINITY : (this.recipients.get(recipient) ?? now);
    return Math.max(this.nextGlobal(now), own);
  }

  nextGlobal(now: number): number {
    // Whole milliseconds: clocks (and Date) have no finer grain, and 1000/30 is not a whole number.
    return Math.ceil(Math.max(now, this.theoreticalArrival - CATCH_UP_CELLS * this.emission, this.budgetFreeAt(now)));
  }

  /** When fewer than the budget of sends may fall within the last second: at once, later, or when answers come. */
  private budgetFreeAt(now: number): number {
    this.recent = this.recent.filter((send) => send.answeredAt === null || send.answeredAt + 1000 > now);
    const over = this.recent.length - this.budget + 1;
    if (over <= 0) return now;
    const answered = this.recent.flatMap((send) => (send.answeredAt === null ? [] : [send.answeredAt])).sort((a, b) => a - b);
    return answered.length >= over ? answered[over - 1] + 1000 : Number.POSITIVE_INFINITY;
  }

  /** Takes the slot: call only when nextFor(recipient, now) <= now, and tell the slot when the send is answered. */
  take(recipient: string, now: number): Slot {
    this.theoreticalArrival = Math.max(this.theoreticalArrival, now) + this.emission;
    const send: Send = { answeredAt: null };
    this.recent.push(send);
    this.hold(recipient, now + this.gapFor(recipient));
    this.unanswered.set(recipient, (this.unanswered.get(recipient) ?? 0) + 1);
    if (this.recipients.size > 10_000) this.forget(now);
    let open = true;
    const close = () => {
      open = false;
      const left = (this.unanswered.get(recipient) ?? 1) - 1;
      if (left > 0) this.unanswered.set(recipient, left);
      else this.unanswered.delete(recipient);
    };
    return {
      answered: (at) => {
        if (!open) return;
        close();
        send.answeredAt = Math.max(at, now);
        this.hold(recipient, send.answeredAt + this.gapFor(recipient) - this.limits.marginMs);
      },
      release: () => {
        if (!open) return;
        close();
        this.recent = this.recent.filter((other) => other !== send);
      },
    };
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
