import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, countRows, createStaff, type Staff } from '../helpers/builders';
import { FakeLapor } from '../helpers/fake-lapor';
import { drain, virtualClock } from '../helpers/telegram';

const INQUIRY = 'api::inquiry.inquiry';
const EVENT = 'api::inquiry-event.inquiry-event';
const MESSAGE = 'plugin::channels.message';
const OFFICE = 'Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo';

describe.each(databases())('follow-ups posted through the SP4N-LAPOR! API on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let lapor: FakeLapor;
  let officer: Staff;
  let staff: Staff;
  let clock: ReturnType<typeof virtualClock>;
  let ticket = 4_200_000;

  beforeAll(async () => {
    lapor = await new FakeLapor().start();
    db = await createTestDatabase(kind);
    app = await bootApp(db, lapor.env());
    officer = await createStaff(app, 'officer');
    staff = await createStaff(app, 'division_staff', 'DAFDUK');
    // Monday 2 February 2026, 09.00 WIB.
    clock = virtualClock(app, new Date('2026-02-02T02:00:00Z'));
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
    await lapor?.stop();
  });

  /** A LAPOR! report the fake knows, recorded by the officer; the receipt's round is drained. */
  async function recorded(overrides: Record<string, unknown> = {}) {
    const trackingId = String((ticket += 1));
    lapor.add({ tracking_id: trackingId, content: 'KTP-el saya belum dicetak.', status: 'verifikasi' });
    const created = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'lapor_sp4n', externalRef: trackingId, applicant: { name: 'Siti Rahayu' }, ...overrides })).expect(201);
    await drain(app, clock, { maxRounds: 200 });
    return { id: created.body.data.documentId as string, trackingId };
  }
  async function answer(id: string, text: string) {
    clock.advance(10 * 60_000);
    await app.http.post(`/api/inquiries/${id}/answer`).set(officer.auth).send({ data: { answer: text } }).expect(200);
    await drain(app, clock, { maxRounds: 2000 });
  }
  const rowOf = async (id: string) => app.strapi.db.query(INQUIRY).findOne({ where: { documentId: id } });
  const postsFor = (trackingId: string) => lapor.followUps.filter((call) => call.trackingId === trackingId);

  it('an answered LAPOR! request’s follow-up reaches LAPOR! once, with greeting, answer and the Dinas’ name; the answer is delivered and LAPOR!’s status stored', async () => {
    const { id, trackingId } = await recorded();
    // The receipt is no follow-up: nothing reaches LAPOR! before the answer, and no row waits for it.
    expect(postsFor(trackingId)).toEqual([]);
    const row0 = await rowOf(id);
    expect(await app.strapi.db.query('api::notification.notification').count({ where: { channel: 'lapor-api', inquiry: { id: row0.id } } })).toBe(0);

    await answer(id, 'KTP-el Anda sudah dicetak dan dapat diambil di Kantor Kecamatan Mayangan.');

    const [post, ...more] = postsFor(trackingId);
    expect(more).toEqual([]);
    expect(post.outcome).toBe('ok');
    const lines = post.content.split('\n');
    expect(lines[0]).toBe('Yth. Bapak/Ibu Siti Rahayu,');
    expect(post.content).toContain('KTP-el Anda sudah dicetak dan dapat diambil di Kantor Kecamatan Mayangan.');
    expect(lines.slice(-2)).toEqual(['Hormat kami,', OFFICE]);
    expect(post.idempotencyKey).toMatch(/lapor-api$/);

    const row = await rowOf(id);
    expect(row).toMatchObject({ answerDelivery: 'delivered', laporStatus: 'selesai' });
    expect(new Date(row.laporStatusAt).getTime()).toBe(clock.ms);
    const messages = await app.strapi.db.query(MESSAGE).findMany({ where: { inquiry: { id: row.id }, direction: 'out' } });
    expect(messages).toEqual([expect.objectContaining({ channel: 'lapor_sp4n', purpose: 'answer', status: 'sent', text: post.content, externalKey: expect.stringContaining('TL-') })]);
    const types = (await app.strapi.db.query(EVENT).findMany({ where: { inquiry: { id: row.id } }, orderBy: { id: 'asc' } })).map((event: { type: string }) => event.type);
    expect(types).toEqual(expect.arrayContaining(['answer_delivered', 'lapor_status']));
    const plan = (await app.http.get(`/api/channels/inquiries/${id}/delivery`).set(officer.auth).expect(200)).body.data;
    expect(plan).toMatchObject({ mode: 'adapter', medium: 'lapor-api' });
  });

  it('a receipt that names no status: LAPOR!’s status is looked up once after the post', async () => {
    const { id, trackingId } = await recorded();
    lapor.receiptStatus = null;
    try {
      await answer(id, 'Surat pindah sudah terbit.');
    } finally {
      lapor.receiptStatus = 'selesai';
    }
    expect(lapor.requests.filter((r) => r.path === `/api/v1/reports/${trackingId}/status`)).toHaveLength(1);
    expect(await rowOf(id)).toMatchObject({ answerDelivery: 'delivered', laporStatus: 'selesai' });
  });

  it('an anonymous report’s follow-up goes on LAPOR! itself, greeting the reporter without a name', async () => {
    const { id, trackingId } = await recorded({ applicant: { name: 'Pelapor anonim (SP4N-LAPOR!)' } });
    await answer(id, 'Antrean online sudah diperbaiki.');
    expect(postsFor(trackingId).map((call) => call.content.split('\n')[0])).toEqual(['Yth. Pelapor,']);
    expect((await rowOf(id)).answerDelivery).toBe('delivered');
  });

  it('LAPOR! down (503) and then up: the follow-up is posted once, after the backoff', async () => {
    const { id, trackingId } = await recorded();
    const held = lapor.postedCount();
    lapor.fault({ kind: 'error', status: 503 });
    await answer(id, 'Akta kelahiran sudah dibetulkan.');
    expect(postsFor(trackingId).map((call) => call.outcome)).toEqual(['error', 'ok']);
    expect(new Set(postsFor(trackingId).map((call) => call.idempotencyKey)).size).toBe(1);
    expect(lapor.postedCount()).toBe(held + 1);
    expect(await rowOf(id)).toMatchObject({ answerDelivery: 'delivered', laporStatus: 'selesai' });
  });

  it.each([
    ['asks to slow down (429, Retry-After)', { kind: 'error', status: 429, retryAfter: 3 }],
    ['refuses the token for a while (401: the channel is held, no attempt spent)', { kind: 'error', status: 401 }],
  ] as const)('LAPOR! %s: the follow-up waits and is posted once', async (_label, fault) => {
    const { id, trackingId } = await recorded();
    lapor.fault(fault);
    const answeredAt = clock.ms + 10 * 60_000;
    await answer(id, 'KIA anak Anda sudah dapat diambil.');
    expect(postsFor(trackingId).map((call) => call.outcome)).toEqual(['error', 'ok']);
    const row = await rowOf(id);
    expect(row).toMatchObject({ answerDelivery: 'delivered', laporStatus: 'selesai' });
    if (fault.status === 429) expect(new Date(row.answerDeliveredAt).getTime()).toBeGreaterThanOrEqual(answeredAt + 3000);
  });

  it('a follow-up LAPOR! refuses (422) becomes the officer’s task with the cause, ready to copy', async () => {
    const { id, trackingId } = await recorded();
    lapor.fault({ kind: 'error', status: 422 });
    await answer(id, 'Data KK sudah diperbarui.');
    expect(postsFor(trackingId).map((call) => call.outcome)).toEqual(['error']);
    const row = await rowOf(id);
    expect(row.answerDelivery).toBe('officer_task');
    expect(row.answerDeliveryNote).toMatch(/LAPOR! menolak \(422\).*Unggah tindak lanjut secara manual/);
    expect(row.laporStatus).toBe(null);
    const plan = (await app.http.get(`/api/channels/inquiries/${id}/delivery`).set(officer.auth).expect(200)).body.data;
    expect(plan.lapor.text).toContain('Data KK sudah diperbarui.');
    const failed = await app.strapi.db.query(MESSAGE).findMany({ where: { inquiry: { id: row.id }, direction: 'out' } });
    expect(failed).toEqual([expect.objectContaining({ status: 'failed', cause: expect.stringMatching(/422/) })]);
  });

  it('after the officer uploaded a refused follow-up by hand, sending its row again posts nothing', async () => {
    const { id, trackingId } = await recorded();
    lapor.fault({ kind: 'error', status: 422 });
    await answer(id, 'Surat keterangan pindah sudah terbit.');
    clock.advance(60_000);
    await app.http.post(`/api/inquiries/${id}/delivered`).set(officer.auth).send({ data: { how: 'Diunggah ke SP4N-LAPOR!' } }).expect(200);
    const row = await rowOf(id);
    const parked = await app.strapi.db.query('api::notification.notification').findOne({ where: { channel: 'lapor-api', inquiry: { id: row.id } } });
    await app.http.post(`/api/notifications/${parked.documentId}/retry`).set(officer.auth).expect(200);
    await drain(app, clock, { maxRounds: 200 });
    expect(postsFor(trackingId).map((call) => call.outcome)).toEqual(['error']);
    expect((await rowOf(id)).answerDelivery).toBe('delivered');
  });

  it('the officer records the status LAPOR! shows; division staff are refused, an unknown status is a 400, and neither writes anything', async () => {
    const { id } = await recorded();
    const put = (who: Staff, body: unknown) => app.http.put(`/api/channels/lapor/inquiries/${id}/status`).set(who.auth).send(body as object);

    await put(staff, { data: { status: 'tunda' } }).expect(403);
    const before = await countRows(app.strapi);
    const bad = await put(officer, { data: { status: 'beres' } }).expect(400);
    expect(bad.body.error.message).toMatch(/^Status SP4N-LAPOR! tidak dikenal\..*tunda \(Tunda\)/);
    await put(officer, { status: 'tunda' }).expect(400);
    expect(await countRows(app.strapi)).toEqual(before);
    expect((await rowOf(id)).laporStatus).toBe(null);

    clock.advance(5 * 60_000);
    const ok = await put(officer, { data: { status: 'tunda' } }).expect(200);
    expect(ok.body.data).toMatchObject({ laporStatus: 'tunda' });
    const row = await rowOf(id);
    expect(row).toMatchObject({ laporStatus: 'tunda' });
    expect(new Date(row.laporStatusAt).getTime()).toBe(clock.ms);
    const events = await app.strapi.db.query(EVENT).findMany({ where: { inquiry: { id: row.id }, type: 'lapor_status' } });
    expect(events).toEqual([expect.objectContaining({ actorType: 'user', detail: { status: 'tunda', label: 'Tunda', source: 'officer' } })]);

    const walkIn = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry()).expect(201);
    const other = await app.http.put(`/api/channels/lapor/inquiries/${walkIn.body.data.documentId}/status`).set(officer.auth).send({ data: { status: 'selesai' } }).expect(400);
    expect(other.body.error.message).toBe('Status SP4N-LAPOR! hanya dapat dicatat untuk pengaduan dari SP4N-LAPOR!.');
  });

  it('an intake copied from LAPOR! keeps the status the report showed, seen at the intake', async () => {
    const { id } = await recorded({ laporStatus: 'verifikasi' });
    const row = await rowOf(id);
    expect(row.laporStatus).toBe('verifikasi');
    expect(new Date(row.laporStatusAt).getTime()).toBe(new Date(row.receivedAt).getTime());
    const refused = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ laporStatus: 'selesai' })).expect(400);
    expect(refused.body.error.message).toBe('Status SP4N-LAPOR! hanya untuk pengaduan dari SP4N-LAPOR!.');
  });
});
