import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, buildPublicInquiry, createStaff, divisionId, type Staff } from '../helpers/builders';
import { FakeImap } from '../helpers/fake-imap';
import { FakeSmtp, type ReceivedMail } from '../helpers/fake-smtp';
import { exchangeOutOfOffice, gmailReply, postfixBounce, question } from '../helpers/mails';
import { drain, virtualClock } from '../helpers/telegram';
import { waitFor } from '../helpers/wait';
import { parseMail } from '../../plugins/channels/src/email/parse';

const INQUIRY = 'api::inquiry.inquiry';
const MESSAGE = 'plugin::channels.message';
/** Monday 2 November 2026, 09:00 WIB: the office is open. */
const MONDAY_0900 = new Date('2026-11-02T02:00:00Z');

interface Row {
  id: number;
  documentId: string;
  code: string;
  channel: string;
  subject: string;
  message: string;
  status: string;
  notes: string | null;
  answerDelivery: string | null;
  answerDeliveryNote: string | null;
  applicant: { name: string; email: string | null } | null;
}

function mailEnv(imap: FakeImap, smtp: FakeSmtp): Record<string, string> {
  return { ...imap.env(), ...smtp.env(), MAIL_POLL_SECONDS: '1', PUBLIC_URL: 'https://layanan.example.go.id' };
}

/** The same mail under another Message-ID: each mail a person sends has its own. */
const withMessageId = (raw: string, id: string) => raw.replace(/^Message-ID: .*$/im, `Message-ID: ${id}`);

const header = async (mail: ReceivedMail) => parseMail(mail.raw, { attachmentMaxBytes: 1024 * 1024 });

