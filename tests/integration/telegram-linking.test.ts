import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { createStaff, type Staff } from '../helpers/builders';
import { FakeTelegram, busiestSecond } from '../helpers/fake-telegram';
import { engine, freePort, linkChat, virtualClock } from '../helpers/telegram';

/** Wednesday 4 November 2026, 09:00 WIB. */
const WEDNESDAY_0900 = new Date('2026-11-04T02:00:00Z');
const MINUTE = 60_000;

const repliesTo = (fake: FakeTelegram, chatId: number) => fake.delivered(chatId).map((m) => m.text);

describe.each(databases())('linking staff to Telegram on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let fake: FakeTelegram;
  let clock: ReturnType<typeof virtualClock>;
  let chatSequence = 7000;
  const nextChat = () => (chatSequence += 1);

  beforeAll(async () => {
    fake = await new FakeTelegram({ now: () => clock?.ms ?? Date.now() }).start();
    db = await createTestDatabase(kind);
    app = await bootApp(db, fake.env());
    clock = virtualClock(app, WEDNESDAY_0900);
  });
  // The bot's replies keep to Telegram's 30 a second on this clock: each test starts a second after the last.
  beforeEach(() => clock.advance(1000));
  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
    await db?.drop();
  });

  async function askCode(staff: Staff) {
    return (await app.http.post('/api/telegram/link-code').set(staff.auth).expect(201)).body.data as { code: string; link: string; command: string; expiresAt: string };
  }
  const linkState = async (staff: Staff) => (await app.http.get('/api/telegram/link').set(staff.auth).expect(200)).body.data;

  it('gives a signed-in staff member a one-time code and a t.me link valid for 15 minutes, stored only as a hash', async () => {
    const staff = await createStaff(app, 'division_staff', 'DAFDUK');
    const { code, link, command, expiresAt } = await askCode(staff);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(link).toBe(`https://t.me/LayananInfoBot?start=${code}`);
    expect(command).toBe(`/start ${code}`);
    expect(new Date(expiresAt).getTime()).toBe(clock.ms + 15 * MINUTE);
    const stored = await app.strapi.db.query('plugin::telegram-notifier.link-code').findMany({});
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(await linkState(staff)).toMatchObject({ enabled: true, linked: false, botUsername: 'LayananInfoBot' });
  });

  it('binds the chat to the account with /start <code> and greets the person by name', async () => {
    const staff = await createStaff(app, 'division_staff', 'DAFDUK');
    const chat = nextChat();
    await linkChat(app, fake, staff, chat);
    const [greeting] = repliesTo(fake, chat);
    expect(greeting).toContain('Halo, division_staff');
    expect(greeting).toContain('Staf Bidang, Bidang Pendaftaran Penduduk');
    expect(await linkState(staff)).toMatchObject({ linked: true, chatType: 'private' });
  });

  it('still greets the person when Telegram asks the bot to wait (429) in a busy second', async () => {
    const staff = await createStaff(app, 'division_staff', 'CAPIL');
    const chat = nextChat();
    fake.failNext('sendMessage', { status: 429, retryAfter: 1, chatId: chat });
    await linkChat(app, fake, staff, chat);
    const attempts = fake.callsOf('sendMessage').filter((c) => String(c.params.chat_id) === String(chat));
    expect(attempts.map((c) => c.outcome)).toEqual(['error', 'ok']);
    expect(repliesTo(fake, chat)).toEqual([expect.stringContaining('Halo, division_staff')]);
  });

  it('greets 51 staff who send /start at once within Telegram’s 30 messages a second, on the test’s clock', async () => {
    const staff: Staff[] = [];
    const codes: string[] = [];
    for (let i = 0; i < 51; i += 1) {
      staff.push(await createStaff(app, 'division_staff', i % 2 ? 'CAPIL' : 'DAFDUK'));
      codes.push((await askCode(staff[i])).code);
    }
    const chats = staff.map(() => nextChat());
    const since = fake.calls.length;
    await Promise.all(chats.map((chat, i) => fake.userSends(chat, `/start ${codes[i]}`)));
    const greetings = () => fake.delivered(undefined, since).filter((m) => m.text.startsWith('Halo'));
    // Time moves only as the test moves it; each step lets the engine hand out the slots that came due (the
    // bot answers one update after another, each as soon as its slot comes) and yields a turn to the network.
    for (let step = 0; greetings().length < chats.length && step < 5000; step += 1) {
      clock.advance(10);
      await engine(app).tick();
      await engine(app).settled();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(new Set(greetings().map((m) => m.chatId))).toEqual(new Set(chats.map(String)));
    expect(busiestSecond(greetings().map((m) => m.at))).toBeLessThanOrEqual(30);
    expect(fake.violations(undefined, since)).toEqual([]);
  });

  it('refuses a code that was already used, from the same chat or another one', async () => {
    const staff = await createStaff(app, 'division_staff', 'CAPIL');
    const { code } = await askCode(staff);
    const first = nextChat();
    const second = nextChat();
    await fake.userSends(first, `/start ${code}`);
    await fake.userSends(second, `/start ${code}`);
    await fake.consumed();
    expect(repliesTo(fake, first)[0]).toContain('Halo');
    expect(repliesTo(fake, second)).toEqual([expect.stringContaining('sudah pernah dipakai')]);
    const links = await app.strapi.db.query('plugin::telegram-notifier.telegram-link').findMany({ where: { user: { id: staff.id } } });
    expect(links.map((l: { chatId: string }) => l.chatId)).toEqual([String(first)]);
  });

  it('refuses an expired code: asked at 09:00, sent at 09:16', async () => {
    const staff = await createStaff(app, 'officer');
    const { code } = await askCode(staff);
    clock.advance(16 * MINUTE);
    const chat = nextChat();
    await fake.userSends(chat, `/start ${code}`);
    await fake.consumed();
    expect(repliesTo(fake, chat)).toEqual([expect.stringContaining('sudah kedaluwarsa (berlaku 15 menit)')]);
    expect(await linkState(staff)).toMatchObject({ linked: false });
  });

  it('refuses a code nobody issued, and an earlier code once a newer one was asked for', async () => {
    const staff = await createStaff(app, 'leadership');
    const older = await askCode(staff);
    await askCode(staff);
    const chat = nextChat();
    await fake.userSends(chat, '/start ABCDEFGHJK');
    await fake.userSends(chat, `/start ${older.code}`);
    await fake.consumed();
    expect(repliesTo(fake, chat)).toEqual([expect.stringContaining('tidak dikenal'), expect.stringContaining('tidak dikenal')]);
    expect(await linkState(staff)).toMatchObject({ linked: false });
  });

  it('unlinks with /stop, and from the dashboard', async () => {
    const byCommand = await createStaff(app, 'division_staff', 'DAFDUK');
    const chat = nextChat();
    await linkChat(app, fake, byCommand, chat);
    await fake.userSends(chat, '/stop');
    await fake.consumed();
    expect(repliesTo(fake, chat).at(-1)).toContain('Tautan diputus');
    expect(await linkState(byCommand)).toMatchObject({ linked: false });

    const byDashboard = await createStaff(app, 'officer');
    await linkChat(app, fake, byDashboard, nextChat());
    await app.http.delete('/api/telegram/link').set(byDashboard.auth).expect(200);
    expect(await linkState(byDashboard)).toMatchObject({ linked: false });
  });

  it('answers a staff command or button from a chat that is not linked, and any message from a group nobody linked, with a polite refusal and no data', async () => {
    const officer = await createStaff(app, 'officer');
    const created = await app.http
      .post('/api/inquiries')
      .set(officer.auth)
      .send({ data: { kind: 'information', channel: 'phone', subject: 'Akta kelahiran hilang', message: 'Bagaimana mengurus akta yang hilang?', applicant: { name: 'Rahmat Hidayat' } } })
      .expect(201);
    const { code, documentId } = created.body.data;
    const stranger = nextChat();
    const group = -nextChat();
    await fake.userSends(stranger, `/info ${code} Syaratnya KK asli.`);
    await fake.userSends(group, 'halo, ada permohonan baru?');
    await fake.userSends(group, '/start');
    await fake.userPresses(stranger, 1, `ack:${documentId}`);
    await fake.consumed();
    const replies = [...repliesTo(fake, stranger), ...repliesTo(fake, group)];
    expect(replies).toHaveLength(3);
    for (const reply of replies) {
      expect(reply).toContain('belum terhubung');
      expect(reply).not.toMatch(new RegExp(`${code}|Akta|Rahmat`));
    }
    expect(fake.callsOf('answerCallbackQuery').at(-1)!.params.text).toContain('belum terhubung');
    const events = await app.strapi.db.query('api::inquiry-event.inquiry-event').findMany({ where: { inquiry: { documentId } } });
    expect(events.map((e: { type: string }) => e.type)).toEqual(['created']);
  });
});

