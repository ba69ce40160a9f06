import { NetworkError, ParseError, TelegramApiError, TimeoutError } from 'node-telegram-bot-api';
import { Pacer } from '../../plugins/sop-workflow/src/delivery/pacer';
import { classify, isGroupChat } from '../../plugins/telegram-notifier/src/services/sender';

const LIMITS = { globalPerSecond: 30, perRecipientIntervalMs: 1000, groupPerMinute: 20, isGroup: isGroupChat, marginMs: 50 };

/** Sends as many messages as the pacer allows, each as early as it allows, and returns their times. */
function schedule(chats: string[], perChat: number): number[] {
  const pacer = new Pacer(LIMITS);
  const queue = chats.flatMap((chat) => Array.from({ length: perChat }, () => chat));
  const times: number[] = [];
  let now = 0;
  while (queue.length > 0) {
    const index = queue.findIndex((chat) => pacer.nextFor(chat, now) <= now);
    if (index < 0) {
      now = Math.min(...queue.map((chat) => pacer.nextFor(chat, now)));
      continue;
    }
    pacer.take(queue[index], now);
    times.push(now);
    queue.splice(index, 1);
  }
  return times;
}

describe('Pacer: Telegram’s limits as a schedule', () => {
  it('never lets more than 30 messages into any one second', () => {
    const times = schedule(Array.from({ length: 100 }, (_, i) => String(i + 1)), 3);
    expect(times).toHaveLength(300);
    for (let i = 30; i < times.length; i += 1) expect(times[i] - times[i - 30]).toBeGreaterThanOrEqual(1000);
  });

  it('keeps up 30 messages every 1.05 s (the limit, less a 5 % margin) when every message goes to a different chat', () => {
    const times = schedule(Array.from({ length: 300 }, (_, i) => String(i + 1)), 1);
    expect(times.at(-1)!).toBeLessThanOrEqual(10_500);
    expect(times.at(-1)!).toBeGreaterThanOrEqual(10_000);
  });

  it('spaces messages to one private chat a second apart and to a group three seconds apart, plus the margin', () => {
    const pacer = new Pacer(LIMITS);
    pacer.take('42', 0);
    expect(pacer.nextFor('42', 0)).toBe(1050);
    pacer.take('-100500', 0);
    expect(pacer.nextFor('-100500', 100)).toBe(3050);
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
