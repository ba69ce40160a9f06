import { databases } from '../helpers/strapi';
import { INSTAGRAM_ID } from '../helpers/fake-meta';
import { useMetaSuite } from '../helpers/meta';
import { drain } from '../helpers/telegram';

const INQUIRY = 'api::inquiry.inquiry';
const MESSAGE = 'plugin::channels.message';
const HOUR = 3600_000;
const DAY = 24 * HOUR;

type Suite = ReturnType<typeof useMetaSuite>;

function helpers({ suite }: Suite) {
  let person = 0;
  return {
    psid: () => `9${String((person += 1)).padStart(15, '0')}`,
    phone: () => `+6281377${String((person += 1)).padStart(5, '0')}`,
    inquiryOf: async (channel: string, address: string) =>
      (await suite.app.strapi.db.query(INQUIRY).findOne({ where: { channel, applicant: { replyAddress: address } } })) as { id: number; documentId: string; code: string; answerDelivery: string | null; answerDeliveryNote: string | null },
    messagesOf: async (inquiryId: number) => ((await suite.app.strapi.db.query(MESSAGE).findMany({ where: { inquiry: { id: inquiryId } }, orderBy: { id: 'asc' } })) as { direction: string; purpose: string; status: string }[]).map((m) => `${m.direction}:${m.purpose}:${m.status}`),
  };
}

