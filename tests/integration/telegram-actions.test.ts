import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, createStaff, divisionId, type Staff } from '../helpers/builders';
import { FakeTelegram } from '../helpers/fake-telegram';
import { drain, engine, linkChat, virtualClock } from '../helpers/telegram';

/** Thursday 5 November 2026, 09:00 WIB. */
const THURSDAY_0900 = new Date('2026-11-05T02:00:00Z');
const CHATS = { officer: 1101, dafduk: 2101, capil: 3101, leadership: 4101 };

interface EventRow {
  type: string;
  actorType: string;
  actorName: string;
  detail: Record<string, unknown> | null;
}

describe.each(databases())('acknowledging and informing from Telegram on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let fake: FakeTelegram;
  let clock: ReturnType<typeof virtualClock>;
  let officer: Staff;

  beforeAll(async () => {
    fake = await new FakeTelegram({ now: () => clock?.ms ?? Date.now() }).start();
    db = await createTestDatabase(kind);
    app = await bootApp(db, fake.env());
    await engine(app).stop();
    clock = virtualClock(app, THURSDAY_0900);
    officer = await createStaff(app, 'officer');
    await linkChat(app, fake, officer, CHATS.officer);
    await linkChat(app, fake, await createStaff(app, 'division_staff', 'DAFDUK'), CHATS.dafduk);
    await linkChat(app, fake, await createStaff(app, 'division_staff', 'CAPIL'), CHATS.capil);
    await linkChat(app, fake, await createStaff(app, 'leadership'), CHATS.leadership);
  });
  // The bot's replies keep to Telegram's 30 a second on this clock: each test starts a second after the last.
  beforeEach(() => clock.advance(1000));
  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
    await db?.drop();
  });

  /** A request routed to Pendaftaran Penduduk; returns it and the message id of the alert in the Bidang's chat. */
  async function routedToDafduk() {
    const created = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'walk_in' })).expect(201);
    const { documentId, code } = created.body.data as { documentId: string; code: string };
    await app.http.post(`/api/inquiries/${documentId}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, 'DAFDUK') } }).expect(200);
    await drain(app, clock);
    const alert = fake.delivered(CHATS.dafduk).find((m) => m.text.includes(code))!;
    const row = await app.strapi.db.query('api::notification.notification').findOne({ where: { channel: 'telegram', recipient: String(CHATS.dafduk), inquiry: { documentId } } });
    return { documentId, code, alert, messageId: Number(row.externalId) };
  }
  const events = async (documentId: string) =>
    (await app.strapi.db.query('api::inquiry-event.inquiry-event').findMany({ where: { inquiry: { documentId } }, orderBy: { id: 'asc' } })) as EventRow[];
  const status = async (documentId: string) => (await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId } })).status as string;
  const lastReply = (chatId: number) => fake.delivered(chatId).at(-1)!.text;
  const lastCallbackAnswer = () => String(fake.callsOf('answerCallbackQuery').at(-1)!.params.text);

  it('"Terima" records who took the request and edits the alert to say so, once', async () => {
    const { documentId, code, alert, messageId } = await routedToDafduk();
    expect(alert.params.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Terima', callback_data: `ack:${documentId}` }]] });
    await fake.userPresses(CHATS.dafduk, messageId, `ack:${documentId}`);
    await fake.consumed();
    expect(lastCallbackAnswer()).toBe(`Tercatat: Anda menerima ${code}.`);
    const acknowledged = (await events(documentId)).filter((e) => e.type === 'acknowledged');
    expect(acknowledged).toEqual([expect.objectContaining({ actorType: 'user', actorName: expect.stringMatching(/^division_staff \d+$/), detail: expect.objectContaining({ via: 'telegram' }) })]);
    const edited = fake.messages.get(`${CHATS.dafduk}:${messageId}`)!;
    expect(edited.text).toContain(alert.text);
    expect(edited.text).toMatch(/✅ Diterima oleh <b>division_staff \d+<\/b> · Kamis, 5 Nov 2026 09\.00 WIB/);
    expect(edited.replyMarkup).toEqual({ inline_keyboard: [] });

    await fake.userPresses(CHATS.dafduk, messageId, `ack:${documentId}`);
    await fake.consumed();
    expect(lastCallbackAnswer()).toContain('sudah menerima');
    expect((await events(documentId)).filter((e) => e.type === 'acknowledged')).toHaveLength(1);
  });

  it('refuses "Terima" from the staff of another Bidang, politely, and records nothing', async () => {
    const { documentId } = await routedToDafduk();
    await fake.userPresses(CHATS.capil, 1, `ack:${documentId}`);
    await fake.consumed();
    expect(lastCallbackAnswer()).toContain('bukan untuk bidang Anda');
    expect((await events(documentId)).map((e) => e.type)).toEqual(['created', 'triaged']);
  });

  it('a reply to the alert gives the Bidang’s information through the coordinate step, as that staff member', async () => {
    const { documentId, code, messageId } = await routedToDafduk();
    await fake.userSends(CHATS.dafduk, 'Syaratnya fotokopi KK dan surat pengantar RT.', { replyTo: messageId });
    await fake.consumed();
    expect(lastReply(CHATS.dafduk)).toContain(`Informasi bidang untuk ${code} sudah tercatat`);
    const row = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId } });
    expect(row).toMatchObject({ status: 'coordinated', divisionInformation: 'Syaratnya fotokopi KK dan surat pengantar RT.' });
    expect((await events(documentId)).at(-1)).toMatchObject({ type: 'coordinated', actorType: 'user', actorName: expect.stringMatching(/^division_staff/) });

    await fake.userSends(CHATS.dafduk, 'Tambahan informasi.', { replyTo: messageId });
    await fake.consumed();
    expect(lastReply(CHATS.dafduk)).toContain('tidak dapat dikoordinasikan');
  });

  it('/info <code> <text> works as a reply does, and refuses the staff of another Bidang and roles without the step', async () => {
    const { documentId, code } = await routedToDafduk();
    await fake.userSends(CHATS.capil, `/info ${code} Informasi dari bidang lain.`);
    await fake.userSends(CHATS.leadership, `/info ${code} Informasi dari pimpinan.`);
    await fake.userSends(CHATS.dafduk, `/info ${code} ok`);
    await fake.consumed();
    expect(lastReply(CHATS.capil)).toContain(`permohonan ${code} bukan untuk bidang Anda`);
    expect(lastReply(CHATS.leadership)).toContain('peran Anda tidak dapat memberikan informasi bidang');
    expect(lastReply(CHATS.dafduk)).toContain('minimal 3 karakter');
    expect(await status(documentId)).toBe('triaged');

    await fake.userSends(CHATS.dafduk, `/info ${code.toLowerCase()} Bisa diurus di loket 3 dengan membawa KK asli.`);
    await fake.consumed();
    expect(lastReply(CHATS.dafduk)).toContain('sudah tercatat');
    expect(await status(documentId)).toBe('coordinated');
  });

  it('explains how to give information when a message is neither a reply to an alert nor a command', async () => {
    await fake.userSends(CHATS.dafduk, 'Halo');
    await fake.userSends(CHATS.dafduk, 'Balasan untuk pesan lain', { replyTo: 1 });
    await fake.userSends(CHATS.dafduk, '/info INF-2611-99999 Informasi untuk kode yang tidak ada.');
    await fake.consumed();
    const replies = fake.delivered(CHATS.dafduk).slice(-3).map((m) => m.text);
    expect(replies[0]).toContain('balas notifikasinya');
    expect(replies[1]).toContain('bukan notifikasi permohonan');
    expect(replies[2]).toBe('Permohonan INF-2611-99999 tidak ditemukan.');
  });
});