describe.each(databases())('the e-mail channel on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let imap: FakeImap;
  let smtp: FakeSmtp;
  let officer: Staff;
  let clock: ReturnType<typeof virtualClock>;
  let sequence = 0;

  const inquiries = async (where: Record<string, unknown>) =>
    (await app.strapi.db.query(INQUIRY).findMany({ where, populate: { applicant: true }, orderBy: { id: 'asc' } })) as Row[];
  const byCode = async (code: string) => (await inquiries({ code }))[0];
  const messagesOf = async (inquiryId: number) => app.strapi.db.query(MESSAGE).findMany({ where: { inquiry: { id: inquiryId } }, orderBy: { id: 'asc' } });
  const deliver = async () => drain(app, clock, { maxRounds: 200 });

  /** A citizen's new mail, arriving in the Dinas mailbox; resolves when it is an inquiry of its own or part of one. */
  async function mailIn(raw: string): Promise<void> {
    const before = await app.strapi.db.connection('channel_inbox').count({ n: '*' }).first();
    imap.deliver(raw);
    await waitFor(async () => {
      const now = await app.strapi.db.connection('channel_inbox').whereNotNull('processed_at').count({ n: '*' }).first();
      return Number(now?.n) > Number(before?.n);
    }, 15_000, 'the mail to be stored and processed');
  }

  const freshId = (name: string) => `<${name}.${(sequence += 1)}.${Date.now()}@mail.gmail.com>`;

  beforeAll(async () => {
    imap = await new FakeImap().start();
    smtp = await new FakeSmtp().start();
    db = await createTestDatabase(kind);
    app = await bootApp(db, mailEnv(imap, smtp));
    clock = virtualClock(app, MONDAY_0900);
    officer = await createStaff(app, 'officer');
  });
  afterAll(async () => {
    await app?.stop();
    await imap?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  it('only one instance holds the mailbox: the lease passes to another only once its holder stops renewing it', async () => {
    const inbox = app.strapi.plugin('channels').service('inbox') as { lease(name: string, owner: string, ttlMs: number): Promise<boolean> };
    expect(await inbox.lease('email:test-mailbox', 'instance-a', 60_000)).toBe(true);
    expect(await inbox.lease('email:test-mailbox', 'instance-b', 60_000)).toBe(false);
    clock.advance(30_000);
    expect(await inbox.lease('email:test-mailbox', 'instance-a', 60_000)).toBe(true);
    clock.advance(59_000);
    expect(await inbox.lease('email:test-mailbox', 'instance-b', 60_000)).toBe(false);
    clock.advance(2_000);
    expect(await inbox.lease('email:test-mailbox', 'instance-b', 60_000)).toBe(true);
    expect(await inbox.lease('email:test-mailbox', 'instance-a', 60_000)).toBe(false);
  });

  it('a citizen’s mail becomes an inquiry, and the receipt is a reply in their thread with the tracking link', async () => {
    const messageId = freshId('ktp');
    await mailIn(question({ messageId, from: 'Budi Santoso <Budi.Santoso@gmail.com>' }));
    const [inquiry] = await inquiries({ externalRef: messageId });
    expect(inquiry).toMatchObject({ channel: 'email', subject: 'Syarat perpanjangan KTP-el', status: 'received', applicant: { name: 'Budi Santoso', email: 'budi.santoso@gmail.com' } });
    expect(inquiry.message).toMatch(/KTP-el saya hilang/);

    const sent = smtp.received.length;
    await deliver();
    const [receipt] = await smtp.waitForMail(sent + 1);
    const mail = await header(smtp.received[sent] ?? receipt);
    expect(mail.inReplyTo).toBe(messageId);
    expect(mail.references).toContain(messageId);
    expect(mail.subject).toBe(`Re: Syarat perpanjangan KTP-el [${inquiry.code}]`);
    expect(mail.headers.get('auto-submitted')).toEqual(['auto-replied']);
    expect(mail.text).toMatch(new RegExp(`https://layanan.example.go.id/lacak/${inquiry.code}\\?token=[\\w-]+`));
    // The token left the outbox with the mail.
    const rows = await app.strapi.db.query('api::notification.notification').findMany({ where: { inquiry: { id: inquiry.id } } });
    expect(JSON.stringify(rows)).not.toMatch(/trackingToken/);
    const log = await messagesOf(inquiry.id);
    expect(log.map((m: { direction: string; purpose: string; status: string }) => [m.direction, m.purpose, m.status])).toEqual([
      ['in', 'question', 'received'],
      ['out', 'receipt', 'sent'],
    ]);
  });

  it('the citizen’s reply to the receipt joins their inquiry; a reply from another address becomes a request citing it', async () => {
    const first = freshId('akta');
    await mailIn(question({ messageId: first, subject: 'Akta kelahiran anak', from: 'Siti <siti.aminah@gmail.com>' }));
    const [inquiry] = await inquiries({ externalRef: first });
    await deliver();
    const receipt = (await messagesOf(inquiry.id)).find((m: { purpose: string }) => m.purpose === 'receipt') as { externalKey: string };
    const ourMessageId = receipt.externalKey.replace(/^email:/, '');

    await mailIn(withMessageId(gmailReply({ code: inquiry.code, ourMessageId, from: 'Siti <siti.aminah@gmail.com>' }), freshId('reply')));
    expect(await inquiries({ applicant: { email: 'siti.aminah@gmail.com' } })).toHaveLength(1);
    expect((await messagesOf(inquiry.id)).map((m: { purpose: string }) => m.purpose)).toEqual(['question', 'receipt', 'follow_up']);

    await mailIn(withMessageId(gmailReply({ code: inquiry.code, ourMessageId, from: 'Orang Lain <penyusup@contoh.id>' }), freshId('spoof')));
    const [spoofed] = await inquiries({ applicant: { email: 'penyusup@contoh.id' } });
    expect(spoofed.id).not.toBe(inquiry.id);
    expect(spoofed.notes).toContain(inquiry.code);
    expect((await messagesOf(inquiry.id)).map((m: { purpose: string }) => m.purpose)).toEqual(['question', 'receipt', 'follow_up']);
  });

  it('an out-of-office reply and a bounce create nothing and are never answered', async () => {
    await deliver();
    const before = (await inquiries({})).length;
    const sent = smtp.received.length;
    await mailIn(exchangeOutOfOffice());
    await mailIn(postfixBounce({ ourMessageId: '<inf.INF-0000-00000.1@disdukcapil.probolinggokota.go.id>' }));
    await deliver();
    expect(await inquiries({})).toHaveLength(before);
    expect(smtp.received).toHaveLength(sent);
  });

  it('the answer goes back threaded, delivery is recorded; a later bounce marks it failed with the cause', async () => {
    const messageId = freshId('kk');
    await mailIn(question({ messageId, subject: 'Kartu keluarga baru', from: 'Agus <agus.prasetyo@gmail.com>' }));
    const [inquiry] = await inquiries({ externalRef: messageId });
    await deliver();
    await app.http.post(`/api/inquiries/${inquiry.documentId}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, 'DAFDUK') } }).expect(200);
    await app.http.post(`/api/inquiries/${inquiry.documentId}/coordinate`).set(officer.auth).send({ data: { information: 'Bawa KK lama dan surat nikah.' } }).expect(200);
    const plan = await app.http.get(`/api/channels/inquiries/${inquiry.documentId}/delivery`).set(officer.auth).expect(200);
    expect(plan.body.data).toEqual({ mode: 'adapter', channel: 'email', medium: 'smtp', address: 'a***********o@gmail.com' });
    await app.http.post(`/api/inquiries/${inquiry.documentId}/answer`).set(officer.auth).send({ data: { answer: 'Silakan datang membawa KK lama dan buku nikah.' } }).expect(200);
    const sent = smtp.received.length;
    await deliver();
    const mail = await header((await smtp.waitForMail(sent + 1))[sent]);
    expect(mail.inReplyTo).toBe(messageId);
    expect(mail.headers.has('auto-submitted')).toBe(false);
    expect(mail.text).toContain('Silakan datang membawa KK lama dan buku nikah.');
    expect(await byCode(inquiry.code)).toMatchObject({ answerDelivery: 'delivered' });

    await mailIn(withMessageId(postfixBounce({ ourMessageId: mail.messageId!, recipient: 'agus.prasetyo@gmail.com' }), freshId('bounce')));
    const bounced = await byCode(inquiry.code);
    expect(bounced.answerDelivery).toBe('failed');
    expect(bounced.answerDeliveryNote).toMatch(/5\.1\.1/);
    const events = await app.http.get(`/api/inquiries/${inquiry.documentId}/events`).set(officer.auth).expect(200);
    expect(events.body.data.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['answer_delivered', 'answer_failed']));
  });

  it('with the SMTP server refusing for a while, the receipt is sent once when it takes mail again', async () => {
    smtp.fail({ kind: 'refuse-recipient', code: 451, remaining: 2 });
    const messageId = freshId('pindah');
    await mailIn(question({ messageId, subject: 'Surat pindah', from: 'Dewi <dewi.lestari@gmail.com>' }));
    const sent = smtp.received.length;
    await deliver();
    await smtp.waitForMail(sent + 1);
    const [inquiry] = await inquiries({ externalRef: messageId });
    const toDewi = smtp.received.filter((m) => m.envelope.rcptTo.some((r) => r.address === 'dewi.lestari@gmail.com'));
    expect(toDewi).toHaveLength(1);
    const [row] = await app.strapi.db.query('api::notification.notification').findMany({ where: { inquiry: { id: inquiry.id }, channel: 'smtp' } });
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('a website citizen who gave an e-mail gets the receipt and the answer by e-mail too', async () => {
    const asked = await app.http.post('/api/public/inquiries').send(buildPublicInquiry({ applicant: { name: 'Rina', email: 'rina.web@contoh.id' } })).expect(201);
    const sent = smtp.received.length;
    await deliver();
    const receipt = await header((await smtp.waitForMail(sent + 1))[sent]);
    expect(receipt.to[0].address).toBe('rina.web@contoh.id');
    expect(receipt.text).toContain(`/lacak/${asked.body.data.code}?token=${asked.body.data.trackingToken}`);
    const { documentId } = await byCode(asked.body.data.code);
    await app.http.post(`/api/inquiries/${documentId}/answer`).set(officer.auth).send({ data: { answer: 'Syaratnya fotokopi KK dan akta kelahiran.' } }).expect(200);
    await deliver();
    const answer = await header((await smtp.waitForMail(sent + 2))[sent + 1]);
    expect(answer.text).toContain('Syaratnya fotokopi KK dan akta kelahiran.');
    expect(await byCode(asked.body.data.code)).toMatchObject({ answerDelivery: 'delivered' });
  });

  it('a website receipt carries none of the words typed into the form: the Dinas’ subject, no name', async () => {
    const asked = await app.http
      .post('/api/public/inquiries')
      .send(buildPublicInquiry({ subject: 'Anda menang undian, klik hadiah.example', applicant: { name: 'Panitia Hadiah', email: 'korban.iseng@contoh.id' } }))
      .expect(201);
    const sent = smtp.received.length;
    await deliver();
    const receipt = await header((await smtp.waitForMail(sent + 1))[sent]);
    expect(receipt.subject).toBe(`Permohonan informasi Anda [${asked.body.data.code}]`);
    expect(receipt.to[0].address).toBe('korban.iseng@contoh.id');
    expect(receipt.to[0].name || '').toBe('');
    expect(receipt.text).toMatch(/^Yth\. Bapak\/Ibu,/);
    for (const typed of ['undian', 'hadiah.example', 'Panitia']) expect(receipt.text).not.toContain(typed);
  });

  it('an address new to the Dinas gets one website receipt a day; once an officer takes up its request, it gets each one', async () => {
    const email = 'warga.baru@contoh.id';
    const receiptsTo = async () => (await app.strapi.db.query('api::notification.notification').findMany({ where: { channel: 'smtp', recipient: email, topic: 'inquiry.received' } })).length;
    const ask = async () => (await app.http.post('/api/public/inquiries').send(buildPublicInquiry({ applicant: { name: 'Warga', email } })).expect(201)).body.data.code as string;

    const first = await ask();
    await deliver();
    expect(await receiptsTo()).toBe(1);
    clock.advance(3 * 3600_000);
    await ask();
    await deliver();
    expect(await receiptsTo()).toBe(1);

    const { documentId } = await byCode(first);
    await app.http.post(`/api/inquiries/${documentId}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, 'DAFDUK') } }).expect(200);
    clock.advance(3 * 3600_000);
    await ask();
    await deliver();
    expect(await receiptsTo()).toBe(2);
  });

  it('a walk-in answer is a delivery task until the officer confirms it was handed over', async () => {
    const created = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry()).expect(201);
    const id = created.body.data.documentId;
    const plan = await app.http.get(`/api/channels/inquiries/${id}/delivery`).set(officer.auth).expect(200);
    expect(plan.body.data).toMatchObject({ mode: 'officer', channel: 'walk_in' });
    await app.http.post(`/api/inquiries/${id}/answer`).set(officer.auth).send({ data: { answer: 'KTP-el sudah dapat diambil.' } }).expect(200);
    await deliver();
    const task = (await inquiries({ documentId: id }))[0];
    expect(task).toMatchObject({ answerDelivery: 'officer_task', answerDeliveryNote: 'Sampaikan jawaban lewat Datang langsung.' });
    await app.http.post(`/api/channels/inquiries/${id}/messages`).set(officer.auth).send({ data: { text: 'Mohon bawa KTP lama.' } }).expect(409);

    const confirmed = await app.http.post(`/api/inquiries/${id}/delivered`).set(officer.auth).send({ data: { how: 'Disampaikan langsung di loket' } }).expect(200);
    expect(confirmed.body.data).toMatchObject({ answerDelivery: 'delivered', answerDeliveryNote: 'Disampaikan langsung di loket' });
    await app.http.post(`/api/inquiries/${id}/delivered`).set(officer.auth).send({ data: { how: 'Lagi' } }).expect(409);
  });

  it('the officer asks the e-mail citizen for a missing detail through the same thread; the step does not change', async () => {
    const messageId = freshId('kia');
    await mailIn(question({ messageId, subject: 'KIA anak', from: 'Yuni <yuni@gmail.com>' }));
    const [inquiry] = await inquiries({ externalRef: messageId });
    await deliver();
    const sent = smtp.received.length;
    const res = await app.http.post(`/api/channels/inquiries/${inquiry.documentId}/messages`).set(officer.auth).send({ data: { text: 'Mohon kirimkan foto akta kelahiran anak.' } }).expect(202);
    expect(res.body.data).toEqual({ status: 'queued', channel: 'smtp', address: 'y**i@gmail.com' });
    await deliver();
    const mail = await header((await smtp.waitForMail(sent + 1))[sent]);
    expect(mail.inReplyTo).toBe(messageId);
    expect(mail.text).toContain('Mohon kirimkan foto akta kelahiran anak.');
    expect((await byCode(inquiry.code)).status).toBe('received');
    const list = await app.http.get(`/api/channels/inquiries/${inquiry.documentId}/messages`).set(officer.auth).expect(200);
    expect(list.body.data.map((m: { purpose: string }) => m.purpose)).toEqual(['question', 'receipt', 'message']);
    expect(JSON.stringify(list.body.data)).not.toContain('yuni@gmail.com');
  });
});

