import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, buildPublicInquiry, createStaff, divisionId, type Staff } from '../helpers/builders';

/** Tuesday 3 November 2026, 09:00 WIB: an ordinary working morning. */
const TUESDAY_0900 = new Date('2026-11-03T02:00:00Z');
const minutes = (n: number) => n * 60_000;

describe.each(databases())('the SOP path over HTTP on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let officer: Staff;
  let dafduk: Staff;
  let capil: Staff;
  let now: Date;
  const setNow = (at: Date) => {
    now = at;
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    app.strapi.plugin('sop-workflow').service('clock').use(() => now);
    officer = await createStaff(app, 'officer');
    dafduk = await createStaff(app, 'division_staff', 'DAFDUK');
    capil = await createStaff(app, 'division_staff', 'CAPIL');
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });
  beforeEach(() => setNow(TUESDAY_0900));

  it('takes a citizen request from the website to the answer, each step on time and recorded', async () => {
    const asked = await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
    const { code, trackingToken, status, triageDueAt } = asked.body.data;
    expect(code).toMatch(/^INF-2611-\d{5}$/);
    expect(status).toBe('received');
    expect(new Date(triageDueAt)).toEqual(new Date(TUESDAY_0900.getTime() + minutes(15)));
    expect(trackingToken).toEqual(expect.any(String));

    const list = await app.http.get('/api/inquiries').query({ filters: { code: { $eq: code } }, populate: 'applicant' }).set(officer.auth).expect(200);
    const inquiry = list.body.data[0];
    expect(inquiry.applicant.name).toBe('S*** A*****');
    expect(inquiry.applicant.phone).not.toContain('234567');
    const id = inquiry.documentId as string;

    setNow(new Date(TUESDAY_0900.getTime() + minutes(10)));
    const triaged = await app.http
      .post(`/api/inquiries/${id}/triage`)
      .set(officer.auth)
      .send({ data: { division: await divisionId(app.strapi, 'DAFDUK') } })
      .expect(200);
    expect(triaged.body.data.status).toBe('triaged');
    expect(triaged.body.data.division.code).toBe('DAFDUK');
    expect(triaged.body.data.triageBreached).toBe(false);
    expect(new Date(triaged.body.data.coordinationDueAt)).toEqual(new Date(TUESDAY_0900.getTime() + minutes(70)));

    await app.http.post(`/api/inquiries/${id}/coordinate`).set(capil.auth).send({ data: { information: 'Bukan bidang kami.' } }).expect(404);

    setNow(new Date(TUESDAY_0900.getTime() + minutes(40)));
    const coordinated = await app.http
      .post(`/api/inquiries/${id}/coordinate`)
      .set(dafduk.auth)
      .send({ data: { information: 'Syarat: fotokopi KK, usia 17 tahun, datang untuk perekaman.' } })
      .expect(200);
    expect(coordinated.body.data.status).toBe('coordinated');

    setNow(new Date(TUESDAY_0900.getTime() + minutes(70)));
    const answered = await app.http
      .post(`/api/inquiries/${id}/answer`)
      .set(officer.auth)
      .send({ data: { answer: 'Silakan datang membawa fotokopi KK untuk perekaman KTP-el.' } })
      .expect(200);
    expect(answered.body.data).toMatchObject({ status: 'answered', directAnswer: false, answerBreached: false, coordinationBreached: false });

    // A website answer is delivered on the tracking page as soon as the outbox has routed it.
    const delivery = app.strapi.plugin('sop-workflow').service('delivery') as { tick(): Promise<unknown>; settled(): Promise<void> };
    await delivery.tick();
    await delivery.settled();
    const events = await app.http.get(`/api/inquiries/${id}/events`).set(officer.auth).expect(200);
    expect(events.body.data.map((e: { type: string }) => e.type)).toEqual(['created', 'triaged', 'coordinated', 'answered', 'answer_delivered']);
    expect(events.body.data.map((e: { actorType: string }) => e.actorType)).toEqual(['public', 'user', 'user', 'user', 'system']);

    const tracked = await app.http.get(`/api/public/track/${code}`).query({ token: trackingToken }).expect(200);
    expect(tracked.body.data).toMatchObject({ code, status: 'answered', answer: 'Silakan datang membawa fotokopi KK untuk perekaman KTP-el.' });
    expect(JSON.stringify(tracked.body)).not.toMatch(/Siti|siti\.aminah|081234567890|6281234567890/);
    // The citizen's timeline: each step as it happened, oldest first.
    const page = await app.http.get(`/api/public/track/${code}`).query({ token: trackingToken }).expect(200);
    expect(page.body.data.timeline).toEqual(
      (events.body.data as { type: string; at: string }[]).map((e) => ({ type: e.type, at: new Date(e.at).toISOString() })),
    );
    expect(page.body.data.timeline.map((e: { at: string }) => e.at)).toEqual([
      TUESDAY_0900.toISOString(),
      new Date(TUESDAY_0900.getTime() + minutes(10)).toISOString(),
      new Date(TUESDAY_0900.getTime() + minutes(40)).toISOString(),
      new Date(TUESDAY_0900.getTime() + minutes(70)).toISOString(),
      new Date(TUESDAY_0900.getTime() + minutes(70)).toISOString(),
    ]);

    const outbox = await app.strapi.db.query('api::notification.notification').findMany({ where: { inquiry: { documentId: id } } });
    expect(outbox.map((n: { topic: string; channel: string }) => `${n.topic}@${n.channel}`).sort()).toEqual([
      'inquiry.answered@citizen:website',
      'inquiry.answered@staff',
      'inquiry.received@citizen:website',
      'inquiry.triaged@staff',
    ]);

    await app.http.post(`/api/inquiries/${id}/close`).set(officer.auth).send({ data: {} }).expect(200);
  });

  it('answers directly from an FAQ entry: step 3 is recorded as not needed', async () => {
    const created = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ kind: 'information', channel: 'phone' })).expect(201);
    const id = created.body.data.documentId;
    expect(created.body.data.applicant.nik).toBe('3574011203900002');
    setNow(new Date(TUESDAY_0900.getTime() + minutes(5)));
    const answered = await app.http.post(`/api/inquiries/${id}/answer`).set(officer.auth).send({ data: { answer: 'Layanan buka Senin–Jumat.' } }).expect(200);
    expect(answered.body.data).toMatchObject({ status: 'answered', directAnswer: true, triageBreached: false });
    expect(answered.body.data.triagedAt).toBe(answered.body.data.answeredAt);
  });

  it('refuses an illegal transition with 409 naming both states', async () => {
    const created = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry()).expect(201);
    const res = await app.http
      .post(`/api/inquiries/${created.body.data.documentId}/coordinate`)
      .set(officer.auth)
      .send({ data: { information: 'Informasi dari bidang.' } })
      .expect(409);
    expect(res.body.error.message).toContain('received');
    expect(res.body.error.message).toContain('coordinated');
    expect(res.body.error.details).toEqual({ current: 'received', wanted: 'coordinated', action: 'coordinate' });
  });

  it('a complaint from WhatsApp routed after 20 minutes is a breach of step 2', async () => {
    const created = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'whatsapp' })).expect(201);
    setNow(new Date(TUESDAY_0900.getTime() + minutes(20)));
    const triaged = await app.http
      .post(`/api/inquiries/${created.body.data.documentId}/triage`)
      .set(officer.auth)
      .send({ data: { division: await divisionId(app.strapi, 'CAPIL') } })
      .expect(200);
    expect(triaged.body.data.triageBreached).toBe(true);
  });

  it('starts the clock of a Saturday request at Monday 08:00 WIB', async () => {
    setNow(new Date('2026-11-07T03:00:00Z'));
    const asked = await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
    expect(new Date(asked.body.data.triageDueAt)).toEqual(new Date('2026-11-09T01:15:00Z'));
  });

  it('rejects spam at triage and closes it with the reason', async () => {
    const created = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ channel: 'instagram' })).expect(201);
    const rejected = await app.http
      .post(`/api/inquiries/${created.body.data.documentId}/reject`)
      .set(officer.auth)
      .send({ data: { reason: 'Spam promosi' } })
      .expect(200);
    expect(rejected.body.data).toMatchObject({ status: 'closed', outcome: 'rejected', closeReason: 'Spam promosi' });
  });

  it('tells the citizen of a rejected request why, with personal data masked, and claims no answer', async () => {
    const asked = await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
    const { documentId } = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { code: asked.body.data.code }, select: ['documentId'] });
    await app.http
      .post(`/api/inquiries/${documentId}/reject`)
      .set(officer.auth)
      .send({ data: { reason: 'Bukan kewenangan Disdukcapil, Ibu Siti Aminah: hubungi Kantor Pertanahan, 081234567890.' } })
      .expect(200);
    const tracked = await app.http.get(`/api/public/track/${asked.body.data.code}?token=${encodeURIComponent(asked.body.data.trackingToken)}`).expect(200);
    expect(tracked.body.data).toMatchObject({ status: 'closed', outcome: 'rejected', answer: null, answeredAt: null });
    expect(tracked.body.data.reason).toMatch(/^Bukan kewenangan Disdukcapil, Ibu .+: hubungi Kantor Pertanahan, /);
    expect(tracked.body.data.reason).not.toMatch(/Aminah|081234567890/);
  });

  it('keeps the server fields of an inquiry out of reach of a plain edit', async () => {
    const created = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry()).expect(201);
    const id = created.body.data.documentId;
    const edited = await app.http.put(`/api/inquiries/${id}`).set(officer.auth).send({ data: { subject: 'KTP-el belum dicetak', notes: 'Sudah dicek.' } }).expect(200);
    expect(edited.body.data).toMatchObject({ subject: 'KTP-el belum dicetak', notes: 'Sudah dicek.', status: 'received', code: created.body.data.code });
    const forged = await app.http.put(`/api/inquiries/${id}`).set(officer.auth).send({ data: { status: 'closed' } }).expect(400);
    expect(forged.body.error.message).toContain('status');
    const events = await app.http.get(`/api/inquiries/${id}/events`).set(officer.auth).expect(200);
    expect(events.body.data.map((e: { type: string }) => e.type)).toEqual(['created', 'edited']);
  });
});
