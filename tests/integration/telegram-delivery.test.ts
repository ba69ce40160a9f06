import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { createStaff, type Staff } from '../helpers/builders';
import { FakeTelegram } from '../helpers/fake-telegram';
import { drain, engine, virtualClock } from '../helpers/telegram';

/** Friday 6 November 2026, 09:00 WIB. */
const FRIDAY_0900 = new Date('2026-11-06T02:00:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

interface Row {
  id: number;
  documentId: string;
  status: string;
  attempts: number;
  lastError: string | null;
  idempotencyKey: string;
}

/** Delivery mechanics on rows queued directly in the outbox: what expands into them is tested elsewhere. */
function delivery(kind: Parameters<typeof createTestDatabase>[0], boot: (db: TestDatabase, fake: FakeTelegram) => Promise<TestApp>) {
  let key = 0;
  return {
    queue: async (app: TestApp, clock: { ms: number }, chatId: number | string, count = 1, label = 'pesan') => {
      const keys: string[] = [];
      for (let i = 0; i < count; i += 1) {
        key += 1;
        const idempotencyKey = `test:${kind}:${key}:${chatId}`;
        keys.push(idempotencyKey);
        await app.strapi.plugin('sop-workflow').service('outbox').enqueue({
          channel: 'telegram',
          topic: 'inquiry.triaged',
          recipient: String(chatId),
          idempotencyKey,
          payload: { inquiry: 'x', code: `K-${key}`, text: `${label} ${key}`, acknowledge: false, url: null },
          at: new Date(clock.ms),
        });
      }
      return keys;
    },
    boot,
  };
}

const rowsOf = async (app: TestApp, keys: string[]) =>
  (await app.strapi.db.query('api::notification.notification').findMany({ where: { idempotencyKey: { $in: keys } }, orderBy: { id: 'asc' } })) as Row[];

describe.each(databases())('delivering the Telegram outbox on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let fake: FakeTelegram;
  let clock: ReturnType<typeof virtualClock>;
  let officer: Staff;
  const { queue } = delivery(kind, bootApp as never);
  const config = (path: string, value: number) => app.strapi.config.set(`plugin::telegram-notifier.delivery.${path}`, value);

  beforeAll(async () => {
    fake = await new FakeTelegram({ now: () => clock?.ms ?? Date.now() }).start();
    db = await createTestDatabase(kind);
    app = await bootApp(db, fake.env());
    await engine(app).stop();
    clock = virtualClock(app, FRIDAY_0900);
    officer = await createStaff(app, 'officer');
  });
  afterEach(() => {
    fake.clearFaults();
    config('maxAttempts', 20);
    config('requestTimeoutMs', 30_000);
    clock.advance(HOUR);
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
    await db?.drop();
  });

  it('paces a burst within Telegram’s limits: 1 a second per chat, 20 a minute per group, 30 a second overall', async () => {
    const start = clock.ms;
    const mark = fake.calls.length;
    const keys = [
      ...(await Promise.all(Array.from({ length: 40 }, (_, i) => queue(app, clock, 500_000 + i, 3)))).flat(),
      ...(await queue(app, clock, -1001234567890, 25)),
    ];
    await drain(app, clock);
    const sent = fake.delivered(undefined, mark);
    expect(sent).toHaveLength(145);
    expect(new Set(sent.map((m) => m.text)).size).toBe(145);
    expect(fake.violations()).toEqual([]);
    expect((await rowsOf(app, keys)).every((r) => r.status === 'sent')).toBe(true);
    // The group's 25 messages need 24 gaps of 3 s (and the 50 ms margin): the burst is done as soon as the limits allow.
    const elapsed = Math.max(...sent.map((m) => m.at)) - start;
    expect(elapsed).toBeGreaterThanOrEqual(24 * 3050);
    expect(elapsed).toBeLessThan(24 * 3050 + SECOND);
    const firstSecond = sent.filter((m) => m.at < start + SECOND);
    expect(firstSecond.length).toBeGreaterThanOrEqual(29);
  });

  it('honours a 429’s retry_after for that chat, without counting it as an attempt', async () => {
    const chat = 610_001;
    fake.failNext('sendMessage', { status: 429, retryAfter: 7, chatId: chat });
    const keys = await queue(app, clock, chat, 2);
    const mark = fake.calls.length;
    await drain(app, clock);
    const calls = fake.calls.slice(mark).filter((c) => c.method === 'sendMessage');
    expect(calls.map((c) => c.outcome)).toEqual(['error', 'ok', 'ok']);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(7 * SECOND);
    expect(calls[2].at - calls[1].at).toBeGreaterThanOrEqual(SECOND);
    expect((await rowsOf(app, keys)).map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
  });

  it('wakes the engine when the transaction that wrote an outbox row commits, not before and not for a duplicate', async () => {
    const wake = jest.spyOn(engine(app), 'wakeSoon');
    try {
      let keys: string[] = [];
      await app.strapi.db.transaction(async () => {
        keys = await queue(app, clock, 615_001);
        expect(wake).not.toHaveBeenCalled();
      });
      expect(wake).toHaveBeenCalledTimes(1);

      await app.strapi.plugin('sop-workflow').service('outbox').enqueue({ channel: 'telegram', topic: 'inquiry.triaged', recipient: '615001', idempotencyKey: keys[0], payload: {}, at: new Date(clock.ms) });
      expect(wake).toHaveBeenCalledTimes(1);
    } finally {
      wake.mockRestore();
      await drain(app, clock);
    }
  });

  it('retries a 500 with growing backoff, and delivers once Telegram answers', async () => {
    const chat = 620_001;
    fake.failNext('sendMessage', { status: 500, chatId: chat }, 2);
    const keys = await queue(app, clock, chat);
    const mark = fake.calls.length;
    await drain(app, clock);
    const calls = fake.calls.slice(mark).filter((c) => c.method === 'sendMessage');
    expect(calls.map((c) => c.outcome)).toEqual(['error', 'error', 'ok']);
    expect(calls[1].at - calls[0].at).toBe(5 * SECOND);
    expect(calls[2].at - calls[1].at).toBe(10 * SECOND);
    expect((await rowsOf(app, keys))[0]).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('parks a message as failed after the last attempt; officers see it and may send it again', async () => {
    config('maxAttempts', 3);
    const chat = 630_001;
    fake.failNext('sendMessage', { status: 502, chatId: chat }, 100);
    const [key] = await queue(app, clock, chat);
    await drain(app, clock);
    const [row] = await rowsOf(app, [key]);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: expect.stringContaining('Gagal setelah 3 percobaan') });
    expect(fake.calls.filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chat))).toHaveLength(3);

    const listed = await app.http.get('/api/notifications/failed').set(officer.auth).expect(200);
    expect(listed.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ documentId: row.documentId, channel: 'telegram', recipient: String(chat), attempts: 3 })]));
    expect(listed.body.meta.pagination).toMatchObject({ page: 1, pageSize: 25 });
    const staff = await createStaff(app, 'division_staff', 'DAFDUK');
    await app.http.get('/api/notifications/failed').set(staff.auth).expect(403);

    fake.clearFaults();
    await app.http.post(`/api/notifications/${row.documentId}/retry`).set(officer.auth).expect(200);
    await app.http.post(`/api/notifications/${row.documentId}/retry`).set(officer.auth).expect(409);
    await drain(app, clock);
    expect((await rowsOf(app, [key]))[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('parks a message Telegram refuses for good (the person blocked the bot) and unlinks that chat', async () => {
    const staff = await createStaff(app, 'division_staff', 'CAPIL');
    const chat = 640_001;
    await app.strapi.db.query('plugin::telegram-notifier.telegram-link').create({ data: { chatId: String(chat), chatType: 'private', user: staff.id, linkedAt: new Date(clock.ms) } });
    fake.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user', chatId: chat });
    const [key] = await queue(app, clock, chat);
    await drain(app, clock);
    expect((await rowsOf(app, [key]))[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('bot was blocked') });
    expect(await app.strapi.db.query('plugin::telegram-notifier.telegram-link').count({ where: { chatId: String(chat) } })).toBe(0);
  });

  it('masks a phone number or e-mail quoted in a delivery error before officers see it', async () => {
    const chat = 641_001;
    fake.failNext('sendMessage', { status: 403, description: 'Forbidden: user 081234567890 (warga@contoh.id) is deactivated', chatId: chat });
    const [key] = await queue(app, clock, chat);
    await drain(app, clock);
    const [row] = await rowsOf(app, [key]);
    const listed = await app.http.get('/api/notifications/failed?pagination[pageSize]=100').set(officer.auth).expect(200);
    const shown = (listed.body.data as { documentId: string; lastError: string }[]).find((r) => r.documentId === row.documentId)!;
    expect(shown.lastError).toContain('is deactivated');
    expect(shown.lastError).not.toContain('081234567890');
    expect(shown.lastError).not.toContain('warga@contoh.id');
  });

  it('does not resend a message whose send timed out: Telegram may have delivered it', async () => {
    // Long enough that the second, answered send never times out on a busy machine; only the hung one does.
    config('requestTimeoutMs', 1_000);
    const chat = 650_001;
    fake.hangNext('sendMessage');
    const [uncertain, next] = await queue(app, clock, chat, 2);
    await drain(app, clock);
    expect((await rowsOf(app, [uncertain]))[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('Tidak pasti terkirim') });
    expect((await rowsOf(app, [next]))[0]).toMatchObject({ status: 'sent' });
    const texts = fake.calls.filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chat)).map((c) => c.params.text);
    expect(texts).toHaveLength(2);
    expect(new Set(texts).size).toBe(2);
  });

  it('loses nothing when Telegram is down for an hour: every message goes out once after it recovers', async () => {
    const down = clock.ms;
    const upAgain = down + HOUR;
    fake.failWhile('sendMessage', () => clock.ms < upAgain, { status: 500 });
    const chats = Array.from({ length: 10 }, (_, i) => 660_000 + i);
    const keys = (await Promise.all(chats.map((chat) => queue(app, clock, chat, 5, 'gangguan')))).flat();
    const mark = fake.calls.length;
    await drain(app, clock);
    const calls = fake.calls.slice(mark).filter((c) => c.method === 'sendMessage');
    const failures = calls.filter((c) => c.outcome === 'error');
    const delivered = calls.filter((c) => c.outcome === 'ok');
    expect(delivered).toHaveLength(50);
    expect(new Set(delivered.map((c) => c.params.text)).size).toBe(50);
    expect(Math.min(...delivered.map((c) => c.at))).toBeGreaterThanOrEqual(upAgain);
    expect(Math.min(...delivered.map((c) => c.at))).toBeLessThanOrEqual(upAgain + 10 * MINUTE);
    // One probe at a time while it is down: the hour costs about a dozen calls, not one per message per try.
    expect(failures.length).toBeLessThanOrEqual(15);
    const rows = await rowsOf(app, keys);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(Math.max(...rows.map((r) => r.attempts))).toBeLessThan(20);
    expect(fake.violations()).toEqual([]);
  });
});

