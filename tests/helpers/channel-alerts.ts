import type { TestApp } from './strapi';
import type { FakeTelegram } from './fake-telegram';
import { drain } from './telegram';

const MINUTE = 60_000;

/**
 * The officers' channel alerts (🔴 mati, 🟢 pulih, 🟡 diam) as the fake Bot API received them: each call
 * returns those sent since the previous one, as `chat: text`, once what is due within `minutes` has gone out.
 */
export function channelAlerts(app: TestApp, clock: { ms: number }, telegram: FakeTelegram) {
  let seen = telegram.calls.length;
  const health = () => app.strapi.plugin('channels').service('channelHealth') as { settled(): Promise<void> };
  return {
    /** Forgets what was sent so far (the linking messages, say). */
    skip(): void {
      seen = telegram.calls.length;
    },
    async next(minutes = 1): Promise<string[]> {
      await health().settled();
      await drain(app, clock, { until: clock.ms + minutes * MINUTE, maxRounds: 500 });
      await health().settled();
      await drain(app, clock, { until: clock.ms + MINUTE, maxRounds: 500 });
      const sent = telegram.delivered(undefined, seen);
      seen = telegram.calls.length;
      return sent.filter((message) => /^(🔴|🟢|🟡)/u.test(message.text)).map((message) => `${message.chatId}: ${message.text}`);
    },
  };
}
