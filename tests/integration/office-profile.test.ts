import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Response } from 'supertest';
import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildPublicInquiry, createStaff, type Staff } from '../helpers/builders';
import { signInEditor } from '../helpers/admin';
import { FakeSmtp } from '../helpers/fake-smtp';
import { drain, virtualClock } from '../helpers/telegram';

const PROFILE = 'api::office-profile.office-profile';
/** The file a person opens to look at the report as printed. */
const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'pdf');
const PDF_TEXT = path.join(__dirname, '..', 'helpers', 'pdf-text.mjs');
/** Monday 2 November 2026, 09:00 WIB. */
const MONDAY_0900 = new Date('2026-11-02T02:00:00Z');

function binary(res: Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

const pdfText = (pdf: Buffer): string =>
  (JSON.parse(execFileSync(process.execPath, [PDF_TEXT], { input: pdf, maxBuffer: 64 * 1024 * 1024 }).toString()) as { text: string[] }).text.join('\n').replace(/\s+/g, ' ').replace(/\/ /g, '/');

describe.each(databases())('the Profil Dinas on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let smtp: FakeSmtp;
  let leadership: Staff;
  let editor: { Authorization: string };
  let clock: ReturnType<typeof virtualClock>;

  const recapPdf = async (query = 'from=2026-11-01&to=2026-11-30') => {
    const res = await app.http.get(`/api/recap/export?${query}&format=pdf`).set(leadership.auth).buffer(true).parse(binary).expect(200);
    return res.body as Buffer;
  };
  const editProfile = (data: Record<string, unknown>) => app.http.put(`/content-manager/single-types/${PROFILE}`).set(editor).send(data).expect(200);

  beforeAll(async () => {
    smtp = await new FakeSmtp().start();
    db = await createTestDatabase(kind);
    app = await bootApp(db, { ...smtp.env(), PUBLIC_URL: 'https://layanan.example.go.id' });
    clock = virtualClock(app, MONDAY_0900);
    leadership = await createStaff(app, 'leadership');
    editor = await signInEditor(app, `profil-${kind}@dinas.test`);
  });
  afterAll(async () => {
    await app?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  it('starts as the Disdukcapil of Kota Probolinggo, and shows the public its identity without the signatory or the codes', async () => {
    const res = await app.http.get('/api/public/office').expect(200);
    expect(res.body.data).toMatchObject({
      governmentName: 'Pemerintah Kota Probolinggo',
      fullName: 'Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo',
      city: 'Probolinggo',
      phone: '(0335) 4438894',
    });
    expect(Object.keys(res.body.data).filter((key) => /signatory|signer|nip|classificationCode|unitCode/i.test(key))).toEqual([]);
  });

  it('an editor renames and moves the Dinas: the public endpoint, a mail receipt and the Rekap PDF name the new one at once', async () => {
    await editProfile({
      governmentName: 'Pemerintah Kota Contoh',
      regionName: 'Kota Contoh',
      city: 'Contoh',
      address: 'Jalan Merdeka No. 9',
      postcode: '12345',
      signatoryMode: 'on_behalf',
      signerPosition: 'Sekretaris',
      signatoryName: 'Dra. Ratna Sari, M.Si.',
      signatoryRank: 'Pembina (IV/a)',
      signatoryNip: '197001011995032001',
    });

    const office = (await app.http.get('/api/public/office').expect(200)).body.data;
    expect(office).toMatchObject({ fullName: 'Dinas Kependudukan dan Pencatatan Sipil Kota Contoh', address: 'Jalan Merdeka No. 9', postcode: '12345' });

    const sent = smtp.received.length;
    await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
    await drain(app, clock, { maxRounds: 50 });
    const [receipt] = await smtp.waitForMail(sent + 1);
    expect((smtp.received[sent] ?? receipt).raw.toString().replace(/=\r?\n/g, '')).toContain('Dinas Kependudukan dan Pencatatan Sipil Kota Contoh');

    const text = pdfText(await recapPdf());
    expect(text).toContain('PEMERINTAH KOTA CONTOH');
    expect(text).toContain('Jalan Merdeka No. 9 Kode Pos 12345');
    expect(text).toContain('Contoh, 2 November 2026');
    expect(text).toContain('a.n. KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KOTA PROBOLINGGO Sekretaris,');
    expect(text).toContain('Dra. Ratna Sari, M.Si. Pembina (IV/a) NIP 19700101 199503 2 001');
    expect(text).not.toContain('PEMERINTAH KOTA PROBOLINGGO');
  });

  it('numbers the Rekap PDFs one after another within a year, and from 0001 again on 1 January', async () => {
    const numberOf = async () => /Nomor: (\S+)/.exec(pdfText(await recapPdf()))?.[1];
    const first = await numberOf();
    expect(first).toMatch(/^400\.14\.4\/\d{4}\/425\.111\/2026$/);
    const serial = Number(first!.split('/')[1]);
    expect(await numberOf()).toBe(`400.14.4/${String(serial + 1).padStart(4, '0')}/425.111/2026`);
    // 1 January 2027, 00:30 WIB: still 31 December in UTC.
    clock.set(new Date('2026-12-31T17:30:00Z'));
    expect(await numberOf()).toBe('400.14.4/0001/425.111/2027');
    clock.set(MONDAY_0900);
    expect(await numberOf()).toBe(`400.14.4/${String(serial + 2).padStart(4, '0')}/425.111/2026`);

    await editProfile({ classificationCode: '' });
    expect(pdfText(await recapPdf())).not.toContain('Nomor:');
    await editProfile({ classificationCode: '400.14.4' });
  });

  it('records each PDF: anyone with its code sees what it is and its SHA-256, which is the file’s, and nothing about who made it', async () => {
    const file = await recapPdf('from=2026-11-01&to=2026-11-15&channel=whatsapp');
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, `rekap-${kind}.pdf`), file);
    const link = /https:\/\/layanan\.example\.go\.id\/verifikasi\/([A-Z0-9]+)/.exec(pdfText(file));
    expect(link).not.toBeNull();
    const res = await app.http.get(`/api/public/documents/${link![1]}`).expect(200);
    expect(res.body.data).toMatchObject({
      verificationId: link![1],
      title: 'Rekap Informasi',
      period: { from: '2026-11-01', to: '2026-11-15', words: '1–15 November 2026' },
      filters: 'Kanal: WhatsApp',
      generatedByRole: 'Pimpinan',
      sha256: createHash('sha256').update(file).digest('hex'),
    });
    expect(res.body.data.number).toMatch(/^400\.14\.4\/\d{4}\/425\.111\/2026$/);
    expect(new Date(res.body.data.generatedAt).toISOString()).toBe(MONDAY_0900.toISOString());
    const maker = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: leadership.id } });
    for (const personal of [maker.email, maker.username]) expect(JSON.stringify(res.body)).not.toContain(personal);

    const unknown = await app.http.get('/api/public/documents/ZZZZZZZZZZ').expect(404);
    expect(unknown.body.error.message).toBe('Dokumen tidak ditemukan. Periksa kembali kode verifikasi yang tercetak di dokumen.');
    expect((await app.http.get('/api/public/documents/%27%3B--').expect(404)).body.error.message).toMatch(/^Dokumen tidak ditemukan/);
  });
});
