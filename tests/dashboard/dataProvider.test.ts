import { parse } from 'qs';
import { createDataProvider } from '../../dashboard/src/providers/dataProvider';

interface Call {
  url: string;
  options: { method?: string; body?: string };
}

/** A fetchJson stand-in that records each request and answers like Strapi would. */
function fakeStrapi(answer: (call: Call) => unknown) {
  const calls: Call[] = [];
  const fetchJson = async (url: string, options: Call['options'] = {}) => {
    const call = { url, options };
    calls.push(call);
    return { status: 200, headers: new Headers(), body: '', json: answer(call) };
  };
  return { calls, provider: createDataProvider(fetchJson as never) };
}

const row = (documentId: string, extra: object = {}) => ({ id: 1, documentId, ...extra });

describe('the data provider wrapping ra-strapi', () => {
  it('pages getMany past Strapi’s default page of 25, in chunks of 100 ids', async () => {
    const ids = Array.from({ length: 130 }, (_, i) => `doc${i}`);
    const { calls, provider } = fakeStrapi((call) => {
      // Strapi reads query strings with qs and arrayLimit 100: a longer $in list would arrive as an object.
      const query = parse(call.url.split('?')[1], { arrayLimit: 100 });
      const asked = (query.filters as { documentId: { $in: string[] } }).documentId.$in;
      return { data: asked.map((id) => row(id)), meta: { pagination: { total: asked.length } } };
    });
    const { data } = await provider.getMany('inquiries', { ids });
    expect(data.map((record) => record.id)).toEqual(ids);
    expect(calls).toHaveLength(2);
    for (const call of calls) expect(parse(call.url.split('?')[1]).pagination).toEqual({ page: '1', pageSize: '100' });
  });

  it('reads the SOP policy’s office-hours rows as the weekly hours the countdown counts with', async () => {
    const { provider } = fakeStrapi(() => ({
      data: {
        triageMinutes: 15,
        clockMode: 'working',
        officeHours: [
          { id: 2, day: 'senin', opensAt: '13:00:00', closesAt: '16:00:00' },
          { id: 1, day: 'senin', opensAt: '08:00:00.000', closesAt: '12:00:00.000' },
          { id: 3, day: 'sabtu', opensAt: '08:00:00.000', closesAt: '11:30:00.000' },
        ],
      },
    }));
    const policy = await provider.getSopPolicy();
    expect(policy.officeHours).toEqual([[], [{ start: 480, end: 720 }, { start: 780, end: 960 }], [], [], [], [], [{ start: 480, end: 690 }]]);
  });

  it('reads the documentId as the record id and keeps populated relations', async () => {
    const { provider } = fakeStrapi(() => ({ data: [row('abc', { code: 'INF-2611-00001', division: { documentId: 'd1', name: 'Bidang Pendaftaran Penduduk', code: 'DAFDUK' } })], meta: { pagination: { total: 1 } } }));
    const { data, total } = await provider.getList('inquiries', { pagination: { page: 1, perPage: 25 }, sort: { field: 'receivedAt', order: 'DESC' }, filter: {} });
    expect(total).toBe(1);
    expect(data[0]).toMatchObject({ id: 'abc', code: 'INF-2611-00001', division: { code: 'DAFDUK' } });
  });

  it('sends updateMany in the {data} envelope, one PUT per record', async () => {
    const { calls, provider } = fakeStrapi((call) => ({ data: row(call.url.split('/').pop()!) }));
    const { data } = await provider.updateMany('faq-entries', { ids: ['a', 'b'], data: { question: 'Baru?' } });
    expect(data).toEqual(['a', 'b']);
    expect(calls.map((c) => [c.options.method, c.url, JSON.parse(c.options.body!)])).toEqual([
      ['PUT', '/api/faq-entries/a', { data: { question: 'Baru?' } }],
      ['PUT', '/api/faq-entries/b', { data: { question: 'Baru?' } }],
    ]);
  });

  it('keeps an inquiry edit to its descriptive fields, without the component id Strapi returns', async () => {
    const { calls, provider } = fakeStrapi(() => ({ data: row('abc') }));
    await provider.update('inquiries', {
      id: 'abc',
      previousData: { id: 'abc' },
      data: { id: 'abc', status: 'closed', code: 'X', subject: 'Judul baru', applicant: { id: 7, name: 'Siti Aminah' } },
    });
    expect(JSON.parse(calls[0].options.body!)).toEqual({ data: { subject: 'Judul baru', applicant: { name: 'Siti Aminah' } } });
  });

  it.each([
    ['triageInquiry', 'triage', { division: 'd1', note: 'KTP' }],
    ['coordinateInquiry', 'coordinate', { information: 'Syarat: KK asli.' }],
    ['answerInquiry', 'answer', { answer: 'Silakan datang.', faqEntry: 'f1' }],
    ['closeInquiry', 'close', { reason: 'Selesai' }],
    ['rejectInquiry', 'reject', { reason: 'Spam' }],
    ['confirmDelivery', 'delivered', { how: 'Disampaikan langsung di loket', at: '2026-11-03T03:15:00.000Z' }],
  ] as const)('%s posts to the %s action route in the envelope', async (method, action, input) => {
    const { calls, provider } = fakeStrapi(() => ({ data: row('abc', { status: 'triaged' }) }));
    const result = await (provider[method] as (id: string, input: object) => Promise<{ id: string }>)('abc', input);
    expect(result.id).toBe('abc');
    expect(calls[0]).toEqual({ url: `/api/inquiries/abc/${action}`, options: { method: 'POST', body: JSON.stringify({ data: input }) } });
  });

  it('reads the timeline from the events route', async () => {
    const events = [{ documentId: 'e1', type: 'created', actorType: 'public', at: '2026-11-03T02:00:00.000Z' }];
    const { calls, provider } = fakeStrapi(() => ({ data: events, meta: { total: 1 } }));
    await expect(provider.getEvents('abc')).resolves.toEqual(events);
    expect(calls[0].url).toBe('/api/inquiries/abc/events');
  });

  it('reads the conversation of an inquiry from the channels routes', async () => {
    const messages = [
      { documentId: 'm1', direction: 'in', channel: 'email', purpose: 'question', status: 'received', statusAt: null, cause: null, text: 'Syarat KIA?', attachments: null, at: '2026-11-03T02:00:00.000Z' },
    ];
    const { calls, provider } = fakeStrapi(() => ({ data: messages, meta: { total: 1 } }));
    await expect(provider.getMessages('a/b')).resolves.toEqual(messages);
    expect(calls[0].url).toBe('/api/channels/inquiries/a%2Fb/messages');
  });

  it('reads where the answer will go, and nothing when the server knows no plan', async () => {
    const plan = { mode: 'adapter', channel: 'email', medium: 'email', address: 's***@gmail.com' };
    const { calls, provider } = fakeStrapi(() => ({ data: plan }));
    await expect(provider.getDeliveryPlan('abc')).resolves.toEqual(plan);
    expect(calls[0].url).toBe('/api/channels/inquiries/abc/delivery');
    const none = fakeStrapi(() => ({ data: null }));
    await expect(none.provider.getDeliveryPlan('abc')).resolves.toBeNull();
  });

  it('sends the citizen a message in the envelope and hands back what the outbox queued', async () => {
    const queued = { status: 'queued', channel: 'email', address: 's***@gmail.com' };
    const { calls, provider } = fakeStrapi(() => ({ data: queued }));
    await expect(provider.sendMessage('abc', { text: 'Mohon kirim foto KK.' })).resolves.toEqual(queued);
    expect(calls[0]).toEqual({ url: '/api/channels/inquiries/abc/messages', options: { method: 'POST', body: JSON.stringify({ data: { text: 'Mohon kirim foto KK.' } }) } });
  });
});
