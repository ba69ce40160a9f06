import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { createStaff } from '../helpers/builders';
import { FakeSmtp } from '../helpers/fake-smtp';
import { virtualClock } from '../helpers/telegram';
import { waitFor } from '../helpers/wait';
import { parseMail } from '../../plugins/channels/src/email/parse';

const USER = 'plugin::users-permissions.user';
const PUBLIC_URL = 'https://layanan.example.go.id';
/** Monday 2 November 2026, 09:00 WIB. */
const MONDAY_0900 = new Date('2026-11-02T02:00:00Z');
const HOUR = 3600_000;

async function staffEmail(app: TestApp, id: number): Promise<string> {
  return ((await app.strapi.db.query(USER).findOne({ where: { id }, select: ['email'] })) as { email: string }).email;
}

async function resetToken(app: TestApp, id: number): Promise<string | null> {
  return ((await app.strapi.db.query(USER).findOne({ where: { id }, select: ['resetPasswordToken'] })) as { resetPasswordToken: string | null }).resetPasswordToken;
}

describe.each(databases())('staff password reset on %s', (kind) => {
  describe('through the Dinas’ SMTP server', () => {
    let db: TestDatabase;
    let app: TestApp;
    let smtp: FakeSmtp;
    let clock: ReturnType<typeof virtualClock>;

    beforeAll(async () => {
      smtp = await new FakeSmtp().start();
      db = await createTestDatabase(kind);
      app = await bootApp(db, { ...smtp.env(), PUBLIC_URL });
      clock = virtualClock(app, MONDAY_0900);
    });
    afterAll(async () => {
      await app?.stop();
      await smtp?.stop();
      await db?.drop();
    });
    // Each test in a rate-limit window of its own.
    beforeEach(() => clock.advance(2 * HOUR));

    it('a staff member who forgot the password gets a link by mail, sets a new one with it, and signs in', async () => {
      const staff = await createStaff(app, 'officer');
      const email = await staffEmail(app, staff.id);
      const sent = smtp.received.length;
      const res = await app.http.post('/api/auth/forgot-password').send({ email: email.toUpperCase() }).expect(200);
      expect(res.body).toEqual({ ok: true });
      const mail = await parseMail((await smtp.waitForMail(sent + 1))[sent].raw, { attachmentMaxBytes: 1024 });
      expect(mail.to[0].address).toBe(email);
      expect(mail.subject).toBe('Atur ulang kata sandi Layanan Informasi');
      expect(mail.from?.address).toBe('layanan@disdukcapil.probolinggokota.go.id');
      const code = new RegExp(`${PUBLIC_URL}/atur-sandi\\?code=([0-9a-f]+)`).exec(mail.text)?.[1];
      expect(code).toBeDefined();
      expect(code).toBe(await resetToken(app, staff.id));

      await app.http.post('/api/auth/reset-password').send({ code, password: 'Sandi-Baru-2026!', passwordConfirmation: 'Sandi-Baru-2026!' }).expect(200);
      await app.http.post('/api/auth/local').send({ identifier: email, password: 'Sandi-Baru-2026!' }).expect(200);
      expect(await resetToken(app, staff.id)).toBeNull();
    });

    /** Resolves with the mails sent from now until one reaches `address` (requests are handled in order). */
    async function mailsUntil(address: string): Promise<string[]> {
      const from = smtp.received.length;
      await waitFor(() => smtp.received.slice(from).some((mail) => mail.envelope.rcptTo.some((rcpt) => rcpt.address === address)), 10_000, `a mail to ${address}`);
      return smtp.received.slice(from).flatMap((mail) => mail.envelope.rcptTo.map((rcpt) => rcpt.address));
    }

    it('answers an unknown address exactly as a known one, and mails nobody', async () => {
      const staff = await createStaff(app, 'leadership');
      const email = await staffEmail(app, staff.id);
      const unknown = await app.http.post('/api/auth/forgot-password').send({ email: 'bukan.pegawai@contoh.id' });
      const sent = mailsUntil(email);
      const known = await app.http.post('/api/auth/forgot-password').send({ email });
      expect([unknown.status, unknown.body, unknown.headers['content-type']]).toEqual([known.status, known.body, known.headers['content-type']]);
      expect(await sent).toEqual([email]);
    });

    it('a blocked account gets no reset', async () => {
      const staff = await createStaff(app, 'officer');
      const blocked = await staffEmail(app, staff.id);
      await app.strapi.db.query(USER).update({ where: { id: staff.id }, data: { blocked: true } });
      const probe = await staffEmail(app, (await createStaff(app, 'officer')).id);
      const sent = mailsUntil(probe);
      await app.http.post('/api/auth/forgot-password').send({ email: blocked }).expect(200);
      await app.http.post('/api/auth/forgot-password').send({ email: probe }).expect(200);
      expect(await sent).toEqual([probe]);
      expect(await resetToken(app, staff.id)).toBeNull();
    });

    it.each([
      ['no address', {}],
      ['not an address', { email: 'dafduk' }],
      ['an address and more', { email: 'a@contoh.id', role: 1 }],
      ['a number', { email: 42 }],
    ])('refuses %s with a 400 that says what to write, and stores nothing', async (_label, body) => {
      const res = await app.http.post('/api/auth/forgot-password').send(body).expect(400);
      expect(res.body.error.message).toBe('Tuliskan alamat e-mail akun Anda, misalnya nama@dinas.go.id.');
    });

    // Addresses of this database's own: Strapi's in-process limit of the auth routes (5 a minute per address)
    // counts on the wall clock, across the suites of one run.
    it('is limited per address and per client: the sixth within the hour is a 429', async () => {
      const target = `sasaran.${kind}@contoh.id`;
      for (let i = 0; i < 5; i += 1) await app.http.post('/api/auth/forgot-password').send({ email: target }).expect(200);
      const address = await app.http.post('/api/auth/forgot-password').send({ email: target }).expect(429);
      expect(address.body.error.message).toMatch(/Terlalu banyak permintaan/);
      clock.advance(2 * HOUR);
      for (let i = 0; i < 5; i += 1) await app.http.post('/api/auth/forgot-password').send({ email: `orang.${i}.${kind}@contoh.id` }).expect(200);
      await app.http.post('/api/auth/forgot-password').send({ email: `orang.lain.${kind}@contoh.id` }).expect(429);
    });
  });

  describe('without an SMTP server', () => {
    let db: TestDatabase;
    let app: TestApp;

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      app = await bootApp(db, { PUBLIC_URL });
    });
    afterAll(async () => {
      await app?.stop();
      await db?.drop();
    });

    it('is off: known and unknown addresses get the same 200, and no reset token is stored', async () => {
      const staff = await createStaff(app, 'officer');
      const known = await app.http.post('/api/auth/forgot-password').send({ email: await staffEmail(app, staff.id) });
      const unknown = await app.http.post('/api/auth/forgot-password').send({ email: 'bukan.pegawai@contoh.id' });
      expect(known.status).toBe(200);
      expect([unknown.status, unknown.body]).toEqual([known.status, known.body]);
      await app.http.get('/api/faq-entries').expect(200);
      expect(await resetToken(app, staff.id)).toBeNull();
    });
  });
});