describe.each(databases())('Telegram updates by webhook on %s', (kind) => {
  const SECRET = 'rahasia-webhook_0123456789';
  let db: TestDatabase;
  let app: TestApp;
  let fake: FakeTelegram;

  beforeAll(async () => {
    fake = await new FakeTelegram().start();
    db = await createTestDatabase(kind);
    const port = await freePort();
    app = await bootApp(db, fake.env({ TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/api/telegram/webhook`, TELEGRAM_WEBHOOK_SECRET: SECRET }));
    await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(port, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
    await db?.drop();
  });

  it('registers the webhook with its secret at start and does not poll', () => {
    expect(fake.webhook).toEqual({ url: expect.stringMatching(/\/api\/telegram\/webhook$/), secret: SECRET });
    expect(fake.callsOf('getUpdates')).toHaveLength(0);
  });

  it.each([
    ['no secret', undefined],
    ['a wrong secret', 'salah'],
    ['a secret of the same length that differs in the last character', `${SECRET.slice(0, -1)}X`],
  ])('refuses a post with %s: 403, and nothing happens', async (_label, secret) => {
    const staff = await createStaff(app, 'division_staff', 'DAFDUK');
    const { code } = (await app.http.post('/api/telegram/link-code').set(staff.auth).expect(201)).body.data;
    const update = { update_id: 900_000 + Math.floor(Math.random() * 1000), message: { message_id: 1, date: 0, chat: { id: 4242, type: 'private' }, text: `/start ${code}` } };
    const req = app.http.post('/api/telegram/webhook');
    const res = await (secret === undefined ? req : req.set('X-Telegram-Bot-Api-Secret-Token', secret)).send(update);
    expect(res.status).toBe(403);
    expect((await app.http.get('/api/telegram/link').set(staff.auth)).body.data.linked).toBe(false);
  });

  it('links a chat from a /start that Telegram posts, and handles a redelivered update once', async () => {
    const staff = await createStaff(app, 'division_staff', 'CAPIL');
    const { code } = (await app.http.post('/api/telegram/link-code').set(staff.auth).expect(201)).body.data;
    const update = await fake.userSends(5151, `/start ${code}`);
    await app.http.post('/api/telegram/webhook').set('X-Telegram-Bot-Api-Secret-Token', SECRET).send(update).expect(200);
    expect((await app.http.get('/api/telegram/link').set(staff.auth)).body.data.linked).toBe(true);
    expect(fake.delivered(5151).map((m) => m.text)).toEqual([expect.stringContaining('Halo')]);
  });
});
