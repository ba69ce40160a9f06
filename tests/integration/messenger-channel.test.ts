import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { createStaff, type Staff } from '../helpers/builders';
import { FakeMeta, INSTAGRAM_ID, PAGE_ID } from '../helpers/fake-meta';
import { drain, virtualClock } from '../helpers/telegram';

const INQUIRY = 'api::inquiry.inquiry';
const MESSAGE = 'plugin::channels.message';
const HOUR = 3600_000;
const MONDAY_0900 = new Date('2026-11-02T02:00:00Z');

describe.each(databases())('Facebook Messenger and Instagram through the Meta webhook on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let meta: FakeMeta;
  let officer: Staff;
  let clock: ReturnType<typeof virtualClock>;
  let person = 0;

  const psid = () => `7${String((person += 1)).padStart(15, '0')}`;
  const inquiriesOf = async (channel: string, address: string) =>
    (await app.strapi.db.query(INQUIRY).findMany({ where: { channel, applicant: { replyAddress: address } }, orderBy: { id: 'asc' } })) as { id: number; documentId: string; code: string; answerDelivery: string | null; answerDeliveryNote: string | null }[];
  const messagesOf = async (inquiryId: number) => (await app.strapi.db.query(MESSAGE).findMany({ where: { inquiry: { id: inquiryId } }, orderBy: { id: 'asc' } })) as { direction: string; purpose: string; status: string }[];

  async function deliver(raw: string) {
    await app.http.post('/api/channels/meta/webhook').set('content-type', 'application/json').set('x-hub-signature-256', meta.sign(raw)).send(raw).expect(200);
    await app.strapi.plugin('channels').service('meta').processPending();
    await drain(app, clock, { maxRounds: 500 });
  }

  const answer = (documentId: string, text: string) => app.http.post(`/api/inquiries/${documentId}/answer`).set(officer.auth).send({ data: { answer: text } }).expect(200);

  beforeAll(async () => {
    meta = await new FakeMeta().start();
    db = await createTestDatabase(kind);
    app = await bootApp(db, { ...meta.env(), PUBLIC_URL: 'https://layanan.example.go.id' });
    clock = virtualClock(app, MONDAY_0900);
    meta.clock = () => clock.ms;
    officer = await createStaff(app, 'officer');
  });
  afterAll(async () => {
    await app?.stop();
    await meta?.stop();
    await db?.drop();
  });

  it('a Messenger message becomes an inquiry answered on Messenger; the echo of our own send is not a message; a watermark marks it read', async () => {
    const from = psid();
    await deliver(meta.webhook('page', meta.dm({ platform: 'page', from, text: 'Apakah bisa cetak KIA di kecamatan?' })));
    const [inquiry, ...more] = await inquiriesOf('facebook', from);
    expect(more).toHaveLength(0);
    const receipt = meta.sent(from)[0];
    expect(receipt.account).toBe(PAGE_ID);
    expect(receipt.body).toMatchObject({ recipient: { id: from }, messaging_type: 'RESPONSE' });
    expect(JSON.stringify(receipt.body)).toContain(inquiry.code);

    const metadata = String((receipt.body.message as { metadata: string }).metadata);
    await deliver(meta.webhook('page', meta.dm({ platform: 'page', from, text: 'echo', mid: receipt.id!, echo: { metadata } })));
    expect(await inquiriesOf('facebook', from)).toHaveLength(1);
    await deliver(meta.webhook('page', meta.dm({ platform: 'page', from, text: 'Baik, kami cek dulu ya.', echo: {} })));
    expect((await messagesOf(inquiry.id)).map((m) => `${m.direction}:${m.purpose}`)).toEqual(['in:question', 'out:receipt', 'out:message']);

    await answer(inquiry.documentId, 'Bisa, di kecamatan Kanigaran setiap Selasa.');
    await drain(app, clock, { maxRounds: 500 });
    await deliver(meta.webhook('page', meta.receipt({ platform: 'page', from, kind: 'read', watermark: clock.ms + 1000 })));
    expect((await messagesOf(inquiry.id)).map((m) => `${m.direction}:${m.purpose}:${m.status}`)).toEqual(['in:question:received', 'out:receipt:read', 'out:message:read', 'out:answer:read']);
  });

  it('an Instagram message is answered on Instagram; after the window, without the human-agent permission, the answer is the officer’s task', async () => {
    const from = psid();
    await deliver(meta.webhook('instagram', meta.dm({ platform: 'instagram', from, text: 'Min, syarat akta kelahiran apa saja?' })));
    const [inquiry] = await inquiriesOf('instagram', from);
    expect(meta.sent(from)[0].account).toBe(INSTAGRAM_ID);
    clock.advance(30 * HOUR);
    await answer(inquiry.documentId, 'Surat keterangan lahir, KK dan buku nikah orang tua.');
    await drain(app, clock, { maxRounds: 500 });
    expect(meta.sent(from)).toHaveLength(1);
    const [after] = await inquiriesOf('instagram', from);
    expect(after.answerDelivery).toBe('officer_task');
    expect(after.answerDeliveryNote).toMatch(/jendela balasan Instagram/);
  });
});
