import { NetworkError, ParseError, TelegramApiError, TimeoutError } from 'node-telegram-bot-api';
import { Pacer } from '../../plugins/sop-workflow/src/delivery/pacer';
import { classify, isGroupChat } from '../../plugins/telegram-notifier/src/services/sender';
import { busiestSecond } from '../helpers/fake-telegram';

const LIMITS = { globalPerSecond: 30, perRecipientIntervalMs: 1000, groupPerMinute: 20, isGroup: isGroupChat, marginMs: 50 };

/**
 * Sends as many messages as the pacer allows, each as early as it allows, each answered `roundTrip(i)` ms
 * after it left, and returns their times: when each left and when it reached the service (`arrival(i)` into
 * its round trip, half way by default).
 */
function schedule(chats: string[], perChat: number, roundTrip: (i: number) => number = () => 0, arrival: (i: number, rtt: number) => number = (_i, rtt) => rtt / 2) {
  const pacer = new Pacer(LIMITS);
  const queue = chats.flatMap((chat) => Array.from({ length: perChat }, () => chat));
  const sent: { chat: string; at: number; arrived: number }[] = [];
  const answers: { at: number; answer: () => void }[] = [];
  let now = 0;
  while (queue.length > 0) {
    for (const due of answers.filter((a) => a.at <= now)) {
      due.answer();
      answers.splice(answers.indexOf(due), 1);
    }
    const index = queue.findIndex((chat) => pacer.nextFor(chat, now) <= now);
    if (index < 0) {
      now = Math.min(...queue.map((chat) => pacer.nextFor(chat, now)), ...answers.map((a) => a.at));
      continue;
    }
    const slot = pacer.take(queue[index], now);
    const rtt = roundTrip(sent.length);
    const answeredAt = now + rtt;
    answers.push({ at: answeredAt, answer: () => slot.answered(answeredAt) });
    sent.push({ chat: queue[index], at: now, arrived: now + arrival(sent.length, rtt) });
    queue.splice(index, 1);
  }
  return sent;
}

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('Pacer: Telegram’s limits as a schedule', () => {
  it('never lets more than 30 messages into any one second', () => {
    const times = schedule(Array.from({ length: 100 }, (_, i) => String(i + 1)), 3).map((s) => s.at);
    expect(times).toHaveLength(300);
    for (let i = 30; i < times.length; i += 1) expect(times[i] - times[i - 30]).toBeGreaterThanOrEqual(1000);
  });

  it('keeps up 30 messages every 1.05 s (the limit, less a 5 % margin) when every message goes to a different chat', () => {
    const times = schedule(Array.from({ length: 300 }, (_, i) => String(i + 1)), 1).map((s) => s.at);
    expect(times.at(-1)!).toBeLessThanOrEqual(10_500);
    expect(times.at(-1)!).toBeGreaterThanOrEqual(10_000);
  });

  it('keeps within 30 a second and a second per chat at the service however late each message arrives within its round trip', () => {
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      // Mostly quick answers, now and then a stall of up to 400 ms; each message arrives anywhere in its round trip.
      const sent = schedule(
        Array.from({ length: 40 }, (_, i) => String(i + 1)),
        8,
        () => (next() < 0.1 ? 400 * next() : 5 + 20 * next()),
        (_i, rtt) => rtt * next(),
      );
      expect(busiestSecond(sent.map((s) => s.arrived))).toBeLessThanOrEqual(30);
      const byChat = new Map<string, number[]>();
      for (const s of sent) byChat.set(s.chat, [...(byChat.get(s.chat) ?? []), s.arrived]);
      for (const arrivals of byChat.values()) for (let i = 1; i < arrivals.length; i += 1) expect(arrivals[i] - arrivals[i - 1]).toBeGreaterThanOrEqual(1000);
    }
  });

  it('counts a message without an answer against the second until it has one, without holding up the rest', () => {
    const pacer = new Pacer(LIMITS);
    pacer.take('hung', 0);
    let now = 0;
    const times: number[] = [];
    for (let i = 0; i < 60; i += 1) {
      now = pacer.nextFor(String(i), now);
      pacer.take(String(i), now).answered(now);
      times.push(now);
    }
    for (let i = 29; i < times.length; i += 1) expect(times[i] - times[i - 29]).toBeGreaterThanOrEqual(1000);
    expect(pacer.nextFor('hung', now)).toBe(Number.POSITIVE_INFINITY);
  });

  it('spaces messages to one private chat a second apart and to a group three seconds apart, plus the margin, and a full interval after the answer', () => {
    const pacer = new Pacer(LIMITS);
    const slot = pacer.take('42', 0);
    expect(pacer.nextFor('42', 0)).toBe(Number.POSITIVE_INFINITY);
    slot.answered(20);
    expect(pacer.nextFor('42', 0)).toBe(1050);
    pacer.take('-100500', 0).answered(10);
    expect(pacer.nextFor('-100500', 100)).toBe(3050);
    pacer.take('43', 0).answered(400);
    expect(pacer.nextFor('43', 500)).toBe(1400);
  });

  it('forgets a slot released unused', () => {
    const pacer = new Pacer({ ...LIMITS, globalPerSecond: 1 });
    pacer.take('42', 0).release();
    expect(pacer.nextGlobal(0)).toBe(0);
  });

  it('holds a chat for the retry_after Telegram asked for', () => {
    const pacer = new Pacer(LIMITS);
    pacer.hold('42', 7000);
    expect(pacer.nextFor('42', 10)).toBe(7000);
    expect(pacer.nextFor('43', 10)).toBe(10);
  });
});

describe('classify: what a failed send means for its message', () => {
  const refused = (code: string) => new NetworkError('Network request failed: sendMessage', { cause: Object.assign(new TypeError('fetch failed'), { cause: { code } }) });

  it.each([
    ['a 429 waits for retry_after', new TelegramApiError(429, 'Too Many Requests', { retry_after: 7 }), { kind: 'retry-after', ms: 7000 }],
    ['a 500 is retried', new TelegramApiError(500, 'Internal Server Error'), { kind: 'transient' }],
    ['a wrong token waits like an outage', new TelegramApiError(401, 'Unauthorized'), { kind: 'auth' }],
    ['a refused connection sent nothing: retried', refused('ECONNREFUSED'), { kind: 'transient' }],
    ['an unknown host sent nothing: retried', refused('ENOTFOUND'), { kind: 'transient' }],
    ['a blocked bot is final', new TelegramApiError(403, 'Forbidden: bot was blocked by the user'), { kind: 'permanent' }],
    ['a bad request is final', new TelegramApiError(400, 'Bad Request: chat not found'), { kind: 'permanent' }],
    ['our timeout leaves the outcome unknown', new TimeoutError('Request timed out: sendMessage'), { kind: 'uncertain' }],
    ['a connection reset mid-request leaves it unknown', refused('ECONNRESET'), { kind: 'uncertain' }],
    ['a garbled answer leaves it unknown', new ParseError('Invalid JSON in response to sendMessage'), { kind: 'uncertain' }],
  ])('%s', (_label, error, expected) => {
    expect(classify(error)).toEqual(expected);
  });
});
