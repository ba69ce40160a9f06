export interface PacerLimits {
  globalPerSecond: number;
  perChatIntervalMs: number;
  groupPerMinute: number;
  /** Added to every interval: requests sent on schedule still reach Telegram a few milliseconds apart from it. */
  marginMs: number;
}

/** Telegram numbers group and channel chats below zero; private chats are positive user ids. */
export function isGroupChat(chatId: string): boolean {
  return chatId.startsWith('-');
}

/** How far behind its even spacing the schedule may catch up at once (a slow round sends a few together). */
const CATCH_UP_CELLS = 5;

/**
 * Telegram's send limits (with a small margin) as a schedule, on whatever clock the caller passes in (tests use a virtual one):
 * a global cell rate algorithm (one send every 1050/30 ms, with a few cells of slack so a late round can
 * catch up), bounded by a sliding window so that no second ever holds more than the limit; and for each chat the earliest time of its next send:
 * one second apart in a private chat, three seconds (20 a minute) in a group. A 429's retry_after pushes
 * that chat's next time out.
 */
export class Pacer {
  private theoreticalArrival = 0;
  /** The times of the last `globalPerSecond` sends, oldest first. */
  private readonly recent: number[] = [];
  private readonly chats = new Map<string, number>();

  constructor(private readonly limits: PacerLimits) {}

  private get emission(): number {
    return this.window / this.limits.globalPerSecond;
  }

  private get window(): number {
    return 1000 + this.limits.marginMs;
  }

  /** The earliest time a message may go to this chat. */
  nextFor(chatId: string, now: number): number {
    return Math.max(this.nextGlobal(now), this.chats.get(chatId) ?? now);
  }

  nextGlobal(now: number): number {
    const windowFull = this.recent.length >= Math.floor(this.limits.globalPerSecond);
    // Whole milliseconds: clocks (and Date) have no finer grain, and 1000/30 is not a whole number.
    return Math.ceil(Math.max(now, this.theoreticalArrival - CATCH_UP_CELLS * this.emission, windowFull ? this.recent[0] + this.window : 0));
  }

  chatReadyAt(chatId: string): number {
    return this.chats.get(chatId) ?? 0;
  }

  /** Takes the slot: call only when nextFor(chatId, now) <= now. */
  take(chatId: string, now: number): void {
    this.theoreticalArrival = Math.max(this.theoreticalArrival, now) + this.emission;
    this.recent.push(now);
    if (this.recent.length > Math.floor(this.limits.globalPerSecond)) this.recent.shift();
    this.chats.set(chatId, now + this.gapFor(chatId));
    if (this.chats.size > 10_000) this.forget(now);
  }

  /** The least time between two messages to this chat. */
  gapFor(chatId: string): number {
    return (isGroupChat(chatId) ? Math.ceil(60_000 / this.limits.groupPerMinute) : this.limits.perChatIntervalMs) + this.limits.marginMs;
  }

  holdChat(chatId: string, until: number): void {
    this.chats.set(chatId, Math.max(this.chats.get(chatId) ?? 0, until));
  }

  private forget(now: number): void {
    for (const [chat, at] of this.chats) if (at <= now) this.chats.delete(chat);
  }
}