describe.each(databases())('Messenger with Meta’s Human Agent permission (META_HUMAN_AGENT_TAG=true), on %s', (kind) => {
  const meta = useMetaSuite(kind, { env: { META_HUMAN_AGENT_TAG: 'true' } });
  const { suite, deliver, answer } = meta;
  const { psid, inquiryOf } = helpers(meta);

  it('an answer a day and a half later goes with the HUMAN_AGENT tag; after seven days it is the officer’s task', async () => {
    const late = psid();
    await deliver(suite.meta.webhook('page', suite.meta.dm({ platform: 'page', from: late, text: 'Kapan KTP-el saya bisa diambil?' })));
    suite.clock.advance(36 * HOUR);
    await answer((await inquiryOf('facebook', late)).documentId, 'KTP-el Anda sudah bisa diambil di loket 2.');
    await drain(suite.app, suite.clock, { maxRounds: 500 });
    expect(suite.meta.sent(late).at(-1)!.body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', recipient: { id: late } });
    expect((await inquiryOf('facebook', late)).answerDelivery).toBe('sending');

    const tooLate = psid();
    await deliver(suite.meta.webhook('page', suite.meta.dm({ platform: 'page', from: tooLate, text: 'Syarat akta kematian?' })));
    suite.clock.advance(8 * DAY);
    await answer((await inquiryOf('facebook', tooLate)).documentId, 'Surat keterangan kematian dari kelurahan.');
    await drain(suite.app, suite.clock, { maxRounds: 500 });
    expect(suite.meta.sent(tooLate)).toHaveLength(1);
    expect((await inquiryOf('facebook', tooLate)).answerDelivery).toBe('officer_task');
  });
});

describe.each(databases())('the Meta webhook’s edges, on %s', (kind) => {
  const meta = useMetaSuite(kind);
  const { suite, post, deliver, answer } = meta;
  const { psid, phone, inquiryOf, messagesOf } = helpers(meta);

  it('without the Human Agent permission a Messenger answer after 24 hours is the officer’s task, never a tagged send', async () => {
    const from = psid();
    await deliver(suite.meta.webhook('page', suite.meta.dm({ platform: 'page', from, text: 'Apakah bisa cetak KIA hari Sabtu?' })));
    suite.clock.advance(30 * HOUR);
    await answer((await inquiryOf('facebook', from)).documentId, 'Bisa, pukul 08.00–12.00.');
    await drain(suite.app, suite.clock, { maxRounds: 500 });
    expect(suite.meta.calls.filter((c) => (c.body.recipient as { id?: string })?.id === from).map((c) => c.body.messaging_type)).toEqual(['RESPONSE']);
    expect((await inquiryOf('facebook', from)).answerDelivery).toBe('officer_task');
  });

  it('WhatsApp refuses a free-form answer with 131047 although our clock says the window is open: the answer goes as the template', async () => {
    const from = phone();
    await deliver(suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from, text: 'Apakah akta kelahiran bisa dicetak ulang?' })));
    const inquiry = await inquiryOf('whatsapp', from);
    suite.meta.fail({ kind: 'error', status: 400, code: 131047, message: 'Re-engagement message' });
    await answer(inquiry.documentId, 'Bisa, bawa akta lama dan KK.');
    await drain(suite.app, suite.clock, { maxRounds: 500 });
    const tried = suite.meta.calls.filter((c) => c.body.to === from.slice(1)).map((c) => `${c.body.type}:${c.outcome}`);
    expect(tried).toEqual(['text:ok', 'text:error', 'template:ok']);
    expect((await inquiryOf('whatsapp', from)).answerDelivery).toBe('sending');
  });

  it('Instagram, the whole path: a message becomes a request, the receipt and the answer go on Instagram, the echo of our own send is not a message, seen marks them read', async () => {
    const from = psid();
    await deliver(suite.meta.webhook('instagram', suite.meta.dm({ platform: 'instagram', from, text: 'Min, perekaman KTP-el buka hari apa saja?' })));
    const inquiry = await inquiryOf('instagram', from);
    const [receipt] = suite.meta.sent(from);
    expect(receipt).toMatchObject({ account: INSTAGRAM_ID, body: { recipient: { id: from }, messaging_type: 'RESPONSE' } });
    expect(JSON.stringify(receipt.body)).toContain(inquiry.code);
    await deliver(suite.meta.webhook('instagram', suite.meta.dm({ platform: 'instagram', from, mid: receipt.id!, text: 'echo', echo: { metadata: String((receipt.body.message as { metadata: string }).metadata) } })));
    await answer(inquiry.documentId, 'Senin sampai Jumat, 08.00–15.00.');
    await drain(suite.app, suite.clock, { maxRounds: 500 });
    const sent = suite.meta.sent(from).at(-1)!;
    expect((sent.body.message as { text: string }).text).toContain('Senin sampai Jumat');
    await deliver(suite.meta.webhook('instagram', suite.meta.dm({ platform: 'instagram', from, mid: sent.id!, text: 'echo', echo: { metadata: String((sent.body.message as { metadata: string }).metadata) } })));
    await deliver(suite.meta.webhook('instagram', suite.meta.receipt({ platform: 'instagram', from, kind: 'read', watermark: suite.clock.ms + 1000 })));
    expect(await messagesOf(inquiry.id)).toEqual(['in:question:received', 'out:receipt:read', 'out:answer:read']);
    expect(await suite.app.strapi.db.query(INQUIRY).count({ where: { channel: 'instagram', applicant: { replyAddress: from } } })).toBe(1);
  });

  const wa = (value: unknown) => JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '0', changes: [{ field: 'messages', value }] }] });
  const MALFORMED: [string, string][] = [
    ['an array', '[]'],
    ['a string', '"halo"'],
    ['no entry', '{"object":"page"}'],
    ['entry not a list', '{"object":"instagram","entry":{"messaging":[]}}'],
    ['a change whose value is null', wa(null)],
    ['messages not a list', wa({ metadata: { phone_number_id: '106540352242922' }, messages: 'x' })],
    ['a message without an id', wa({ metadata: { phone_number_id: '106540352242922' }, messages: [{ from: '628123', type: 'text', text: { body: 'x' } }] })],
    ['a message of numbers and nulls', wa({ metadata: { phone_number_id: '106540352242922' }, messages: [{ id: 'wamid.bad1', from: null, type: 7, text: null, timestamp: 'kemarin' }] })],
    ['a status without its state', wa({ metadata: { phone_number_id: '106540352242922' }, statuses: [{ id: 'wamid.x' }] })],
    ['a Messenger event without a sender', JSON.stringify({ object: 'page', entry: [{ id: '102938475610293', messaging: [{ message: { mid: 'm_bad', text: 'x' } }] }] })],
    ['a NUL and an endless key', wa({ metadata: { phone_number_id: '106540352242922' }, messages: [{ id: `wamid.${'x'.repeat(5000)}`, from: '6281', type: 'text', text: { body: 'a\u0000b' } }] })],
  ];

  it.each(MALFORMED)('%s is acknowledged (or refused) without a 5xx, and nothing stored from it fails to process', async (_what, raw) => {
    const res = await post(raw);
    expect(res.status).toBeLessThan(500);
    await suite.app.strapi.plugin('channels').service('meta').processPending();
    const failed = await suite.app.strapi.db.connection('channel_inbox').where('attempts', '>', 0).count({ n: '*' }).first();
    expect(Number(failed?.n)).toBe(0);
  });

  it('a body that is not JSON, or not sent as JSON, is a 400 with a reason; a signed empty delivery is acknowledged', async () => {
    const broken = await post('{"object": "page", "entry": [');
    expect(broken.status).toBe(400);
    const text = await suite.app.http.post('/api/channels/meta/webhook').set('content-type', 'text/plain').set('x-hub-signature-256', suite.meta.sign('halo')).send('halo');
    expect(text.status).toBeGreaterThanOrEqual(400);
    expect(text.status).toBeLessThan(500);
    expect(text.body.error?.message).toEqual(expect.any(String));
    expect((await post('', suite.meta.sign('')).expect(200)).body).toMatchObject({ received: 0, stored: 0 });
  });

  it('a body over 256 KB is a 413, a compressed one a 400, each with a reason, and neither stores anything', async () => {
    const inbox = async () => Number((await suite.app.strapi.db.connection('channel_inbox').count({ n: '*' }).first())?.n);
    const before = await inbox();
    const huge = suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: '6281300000999', text: 'x'.repeat(300 * 1024) }));
    const tooLarge = await post(huge).expect(413);
    expect(tooLarge.body.error.message).toBe('Isi webhook terlalu besar (paling banyak 256 KB).');
    const raw = suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: '6281300000998', text: 'Halo' }));
    const gzipped = await post(raw).set('content-encoding', 'gzip').expect(400);
    expect(gzipped.body.error.message).toBe('Isi webhook harus JSON tanpa kompresi.');
    expect(await inbox()).toBe(before);
  });

  it('the request log gives the first delivery its line, a refused one its own, and sums up the rest when the minute ends or the server stops; no body, no number', async () => {
    const lines: string[] = [];
    /** Every line this server logs from now on; gives back what puts its logger as it was. */
    const capture = () => {
      const log = suite.app.strapi.log as unknown as Record<string, (...args: unknown[]) => unknown>;
      const originals = Object.fromEntries(['error', 'warn', 'info', 'http'].map((level) => [level, log[level]]));
      for (const level of Object.keys(originals)) log[level] = (...args: unknown[]) => lines.push(`${level} ${args.map(String).join(' ')}`);
      return () => Object.assign(log, originals);
    };
    const from = phone();
    // Another test's deliveries may have opened the minute already: a restart starts it afresh.
    await meta.restart();
    const release = capture();
    try {
      const raw = (text: string) => suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from, text }));
      await post(raw('Syarat KIA apa saja?')).expect(200);
      await post(raw('Untuk anak umur 3 tahun.')).expect(200);
      await post(raw('Terima kasih.')).expect(200);
      await post(raw('Tanda tangan palsu'), 'sha256=00').expect(403);
      const webhookLines = () => lines.filter((line) => line.includes('/api/channels/meta/webhook'));
      expect(webhookLines()).toEqual([expect.stringMatching(/^http POST \/api\/channels\/meta\/webhook \(\d+ ms\) 200$/), expect.stringMatching(/^http POST \/api\/channels\/meta\/webhook \(\d+ ms\) 403$/)]);
      await meta.restart();
      expect(webhookLines()[2]).toMatch(/^http POST \/api\/channels\/meta\/webhook: 3 kiriman lagi dalam semenit terakhir \(200: 2, 403: 1\), terlama \d+ ms$/);
    } finally {
      release();
    }
    expect(lines.join('\n')).not.toMatch(new RegExp(`${from.slice(3)}|Syarat KIA|Terima kasih`));
  });

  it('working off a stored backlog lets the server read new requests between items, instead of holding it until the end', async () => {
    const meta = suite.app.strapi.plugin('channels').service('meta');
    const inbox = () => suite.app.strapi.db.connection('channel_inbox');
    for (let i = 0; i < 5; i += 1) {
      await post(suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: `62813000010${i}`, text: 'Syarat pindah datang apa saja?' }))).expect(200);
    }
    await meta.processPending();
    // A backlog, as a restart finds one: the five items stored, none processed.
    const ids = ((await inbox().select('id').orderBy('id', 'desc').limit(5)) as { id: number }[]).map((row) => row.id);
    await inbox().whereIn('id', ids).update({ processed_at: null });
    let finished = false;
    let readMeanwhile: boolean | null = null;
    const run = meta.processPending().then(() => {
      finished = true;
    });
    // What the server does when a request arrives: an I/O callback, run once the loop gets to it.
    setImmediate(() => {
      readMeanwhile = !finished;
    });
    await run;
    expect(readMeanwhile).toBe(true);
    expect(Number((await inbox().whereIn('id', ids).whereNotNull('processed_at').count({ n: '*' }).first())?.n)).toBe(5);
  });
});
