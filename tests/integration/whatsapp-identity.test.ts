import { databases } from '../helpers/strapi';
import { useMetaSuite } from '../helpers/meta';
import { drain } from '../helpers/telegram';

const INQUIRY = 'api::inquiry.inquiry';
const MESSAGE = 'plugin::channels.message';

describe.each(databases())('a WhatsApp citizen whose number or user id changes keeps their request, on %s', (kind) => {
  const { suite, deliver, answer } = useMetaSuite(kind);
  let number = 0;

  const citizen = () => `+6289${String((number += 1)).padStart(8, '0')}`;
  const bsuid = () => `ID.Wrg${String((number += 1)).padStart(6, '0')}AbC`;
  const whatsapp = (...entries: { entry: Record<string, unknown> }[]) => deliver(suite.meta.webhook('whatsapp_business_account', ...entries));
  const inquiriesTo = async (address: string) =>
    (await suite.app.strapi.db.query(INQUIRY).findMany({ where: { channel: 'whatsapp', applicant: { replyAddress: address } }, populate: { applicant: true }, orderBy: { id: 'asc' } })) as {
      id: number;
      documentId: string;
      applicant: { phone: string | null; replyAddress: string };
    }[];
  const purposes = async (inquiryId: number) => ((await suite.app.strapi.db.query(MESSAGE).findMany({ where: { inquiry: { id: inquiryId } }, orderBy: { id: 'asc' } })) as { direction: string; purpose: string }[]).map((m) => `${m.direction}:${m.purpose}`);

  it('a changed number: the next message from the new number joins the same request, and the answer goes to the new number', async () => {
    const [old, fresh] = [citizen(), citizen()];
    await whatsapp(suite.meta.waMessage({ from: old, text: 'Bagaimana cara mengganti nomor HP di data kependudukan?' }));
    const [inquiry] = await inquiriesTo(old);
    await whatsapp(suite.meta.waIdentityChange({ change: 'user_changed_number', from: old, to: fresh, previousUserId: 'ID.lama01', userId: 'ID.baru01' }));
    expect(await inquiriesTo(old)).toHaveLength(0);
    const [moved] = await inquiriesTo(fresh);
    expect(moved).toMatchObject({ id: inquiry.id, applicant: { phone: fresh, replyAddress: fresh } });

    await whatsapp(suite.meta.waMessage({ from: fresh, userId: 'ID.baru01', text: 'Ini nomor baru saya, mohon jawabannya ke sini.' }));
    expect(await inquiriesTo(fresh)).toHaveLength(1);
    expect(await purposes(inquiry.id)).toEqual(['in:question', 'out:receipt', 'in:follow_up']);
    expect(suite.meta.sent(fresh)).toHaveLength(0);

    await answer(inquiry.documentId, 'Datang ke kantor dengan KTP-el dan KK.');
    await drain(suite.app, suite.clock, { maxRounds: 500 });
    expect(suite.meta.sent(fresh).map((c) => c.body.type)).toEqual(['text']);
    expect(suite.meta.sent(old)).toHaveLength(1);
    const notes = (await suite.app.http.get(`/api/inquiries/${inquiry.documentId}/events`).set(suite.officer.auth).expect(200)).body.data.filter((e: { type: string }) => e.type === 'note');
    expect(notes).toHaveLength(1);
    expect(JSON.stringify(notes)).not.toContain(fresh.slice(3));
  });

  it('a citizen known only by their business-scoped id: a new id joins the same request, and so does a later message that shows the number', async () => {
    const [first, second] = [bsuid(), bsuid()];
    await whatsapp(suite.meta.waMessage({ from: null, userId: first, username: 'warga.kanigaran', text: 'Apakah surat pindah bisa diurus daring?' }));
    const [inquiry] = await inquiriesTo(first);
    expect(suite.meta.sent(first).map((c) => c.body.recipient)).toEqual([first]);

    await whatsapp(suite.meta.waIdentityChange({ change: 'user_changed_user_id', from: null, previousUserId: first, userId: second }));
    await whatsapp(suite.meta.waMessage({ from: null, userId: second, text: 'Saya tambahkan: pindah ke Kota Malang.' }));
    expect((await inquiriesTo(second)).map((i) => i.id)).toEqual([inquiry.id]);

    const phone = citizen();
    await whatsapp(suite.meta.waMessage({ from: phone, userId: second, text: 'Nomor saya sekarang terlihat, ya.' }));
    const [shown] = await inquiriesTo(phone);
    expect(shown).toMatchObject({ id: inquiry.id, applicant: { phone, replyAddress: phone } });
    expect(await purposes(inquiry.id)).toEqual(['in:question', 'out:receipt', 'in:follow_up', 'in:follow_up']);
  });

  it('an identity change for someone we never heard from, or one missing its new address, changes nothing', async () => {
    const stranger = citizen();
    const res = await whatsapp(suite.meta.waIdentityChange({ change: 'user_changed_number', from: stranger, to: citizen() }));
    expect(res.body).toMatchObject({ received: 1, stored: 1 });
    const incomplete = JSON.parse(suite.meta.webhook('whatsapp_business_account', suite.meta.waIdentityChange({ change: 'user_changed_number', from: citizen(), to: citizen() })));
    delete incomplete.entry[0].changes[0].value.messages[0].system.wa_id;
    await deliver(JSON.stringify(incomplete));
    expect(await suite.app.strapi.db.query(INQUIRY).count({ where: { applicant: { replyAddress: stranger } } })).toBe(0);
  });
});
