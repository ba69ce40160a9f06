import { LaporConfigError, isLaporSender, readLaporConfig, validateLaporEnv } from '../../plugins/channels/src/lapor/config';
import { manualAdapter } from '../../plugins/channels/src/lapor/adapter';
import { LaporApiError, classifyLaporError, createLaporApi } from '../../plugins/channels/src/lapor/api';
import { FakeLapor, LAPOR_TOKEN } from '../helpers/fake-lapor';

const problemsOf = (env: Record<string, string>) => {
  try {
    validateLaporEnv(env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(LaporConfigError);
    return (error as LaporConfigError).problems;
  }
};

describe('SP4N-LAPOR! settings', () => {
  it('is manual with no settings at all: mails from lapor.go.id are LAPOR!’s', () => {
    const config = readLaporConfig({});
    expect(config).toMatchObject({ mode: 'manual', api: null, mailSenders: ['@lapor.go.id'] });
    expect(isLaporSender('noreply@lapor.go.id', config.mailSenders)).toBe(true);
    expect(isLaporSender('budi@gmail.com', config.mailSenders)).toBe(false);
  });

  it('turns the API on only with both the root and the token, and names what is missing', () => {
    expect(readLaporConfig({ LAPOR_API_ROOT: 'https://api.lapor.go.id/v1/', LAPOR_API_TOKEN: 't' })).toMatchObject({ mode: 'api', api: { root: 'https://api.lapor.go.id/v1', token: 't' } });
    expect(problemsOf({ LAPOR_API_ROOT: 'https://api.lapor.go.id' })).toEqual([expect.stringMatching(/LAPOR_API_TOKEN is not set/)]);
    expect(problemsOf({ LAPOR_API_TOKEN: 't' })).toEqual([expect.stringMatching(/LAPOR_API_ROOT is not set/)]);
    expect(problemsOf({ LAPOR_API_ROOT: 'lapor.go.id', LAPOR_API_TOKEN: 't' })).toEqual([expect.stringMatching(/must be an http\(s\) URL/)]);
  });

  it('reads the notification senders as addresses or @domains', () => {
    const { mailSenders } = readLaporConfig({ LAPOR_MAIL_SENDERS: 'Notifikasi@Lapor.go.id, @sp4n.example.go.id' });
    expect(isLaporSender('notifikasi@lapor.go.id', mailSenders)).toBe(true);
    expect(isLaporSender('admin@sp4n.example.go.id', mailSenders)).toBe(true);
    expect(isLaporSender('other@lapor.go.id', mailSenders)).toBe(false);
    expect(problemsOf({ LAPOR_MAIL_SENDERS: 'lapor' })).toEqual([expect.stringMatching(/LAPOR_MAIL_SENDERS/)]);
  });

  it('the manual adapter fetches nothing and leaves follow-ups to the officer', async () => {
    expect(await manualAdapter.listNew(new Date())).toEqual([]);
    expect(await manualAdapter.get('4123567')).toBeNull();
    await expect(manualAdapter.postFollowUp('4123567', 'x', { idempotencyKey: 'k' })).rejects.toThrow(/officer/);
  });
});

describe('the LAPOR! API client against a fake LAPOR!', () => {
  let lapor: FakeLapor;
  let api: ReturnType<typeof createLaporApi>;
  beforeAll(async () => {
    lapor = await new FakeLapor().start();
    api = createLaporApi({ root: lapor.root, token: LAPOR_TOKEN, timeoutMs: 2000 });
    lapor.add({ tracking_id: '4123567', title: 'KTP-el belum jadi', content: 'Sudah tiga bulan KTP-el saya belum dicetak.', category: 'Administrasi Kependudukan', classification: 'pengaduan', reported_at: '2026-10-28T01:00:00Z', disposition_at: '2026-10-29T02:00:00Z', reporter: { name: 'Siti Rahayu', email: 'siti@contoh.id' }, status: 'verifikasi' });
    lapor.add({ tracking_id: '4123570', content: 'Akta kelahiran anak saya salah nama.', anonymous: true, reporter: { name: 'Rahasia', email: 'x@y.id' }, disposition_at: '2026-10-30T02:00:00Z' });
    lapor.add({ tracking_id: '4123571', content: 'Antrean perekaman terlalu panjang.', classification: 'aspirasi', disposition_at: '2026-10-31T02:00:00Z' });
  });
  afterAll(() => lapor.stop());

  it('reads a report in our shape, with the bearer token', async () => {
    const report = await api.get('4123567');
    expect(report).toMatchObject({ trackingId: '4123567', title: 'KTP-el belum jadi', classification: 'pengaduan', status: 'verifikasi', reporter: { name: 'Siti Rahayu', email: 'siti@contoh.id', phone: null } });
    expect(report?.dispositionAt?.toISOString()).toBe('2026-10-29T02:00:00.000Z');
    expect(lapor.requests.at(-1)?.authorization).toBe(`Bearer ${LAPOR_TOKEN}`);
    expect(await api.get('9999999')).toBeNull();
  });

  it('keeps no reporter data of an anonymous report, and lists every page of new reports', async () => {
    const reports = await api.listNew(new Date('2026-10-29T00:00:00Z'));
    expect(reports.map((r) => r.trackingId)).toEqual(['4123567', '4123570', '4123571']);
    expect(reports[1].reporter).toEqual({ name: null, email: null, phone: null });
    expect(lapor.requests.filter((r) => r.path.startsWith('/api/v1/reports?')).length).toBe(2);
  });

  it('posts a follow-up once per idempotency key, and reads the status it left', async () => {
    const first = await api.postFollowUp('4123567', 'Yth. Pelapor, KTP-el Anda sudah dicetak.', { idempotencyKey: 'answered:abc' });
    const again = await api.postFollowUp('4123567', 'Yth. Pelapor, KTP-el Anda sudah dicetak.', { idempotencyKey: 'answered:abc' });
    expect(again.id).toBe(first.id);
    expect(lapor.postedCount()).toBe(1);
    expect(await api.status('4123567')).toEqual({ status: 'selesai', at: new Date('2026-11-02T03:00:00Z') });
  });

  it('reads each failure for the outbox: wrong token, rate limit, outage, refusal, no answer', async () => {
    const failure = async (run: () => Promise<unknown>) => run().then(() => null, (error: unknown) => error);
    const wrong = createLaporApi({ root: lapor.root, token: 'salah', timeoutMs: 2000 });
    expect(classifyLaporError(await failure(() => wrong.get('4123567')))).toEqual({ kind: 'auth' });
    lapor.fault({ kind: 'error', status: 429, retryAfter: 7 });
    expect(classifyLaporError(await failure(() => api.postFollowUp('4123570', 'a', { idempotencyKey: 'k1' })))).toEqual({ kind: 'retry-after', ms: 7000 });
    lapor.fault({ kind: 'error', status: 503 });
    expect(classifyLaporError(await failure(() => api.postFollowUp('4123570', 'a', { idempotencyKey: 'k1' })))).toEqual({ kind: 'transient' });
    lapor.fault({ kind: 'error', status: 422 });
    const refused = await failure(() => api.postFollowUp('4123570', 'a', { idempotencyKey: 'k1' }));
    expect(classifyLaporError(refused)).toEqual({ kind: 'permanent' });
    expect((refused as LaporApiError).message).toMatch(/LAPOR! menolak \(422\)/);
    lapor.fault({ kind: 'hang' });
    const hung = createLaporApi({ root: lapor.root, token: LAPOR_TOKEN, timeoutMs: 300 });
    expect(classifyLaporError(await failure(() => hung.postFollowUp('4123570', 'a', { idempotencyKey: 'k2' })))).toEqual({ kind: 'uncertain', retryOnce: true });
    const closed = await new FakeLapor().start();
    const root = closed.root;
    await closed.stop();
    const down = createLaporApi({ root, token: LAPOR_TOKEN, timeoutMs: 2000 });
    expect(classifyLaporError(await failure(() => down.get('4123567')))).toEqual({ kind: 'transient' });
  });
});
