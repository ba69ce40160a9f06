import { bootApp, createTestDatabase, type DatabaseKind, type TestApp, type TestDatabase } from './strapi';
import { createStaff, type Staff } from './builders';
import { FakeMeta } from './fake-meta';
import { FakeTelegram } from './fake-telegram';
import { drain, virtualClock } from './telegram';

/** Monday 2 November 2026, 09:00 WIB: the office is open. */
const MONDAY_0900 = new Date('2026-11-02T02:00:00Z');

export interface MetaSuite {
  db: TestDatabase;
  app: TestApp;
  meta: FakeMeta;
  officer: Staff;
  clock: ReturnType<typeof virtualClock>;
  /** The staff's Telegram, when the suite asked for it (`{ telegram: true }`). */
  telegram: FakeTelegram | null;
}

/**
 * A suite's CMS with WhatsApp, Messenger and Instagram pointed at the fake Graph API, on the virtual clock
 * (the fake's window follows it), and an officer; booted before the suite's tests, stopped after them. With
 * `telegram`, the staff alerts go to a fake Bot API on the same clock as well; `env` adds or overrides settings.
 */
export function useMetaSuite(kind: DatabaseKind, options: { telegram?: boolean; env?: Record<string, string> } = {}) {
  const suite = {} as MetaSuite;
  const env = () => ({ ...suite.meta.env(options.env), ...(suite.telegram?.env() ?? {}), PUBLIC_URL: 'https://layanan.example.go.id' });

  beforeAll(async () => {
    suite.meta = await new FakeMeta().start();
    suite.telegram = options.telegram ? await new FakeTelegram({ now: () => suite.clock?.ms ?? Date.now() }).start() : null;
    suite.db = await createTestDatabase(kind);
    suite.app = await bootApp(suite.db, env());
    suite.clock = virtualClock(suite.app, MONDAY_0900);
    suite.meta.clock = () => suite.clock.ms;
    suite.officer = await createStaff(suite.app, 'officer');
  });
  afterAll(async () => {
    await suite.app?.stop();
    await suite.meta?.stop();
    await suite.telegram?.stop();
    await suite.db?.drop();
  });

  /** Meta posting one delivery: signed as Meta signs it unless told otherwise. */
  function post(raw: string, signature: string | null = suite.meta.sign(raw)) {
    const req = suite.app.http.post('/api/channels/meta/webhook').set('content-type', 'application/json');
    return (signature ? req.set('x-hub-signature-256', signature) : req).send(raw);
  }

  return {
    suite,
    post,
    /** Posts, then lets what was stored be processed and what it queued be sent. */
    async deliver(raw: string) {
      const res = await post(raw).expect(200);
      await suite.app.strapi.plugin('channels').service('meta').processPending();
      await drain(suite.app, suite.clock, { maxRounds: 500 });
      return res;
    },
    /** The officer answers the request (straight from any open state the SOP allows). */
    answer: (documentId: string, text: string) => suite.app.http.post(`/api/inquiries/${documentId}/answer`).set(suite.officer.auth).send({ data: { answer: text } }).expect(200),
    /** The process stops and a new one starts on the same database, its clock where the old one was. */
    async restart() {
      await suite.app.stop();
      suite.app = await bootApp(suite.db, env());
      suite.clock = virtualClock(suite.app, new Date(suite.clock.ms));
    },
  };
}