describe.each(databases())('what every answer says about itself, on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db, { PUBLIC_URL, CORS_ORIGINS: 'http://localhost:5173' });
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it.each(['/api/faq-entries', '/admin/init', '/dashboard/', '/api/tidak-ada'])('%s does not announce the server software', async (path) => {
    const res = await app.http.get(path);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it.each([
    ['the admin’s token refresh', 'options', '/admin/access-token'],
    ['the staff API', 'options', '/api/inquiries'],
    ['the staff API', 'get', '/api/faq-entries'],
  ] as const)('%s gives a page of another origin no CORS grant (%s %s)', async (_label, method, path) => {
    for (const origin of ['https://app.evil.example', 'https://sub.layanan.example.go.id', 'null']) {
      const res = await app.http[method](path).set('Origin', origin).set('Access-Control-Request-Method', 'POST');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it.each([PUBLIC_URL, 'http://localhost:5173'])('grants the product’s own origin %s, with credentials', async (origin) => {
    const res = await app.http.options('/admin/access-token').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
    expect(res.headers['access-control-allow-origin']).toBe(origin);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
  });

  it('the sign-in answer (a token) is not kept by any cache', async () => {
    const staff = await createStaff(app, 'officer');
    const { email } = (await app.strapi.db.query(USER).findOne({ where: { id: staff.id }, select: ['email'] })) as { email: string };
    const res = await app.http.post('/api/auth/local').send({ identifier: email, password: 'Rahasia-2026!' }).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const refused = await app.http.post('/api/auth/local').send({ identifier: email, password: 'salah' }).expect(400);
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});
