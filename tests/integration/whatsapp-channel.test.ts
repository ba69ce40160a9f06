import { databases } from '../helpers/strapi';
import { buildOfficerInquiry } from '../helpers/builders';
import { PHONE_NUMBER_ID } from '../helpers/fake-meta';
import { useMetaSuite } from '../helpers/meta';
import { drain } from '../helpers/telegram';
import { waitFor } from '../helpers/wait';

const INQUIRY = 'api::inquiry.inquiry';
const MESSAGE = 'plugin::channels.message';
const HOUR = 3600_000;

interface Row {
  id: number;
  documentId: string;
  code: string;
  channel: string;
  subject: string;
  message: string;
  status: string;
  answerDelivery: string | null;
  answerDeliveryNote: string | null;
  replyWindowUntil: string | null;
  applicant: { name: string; phone: string | null; replyAddress: string | null } | null;
}

describe.each(databases())('WhatsApp through the Meta webhook on %s', (kind) => {
  const { suite, post, deliver, answer, restart } = useMetaSuite(kind);
  let number = 0;

  const citizen = () => `+6281234${String((number += 1)).padStart(5, '0')}`;
  const inquiriesOf = async (phone: string) =>
    (await suite.app.strapi.db.query(INQUIRY).findMany({ where: { channel: 'whatsapp', applicant: { replyAddress: phone } }, populate: { applicant: true }, orderBy: { id: 'asc' } })) as Row[];
  const messagesOf = async (inquiryId: number) => (await suite.app.strapi.db.query(MESSAGE).findMany({ where: { inquiry: { id: inquiryId } }, orderBy: { id: 'asc' } })) as { direction: string; purpose: string; status: string; text: string | null; cause: string | null }[];
  const inboxCount = async () => Number((await suite.app.strapi.db.connection('channel_inbox').count({ n: '*' }).first())?.n);

  it('answers Meta’s subscription handshake only with the verify token', async () => {
    const challenge = '1158201444';
    const ok = await suite.app.http.get('/api/channels/meta/webhook').query({ 'hub.mode': 'subscribe', 'hub.verify_token': suite.meta.verifyToken, 'hub.challenge': challenge }).expect(200);
    expect(ok.text).toBe(challenge);
    await suite.app.http.get('/api/channels/meta/webhook').query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tebakan', 'hub.challenge': challenge }).expect(403);
    await suite.app.http.get('/api/channels/meta/webhook').query({ 'hub.verify_token': suite.meta.verifyToken }).expect(400);
  });

  it('refuses a missing or forged signature and a tampered body before storing anything', async () => {
    const before = await inboxCount();
    const raw = suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: citizen(), text: 'Syarat KK baru?' }));
    await post(raw, null).expect(401);
    await post(raw, suite.meta.sign(raw, 'rahasia-orang-lain')).expect(403);
    await post(raw.replace('Syarat KK baru?', 'Syarat KTP baru?'), suite.meta.sign(raw)).expect(403);
    await post(raw, 'sha256=zz').expect(403);
    expect(await inboxCount()).toBe(before);
  });

  it('a citizen’s message becomes an inquiry with their number and name, and the receipt goes back on WhatsApp; Meta’s redelivery creates nothing twice', async () => {
    const phone = citizen();
    const raw = suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: phone, name: 'Siti Aminah', text: 'Selamat pagi, apa syarat membuat KIA untuk anak 3 tahun?' }));
    await deliver(raw);
    await deliver(raw);
    const [inquiry, ...more] = await inquiriesOf(phone);
    expect(more).toHaveLength(0);
    expect(inquiry).toMatchObject({ channel: 'whatsapp', status: 'received', applicant: { name: 'Siti Aminah', phone } });
    expect(inquiry.message).toContain('syarat membuat KIA');
    expect(new Date(inquiry.replyWindowUntil!).getTime()).toBe(Math.floor(suite.clock.ms / 1000) * 1000 + 24 * HOUR);
    const receipts = suite.meta.sent(phone);
    expect(receipts).toHaveLength(1);
    expect(receipts[0].body).toMatchObject({ messaging_product: 'whatsapp', to: phone.slice(1), type: 'text' });
    const text = (receipts[0].body.text as { body: string }).body;
    expect(text).toContain(inquiry.code);
    expect(text).toMatch(/https:\/\/layanan\.example\.go\.id\/lacak\/.+\?token=/);
    expect((await messagesOf(inquiry.id)).map((m) => `${m.direction}:${m.purpose}:${m.status}`)).toEqual(['in:question:received', 'out:receipt:sent']);
  });

  it('handles every item of a batch: three citizens in one delivery are three inquiries', async () => {
    const phones = [citizen(), citizen(), citizen()];
    await deliver(suite.meta.webhook('whatsapp_business_account', ...phones.map((from, i) => suite.meta.waMessage({ from, text: `Pertanyaan ${i + 1} tentang akta kelahiran` }))));
    for (const phone of phones) expect(await inquiriesOf(phone)).toHaveLength(1);
  });

  it('fifty deliveries at once, ten of them twice, are each answered once stored, gathered into few INSERTs: one inquiry per citizen', async () => {
    const phones = Array.from({ length: 40 }, () => citizen());
    const raws = phones.map((from) => suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from, text: 'Apa syarat pindah datang antar kota?' })));
    const deliveries = [...raws, ...raws.slice(0, 10)];
    const before = await inboxCount();
    const inbox = suite.app.strapi.plugin('channels').service('inbox');
    const storing = jest.spyOn(inbox, 'storeMany');
    let inserts = 0;
    const countInserts = (query: { sql: string }) => {
      if (/^insert into .channel_inbox./i.test(query.sql)) inserts += 1;
    };
    suite.app.strapi.db.connection.on('query', countInserts);
    // On SQLite every store waits for the one connection while this transaction holds it, as it would behind processing.
    let release: () => void = () => {};
    const held = kind === 'sqlite' ? suite.app.strapi.db.transaction(() => new Promise<void>((resolve) => (release = resolve))) : Promise.resolve();
    try {
      const responses = Promise.all(deliveries.map((raw) => post(raw).expect(200)));
      await waitFor(() => storing.mock.calls.length === deliveries.length, 10_000, 'every delivery handed to the inbox');
      release();
      await held;
      const bodies = (await responses).map((res) => res.body as { received: number; stored: number });
      expect(bodies.every((body) => body.received === 1)).toBe(true);
      expect(bodies.reduce((sum, body) => sum + body.stored, 0)).toBe(phones.length);
    } finally {
      release();
      await held;
      suite.app.strapi.db.connection.off('query', countInserts);
      storing.mockRestore();
    }
    expect(await inboxCount()).toBe(before + phones.length);
    expect(inserts).toBeLessThanOrEqual(kind === 'sqlite' ? 1 : deliveries.length / 2);
    await suite.app.strapi.plugin('channels').service('meta').processPending();
    for (const phone of phones) expect(await inquiriesOf(phone)).toHaveLength(1);
  });

  it('a later message from the same number joins the open request, with no second receipt', async () => {
    const phone = citizen();
    await deliver(suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: phone, text: 'Bagaimana cara mengurus akta kematian?' })));
    await deliver(suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: phone, message: { type: 'image', image: { id: '1234567890', mime_type: 'image/jpeg', caption: 'Ini foto surat keterangan dari desa' } } })));
    const [inquiry, ...more] = await inquiriesOf(phone);
    expect(more).toHaveLength(0);
    expect((await messagesOf(inquiry.id)).map((m) => `${m.direction}:${m.purpose}`)).toEqual(['in:question', 'out:receipt', 'in:follow_up']);
    expect(suite.meta.sent(phone)).toHaveLength(1);
  });

  it('the answer goes as a reply to the citizen’s question; statuses count in any order and twice, and “delivered” is step 4 done', async () => {
    const phone = citizen();
    const question = suite.meta.waMessage({ from: phone, text: 'Jam buka pelayanan hari Sabtu?' });
    await deliver(suite.meta.webhook('whatsapp_business_account', question));
    const [inquiry] = await inquiriesOf(phone);
    await answer(inquiry.documentId, 'Pelayanan hari Sabtu buka pukul 08.00 sampai 12.00 WIB.');
    await drain(suite.app, suite.clock, { maxRounds: 500 });
    const sent = suite.meta.sent(phone).at(-1)!;
    expect(sent.body).toMatchObject({ type: 'text', context: { message_id: question.id } });
    expect((sent.body.text as { body: string }).body).toContain('08.00 sampai 12.00');
    expect((await inquiriesOf(phone))[0].answerDelivery).toBe('sending');

    const report = (status: 'sent' | 'delivered' | 'read') => suite.meta.waStatus({ id: sent.id!, status, to: phone });
    await deliver(suite.meta.webhook('whatsapp_business_account', report('read')));
    await deliver(suite.meta.webhook('whatsapp_business_account', report('delivered'), report('sent')));
    await deliver(suite.meta.webhook('whatsapp_business_account', report('read')));
    const messages = await messagesOf(inquiry.id);
    expect(messages.at(-1)).toMatchObject({ purpose: 'answer', status: 'read' });
    expect((await inquiriesOf(phone))[0].answerDelivery).toBe('delivered');
  });

  it('after 24 hours the answer goes as the approved template with the code and tracking link; if that fails too it becomes the officer’s task', async () => {
    const phone = citizen();
    await deliver(suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: phone, text: 'Apakah bisa cetak ulang KK yang rusak?' })));
    const [inquiry] = await inquiriesOf(phone);
    suite.clock.advance(30 * HOUR);
    await answer(inquiry.documentId, 'Bisa, bawa KK yang rusak ke loket 3.');
    await drain(suite.app, suite.clock, { maxRounds: 500 });
    const template = suite.meta.sent(phone).at(-1)!;
    expect(template.body).toMatchObject({ type: 'template', template: { name: 'jawaban_tersedia', language: { code: 'id' } } });
    expect(JSON.stringify(template.body)).toContain(inquiry.code);

    const other = citizen();
    await deliver(suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: other, text: 'Syarat pindah datang?' })));
    const [second] = await inquiriesOf(other);
    suite.clock.advance(30 * HOUR);
    suite.meta.fail({ kind: 'error', status: 400, code: 132001, message: 'Template name does not exist in the translation' });
    await answer(second.documentId, 'Bawa surat pindah dari daerah asal.');
    await drain(suite.app, suite.clock, { maxRounds: 500 });
    const after = (await inquiriesOf(other))[0];
    expect(after.answerDelivery).toBe('officer_task');
    expect(after.answerDeliveryNote).toContain('132001');
    expect(after.answerDeliveryNote).toMatch(/kanal lain/);
  });

  it('a citizen whose number is not on WhatsApp: the answer fails with a cause the officer can act on', async () => {
    const phone = citizen();
    await deliver(suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: phone, text: 'Apakah KTP-el bisa diurus online?' })));
    const [inquiry] = await inquiriesOf(phone);
    suite.meta.fail({ kind: 'error', status: 400, code: 131026, message: 'Message undeliverable' });
    await answer(inquiry.documentId, 'Bisa lewat aplikasi IKD.');
    await drain(suite.app, suite.clock, { maxRounds: 500 });
    const after = (await inquiriesOf(phone))[0];
    expect(after.answerDelivery).toBe('failed');
    expect(after.answerDeliveryNote).toMatch(/kanal lain/);
  });

  it('an expired access token holds the whole channel and tells the officers; nothing is lost, and it all goes once reconnected', async () => {
    const phone = citizen();
    suite.meta.fail({ kind: 'error', status: 401, code: 190, message: 'Error validating access token: Session has expired', remaining: 1000 });
    await post(suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: phone, text: 'Kapan KTP-el saya jadi?' }))).expect(200);
    await suite.app.strapi.plugin('channels').service('meta').processPending();
    await drain(suite.app, suite.clock, { until: suite.clock.ms + 10 * 60_000, maxRounds: 500 });
    const row = () => suite.app.strapi.db.query('api::notification.notification').findOne({ where: { channel: 'whatsapp-api', recipient: phone } }) as Promise<{ status: string; attempts: number }>;
    expect(await row()).toMatchObject({ status: 'pending', attempts: 0 });
    const held = await suite.app.http.get('/api/notifications/failed').set(suite.officer.auth).expect(200);
    expect(held.body.meta.troubles).toEqual([expect.objectContaining({ channel: 'whatsapp-api', kind: 'auth', cause: expect.stringContaining('190') })]);
    suite.meta.clearFaults();
    await drain(suite.app, suite.clock, { maxRounds: 500 });
    expect(await row()).toMatchObject({ status: 'sent' });
    expect(suite.meta.sent(phone)).toHaveLength(1);
    expect((await suite.app.http.get('/api/notifications/failed').set(suite.officer.auth).expect(200)).body.meta.troubles).toEqual([]);
  });

  it('paces a burst to one citizen six seconds apart, and waits out Meta’s pair-rate refusal without sending anything twice', async () => {
    const phone = citizen();
    await deliver(suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: phone, text: 'Berkas apa saja untuk KK baru?' })));
    const [inquiry] = await inquiriesOf(phone);
    suite.meta.fail({ kind: 'error', status: 400, code: 131056, message: '(Business Account, Consumer Account) pair rate limit hit' });
    for (const text of ['Mohon kirim foto KK lama.', 'Mohon kirim foto buku nikah.', 'Mohon kirim foto KTP-el suami dan istri.']) {
      await suite.app.http.post(`/api/channels/inquiries/${inquiry.documentId}/messages`).set(suite.officer.auth).send({ data: { text } }).expect(202);
    }
    await drain(suite.app, suite.clock, { maxRounds: 500 });
    const sends = suite.meta.calls.filter((c) => c.body.to === phone.slice(1));
    expect(sends.map((c) => c.outcome)).toEqual(['ok', 'error', 'ok', 'ok', 'ok']);
    const delivered = sends.filter((c) => c.outcome === 'ok');
    for (let i = 1; i < delivered.length; i += 1) expect(delivered[i].at - delivered[i - 1].at).toBeGreaterThanOrEqual(6000);
    expect(delivered.slice(1).map((c) => (c.body.text as { body: string }).body.split('\n\n')[1])).toEqual(['Mohon kirim foto KK lama.', 'Mohon kirim foto buku nikah.', 'Mohon kirim foto KTP-el suami dan istri.']);
  });

  it('a send cut off after Meta took it is settled by the status that carries its row id, and never sent twice', async () => {
    const phone = citizen();
    suite.meta.fail({ kind: 'reset-after' });
    await deliver(suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: phone, text: 'Bagaimana cara daftar antrean online?' })));
    const cut = suite.meta.calls.filter((c) => c.body.to === phone.slice(1));
    expect(cut.map((c) => c.outcome)).toEqual(['reset']);
    const [inquiry] = await inquiriesOf(phone);
    const row = (await suite.app.strapi.db.query('api::notification.notification').findOne({ where: { channel: 'whatsapp-api', recipient: phone } })) as { id: number; status: string };
    expect(row.status).toBe('failed');
    await deliver(suite.meta.webhook('whatsapp_business_account', suite.meta.waStatus({ id: cut[0].id!, status: 'delivered', to: phone, opaque: String(row.id) })));
    expect(await suite.app.strapi.db.query('api::notification.notification').findOne({ where: { id: row.id } })).toMatchObject({ status: 'sent' });
    expect((await messagesOf(inquiry.id)).map((m) => `${m.purpose}:${m.status}`)).toEqual(['question:received', 'receipt:delivered']);
    expect(suite.meta.calls.filter((c) => c.body.to === phone.slice(1))).toHaveLength(1);
  });

  it('acknowledges what it does not serve (another number, an unknown object, no items) and stores none of it', async () => {
    const before = await inboxCount();
    const foreign = JSON.parse(suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: citizen() })));
    foreign.entry[0].changes[0].value.metadata.phone_number_id = '999999999999';
    for (const body of [JSON.stringify(foreign), JSON.stringify({ object: 'user', entry: [{ id: '1', changes: [{ field: 'feed', value: {} }] }] }), JSON.stringify({ object: 'whatsapp_business_account', entry: 'x' }), '{}', '[]']) {
      await post(body).expect(200);
    }
    expect(await inboxCount()).toBe(before);
    await post('{"object": ').expect(400);
    expect(PHONE_NUMBER_ID).not.toBe('999999999999');
  });

  it('the officer sees who wrote, masked, and a request from the same number on another channel as a suggestion only', async () => {
    const phone = citizen();
    const walkIn = await suite.app.http.post('/api/inquiries').set(suite.officer.auth).send(buildOfficerInquiry({ applicant: { name: 'Budi', phone: `0${phone.slice(3)}` } })).expect(201);
    await deliver(suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: phone, name: 'Budi S', text: 'Saya yang kemarin datang, bagaimana kelanjutannya?' })));
    const [inquiry] = await inquiriesOf(phone);
    const res = await suite.app.http.get(`/api/channels/inquiries/${inquiry.documentId}/contact`).set(suite.officer.auth).expect(200);
    expect(res.body.data.contact).toMatchObject({ channel: 'whatsapp', displayName: 'Budi S' });
    expect(JSON.stringify(res.body)).not.toContain(phone.slice(3));
    expect(res.body.data.suggested.map((i: { code: string }) => i.code)).toEqual([walkIn.body.data.code]);
    expect(await inquiriesOf(phone)).toHaveLength(1);
  });

  it('a message stored while the previous one is being processed is processed too, without waiting for another delivery', async () => {
    const [first, second] = [citizen(), citizen()];
    const intake = suite.app.strapi.plugin('channels').service('intake');
    const receive = intake.receive;
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    intake.receive = async (...args: Parameters<typeof receive>) => {
      await gate;
      return receive.apply(intake, args);
    };
    try {
      await post(suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: first, text: 'Pertanyaan pertama pagi ini.' }))).expect(200);
      await post(suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: second, text: 'Pertanyaan kedua pagi ini.' }))).expect(200);
      open();
      await waitFor(async () => (await inquiriesOf(first)).length === 1, 10_000, 'the first message to become a request');
      await waitFor(async () => (await inquiriesOf(second)).length === 1, 10_000, 'the second message to become a request');
    } finally {
      intake.receive = receive;
      open();
    }
  });

  it('a message stored before a crash, and not yet processed, is one inquiry after the restart', async () => {
    const phone = citizen();
    const raw = suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: phone, text: 'Mohon info syarat legalisir akta.' }));
    const intake = suite.app.strapi.plugin('channels').service('intake');
    const receive = intake.receive;
    intake.receive = async () => {
      throw new Error('the process died here');
    };
    try {
      await post(raw).expect(200);
      await suite.app.strapi.plugin('channels').service('meta').processPending();
    } finally {
      intake.receive = receive;
    }
    expect(await inquiriesOf(phone)).toHaveLength(0);
    await restart();
    await waitFor(async () => (await inquiriesOf(phone)).length === 1, 15_000, 'the stored message to become an inquiry');
    await post(raw).expect(200);
    await suite.app.strapi.plugin('channels').service('meta').processPending();
    expect(await inquiriesOf(phone)).toHaveLength(1);
  });
});
