import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, createStaff } from '../helpers/builders';
import { signInAdmin } from '../helpers/admin';
import { FakeSmtp } from '../helpers/fake-smtp';
import { virtualClock } from '../helpers/telegram';
import { parseMail } from '../../plugins/channels/src/email/parse';

const USER = 'plugin::users-permissions.user';
const PUBLIC_URL = 'https://layanan.example.go.id';
/** Monday 2 November 2026, 09:00 WIB. */
const MONDAY_0900 = new Date('2026-11-02T02:00:00Z');
const DAY = 24 * 3600_000;
const PASSWORD = 'Sandi-Pertama-2026!';
const CM_USERS = `/content-manager/collection-types/${USER}`;

describe.each(databases())('staff accounts without a developer, on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let smtp: FakeSmtp;
  let clock: ReturnType<typeof virtualClock>;
  let admin: { Authorization: string };
  let sequence = 0;

  beforeAll(async () => {
    smtp = await new FakeSmtp().start();
    db = await createTestDatabase(kind);
    app = await bootApp(db, { ...smtp.env(), PUBLIC_URL });
    clock = virtualClock(app, MONDAY_0900);
    admin = await signInAdmin(app);
  });
  afterAll(async () => {
    await app?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  const roleId = async (type: string) => ((await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } })) as { id: number }).id;
  const userByEmail = async (email: string) =>
    (await app.strapi.db.query(USER).findOne({ where: { email }, populate: { role: true, division: true } })) as {
      id: number;
      documentId: string;
      fullName: string;
      blocked: boolean;
      invitedAt: string | null;
      role: { type: string };
      division: { code: string } | null;
    };

  /** The next mail the Dinas' SMTP takes to `address`, parsed, and the code of its /atur-sandi link. */
  async function invitationTo(address: string, from: number) {
    const mails = await smtp.waitForMail(from + 1);
    const mail = await parseMail(mails[from].raw, { attachmentMaxBytes: 1024 });
    expect(mail.to[0].address).toBe(address);
    const code = new RegExp(`${PUBLIC_URL}/atur-sandi\\?code=([0-9a-z-]+)`).exec(mail.text)?.[1];
    return { mail, code: code! };
  }

  /** The IT staff adds an officer in the Content Manager, leaving the password empty. */
  async function addInAdmin(role = 'officer'): Promise<{ email: string; from: number }> {
    sequence += 1;
    const email = `petugas.baru.${sequence}@dinas.test`;
    const from = smtp.received.length;
    const res = await app.http
      .post(CM_USERS)
      .set(admin)
      .send({ username: `petugas-baru-${sequence}`, email, fullName: `Sari Petugas ${sequence}`, password: '', blocked: false, role: { connect: [{ id: await roleId(role) }] } });
    expect([res.status, res.body.error]).toEqual([201, undefined]);
    return { email, from };
  }

  const setPassword = (code: string) => app.http.post('/api/auth/reset-password').send({ code, password: PASSWORD, passwordConfirmation: PASSWORD });
  const signIn = (email: string) => app.http.post('/api/auth/local').send({ identifier: email, password: PASSWORD });

  it('an officer added in the admin without a password is invited by mail, sets a password with the link, and signs in as an officer', async () => {
    const { email, from } = await addInAdmin();
    const { mail, code } = await invitationTo(email, from);
    expect(mail.subject).toBe('Undangan akun Layanan Informasi');
    expect(mail.text).toMatch(/Yth\. Sari Petugas \d+,/);
    expect(mail.text).toContain('berlaku 7 hari');
    expect((await userByEmail(email)).invitedAt).toBe(MONDAY_0900.toISOString());

    clock.advance(6 * DAY);
    await setPassword(code).expect(200);
    const session = await signIn(email).expect(200);
    expect(session.body.user).toMatchObject({ email, fullName: expect.stringMatching(/^Sari Petugas/) });
    await app.http.get('/api/inquiries').set('Authorization', `Bearer ${session.body.jwt}`).expect(200);
    const me = await app.http.get('/api/me').set('Authorization', `Bearer ${session.body.jwt}`).expect(200);
    expect(me.body.data).toMatchObject({ role: 'officer' });
  });

  it('a used invitation is refused with a message that says so', async () => {
    const { email, from } = await addInAdmin();
    const { code } = await invitationTo(email, from);
    await setPassword(code).expect(200);
    const again = await setPassword(code).expect(400);
    expect(again.body.error.message).toBe('Undangan ini sudah dipakai atau sudah diganti undangan yang lebih baru. Masuk dengan kata sandi Anda, atau pakai "Lupa kata sandi".');
  });

  it('an invitation older than 7 days is refused; a resent one works and replaces it', async () => {
    const { email, from } = await addInAdmin('leadership');
    const { code } = await invitationTo(email, from);
    clock.advance(7 * DAY + 60_000);
    const late = await setPassword(code).expect(400);
    expect(late.body.error.message).toBe('Undangan ini sudah kedaluwarsa (berlaku 7 hari). Minta admin Layanan Informasi mengirim undangan baru.');
    await signIn(email).expect(400);

    const { documentId } = await userByEmail(email);
    const resentFrom = smtp.received.length;
    const resent = await app.http.post(`/users-permissions/staff/${documentId}/invitation`).set(admin).expect(200);
    expect(resent.body.data.invitedAt).toBe(new Date(clock.ms).toISOString());
    const fresh = await invitationTo(email, resentFrom);
    expect(fresh.code).not.toBe(code);
    await setPassword(fresh.code).expect(200);
    await signIn(email).expect(200);
    expect((await userByEmail(email)).role.type).toBe('leadership');

    const twice = await app.http.post(`/users-permissions/staff/${documentId}/invitation`).set(admin).expect(400);
    expect(twice.body.error.message).toMatch(/sudah punya kata sandi/);
  });

  it('only the admin may invite: without an admin session the route is refused', async () => {
    const { email } = await addInAdmin();
    const { documentId } = await userByEmail(email);
    await app.http.post(`/users-permissions/staff/${documentId}/invitation`).expect(401);
    const officer = await createStaff(app, 'officer');
    await app.http.post(`/users-permissions/staff/${documentId}/invitation`).set(officer.auth).expect(401);
  });

  describe('the CSV import', () => {
    const header = '\ufeffnama;email;peran;bidang\r\n';
    const good = (n: number) => `Impor Petugas ${n};impor.${n}.${kind}@dinas.test;petugas;\r\nImpor Bidang ${n};Impor.Bidang.${n}.${kind}@dinas.test;Bidang;capil\r\n`;
    const bad = 'Salah Alamat;bukan-alamat;petugas;\r\nSalah Peran;salah.peran@dinas.test;kepala;\r\nSalah Bidang;salah.bidang@dinas.test;bidang;PAJAK\r\n';

    it('previews every row with its problems in Indonesian, and writes nothing', async () => {
      const users = await app.strapi.db.query(USER).count({});
      const sent = smtp.received.length;
      const res = await app.http.post('/users-permissions/staff-import/preview').set(admin).send({ csv: header + good(1) + bad }).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.data.rows.map((row: { line: number; status: string; message: string }) => [row.line, row.status, row.message])).toEqual([
        [2, 'new', 'Akun baru; undangan dikirim ke alamat ini.'],
        [3, 'new', 'Akun baru; undangan dikirim ke alamat ini.'],
        [4, 'error', 'Alamat e-mail "bukan-alamat" tidak valid.'],
        [5, 'error', 'Peran "kepala" tidak dikenal; tulis petugas, bidang, pimpinan atau pdp (Petugas Pelindungan Data).'],
        [6, 'error', 'Bidang "PAJAK" tidak dikenal; kode yang ada: CAPIL, DAFDUK.'],
      ]);
      expect(res.body.data.counts).toMatchObject({ new: 2, error: 3 });
      expect(await app.strapi.db.query(USER).count({})).toBe(users);
      expect(smtp.received.length).toBe(sent);
    });

    it('confirming creates and invites the valid rows with their role and Bidang; the same file again creates nobody', async () => {
      const csv = header + good(2) + bad;
      const sent = smtp.received.length;
      const res = await app.http.post('/users-permissions/staff-import').set(admin).send({ csv }).expect(200);
      expect(res.body.data.counts).toMatchObject({ created: 2, error: 3 });
      const officer = await userByEmail(`impor.2.${kind}@dinas.test`);
      const divisionStaff = await userByEmail(`impor.bidang.2.${kind}@dinas.test`);
      expect([officer.fullName, officer.role.type, officer.division]).toEqual(['Impor Petugas 2', 'officer', null]);
      expect([divisionStaff.fullName, divisionStaff.role.type, divisionStaff.division?.code]).toEqual(['Impor Bidang 2', 'division_staff', 'CAPIL']);
      const mails = await smtp.waitForMail(sent + 2);
      expect(mails.slice(sent).map((mail) => mail.envelope.rcptTo[0].address).sort()).toEqual([`impor.2.${kind}@dinas.test`, `impor.bidang.2.${kind}@dinas.test`]);
      const { code } = await invitationTo(`impor.bidang.2.${kind}@dinas.test`, mails.findIndex((mail, i) => i >= sent && mail.envelope.rcptTo[0].address.startsWith('impor.bidang')));
      await setPassword(code).expect(200);
      await signIn(`impor.bidang.2.${kind}@dinas.test`).expect(200);

      const users = await app.strapi.db.query(USER).count({});
      const again = await app.http.post('/users-permissions/staff-import').set(admin).send({ csv }).expect(200);
      expect(again.body.data.counts).toMatchObject({ created: 0, skipped: 2, error: 3 });
      expect(again.body.data.rows[0].message).toBe('Sudah ada akun dengan alamat ini; baris ini dilewati.');
      expect(await app.strapi.db.query(USER).count({})).toBe(users);
      expect(smtp.received.length).toBe(sent + 2);
    });

    it('reads a `,` file without a BOM too', async () => {
      const res = await app.http
        .post('/users-permissions/staff-import/preview')
        .set(admin)
        .send({ csv: `nama,email,peran,bidang\n"Koma, Sari",koma.${kind}@dinas.test,pimpinan,\n` })
        .expect(200);
      expect(res.body.data.rows).toEqual([expect.objectContaining({ name: 'Koma, Sari', role: 'leadership', roleLabel: 'Pimpinan', status: 'new' })]);
    });

    it.each([
      ['no file', {}, 'Pilih berkas CSV daftar akun staf.'],
      ['a file without the columns', { csv: 'name;mail\nA;a@b.id\n' }, /Baris judul harus memuat kolom nama, email, peran, bidang/],
    ])('refuses %s with a 400 and writes nothing', async (_label, body, message) => {
      const users = await app.strapi.db.query(USER).count({});
      const res = await app.http.post('/users-permissions/staff-import').set(admin).send(body).expect(400);
      expect(res.body.error.message).toEqual(message instanceof RegExp ? expect.stringMatching(message) : message);
      expect(await app.strapi.db.query(USER).count({})).toBe(users);
    });

    it('gives the template to download', async () => {
      const res = await app.http.get('/users-permissions/staff-import/template').set(admin).expect(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="templat-akun-staf.csv"');
      expect(res.text.startsWith('\ufeffnama;email;peran;bidang')).toBe(true);
    });
  });

  describe('a leaving staff member', () => {
    async function officerWithHistory() {
      const officer = await createStaff(app, 'officer');
      const created = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry()).expect(201);
      const { email, documentId, fullName } = (await app.strapi.db.query(USER).findOne({ where: { id: officer.id } })) as { email: string; documentId: string; fullName: string };
      return { officer, email, documentId, fullName, inquiry: created.body.data.documentId as string };
    }

    it('once blocked cannot sign in, and still has their name in the timeline', async () => {
      const { email, documentId, fullName, inquiry } = await officerWithHistory();
      await app.http.put(`${CM_USERS}/${documentId}`).set(admin).send({ blocked: true }).expect(200);
      const refused = await app.http.post('/api/auth/local').send({ identifier: email, password: 'Rahasia-2026!' });
      expect(refused.status).toBe(400);
      const reader = await createStaff(app, 'leadership');
      const events = await app.http.get(`/api/inquiries/${inquiry}/events`).set(reader.auth).expect(200);
      expect(events.body.data[0]).toMatchObject({ type: 'created', actorName: fullName });
    });

    it('cannot be deleted once named in a timeline: the admin is told to block instead', async () => {
      const { documentId } = await officerWithHistory();
      const res = await app.http.delete(`${CM_USERS}/${documentId}`).set(admin);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^Akun ini tercatat pada riwayat permohonan, jadi tidak dapat dihapus\. Centang "Diblokir"/);
      expect(await app.strapi.db.query(USER).findOne({ where: { documentId } })).not.toBeNull();
      const bulk = await app.http.post(`${CM_USERS}/actions/bulkDelete`).set(admin).send({ documentIds: [documentId] });
      expect(bulk.status).toBe(400);
      expect(await app.strapi.db.query(USER).findOne({ where: { documentId } })).not.toBeNull();
    });

    it('without any history can still be deleted (an account made by mistake)', async () => {
      const { email } = await addInAdmin();
      const { documentId } = await userByEmail(email);
      await app.http.delete(`${CM_USERS}/${documentId}`).set(admin).expect(200);
      expect(await app.strapi.db.query(USER).findOne({ where: { documentId } })).toBeNull();
    });
  });
});
