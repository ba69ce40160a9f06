import { createServer } from 'node:net';
import type { TestApp } from './strapi';
import type { FakeTelegram } from './fake-telegram';
import type { Staff } from './builders';

export interface Engine {
  tick(): Promise<number | null>;
  settled(): Promise<void>;
  stop(): Promise<void>;
  start(): void;
  wake(): void;
  wakeSoon(): void;
}

/** The outbox's delivery engine, which sends the notifier's alerts. */
export const engine = (app: TestApp) => app.strapi.plugin('sop-workflow').service('delivery') as Engine;

/** A virtual clock shared by the workflow, the delivery engine and the fake Bot API server. */
export function virtualClock(app: TestApp, start: Date) {
  const clock = {
    ms: start.getTime(),
    set(at: Date) {
      clock.ms = at.getTime();
    },
    advance(ms: number) {
      clock.ms += ms;
    },
  };
  app.strapi.plugin('sop-workflow').service('clock').use(() => new Date(clock.ms));
  return clock;
}

/**
 * Runs the delivery engine round after round, moving the virtual clock to each wake-up time it asks for,
 * until nothing is pending (or the clock passes `until`). Nothing here waits on the wall clock.
 */
export async function drain(app: TestApp, clock: { ms: number }, options: { until?: number; maxRounds?: number } = {}): Promise<void> {
  const { until = Number.POSITIVE_INFINITY, maxRounds = 20_000 } = options;
  for (let round = 0; round < maxRounds; round += 1) {
    const next = await engine(app).tick();
    await engine(app).settled();
    if (process.env.DRAIN_DEBUG && round < 30) console.log('round', round, new Date(clock.ms).toISOString(), next === null ? null : new Date(next).toISOString());
    if (next === null) {
      const again = await engine(app).tick();
      await engine(app).settled();
      if (again === null || again > until) return;
      clock.ms = Math.max(clock.ms, again);
      continue;
    }
    if (next > until) return;
    clock.ms = Math.max(clock.ms, next);
  }
  throw new Error(`the engine did not drain in ${maxRounds} rounds`);
}

/** The real linking path: a one-time code from the dashboard API, then /start <code> from the chat. */
export async function linkChat(app: TestApp, fake: FakeTelegram, staff: Staff, chatId: number): Promise<void> {
  const res = await app.http.post('/api/telegram/link-code').set(staff.auth).expect(201);
  await fake.userSends(chatId, `/start ${res.body.data.code}`);
  await fake.consumed();
  await fake.waitFor('sendMessage', (c) => String(c.params.chat_id) === String(chatId) && String(c.params.text).startsWith('Halo'));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
