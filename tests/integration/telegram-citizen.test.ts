import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { createStaff, divisionId, type Staff } from '../helpers/builders';
import { FakeTelegram } from '../helpers/fake-telegram';
import { drain, engine, linkChat, virtualClock } from '../helpers/telegram';
import { waitFor } from '../helpers/wait';

const INQUIRY = 'api::inquiry.inquiry';
const MESSAGE = 'plugin::channels.message';
const NOTIFICATION = 'api::notification.notification';
/** Monday 2 November 2026, 09:00 WIB: the office is open. */
const MONDAY_0900 = new Date('2026-11-02T02:00:00Z');
const PUBLIC_URL = 'https://layanan.example.go.id';
/** Telegram user ids (a private chat's id is its person's) have nine or ten digits. */
const CITIZENS = { budi: 5_123_456_701, siti: 5_123_456_702, agus: 5_123_456_703 };
const STAFF_CHAT = 6_200_000_001;

interface InquiryRow {
  id: number;
  documentId: string;
  code: string;
  channel: string;
  subject: string;
  message: string;
  status: string;
  answerDelivery: string | null;
  answerDeliveryNote: string | null;
  applicant: { name: string; replyAddress: string | null } | null;
}

interface MessageRow {
  direction: string;
  purpose: string;
  status: string;
  text: string | null;
  cause: string | null;
}

