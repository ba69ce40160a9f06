import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { FakeImap } from '../helpers/fake-imap';
import { laporNotification, question } from '../helpers/mails';
import { REPORT_FIXTURES } from '../helpers/lapor-reports';
import { virtualClock } from '../helpers/telegram';
import { waitFor } from '../helpers/wait';

const INQUIRY = 'api::inquiry.inquiry';
const MESSAGE = 'plugin::channels.message';
/** Thursday 5 February 2026, 13:25 WIB. */
const THURSDAY = new Date('2026-02-05T06:25:00Z');

const fixture = (start: string) => REPORT_FIXTURES.find((f) => f.name.startsWith(start))!;

describe.each(databases())('LAPOR! notification mails in the Dinas mailbox on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let imap: FakeImap;
  let sequence = 0;

  const inquiries = async (where: Record<string, unknown>) =>
    (await app.strapi.db.query(INQUIRY).findMany({ where, populate: { applicant: true }, orderBy: { id: 'asc' } })) as {
      id: number;
      code: string;
      channel: string;
      subject: string;
      message: string;
      kind: string;
      serviceCategory: string;
      externalRef: string | null;
      notes: string | null;
      receivedAt: string;
      applicant: { name: string; email: string | null } | null;
    }[];

  async function mailIn(raw: string): Promise<void> {
    const processed = async () => Number((await app.strapi.db.connection('channel_inbox').whereNotNull('processed_at').count({ n: '*' }).first())?.n);
    const before = await processed();
    imap.deliver(raw);
    await waitFor(async () => (await processed()) > before, 15_000, 'the mail to be stored and processed');
  }
  const messageId = () => `<lapor.${(sequence += 1)}.${Date.now()}@lapor.go.id>`;

  beforeAll(async () => {
    imap = await new FakeImap().start();
    db = await createTestDatabase(kind);
    app = await bootApp(db, { ...imap.env(), MAIL_POLL_SECONDS: '1', LAPOR_MAIL_SENDERS: 'noreply@lapor.go.id, @sp4n.lapor.go.id' });
    virtualClock(app, THURSDAY);
  });
  afterAll(async () => {
    await app?.stop();
    await imap?.stop();
    await db?.drop();
  });

  it('a notification from LAPOR! becomes a LAPOR! request with the report’s number, reporter, category and text', async () => {
    const id = messageId();
    await mailIn(laporNotification({ body: fixture('the notification mail').text, messageId: id }));
    const [inquiry] = await inquiries({ externalRef: '4123655' });
    expect(inquiry).toMatchObject({ channel: 'lapor_sp4n', kind: 'complaint', subject: 'Pelayanan KIA di Kelurahan Kanigaran', serviceCategory: 'kia', applicant: { name: 'Dewi Lestari', email: null } });
    expect(inquiry.message).toBe('Anak saya belum mendapatkan KIA padahal berkas sudah diserahkan ke kelurahan sejak Desember.');
    expect(inquiry.notes).toMatch(/Dilaporkan di SP4N-LAPOR! 5 Februari 2026 13\.20 WIB/);
    // No e-mail request, and nothing to answer by mail: LAPOR! writes from a no-reply address.
    expect(await inquiries({ channel: 'email' })).toEqual([]);
    const log = (await app.strapi.db.query(MESSAGE).findMany({ where: { inquiry: { id: inquiry.id } } })) as { channel: string; purpose: string; direction: string }[];
    expect(log.map((m) => [m.direction, m.channel, m.purpose])).toEqual([['in', 'lapor_sp4n', 'question']]);
  });

  it('LAPOR!’s reminder about a report already recorded joins its request instead of making another', async () => {
    const body = fixture('a reminder mail').text.replace('#4123901', '#4123655');
    await mailIn(laporNotification({ body, messageId: messageId(), subject: '[SP4N-LAPOR!] Pengingat tindak lanjut', from: 'Admin <admin@sp4n.lapor.go.id>' }));
    const held = await inquiries({ externalRef: '4123655' });
    expect(held).toHaveLength(1);
    const log = (await app.strapi.db.query(MESSAGE).findMany({ where: { inquiry: { id: held[0].id } }, orderBy: { id: 'asc' } })) as { purpose: string }[];
    expect(log.map((m) => m.purpose)).toEqual(['question', 'follow_up']);
  });

  it('LAPOR!’s mail that a recorded report changed status stores that status on its request, with an event', async () => {
    const body = 'Yth. Admin,\n\nStatus laporan berikut telah diperbarui.\n\nNomor Tiket : 4123655\nStatus Laporan : Selesai\n\nTerima kasih.';
    await mailIn(laporNotification({ body, messageId: messageId(), subject: '[SP4N-LAPOR!] Perubahan status laporan' }));
    const held = (await app.strapi.db.query(INQUIRY).findMany({ where: { externalRef: '4123655' } })) as { id: number; laporStatus: string | null; laporStatusAt: string | null }[];
    expect(held).toEqual([expect.objectContaining({ laporStatus: 'selesai', laporStatusAt: expect.anything() })]);
    const events = await app.strapi.db.query('api::inquiry-event.inquiry-event').findMany({ where: { inquiry: { id: held[0].id }, type: 'lapor_status' } });
    expect(events).toEqual([expect.objectContaining({ actorType: 'system', detail: { status: 'selesai', label: 'Selesai', source: 'mail' } })]);
  });

  it('the same report notified twice (LAPOR! sent it again) is one request', async () => {
    const body = fixture('the report page, label and colon').text;
    await mailIn(laporNotification({ body, messageId: messageId() }));
    await mailIn(laporNotification({ body, messageId: messageId() }));
    expect(await inquiries({ externalRef: '4123567' })).toHaveLength(1);
  });

  it('a LAPOR! mail whose report cannot be read is still a LAPOR! request, with a note to complete it', async () => {
    await mailIn(laporNotification({ body: 'Yth. Admin,\n\nAda pembaruan pada sistem SP4N-LAPOR!. Silakan masuk ke akun Anda.\n', subject: '[SP4N-LAPOR!] Pemberitahuan sistem', messageId: messageId() }));
    const [unread] = await inquiries({ subject: '[SP4N-LAPOR!] Pemberitahuan sistem' });
    expect(unread).toMatchObject({ channel: 'lapor_sp4n', externalRef: null, applicant: { name: 'Pelapor SP4N-LAPOR!' } });
    expect(unread.notes).toMatch(/nomor tiket atau isi laporannya tidak terbaca/);
  });

  it('a citizen who quotes a LAPOR! tracking number in their own mail is an e-mail request as before', async () => {
    const text = `Selamat siang,\n\nSaya sudah melapor lewat LAPOR! dengan Tracking ID 4123999 tetapi belum ada jawaban.\n`;
    await mailIn(question({ messageId: `<citizen.${Date.now()}@mail.gmail.com>`, subject: 'Menanyakan laporan LAPOR! saya', text }));
    const [mail] = await inquiries({ subject: 'Menanyakan laporan LAPOR! saya' });
    expect(mail).toMatchObject({ channel: 'email', applicant: { email: 'budi.santoso@gmail.com' } });
    expect(await inquiries({ externalRef: '4123999' })).toEqual([]);
  });
});
