import { databases } from '../helpers/strapi';
import { INSTAGRAM_ID, PAGE_ID } from '../helpers/fake-meta';
import { useMetaSuite } from '../helpers/meta';
import { drain } from '../helpers/telegram';

const INQUIRY = 'api::inquiry.inquiry';
const MESSAGE = 'plugin::channels.message';
const HOUR = 3600_000;

describe.each(databases())('Facebook Messenger and Instagram through the Meta webhook on %s', (kind) => {
  const { suite, deliver, answer } = useMetaSuite(kind);
  let person = 0;

  const psid = () => `7${String((person += 1)).padStart(15, '0')}`;
  const inquiriesOf = async (channel: string, address: string) =>
    (await suite.app.strapi.db.query(INQUIRY).findMany({ where: { channel, applicant: { replyAddress: address } }, orderBy: { id: 'asc' } })) as { id: number; documentId: string; code: string; answerDelivery: string | null; answerDeliveryNote: string | null }[];
  const messagesOf = async (inquiryId: number) => (await suite.app.strapi.db.query(MESSAGE).findMany({ where: { inquiry: { id: inquiryId } }, orderBy: { id: 'asc' } })) as { direction: string; purpose: string; status: string }[];

  it('a Messenger message becomes an inquiry answered on Messenger; the echo of our own send is not a message; a watermark marks it read', async () => {
    const from = psid();
    await deliver(suite.meta.webhook('page', suite.meta.dm({ platform: 'page', from, text: 'Apakah bisa cetak KIA di kecamatan?' })));
    const [inquiry, ...more] = await inquiriesOf('facebook', from);
    expect(more).toHaveLength(0);
    const receipt = suite.meta.sent(from)[0];
    expect(receipt.account).toBe(PAGE_ID);
    expect(receipt.body).toMatchObject({ recipient: { id: from }, messaging_type: 'RESPONSE' });
    expect(JSON.stringify(receipt.body)).toContain(inquiry.code);

    const metadata = String((receipt.body.message as { metadata: string }).metadata);
    await deliver(suite.meta.webhook('page', suite.meta.dm({ platform: 'page', from, text: 'echo', mid: receipt.id!, echo: { metadata } })));
    expect(await inquiriesOf('facebook', from)).toHaveLength(1);
    await deliver(suite.meta.webhook('page', suite.meta.dm({ platform: 'page', from, text: 'Baik, kami cek dulu ya.', echo: {} })));
    expect((await messagesOf(inquiry.id)).map((m) => `${m.direction}:${m.purpose}`)).toEqual(['in:question', 'out:receipt', 'out:message']);

    await answer(inquiry.documentId, 'Bisa, di kecamatan Kanigaran setiap Selasa.');
    await drain(suite.app, suite.clock, { maxRounds: 500 });
    await deliver(suite.meta.webhook('page', suite.meta.receipt({ platform: 'page', from, kind: 'read', watermark: suite.clock.ms + 1000 })));
    expect((await messagesOf(inquiry.id)).map((m) => `${m.direction}:${m.purpose}:${m.status}`)).toEqual(['in:question:received', 'out:receipt:read', 'out:message:read', 'out:answer:read']);
  });

  it('an Instagram message is answered on Instagram; after the window, without the human-agent permission, the answer is the officer’s task', async () => {
    const from = psid();
    await deliver(suite.meta.webhook('instagram', suite.meta.dm({ platform: 'instagram', from, text: 'Min, syarat akta kelahiran apa saja?' })));
    const [inquiry] = await inquiriesOf('instagram', from);
    expect(suite.meta.sent(from)[0].account).toBe(INSTAGRAM_ID);
    suite.clock.advance(30 * HOUR);
    await answer(inquiry.documentId, 'Surat keterangan lahir, KK dan buku nikah orang tua.');
    await drain(suite.app, suite.clock, { maxRounds: 500 });
    expect(suite.meta.sent(from)).toHaveLength(1);
    const [after] = await inquiriesOf('instagram', from);
    expect(after.answerDelivery).toBe('officer_task');
    expect(after.answerDeliveryNote).toMatch(/jendela balasan Instagram/);
  });
});
