import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, createStaff, type Staff } from '../helpers/builders';
import { drain, virtualClock } from '../helpers/telegram';

const INQUIRY = 'api::inquiry.inquiry';
const OFFICE = 'Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo';

describe.each(databases())('the follow-up of an answered SP4N-LAPOR! request on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let officer: Staff;
  let clock: ReturnType<typeof virtualClock>;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    officer = await createStaff(app, 'officer');
    // Monday 2 February 2026, 09.00 WIB.
    clock = virtualClock(app, new Date('2026-02-02T02:00:00Z'));
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  async function answered(overrides: Record<string, unknown>, answer: string) {
    const created = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'lapor_sp4n', ...overrides })).expect(201);
    const id = created.body.data.documentId as string;
    clock.advance(10 * 60_000);
    await app.http.post(`/api/inquiries/${id}/answer`).set(officer.auth).send({ data: { answer } }).expect(200);
    await drain(app, clock, { maxRounds: 200 });
    return id;
  }
  const planOf = async (id: string) => (await app.http.get(`/api/channels/inquiries/${id}/delivery`).set(officer.auth).expect(200)).body.data;

  it('is the officer’s task "Unggah tindak lanjut": greeting, answer and the Dinas’ name, ready to copy, with the report’s page', async () => {
    const id = await answered(
      { externalRef: '4123901', applicant: { name: 'Siti Rahayu' } },
      'KTP-el atas NIK 3574015501900003 sudah dicetak dan dapat diambil di Kantor Kecamatan Mayangan.',
    );
    expect((await app.strapi.db.query(INQUIRY).findOne({ where: { documentId: id } })).answerDelivery).toBe('officer_task');

    const { lapor } = await planOf(id);
    expect(lapor.trackingId).toBe('4123901');
    expect(lapor.reportUrl).toBe('https://www.lapor.go.id/laporan/detil/4123901');
    const lines = lapor.text.split('\n');
    expect(lines[0]).toBe('Yth. Bapak/Ibu Siti Rahayu,');
    expect(lapor.text).toContain('Terima kasih atas laporan Saudara melalui SP4N-LAPOR! nomor 4123901.');
    expect(lapor.text).toContain('dapat diambil di Kantor Kecamatan Mayangan.');
    // LAPOR! may show a follow-up publicly: the NIK in the answer is masked.
    expect(lapor.text).not.toContain('3574015501900003');
    expect(lines.slice(-2)).toEqual(['Hormat kami,', OFFICE]);
  });

  it('greets an anonymous reporter without a name, and a request of another channel has no LAPOR! task', async () => {
    const id = await answered({ externalRef: '4123902', applicant: { name: 'Pelapor anonim (SP4N-LAPOR!)' } }, 'Terima kasih, antrean online sudah diperbaiki.');
    expect((await planOf(id)).lapor.text).toMatch(/^Yth\. Pelapor,\n/);
    const phone = await answered({ channel: 'phone', externalRef: undefined }, 'KK dapat diambil besok.');
    expect((await planOf(phone)).lapor).toBeUndefined();
  });

  it('the officer confirms with the date it was posted on LAPOR!; a date before the answer or in the future is refused', async () => {
    const id = await answered({ externalRef: '4123903' }, 'Akta kelahiran sudah dibetulkan dan dapat diambil.');
    const post = (at: string) => app.http.post(`/api/inquiries/${id}/delivered`).set(officer.auth).send({ data: { how: 'Diunggah ke SP4N-LAPOR!', at } });
    expect((await post('2026-02-01T09:00:00+07:00').expect(400)).body.error.message).toBe('Waktu penyampaian tidak boleh sebelum jawaban dibuat.');
    expect((await post('2026-02-03T09:00:00+07:00').expect(400)).body.error.message).toBe('Waktu penyampaian tidak boleh di masa depan.');
    // Posted twenty minutes after the answer, confirmed half an hour later.
    const { answeredAt } = await app.strapi.db.query(INQUIRY).findOne({ where: { documentId: id } });
    const posted = new Date(new Date(answeredAt).getTime() + 20 * 60_000);
    clock.advance(30 * 60_000);
    await post(posted.toISOString()).expect(200);
    const row = await app.strapi.db.query(INQUIRY).findOne({ where: { documentId: id } });
    expect(row).toMatchObject({ answerDelivery: 'delivered', answerDeliveryNote: 'Diunggah ke SP4N-LAPOR!' });
    expect(new Date(row.answerDeliveredAt).toISOString()).toBe(posted.toISOString());
  });

  it('posted in the very minute of the answer (the form has no seconds) is not "before the answer"', async () => {
    clock.advance(37_000);
    const id = await answered({ externalRef: '4123904' }, 'Data KK sudah diperbarui.');
    const { answeredAt } = await app.strapi.db.query(INQUIRY).findOne({ where: { documentId: id } });
    const minute = new Date(Math.floor(new Date(answeredAt).getTime() / 60_000) * 60_000);
    expect(minute.getTime()).toBeLessThan(new Date(answeredAt).getTime());
    await app.http.post(`/api/inquiries/${id}/delivered`).set(officer.auth).send({ data: { how: 'Diunggah ke SP4N-LAPOR!', at: minute.toISOString() } }).expect(200);
    const row = await app.strapi.db.query(INQUIRY).findOne({ where: { documentId: id } });
    expect(new Date(row.answerDeliveredAt).getTime()).toBe(new Date(answeredAt).getTime());
    const before = new Date(minute.getTime() - 1000).toISOString();
    const other = await answered({ externalRef: '4123905' }, 'Data KK sudah diperbarui.');
    expect((await app.http.post(`/api/inquiries/${other}/delivered`).set(officer.auth).send({ data: { how: 'Diunggah ke SP4N-LAPOR!', at: before } }).expect(400)).body.error.message).toBe('Waktu penyampaian tidak boleh sebelum jawaban dibuat.');
  });
});