describe.each(databases())('a restart between sending and recording on %s', (kind) => {
  let db: TestDatabase;
  let fake: FakeTelegram;
  let clockMs = FRIDAY_0900.getTime();

  beforeAll(async () => {
    fake = await new FakeTelegram({ now: () => clockMs }).start();
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await fake?.stop();
    await db?.drop();
  });

  it('sends nothing twice: the message in flight when the process died is parked for an officer, the others go once', async () => {
    const chat = 700_001;
    const first = await bootApp(db, fake.env());
    await engine(first).stop();
    const clock = virtualClock(first, new Date(clockMs));
    const sync = () => {
      clockMs = clock.ms;
    };
    const { queue } = delivery(kind, bootApp as never);
    const [delivered] = await queue(first, clock, chat);
    await drain(first, clock);
    sync();
    const [inFlight, waiting] = await queue(first, clock, chat, 2);
    clock.advance(2 * SECOND);
    sync();
    fake.hangNext('sendMessage');
    await engine(first).tick();
    await fake.waitFor('sendMessage', (c) => c.outcome === 'hang');
    // Telegram has the message; the process dies before it hears back.
    first.strapi.config.set('plugin::sop-workflow.delivery.shutdownGraceMs', 0);
    await first.stop();

    const second = await bootApp(db, fake.env());
    try {
      await engine(second).stop();
      const later = virtualClock(second, new Date(clockMs + 3 * MINUTE));
      await drain(second, later);
      const rows = await rowsOf(second, [delivered, inFlight, waiting]);
      expect(rows.map((r) => r.status)).toEqual(['sent', 'failed', 'sent']);
      expect(rows[1].lastError).toContain('Tidak pasti terkirim');
      const calls = fake.calls.filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chat));
      expect(calls.map((c) => c.outcome)).toEqual(['ok', 'hang', 'ok']);
    } finally {
      await second.stop();
    }
  });
});
