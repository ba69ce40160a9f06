import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, createStaff, divisionId, type Staff } from '../helpers/builders';
import { FakeSmtp } from '../helpers/fake-smtp';
import { drain, virtualClock } from '../helpers/telegram';
import { parseMail } from '../../plugins/channels/src/email/parse';

const INQUIRY = 'api::inquiry.inquiry';
const NOTIFICATION = 'api::notification.notification';
const PUBLIC_URL = 'https://layanan.example.go.id';
/** Monday 2 November 2026, 09:00 WIB: the office is open. */
const MONDAY_0900 = new Date('2026-11-02T02:00:00Z');
/** Friday 6 November 2026, 15:30 WIB: half an hour before closing. */
const FRIDAY_1530 = new Date('2026-11-06T08:30:00Z');

interface Receipt {
  code: string;
  trackingToken: string;
  trackingUrl: string;
  answerDueBy: string | null;
  office: string;
  officeHours: { day: string; opensAt: string; closesAt: string }[];
}

describe.each(databases())('the Tanda Terima of a request recorded by an officer (%s)', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let smtp: FakeSmtp;
  let clock: ReturnType<typeof virtualClock>;
  let officer: Staff;
  let staff: Record<'division_staff' | 'leadership', Staff>;

  beforeAll(async () => {
    smtp = await new FakeSmtp().start();
    db = await createTestDatabase(kind);
    app = await bootApp(db, { ...smtp.env(), PUBLIC_URL });
    clock = virtualClock(app, MONDAY_0900);
    officer = await createStaff(app, 'officer');
    staff = { division_staff: await createStaff(app, 'division_staff', 'DAFDUK'), leadership: await createStaff(app, 'leadership') };
  });
  afterAll(async () => {
    await app?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  /** A citizen at the counter, recorded by the officer at `at`; routed to Pendaftaran Penduduk when `routed`. */
  async function walkIn(applicant: Record<string, string>, at = MONDAY_0900, routed = false): Promise<string> {
    clock.set(at);
    const res = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ applicant })).expect(201);
    const id = res.body.data.documentId as string;
    if (routed) await app.http.post(`/api/inquiries/${id}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, 'DAFDUK') } }).expect(200);
    return id;
  }
  const issue = (id: string, auth = officer.auth) => app.http.post(`/api/inquiries/${id}/receipt`).set(auth);
  const send = (id: string, token: string | undefined, auth = officer.auth) => app.http.post(`/api/channels/inquiries/${id}/receipt`).set(auth).send({ data: { token } });
  const track = (code: string, token: string) => app.http.get(`/api/public/track/${code}?token=${encodeURIComponent(token)}`);
  const notesOf = async (id: string) => {
    const row = await app.strapi.db.query(INQUIRY).findOne({ where: { documentId: id }, select: ['id'] });
    const notes = await app.strapi.db.query('api::inquiry-event.inquiry-event').findMany({ where: { inquiry: row.id, type: 'note' }, select: ['detail'], orderBy: { id: 'asc' } });
    return notes.map((note: { detail: unknown }) => note.detail);
  };
  const mailRows = (id: string) => app.strapi.db.query(NOTIFICATION).findMany({ where: { channel: 'smtp', inquiry: { documentId: id } }, select: ['topic', 'recipient', 'payload', 'status'] });

  it('gives the officer the code, the tracking link with its own key, the answer’s latest time in working time and the office hours', async () => {
    const id = await walkIn({ name: 'Budi Santoso', phone: '+6281298765432' });
    const res = await issue(id).expect(200);
    expect(res.headers['cache-control']).toMatch(/no-store/);
    const receipt = res.body.data as Receipt;
    // 09:00 + 15 minutes to sort + 60 to coordinate + 60 to answer.
    expect(receipt.answerDueBy).toBe('2026-11-02T04:15:00.000Z');
    expect(receipt.office).toBe('Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo');
    expect(receipt.trackingUrl).toBe(`${PUBLIC_URL}/lacak/${receipt.code}?token=${encodeURIComponent(receipt.trackingToken)}`);
    expect(receipt.officeHours).toContainEqual({ day: 'senin', opensAt: '08:00:00.000', closesAt: '16:00:00.000' });
    expect((await track(receipt.code, receipt.trackingToken).expect(200)).body.data).toMatchObject({ code: receipt.code, status: 'received' });
    expect(await notesOf(id)).toEqual([{ receipt: 'issued' }]);
  });

  it('counts the promise in working time: a request on Friday at 15.30 is answered by Monday 09.45', async () => {
    const id = await walkIn({ name: 'Budi Santoso' }, FRIDAY_1530);
    expect((await issue(id).expect(200)).body.data.answerDueBy).toBe('2026-11-09T02:45:00.000Z');
  });

  it('printed again, the new receipt opens the request and the older receipt’s link no longer does', async () => {
    const id = await walkIn({ name: 'Budi Santoso' });
    const first = (await issue(id).expect(200)).body.data as Receipt;
    const second = (await issue(id).expect(200)).body.data as Receipt;
    expect(second.trackingToken).not.toBe(first.trackingToken);
    await track(second.code, second.trackingToken).expect(200);
    await track(first.code, first.trackingToken).expect(404);
  });

  it('is refused to division staff, even of the Bidang it was routed to, to leadership and to the public: none of them gets a key', async () => {
    const id = await walkIn({ name: 'Budi Santoso', email: 'budi.santoso@contoh.id' }, MONDAY_0900, true);
    const token = ((await issue(id).expect(200)).body.data as Receipt).trackingToken;
    for (const who of [staff.division_staff, staff.leadership]) {
      await issue(id, who.auth).expect(403);
      await send(id, token, who.auth).expect(403);
    }
    await app.http.post(`/api/inquiries/${id}/receipt`).expect(403);
    await app.http.post(`/api/channels/inquiries/${id}/receipt`).send({ data: { token } }).expect(403);
    expect(await notesOf(id)).toEqual([{ receipt: 'issued' }]);
    expect(await mailRows(id)).toEqual([]);
  });

  it('sends the same receipt to a citizen who gave an e-mail address, through the outbox, and the mailed link opens the request', async () => {
    const id = await walkIn({ name: 'Budi Santoso', email: 'budi.santoso@contoh.id', phone: '+6281298765432' });
    const receipt = (await issue(id).expect(200)).body.data as Receipt;
    const res = await send(id, receipt.trackingToken).expect(202);
    expect(res.body.data).toEqual({ status: 'queued', channel: 'smtp', address: expect.stringMatching(/^b\*+.*@contoh\.id$/) });
    expect(JSON.stringify(res.body)).not.toContain('budi.santoso');
    // Queued in the outbox (the delivery engine may already be taking it), never sent from the request itself.
    expect(await mailRows(id)).toEqual([expect.objectContaining({ topic: 'inquiry.received', recipient: 'budi.santoso@contoh.id' })]);
    await drain(app, clock, { maxRounds: 50 });
    const mail = smtp.received.find((received) => received.envelope.rcptTo.some((to) => to.address === 'budi.santoso@contoh.id'));
    expect(mail).toBeDefined();
    const { text, subject } = await parseMail(mail!.raw, { attachmentMaxBytes: 1024 * 1024 });
    expect(subject).toContain(receipt.code);
    expect(text).toContain(receipt.trackingUrl);
    const [row] = await mailRows(id);
    expect(row.status).toBe('sent');
    // Sent, the key is no longer kept beside the message.
    expect(row.payload).not.toHaveProperty('trackingToken');
    await track(receipt.code, receipt.trackingToken).expect(200);
    expect(await notesOf(id)).toEqual([{ receipt: 'issued' }, { receipt: 'sent', via: 'smtp' }]);
  });

  it('says so when the citizen left no address the system can send to, and queues nothing', async () => {
    const id = await walkIn({ name: 'Budi Santoso', phone: '+6281298765432' });
    const receipt = (await issue(id).expect(200)).body.data as Receipt;
    const res = await send(id, receipt.trackingToken).expect(409);
    expect(res.body.error.message).toMatch(/tidak memberi alamat/);
    expect(await mailRows(id)).toEqual([]);
  });

  it('refuses a receipt replaced since it was opened, and a send without one, with a message the officer understands', async () => {
    const id = await walkIn({ name: 'Budi Santoso', email: 'budi.santoso@contoh.id' });
    const old = ((await issue(id).expect(200)).body.data as Receipt).trackingToken;
    await issue(id).expect(200);
    expect((await send(id, old).expect(409)).body.error.message).toMatch(/sudah diganti/);
    expect((await send(id, undefined).expect(400)).body.error.message).toMatch(/Buka tanda terimanya/);
    expect(await mailRows(id)).toEqual([]);
  });
});