describe.each(databases())('a mail stored but not yet processed when the CMS stops, on %s', (kind) => {
  let db: TestDatabase;
  let imap: FakeImap;
  let smtp: FakeSmtp;
  afterAll(async () => {
    await imap?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  it('becomes exactly one inquiry after the restart', async () => {
    imap = await new FakeImap().start();
    smtp = await new FakeSmtp().start();
    db = await createTestDatabase(kind);
    // The instance that stored it died before processing: here, one without a mailbox stores it by hand.
    const first = await bootApp(db, { ...mailEnv(imap, smtp), MAIL_IMAP_HOST: '' , MAIL_IMAP_USER: '', MAIL_IMAP_PASS: '', MAIL_IMAP_PORT: '', MAIL_IMAP_SECURE: '' });
    const raw = question({ messageId: '<restart.1@mail.gmail.com>' });
    await first.strapi.plugin('channels').service('inbox').store({ channel: 'email', key: '<restart.1@mail.gmail.com>', payload: JSON.stringify({ raw: Buffer.from(raw).toString('base64'), receivedAt: Date.now() }) });
    expect(await first.strapi.db.query(INQUIRY).count({ where: { externalRef: '<restart.1@mail.gmail.com>' } })).toBe(0);
    await first.stop();

    imap.deliver(raw);
    const second = await bootApp(db, mailEnv(imap, smtp));
    try {
      await waitFor(async () => (await second.strapi.db.query(INQUIRY).count({ where: { externalRef: '<restart.1@mail.gmail.com>' } })) === 1, 15_000, 'the stored mail to become an inquiry');
      await waitFor(async () => Number((await second.strapi.db.connection('channel_inbox').whereNull('processed_at').count({ n: '*' }).first())?.n) === 0, 15_000, 'the mailbox to be read');
      expect(await second.strapi.db.query(INQUIRY).count({ where: { externalRef: '<restart.1@mail.gmail.com>' } })).toBe(1);
    } finally {
      await second.stop();
    }
  });
});
