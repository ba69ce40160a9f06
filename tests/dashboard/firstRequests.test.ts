/**
 * @jest-environment jsdom
 */
import { createDataProvider } from '../../dashboard/src/providers/dataProvider';
import { httpClient } from '../../dashboard/src/providers/httpClient';
import { JWT_KEY } from '../../dashboard/src/providers/sessionKeys';
import { FIRST_REQUESTS, FIRST_RESPONSES } from '../../dashboard/src/layout/firstRequests';
import { QUEUE_LIST } from '../../dashboard/src/queue/queueList';

const QUEUE_URL = FIRST_REQUESTS.division_staff![0];
/** What the browser's fetch hands back, as far as the dashboard reads it (jsdom has no Response). */
const jsonResponse = (status: number, body: unknown) =>
  ({
    status,
    ok: status >= 200 && status < 300,
    statusText: String(status),
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => JSON.stringify(body),
  }) as unknown as Response;
const early = () => window as unknown as Record<string, Record<string, Promise<Response>> | undefined>;

let network: jest.Mock;
beforeEach(() => {
  localStorage.setItem(JWT_KEY, 'jwt-staf');
  network = jest.fn(async () => jsonResponse(200, { data: [{ id: 9, documentId: 'lagi', code: 'INF-2' }], meta: { pagination: { total: 1 } } }));
  global.fetch = network as typeof fetch;
});
afterEach(() => {
  delete early()[FIRST_RESPONSES];
  localStorage.clear();
});

describe('the first screen’s request, sent by the staff page before the app has loaded', () => {
  it('is the very request the Bidang’s queue makes, so that the app can take its answer up', async () => {
    const provider = createDataProvider();
    await provider.getList('inquiries', QUEUE_LIST);
    expect(network).toHaveBeenCalledTimes(1);
    expect(String((network.mock.calls[0] as unknown[])[0])).toBe(QUEUE_URL);
  });

  it('answers the queue’s first list without a second request, and only once', async () => {
    early()[FIRST_RESPONSES] = { [QUEUE_URL]: Promise.resolve(jsonResponse(200, { data: [{ id: 1, documentId: 'awal', code: 'INF-1' }], meta: { pagination: { total: 1 } } })) };
    const provider = createDataProvider();
    const first = await provider.getList('inquiries', QUEUE_LIST);
    expect(first.data.map((record) => record.id)).toEqual(['awal']);
    expect(network).not.toHaveBeenCalled();
    const again = await provider.getList('inquiries', QUEUE_LIST);
    expect(again.data.map((record) => record.id)).toEqual(['lagi']);
    expect(network).toHaveBeenCalledTimes(1);
  });

  it('is sent again when the early answer was an error or never came, and the error reads as usual', async () => {
    early()[FIRST_RESPONSES] = { [QUEUE_URL]: Promise.resolve(jsonResponse(401, { error: { status: 401, message: 'Sesi berakhir' } })) };
    network.mockImplementationOnce(async () => jsonResponse(401, { error: { status: 401, message: 'Sesi berakhir' } }));
    await expect(httpClient(QUEUE_URL)).rejects.toMatchObject({ status: 401, message: 'Sesi berakhir' });
    expect(network).toHaveBeenCalledTimes(1);

    early()[FIRST_RESPONSES] = { [QUEUE_URL]: Promise.reject(new TypeError('Failed to fetch')) };
    const { json } = await httpClient(QUEUE_URL);
    expect(json.data[0].documentId).toBe('lagi');
  });

  it('is never taken for a request that writes', async () => {
    early()[FIRST_RESPONSES] = { [QUEUE_URL]: Promise.resolve(jsonResponse(200, { data: [] })) };
    await httpClient(QUEUE_URL, { method: 'POST', body: '{}' });
    expect(network).toHaveBeenCalledTimes(1);
    expect(early()[FIRST_RESPONSES]![QUEUE_URL]).toBeDefined();
  });
});
