import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, createStaff, divisionId, type Staff } from '../helpers/builders';
import { FakeTelegram } from '../helpers/fake-telegram';
import { drain, engine, linkChat, virtualClock } from '../helpers/telegram';

/** Wednesday 4 November 2026, 09:00 WIB. */
const WEDNESDAY_0900 = new Date('2026-11-04T02:00:00Z');
const MINUTE = 60_000;
const PUBLIC_URL = 'https://layanan.probolinggokota.example';

const CHATS = { officer: 1001, dafdukA: 2001, dafdukB: 2002, capil: 3001, leadership: 4001 };

interface Delivered {
  chatId: string;
  text: string;
  params: Record<string, unknown>;
}

describe.each(databases())('what Telegram alerts say, and to whom, on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let fake: FakeTelegram;
  let clock: ReturnType<typeof virtualClock>;
  let officer: Staff;
  let unlinkedDafduk: Staff;

  beforeAll(async () => {
    fake = await new FakeTelegram({ now: () => clock?.ms ?? Date.now() }).start();
    db = await createTestDatabase(kind);
    app = await bootApp(db, fake.env({ PUBLIC_URL }));
    await engine(app).stop();
    clock = virtualClock(app, WEDNESDAY_0900);
    officer = await createStaff(app, 'officer');
    await createStaff(app, 'officer');
    unlinkedDafduk = await createStaff(app, 'division_staff', 'DAFDUK');
    await linkChat(app, fake, officer, CHATS.officer);
    await linkChat(app, fake, await createStaff(app, 'division_staff', 'DAFDUK'), CHATS.dafdukA);
    await linkChat(app, fake, await createStaff(app, 'division_staff', 'DAFDUK'), CHATS.dafdukB);
    await linkChat(app, fake, await createStaff(app, 'division_staff', 'CAPIL'), CHATS.capil);
    await linkChat(app, fake, await createStaff(app, 'leadership'), CHATS.leadership);
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
    await db?.drop();
  });

  /** Alerts (not the bot's greetings) delivered since the given call count, by chat. */
  function alertsSince(mark: number): Delivered[] {
    return fake
      .delivered(undefined, mark)
      .map((m) => ({ chatId: m.chatId, text: m.text, params: m.params }));
  }
  const recipients = (alerts: Delivered[]) => alerts.map((a) => Number(a.chatId)).sort((a, b) => a - b);

  async function intake(overrides: Record<string, unknown> = {}) {
    clock.set(WEDNESDAY_0900);
    const res = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'phone', ...overrides })).expect(201);
    return res.body.data as { documentId: string; code: string };
  }
  async function triage(documentId: string, division: 'DAFDUK' | 'CAPIL', at: Date) {
    clock.set(at);
    await app.http.post(`/api/inquiries/${documentId}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, division) } }).expect(200);
  }
  async function deliver(): Promise<Delivered[]> {
    const mark = fake.calls.length;
    await drain(app, clock);
    return alertsSince(mark);
  }
  const sweep = () => app.strapi.plugin('sop-workflow').service('sweep').run();

  it('a request routed to Pendaftaran Penduduk alerts every linked member of that Bidang and nobody else', async () => {
    const { documentId, code } = await intake({ kind: 'complaint', subject: 'KTP-el belum jadi', message: 'KTP-el yang direkam tiga minggu lalu belum dicetak.' });
    await triage(documentId, 'DAFDUK', new Date(WEDNESDAY_0900.getTime() + 5 * MINUTE));
    const alerts = await deliver();
    expect(recipients(alerts)).toEqual([CHATS.dafdukA, CHATS.dafdukB]);
    const [alert] = alerts;
    expect(alert.text).toContain('Permohonan baru untuk Bidang Pendaftaran Penduduk');
    expect(alert.text).toContain(`<b>${code}</b> · Pengaduan · Telepon`);
    expect(alert.text).toContain('<b>Perihal:</b> KTP-el belum jadi');
    expect(alert.text).toContain('<i>KTP-el yang direkam tiga minggu lalu belum dicetak.</i>');
    expect(alert.text).toContain('Batas waktu: <b>Rabu, 4 Nov 2026 10.05 WIB</b>');
    expect(alert.params.parse_mode).toBe('HTML');
    expect(alert.params.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Terima', callback_data: `ack:${documentId}` }, { text: 'Buka di dasbor', url: `${PUBLIC_URL}/dashboard/inquiries/${documentId}/show` }]],
    });

    const rows = await app.strapi.db.query('api::notification.notification').findMany({ where: { inquiry: { documentId } }, orderBy: { id: 'asc' } });
    const staffRow = rows.find((r: { channel: string }) => r.channel === 'staff');
    expect(staffRow).toMatchObject({ topic: 'inquiry.triaged', status: 'sent', payload: expect.objectContaining({ telegramRecipients: 2 }) });
    const telegramRows = rows.filter((r: { channel: string }) => r.channel === 'telegram');
    expect(telegramRows.map((r: { idempotencyKey: string }) => r.idempotencyKey).sort()).toEqual([`triaged:${documentId}:${CHATS.dafdukA}`, `triaged:${documentId}:${CHATS.dafdukB}`]);
    expect(telegramRows.every((r: { status: string; externalId: string }) => r.status === 'sent' && /^\d+$/.test(r.externalId))).toBe(true);
    expect(unlinkedDafduk.id).toBeGreaterThan(0);
  });

  it('reminds the Bidang at 80 % of its hour (48 minutes), with the deadline', async () => {
    const { documentId } = await intake();
    await triage(documentId, 'CAPIL', new Date(WEDNESDAY_0900.getTime() + 2 * MINUTE));
    await deliver();
    clock.set(new Date(WEDNESDAY_0900.getTime() + 51 * MINUTE));
    await sweep();
    const alerts = await deliver();
    expect(recipients(alerts)).toEqual([CHATS.capil]);
    expect(alerts[0].text).toContain('Pengingat: batas waktu informasi bidang (langkah 3) segera tiba');
    expect(alerts[0].text).toContain('Batas waktu: <b>Rabu, 4 Nov 2026 10.02 WIB</b>');
  });

  it('reminds the officers of a request not yet routed: step 2 is theirs', async () => {
    await intake();
    clock.set(new Date(WEDNESDAY_0900.getTime() + 13 * MINUTE));
    await sweep();
    const alerts = await deliver();
    expect(recipients(alerts)).toEqual([CHATS.officer]);
    expect(alerts[0].text).toContain('pemilahan (langkah 2)');
  });

  it('tells the officers and the Bidang when a deadline is missed, marked as overdue', async () => {
    const { documentId, code } = await intake();
    await triage(documentId, 'DAFDUK', new Date(WEDNESDAY_0900.getTime() + 3 * MINUTE));
    await deliver();
    clock.set(new Date(WEDNESDAY_0900.getTime() + 64 * MINUTE));
    await sweep();
    const alerts = (await deliver()).filter((a) => a.text.includes('TERLAMBAT') && a.text.includes(code));
    expect(recipients(alerts)).toEqual([CHATS.officer, CHATS.dafdukA, CHATS.dafdukB]);
    expect(alerts[0].text).toContain('⛔ <b>TERLAMBAT: batas waktu informasi bidang (langkah 3) terlewati</b>');
    expect(alerts[0].text).toContain('Batas waktu <b>Rabu, 4 Nov 2026 10.03 WIB</b> sudah lewat.');
  });

  it('tells only the officers when an SP4N-LAPOR! report passes its three working days unverified, naming LAPOR!’s limit', async () => {
    const { documentId, code } = await intake({ channel: 'lapor_sp4n', externalRef: '7300001' });
    await deliver();
    const due = new Date((await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId } })).laporForwardingDueAt);
    clock.set(new Date(due.getTime() + MINUTE));
    await sweep();
    const alerts = (await deliver()).filter((a) => a.text.includes(code) && a.text.includes('SP4N-LAPOR!)'));
    expect(recipients(alerts)).toEqual([CHATS.officer]);
    expect(alerts[0].text).toContain('⛔ <b>TERLAMBAT: batas waktu verifikasi dan penerusan (SP4N-LAPOR!) terlewati</b>');
    expect(alerts[0].text).toContain('Batas waktu <b>Senin, 9 Nov 2026 16.00 WIB</b> sudah lewat.');
    expect(alerts[0].text).toContain('verifikasi dan teruskan laporan ke Bidang');
  });

  it('tells the Bidang that its information reached the citizen only when the office wants it', async () => {
    const config = 'plugin::telegram-notifier.notifyAnswered';
    const answerOne = async () => {
      const { documentId, code } = await intake();
      await triage(documentId, 'CAPIL', new Date(WEDNESDAY_0900.getTime() + 1 * MINUTE));
      await app.http.post(`/api/inquiries/${documentId}/coordinate`).set(officer.auth).send({ data: { information: 'Informasi bidang.' } }).expect(200);
      await app.http.post(`/api/inquiries/${documentId}/answer`).set(officer.auth).send({ data: { answer: 'Jawaban untuk pemohon.' } }).expect(200);
      return { code, alerts: (await deliver()).filter((a) => a.text.includes('sudah dijawab')) };
    };
    app.strapi.config.set(config, false);
    expect((await answerOne()).alerts).toEqual([]);
    app.strapi.config.set(config, true);
    const { code, alerts } = await answerOne();
    expect(recipients(alerts)).toEqual([CHATS.capil]);
    expect(alerts[0].text).toContain(code);
    expect(alerts[0].params.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Buka di dasbor', url: expect.stringMatching(/\/dashboard\/inquiries\/[^/]+\/show$/) }]] });
    app.strapi.config.set(config, false);
  });

  it('never puts the applicant’s NIK, phone, e-mail, address or name in any message', async () => {
    const applicant = { name: 'Siti Nurhaliza', nik: '3574014501900003', phone: '+6281234567890', email: 'siti.nurhaliza@contoh.id', replyAddress: 'Jl. Mawar No. 7' };
    const { documentId } = await intake({
      applicant,
      subject: 'Data KK Siti Nurhaliza salah',
      message:
        'Saya Siti Nurhaliza, NIK 3574014501900003, KK 3574010101080001, tinggal di Jl. Mawar No. 7 RT 03/RW 05. Hubungi 0812-3456-7890 atau siti.nurhaliza@contoh.id.',
    });
    const mark = fake.calls.length;
    clock.set(new Date(WEDNESDAY_0900.getTime() + 13 * MINUTE));
    await sweep();
    await triage(documentId, 'DAFDUK', new Date(WEDNESDAY_0900.getTime() + 14 * MINUTE));
    clock.set(new Date(WEDNESDAY_0900.getTime() + 75 * MINUTE));
    await sweep();
    await drain(app, clock);
    const texts = alertsSince(mark).map((a) => a.text);
    expect(texts.length).toBeGreaterThanOrEqual(5);
    for (const text of texts) {
      for (const secret of ['3574014501900003', '3574010101080001', '81234567890', '0812-3456-7890', '3456', 'siti.nurhaliza', 'Siti', 'Nurhaliza', 'Mawar', 'RT 03']) {
        expect([secret, text.includes(secret)]).toEqual([secret, false]);
      }
    }
    expect(texts[0]).toContain('357401********03');
  });

  it('after a long weekend, the officers get one digest for a dozen requests that missed step 2, and every alert is accounted for once', async () => {
    // Everything older is settled first, so the storm below is the only thing waiting.
    const friday = new Date('2026-11-06T02:00:00Z');
    clock.set(friday);
    await sweep();
    await drain(app, clock);
    const storm: { documentId: string; code: string }[] = [];
    for (let i = 0; i < 12; i += 1) {
      clock.set(friday);
      storm.push((await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'phone' })).expect(201)).body.data);
    }
    await drain(app, clock);
    clock.set(new Date('2026-11-10T02:00:00Z'));
    expect((await sweep()).breached).toBe(12);
    const alerts = await deliver();

    expect(recipients(alerts)).toEqual([CHATS.officer]);
    const [digest] = alerts;
    expect(digest.text).toContain('⛔ <b>12 permohonan melewati tenggat pemilahan (langkah 2)</b>');
    for (const { documentId, code } of storm.slice(0, 5)) expect(digest.text).toContain(`<a href="${PUBLIC_URL}/dashboard/inquiries/${documentId}/show">${code}</a>`);
    expect(digest.text).toContain('dan 7 lainnya.');
    expect(storm.slice(5).some(({ code }) => digest.text.includes(code))).toBe(false);
    expect(digest.params.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Buka di dasbor', url: `${PUBLIC_URL}/dashboard/?terlambat=triage` }]] });

    const rows = (await app.strapi.db.query('api::notification.notification').findMany({
      where: { channel: 'telegram', topic: 'inquiry.breached', inquiry: { documentId: { $in: storm.map((s) => s.documentId) } } },
      select: ['id', 'status', 'externalId', 'recipient'],
    })) as { status: string; externalId: string; recipient: string }[];
    expect(rows).toHaveLength(12);
    // One message in the chat, twelve rows recorded sent as that message.
    expect(rows.every((r) => r.status === 'sent' && r.recipient === String(CHATS.officer))).toBe(true);
    expect(new Set(rows.map((r) => r.externalId)).size).toBe(1);
    expect(rows[0].externalId).toMatch(/^\d+$/);
  });

  it('stops alerting a chat after /stop', async () => {
    await fake.userSends(CHATS.dafdukB, '/stop');
    await fake.consumed();
    const { documentId } = await intake();
    await triage(documentId, 'DAFDUK', new Date(WEDNESDAY_0900.getTime() + 5 * MINUTE));
    expect(recipients(await deliver())).toEqual([CHATS.dafdukA]);
  });

  it('carries the officer’s note for the Bidang, with the citizen’s personal data in it masked', async () => {
    const { documentId } = await intake({ applicant: { name: 'Siti Nurhaliza', nik: '3574014501900003', phone: '+6281234567890' } });
    clock.set(new Date(WEDNESDAY_0900.getTime() + 4 * MINUTE));
    const note = 'Bu Siti Nurhaliza minta ditelepon di 0812-3456-7890; cek NIK 3574014501900003 di SIAK.';
    await app.http.post(`/api/inquiries/${documentId}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, 'DAFDUK'), note } }).expect(200);
    const alerts = await deliver();
    // Chat B said /stop above: the Bidang's other linked member gets it.
    expect(recipients(alerts)).toEqual([CHATS.dafdukA]);
    const line = alerts[0].text.split('\n').find((text) => text.startsWith('📝'));
    expect(line).toBe('📝 <b>Catatan petugas:</b> Bu S*** N******** minta ditelepon di 08123*****90; cek NIK 357401********03 di SIAK.');
  });
});