describe.each(databases())('citizens writing to the Telegram bot on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let fake: FakeTelegram;
  let clock: ReturnType<typeof virtualClock>;
  let officer: Staff;

  const inquiriesOf = async (chatId: number) =>
    (await app.strapi.db.query(INQUIRY).findMany({ where: { channel: 'telegram', applicant: { replyAddress: String(chatId) } }, populate: { applicant: true }, orderBy: { id: 'asc' } })) as InquiryRow[];
  const conversationOf = async (inquiryId: number) => (await app.strapi.db.query(MESSAGE).findMany({ where: { inquiry: { id: inquiryId } }, orderBy: { id: 'asc' } })) as MessageRow[];
  const shape = (rows: MessageRow[]) => rows.map((m) => [m.direction, m.purpose, m.status]);

  /** The citizen types in their chat; resolves once the bot has fetched and handled it. */
  async function citizenSends(chatId: number, text: string, name = 'Budi Santoso') {
    const update = await fake.userSends(chatId, text, { name });
    await fake.consumed();
    return update as { update_id: number; message: { message_id: number } };
  }

  async function answered(inquiry: InquiryRow, answer: string) {
    await app.http.post(`/api/inquiries/${inquiry.documentId}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, 'DAFDUK') } }).expect(200);
    await app.http.post(`/api/inquiries/${inquiry.documentId}/coordinate`).set(officer.auth).send({ data: { information: 'Syaratnya KK dan surat pindah.' } }).expect(200);
    await app.http.post(`/api/inquiries/${inquiry.documentId}/answer`).set(officer.auth).send({ data: { answer } }).expect(200);
    await drain(app, clock);
  }

  beforeAll(async () => {
    fake = await new FakeTelegram({ now: () => clock?.ms ?? Date.now() }).start();
    db = await createTestDatabase(kind);
    app = await bootApp(db, fake.env({ PUBLIC_URL }));
    await engine(app).stop();
    clock = virtualClock(app, MONDAY_0900);
    officer = await createStaff(app, 'officer');
    await linkChat(app, fake, await createStaff(app, 'division_staff', 'DAFDUK'), STAFF_CHAT);
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
    await db?.drop();
  });

  it('greets a citizen who opens the bot with /start and asks them to write their question', async () => {
    await fake.userSends(CITIZENS.agus, '/start');
    await fake.consumed();
    const [greeting] = fake.delivered(CITIZENS.agus).map((m) => m.text);
    expect(greeting).toContain('Selamat datang di Layanan Informasi');
    expect(greeting).toContain('Silakan tuliskan pertanyaan');
    expect(await inquiriesOf(CITIZENS.agus)).toHaveLength(0);
  });

  it('a citizen’s message becomes an inquiry on the Telegram channel, and the receipt answers it with the code and the tracking link', async () => {
    const question = await citizenSends(CITIZENS.budi, 'Apa syarat membuat KTP-el baru?\nSaya baru pindah dari Surabaya.');
    const [inquiry] = await inquiriesOf(CITIZENS.budi);
    expect(inquiry).toMatchObject({ channel: 'telegram', status: 'received', subject: 'Apa syarat membuat KTP-el baru?', applicant: { name: 'Budi Santoso' } });
    expect(inquiry.message).toContain('Saya baru pindah dari Surabaya.');

    await drain(app, clock);
    const [receipt] = fake.delivered(CITIZENS.budi);
    expect(receipt.params.reply_parameters).toMatchObject({ message_id: question.message.message_id });
    expect(receipt.text).toContain(`permohonan informasi Anda sudah kami terima dengan kode ${inquiry.code} (status: Diterima).`);
    expect(receipt.text).toContain('jawaban kami kirim lewat Telegram ini paling lambat 2 jam 15 menit jam kerja');
    expect(receipt.text).toMatch(new RegExp(`${PUBLIC_URL}/lacak/${inquiry.code}\\?token=[\\w-]+`));
    expect(receipt.params.entities).toEqual([{ type: 'bold', offset: receipt.text.indexOf(inquiry.code), length: inquiry.code.length }]);
    const rows = await app.strapi.db.query(NOTIFICATION).findMany({ where: { inquiry: { id: inquiry.id } } });
    expect(JSON.stringify(rows)).not.toMatch(/trackingToken/);
    expect(shape(await conversationOf(inquiry.id))).toEqual([
      ['in', 'question', 'received'],
      ['out', 'receipt', 'sent'],
    ]);
  });

  it('a second message from the same chat joins the open inquiry, with no second receipt', async () => {
    const sent = fake.delivered(CITIZENS.budi).length;
    await citizenSends(CITIZENS.budi, 'Oh ya, KK saya juga masih alamat lama.');
    await drain(app, clock);
    const inquiries = await inquiriesOf(CITIZENS.budi);
    expect(inquiries).toHaveLength(1);
    expect(shape(await conversationOf(inquiries[0].id)).map(([, purpose]) => purpose)).toEqual(['question', 'receipt', 'follow_up']);
    expect(fake.delivered(CITIZENS.budi)).toHaveLength(sent);
  });

  it('an update Telegram delivers twice is stored and answered once', async () => {
    const update = await citizenSends(CITIZENS.siti, 'Bagaimana cara mengurus akta kelahiran anak?', 'Siti Aminah');
    await fake.push(update);
    await fake.consumed();
    await drain(app, clock);
    const inquiries = await inquiriesOf(CITIZENS.siti);
    expect(inquiries).toHaveLength(1);
    expect(shape(await conversationOf(inquiries[0].id))).toEqual([
      ['in', 'question', 'received'],
      ['out', 'receipt', 'sent'],
    ]);
    expect(fake.delivered(CITIZENS.siti)).toHaveLength(1);
    expect(Number((await app.strapi.db.connection('channel_inbox').where({ channel: 'telegram' }).count({ n: '*' }).first())?.n)).toBe(3);
  });

  it('a staff member writing to the bot outside a reply gets the staff help, not an inquiry', async () => {
    const before = await app.strapi.db.query(INQUIRY).count({});
    await fake.userSends(STAFF_CHAT, 'Selamat pagi, ada permohonan baru?');
    await fake.consumed();
    expect(fake.delivered(STAFF_CHAT).at(-1)!.text).toContain('Notifikasi permohonan akan masuk ke chat ini');
    expect(await app.strapi.db.query(INQUIRY).count({})).toBe(before);
  });

  it('the answer written in the dashboard goes to the citizen’s chat as a reply to the question, and is recorded delivered', async () => {
    const [inquiry] = await inquiriesOf(CITIZENS.budi);
    const [question] = (await conversationOf(inquiry.id)) as (MessageRow & { thread: { messageId: number } })[];
    await answered(inquiry, 'Silakan datang membawa KK asli dan surat keterangan pindah.');

    const answer = fake.delivered(CITIZENS.budi).at(-1)!;
    expect(answer.text).toContain(`Jawaban atas permohonan informasi ${inquiry.code}:`);
    expect(answer.text).toContain('Silakan datang membawa KK asli dan surat keterangan pindah.');
    expect(answer.params.reply_parameters).toMatchObject({ message_id: question.thread.messageId });
    const log = await conversationOf(inquiry.id);
    expect(log.at(-1)).toMatchObject({ direction: 'out', purpose: 'answer', status: 'sent', text: 'Silakan datang membawa KK asli dan surat keterangan pindah.' });
    expect((await inquiriesOf(CITIZENS.budi))[0]).toMatchObject({ status: 'answered', answerDelivery: 'delivered' });

    // The Bidang's alert about this request names neither the citizen nor their chat.
    const alert = fake.delivered(STAFF_CHAT).find((m) => m.text.includes(inquiry.code))!;
    expect(alert.text).not.toMatch(/Budi|Santoso/);
    expect(alert.text).not.toContain(String(CITIZENS.budi));
  });

  it('when the citizen has blocked the bot, the answer fails with the cause in Indonesian and the delivery is failed', async () => {
    const [inquiry] = await inquiriesOf(CITIZENS.siti);
    fake.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user', chatId: CITIZENS.siti });
    await answered(inquiry, 'Silakan bawa surat keterangan lahir dari rumah sakit.');

    const after = (await inquiriesOf(CITIZENS.siti))[0];
    expect(after.answerDelivery).toBe('failed');
    expect(after.answerDeliveryNote).toContain('Penerima memblokir bot');
    expect((await conversationOf(inquiry.id)).at(-1)).toMatchObject({ direction: 'out', purpose: 'answer', status: 'failed', cause: expect.stringContaining('memblokir bot') });
    const failed = await app.http.get('/api/notifications/failed').set(officer.auth).expect(200);
    const listed = (failed.body.data as { topic: string; recipient: string; lastError: string }[]).filter((r) => r.topic === 'inquiry.answered');
    expect(listed).toEqual([expect.objectContaining({ lastError: expect.stringContaining('Penerima memblokir bot') })]);
    expect(JSON.stringify(failed.body.data)).not.toContain(String(CITIZENS.siti));
  });
});

describe.each(databases())('a citizen’s Telegram message stored but not yet processed when the CMS stops, on %s', (kind) => {
  let db: TestDatabase;
  let fake: FakeTelegram;
  afterAll(async () => {
    await fake?.stop();
    await db?.drop();
  });

  it('becomes exactly one inquiry after the restart, even when Telegram delivers the update again', async () => {
    fake = await new FakeTelegram().start();
    db = await createTestDatabase(kind);
    const chatId = 5_123_456_799;
    const update = { update_id: 41, message: { message_id: 7, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, from: { id: chatId, first_name: 'Rina' }, text: 'Kapan KIA anak saya jadi?' } };
    // The instance that stored it died before processing: here, one without the bot stores it by hand.
    const first = await bootApp(db, { PUBLIC_URL });
    const stored = { chatId: String(chatId), messageId: 7, name: 'Rina', text: update.message.text, at: update.message.date * 1000 };
    await first.strapi.plugin('channels').service('inbox').store({ channel: 'telegram', key: `${chatId}:7`, payload: JSON.stringify(stored) });
    expect(await first.strapi.db.query(INQUIRY).count({ where: { channel: 'telegram' } })).toBe(0);
    await first.stop();

    const second = await bootApp(db, fake.env({ PUBLIC_URL }));
    try {
      const count = () => second.strapi.db.query(INQUIRY).count({ where: { channel: 'telegram', applicant: { replyAddress: String(chatId) } } });
      await waitFor(async () => (await count()) === 1, 15_000, 'the stored message to become an inquiry');
      await fake.push(update);
      await fake.consumed();
      expect(await count()).toBe(1);
      const receipt = await fake.waitFor('sendMessage', (c) => String(c.params.chat_id) === String(chatId));
      expect(String(receipt.params.text)).toMatch(/sudah kami terima dengan kode INF-\d{4}-\d{5}/);
      expect(fake.delivered(chatId)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});
