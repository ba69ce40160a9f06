import { once } from 'node:events';
import { DEFAULT_SOP_POLICY } from '@layanan/config';
import { classifyMail } from '../../plugins/channels/src/email/classify';
import { composeAnswer, composeReceipt, type OutgoingContext } from '../../plugins/channels/src/email/compose';
import { MailboxWatcher, type FetchedMail, type MailboxCursor, type MailboxWatcherOptions } from '../../plugins/channels/src/email/imap';
import { parseMail } from '../../plugins/channels/src/email/parse';
import { classify, createSmtpSender, describe as describeError, type SmtpSender } from '../../plugins/channels/src/email/smtp';
import { FakeImap } from '../helpers/fake-imap';
import { FakeSmtp, SMTP_PASS } from '../helpers/fake-smtp';
import { question } from '../helpers/mails';
import { waitFor } from '../helpers/wait';

const TLS = { rejectUnauthorized: false };

function context(fake: FakeSmtp, overrides: Partial<OutgoingContext> = {}): OutgoingContext {
  const { from, domain } = fake.settings();
  return {
    from, domain,
    to: { address: 'budi.santoso@gmail.com', name: 'Budi Santoso' },
    code: 'INF-2611-00042',
    outboxId: 17,
    thread: { messageId: '<CAKx7Qm1v3r5aT0nYq2bWq8pZ=Lh@mail.gmail.com>', references: [], subject: 'Syarat perpanjangan KTP-el' },
    instance: 'probolinggo-test',
    organisation: { name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo', addressLine: 'Kota Probolinggo, Jawa Timur' },
    ...overrides,
  };
}

const receiptFor = (fake: FakeSmtp, overrides: Partial<OutgoingContext> = {}) =>
  composeReceipt(context(fake, overrides), { status: 'received', trackingUrl: 'https://layanan.example.go.id/lacak/INF-2611-00042?token=t0k3n', privacyUrl: 'https://layanan.example.go.id/privasi', policy: DEFAULT_SOP_POLICY });

/** The error a send rejected with; fails the test if it did not. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => { throw new Error('the send was expected to fail'); },
    (error: unknown) => error,
  );
}

describe('SMTP: sending to a real SMTP server (smtp-server)', () => {
  let fake: FakeSmtp;
  let sender: SmtpSender;

  beforeEach(async () => {
    fake = await new FakeSmtp().start();
    sender = createSmtpSender(fake.settings(), { tls: TLS });
  });

  afterEach(async () => {
    sender.close();
    await fake.stop();
  });

  it('delivers the receipt over STARTTLS with a login: threaded, stamped automatic, with the DSN request', async () => {
    const sent = await sender.send(receiptFor(fake));
    expect(sent.externalId).toBe('<inf.INF-2611-00042.17@disdukcapil.probolinggokota.go.id>');
    expect(sent.response).toMatch(/^250 /);

    const [mail] = await fake.waitForMail(1);
    expect(mail.envelope.mailFrom).toMatchObject({ address: 'layanan@disdukcapil.probolinggokota.go.id', args: { RET: 'HDRS', ENVID: '17' } });
    expect(mail.envelope.rcptTo).toEqual([expect.objectContaining({ address: 'budi.santoso@gmail.com', args: expect.objectContaining({ NOTIFY: 'FAILURE,DELAY', ORCPT: 'rfc822;budi.santoso@gmail.com' }) })]);

    const parsed = await parseMail(mail.raw, { attachmentMaxBytes: 1 << 20 });
    expect(parsed).toMatchObject({
      messageId: sent.externalId,
      inReplyTo: '<CAKx7Qm1v3r5aT0nYq2bWq8pZ=Lh@mail.gmail.com>',
      references: ['<CAKx7Qm1v3r5aT0nYq2bWq8pZ=Lh@mail.gmail.com>'],
      subject: 'Re: Syarat perpanjangan KTP-el [INF-2611-00042]',
      hasHtml: true,
    });
    expect(parsed.headers.get('auto-submitted')).toEqual(['auto-replied']);
    expect(parsed.text).toContain('https://layanan.example.go.id/lacak/INF-2611-00042?token=t0k3n');
    // Were the receipt to come back into our own mailbox, it would be dropped, never answered.
    expect(classifyMail(parsed, { addresses: [] })).toEqual({ kind: 'own-loop', reason: 'X-Layanan-Loop' });
  });

  it('sends the answer without Auto-Submitted', async () => {
    await sender.send(composeAnswer(context(fake, { outboxId: 18 }), { text: 'Syaratnya fotokopi KK dan surat kehilangan.' }));
    const [mail] = await fake.waitForMail(1);
    const parsed = await parseMail(mail.raw, { attachmentMaxBytes: 1 << 20 });
    expect(parsed.headers.has('auto-submitted')).toBe(false);
    expect(parsed.messageId).toBe('<inf.INF-2611-00042.18@disdukcapil.probolinggokota.go.id>');
  });

  it('calls a recipient refused with 550 permanent, and masks the address in the cause', async () => {
    fake.fail({ kind: 'refuse-recipient', code: 550 });
    const error = await failure(sender.send(receiptFor(fake)));
    expect(classify(error)).toEqual({ kind: 'permanent' });
    expect(describeError(error)).toMatch(/^EENVELOPE 550 \(RCPT TO\): 550 5\.1\.1 <b\*+o@gmail\.com>: Recipient address rejected/);
    expect(fake.received).toHaveLength(0);
  });

  it('calls a recipient deferred with 451 transient, and the next try goes through', async () => {
    fake.fail({ kind: 'refuse-recipient', code: 451 });
    expect(classify(await failure(sender.send(receiptFor(fake))))).toEqual({ kind: 'transient' });
    await sender.send(receiptFor(fake));
    expect(await fake.waitForMail(1)).toHaveLength(1);
  });

  it('calls a connection dropped after DATA uncertain, does not resend by itself, and one retry arrives under the same Message-ID', async () => {
    fake.fail({ kind: 'drop-after-data' });
    const error = await failure(sender.send(receiptFor(fake)));
    expect(classify(error)).toEqual({ kind: 'uncertain', retryOnce: true });
    expect(fake.dropped).toHaveLength(1);
    expect(fake.received).toHaveLength(0);

    await sender.send(receiptFor(fake));
    const [retried] = await fake.waitForMail(1);
    const first = await parseMail(fake.dropped[0].raw, { attachmentMaxBytes: 0 });
    const second = await parseMail(retried.raw, { attachmentMaxBytes: 0 });
    expect(second.messageId).toBe(first.messageId);
  });

  it('gives up a send whose DATA is never answered when the engine aborts it: uncertain', async () => {
    fake.fail({ kind: 'hang-data' });
    const controller = new AbortController();
    const sending = failure(sender.send(receiptFor(fake), controller.signal));
    await waitFor(() => fake.hung.length === 1, 10_000, 'the server holding the DATA');
    controller.abort();
    expect(classify(await sending)).toEqual({ kind: 'uncertain', retryOnce: true });
  });

  it('calls a wrong password a login problem', async () => {
    const wrong = createSmtpSender({ ...fake.settings(), pass: `${SMTP_PASS}-salah` }, { tls: TLS });
    try {
      expect(classify(await failure(wrong.send(receiptFor(fake))))).toEqual({ kind: 'auth' });
    } finally {
      wrong.close();
    }
  });

  it('calls a server that is down (connection refused) transient', async () => {
    const receipt = receiptFor(fake);
    await fake.stop();
    const error = await failure(sender.send(receipt));
    expect(classify(error)).toEqual({ kind: 'transient' });
    expect(describeError(error)).toMatch(/ECONNREFUSED/);
    fake = await new FakeSmtp().start();
  });
});

/** The intake's side of the watcher: raw mail kept by uid, the cursor, and every call as it happened. */
function memoryIntake(options: { failOnce?: (uid: number) => boolean } = {}) {
  const calls: FetchedMail[] = [];
  const stored = new Map<string, FetchedMail>();
  const failed = new Set<number>();
  const cursors: MailboxCursor[] = [];
  const resets: { previous: MailboxCursor; uidValidity: string }[] = [];
  const logs: string[] = [];
  let cursor: MailboxCursor | null = null;
  return {
    calls, stored, cursors, resets, logs,
    get cursor() { return cursor; },
    uids: () => calls.map((c) => c.uid),
    options: (imap: FakeImap, extra: Partial<MailboxWatcherOptions> = {}): MailboxWatcherOptions => ({
      imap: imap.settings({ pollSeconds: 0.2 }),
      maxBytes: 1024 * 1024,
      backoffMs: { initial: 50, max: 400 },
      loadCursor: async () => cursor,
      saveCursor: async (next) => { cursors.push(next); cursor = next; },
      store: async (mail) => {
        calls.push(mail);
        if (options.failOnce?.(mail.uid) && !failed.has(mail.uid)) {
          failed.add(mail.uid);
          throw new Error('database is locked');
        }
        stored.set(`${mail.uidValidity}:${mail.uid}`, mail);
      },
      onReset: async (previous, uidValidity) => { resets.push({ previous, uidValidity }); },
      logger: { info: (line) => logs.push(line), warn: (line) => logs.push(line) },
      ...extra,
    }),
  };
}

const mailNo = (n: number) => question({ messageId: `<tanya-${n}@mail.gmail.com>`, subject: `Pertanyaan KTP-el nomor ${n}`, text: `Isi pertanyaan ${n}\n` });

/** Resolves after `count` more completed rounds. */
async function rounds(watcher: MailboxWatcher, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) await once(watcher, 'round');
}

