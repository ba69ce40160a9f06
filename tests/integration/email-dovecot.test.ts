import { bootApp, createTestDatabase, type TestApp, type TestDatabase } from '../helpers/strapi';
import { PrivateDovecot, dovecotMissing } from '../helpers/dovecot';
import { FakeSmtp } from '../helpers/fake-smtp';
import { question } from '../helpers/mails';
import { drain, virtualClock } from '../helpers/telegram';
import { waitFor } from '../helpers/wait';

const INQUIRY = 'api::inquiry.inquiry';
/** Monday 2 November 2026, 09:00 WIB: the office is open. */
const MONDAY_0900 = new Date('2026-11-02T02:00:00Z');

/** The n-th citizen's first mail; each writes from an address of their own, so each is a request of its own. */
const mail = (n: number) => question({ messageId: `<warga${n}.dovecot@mail.gmail.com>`, from: `Warga ${n} <warga${n}@gmail.com>`, subject: `Pertanyaan nomor ${n}` });
const messageIds = (count: number) => Array.from({ length: count }, (_, i) => `<warga${i + 1}.dovecot@mail.gmail.com>`).sort();

/**
 * The Dinas mailbox on a real IMAP server (Debian's Dovecot, started privately by the test), the rest as
 * in email-channel.test.ts. What is under test is the IMAP session (the cursor, IDLE, reconnecting after the
 * server died), not the database, so this tier runs on SQLite only. The safety poll is left at its 60 s:
 * every mail here comes in by IDLE or by the catch-up when the watcher connects.
 */
describe('the e-mail channel against a real Dovecot that dies mid-IDLE and comes back (SQLite)', () => {
  let dovecot: PrivateDovecot;
  let smtp: FakeSmtp;
  let db: TestDatabase;
  let app: TestApp;
  let clock: ReturnType<typeof virtualClock>;

  /**
   * The Message-IDs the inquiries came from, sorted: mails that reach Maildir/new together get their UIDs in
   * the order Dovecot lists the folder, not the order they were written, and are read in UID order.
   */
  const refs = async () =>
    ((await app.strapi.db.query(INQUIRY).findMany({ select: ['externalRef'] })) as { externalRef: string }[]).map((row) => row.externalRef).sort();
  const receiptsTo = () => smtp.received.flatMap((m) => m.envelope.rcptTo.map((r) => r.address)).sort();
  const citizens = (count: number) => Array.from({ length: count }, (_, i) => `warga${i + 1}@gmail.com`).sort();

  beforeAll(async () => {
    const missing = dovecotMissing();
    if (missing) throw new Error(missing);
    dovecot = await PrivateDovecot.create();
    smtp = await new FakeSmtp().start();
    db = await createTestDatabase('sqlite');
    app = await bootApp(db, {
      ...dovecot.env(),
      ...smtp.env(),
      MAIL_POLL_SECONDS: '60',
      PUBLIC_URL: 'https://layanan.example.go.id',
    });
    clock = virtualClock(app, MONDAY_0900);
  });
  afterAll(async () => {
    await app?.stop();
    await dovecot?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  it('a mail appended to the mailbox becomes one inquiry, and its receipt goes out', async () => {
    await waitFor(() => dovecot.idling(), 15_000, 'the watcher to idle on Dovecot');
    await dovecot.append(mail(1));
    await waitFor(async () => (await refs()).length === 1, 15_000, 'the mail to become an inquiry');
    expect(await refs()).toEqual(messageIds(1));
    await drain(app, clock, { maxRounds: 200 });
    await smtp.waitForMail(1);
    expect(receiptsTo()).toEqual(citizens(1));
  });

  it('three mails that arrive while the server is dead are read once it is back: three new inquiries, none twice, three receipts', async () => {
    await waitFor(() => dovecot.idling(), 15_000, 'the watcher to idle again');
    const warn = jest.spyOn(app.strapi.log, 'warn');
    try {
      await dovecot.kill();
      for (const n of [2, 3, 4]) dovecot.drop(mail(n));
      await waitFor(() => warn.mock.calls.some(([line]) => /IMAP session failed \(ECONNREFUSED\)/.test(String(line))), 15_000, 'the watcher to find the server gone');
    } finally {
      warn.mockRestore();
    }
    expect(await refs()).toHaveLength(1);

    await dovecot.start();
    await waitFor(async () => (await refs()).length >= 4, 30_000, 'the three mails to become inquiries after the restart');
    expect(await refs()).toEqual(messageIds(4));
    await drain(app, clock, { maxRounds: 200 });
    await smtp.waitForMail(4);
    expect(receiptsTo()).toEqual(citizens(4));
  });

  it('after the restart the watcher idles again, and the next mail comes in by IDLE', async () => {
    await waitFor(() => dovecot.idling(), 15_000, 'the watcher to idle on the restarted server');
    await dovecot.append(mail(5));
    await waitFor(async () => (await refs()).length >= 5, 15_000, 'the mail after the restart to become an inquiry');
    expect(await refs()).toEqual(messageIds(5));
    expect(Number((await app.strapi.db.connection('channel_inbox').count({ n: '*' }).first())?.n)).toBe(5);
    await drain(app, clock, { maxRounds: 200 });
    await smtp.waitForMail(5);
    expect(receiptsTo()).toEqual(citizens(5));
  });
});