describe('IMAP: watching the Dinas mailbox on a real IMAP server (hoodiecrow)', () => {
  let imap: FakeImap;
  const watchers: MailboxWatcher[] = [];

  const watch = (options: MailboxWatcherOptions) => {
    const watcher = new MailboxWatcher(options);
    watchers.push(watcher);
    watcher.start();
    return watcher;
  };

  beforeEach(async () => {
    imap = await new FakeImap().start();
  });

  afterEach(async () => {
    await Promise.all(watchers.splice(0).map((w) => w.stop()));
    await imap.stop();
  });

  it('reads the mail already there once, leaves its flags alone, and does not re-read the last one every round', async () => {
    imap.deliver(mailNo(1));
    imap.deliver(mailNo(2));
    const intake = memoryIntake();
    const watcher = watch(intake.options(imap));
    await waitFor(() => intake.calls.length === 2, 10_000, 'the two mails stored');
    await rounds(watcher, 3);

    expect(intake.uids()).toEqual([1, 2]);
    expect(intake.calls[0].raw!.toString()).toContain('Message-ID: <tanya-1@mail.gmail.com>');
    expect(intake.calls[0]).toMatchObject({ uidValidity: '1', oversize: false, internalDate: expect.any(Date) });
    expect(intake.cursor).toEqual({ uidValidity: '1', lastUid: 2 });
    expect(imap.messages()).toEqual([{ uid: 1, flags: [] }, { uid: 2, flags: [] }]);
  });

  it('picks up mail that arrives while idling, without waiting for the poll', async () => {
    const intake = memoryIntake();
    const watcher = watch(intake.options(imap, { imap: imap.settings({ pollSeconds: 600 }) }));
    await once(watcher, 'round');
    imap.deliver(mailNo(1));
    await waitFor(() => intake.calls.length === 1, 15_000, 'the new mail stored through IDLE');
    expect(intake.cursor).toEqual({ uidValidity: '1', lastUid: 1 });
  });

  it('reads mail that arrived while it was stopped once, after a restart from the saved cursor', async () => {
    imap.deliver(mailNo(1));
    const intake = memoryIntake();
    const first = watch(intake.options(imap));
    await waitFor(() => intake.calls.length === 1, 10_000, 'the first mail stored');
    await first.stop();
    await waitFor(() => imap.openConnections() === 0, 5000, 'the watcher logged out');

    imap.deliver(mailNo(2));
    imap.deliver(mailNo(3));
    const second = watch(intake.options(imap));
    await waitFor(() => intake.calls.length === 3, 10_000, 'the two new mails stored');
    await rounds(second, 2);
    expect(intake.uids()).toEqual([1, 2, 3]);
    expect(intake.cursor).toEqual({ uidValidity: '1', lastUid: 3 });
  });

  it('keeps the cursor behind a mail whose store failed, tries it again next round, and keeps the order', async () => {
    imap.deliver(mailNo(1));
    imap.deliver(mailNo(2));
    imap.deliver(mailNo(3));
    const intake = memoryIntake({ failOnce: (uid) => uid === 2 });
    watch(intake.options(imap, { loadCursor: async () => ({ uidValidity: '1', lastUid: 0 }) }));
    await waitFor(() => intake.stored.size === 3, 10_000, 'all three stored');

    expect(intake.uids()).toEqual([1, 2, 2, 3]);
    expect(intake.cursors.map((c) => c.lastUid)).toEqual([1, 2, 3]);
    expect(intake.logs).toContainEqual(expect.stringMatching(/storing uid 2 failed \(Error\); the cursor stays at 1/));
  });

  it('reconnects with a new connection when the server cuts it, and picks up the mail that came meanwhile', async () => {
    const intake = memoryIntake();
    const watcher = watch(intake.options(imap, { imap: imap.settings({ pollSeconds: 600 }) }));
    await once(watcher, 'round');
    const disconnected = once(watcher, 'disconnected');
    imap.dropConnections();
    imap.deliver(mailNo(1));
    await disconnected;
    await waitFor(() => intake.calls.length === 1, 15_000, 'the mail stored after the reconnect');
    expect(imap.connections).toBeGreaterThanOrEqual(2);
    expect(intake.uids()).toEqual([1]);
  });

  it('keeps only the metadata of a mail over the size limit, and moves on past it', async () => {
    imap.deliver(question({ messageId: '<besar@mail.gmail.com>', text: `${'Lampiran scan. '.repeat(400)}\n` }));
    imap.deliver(mailNo(2));
    const intake = memoryIntake();
    watch(intake.options(imap, { maxBytes: 2000 }));
    await waitFor(() => intake.calls.length === 2, 10_000, 'both offered to the store');
    expect(intake.calls[0]).toMatchObject({ uid: 1, raw: null, oversize: true });
    expect(intake.calls[0].size).toBeGreaterThan(2000);
    expect(intake.calls[1]).toMatchObject({ uid: 2, oversize: false });
    expect(intake.cursor?.lastUid).toBe(2);
  });

  it('on a first start and after a UIDVALIDITY change reads only the recent window, and says so', async () => {
    imap.deliver(mailNo(1), new Date(Date.now() - 40 * 24 * 60 * 60 * 1000));
    imap.deliver(mailNo(2));
    const intake = memoryIntake();
    const first = watch(intake.options(imap));
    await waitFor(() => intake.cursor !== null, 10_000, 'the first cursor saved');
    expect(intake.uids()).toEqual([2]);
    expect(intake.cursor).toEqual({ uidValidity: '1', lastUid: 2 });
    await first.stop();

    imap.setUidValidity(7);
    const second = watch(intake.options(imap));
    await once(second, 'round');
    expect(intake.resets).toEqual([{ previous: { uidValidity: '1', lastUid: 2 }, uidValidity: '7' }]);
    expect(intake.calls.map((c) => `${c.uidValidity}:${c.uid}`)).toEqual(['1:2', '7:2']);
    expect(intake.cursor).toEqual({ uidValidity: '7', lastUid: 2 });
  });

  it('logs uids and counts, never an address or a subject', async () => {
    imap.deliver(mailNo(1));
    imap.deliver(mailNo(2));
    const intake = memoryIntake({ failOnce: (uid) => uid === 1 });
    const watcher = watch(intake.options(imap));
    await waitFor(() => intake.stored.size === 2, 10_000, 'both stored');
    const disconnected = once(watcher, 'disconnected');
    imap.dropConnections();
    await disconnected;
    await once(watcher, 'round');

    expect(intake.logs.length).toBeGreaterThan(2);
    for (const line of intake.logs) {
      expect(line).not.toMatch(/@|KTP|Budi|Pertanyaan/);
    }
  });
});
