import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { signPreview } from '../../cms/src/utils/preview';
import { signInEditor } from '../helpers/admin';
import { officeHoursRowLabel, type OfficeHoursRow } from '@layanan/config';

const FAQ = 'api::faq-entry.faq-entry';

interface Metadata {
  edit: { label?: string; description?: string; visible?: boolean; editable?: boolean };
  list: { label?: string };
}
interface Configuration {
  settings: { mainField: string; defaultSortBy: string };
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: { name: string; size: number }[][] };
}

describe.each(databases())('the admin panel for content editors on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let editor: { Authorization: string };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    editor = await signInEditor(app);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  async function view(uid: string): Promise<Configuration> {
    const res = await app.http.get(`/content-manager/content-types/${uid}/configuration`).set(editor).expect(200);
    return res.body.data.contentType as Configuration;
  }

  describe('every field reads in Indonesian on a fresh install', () => {
    it('an FAQ entry is titled by its question and listed by question, service and Bidang', async () => {
      const faq = await view(FAQ);
      expect(faq.settings.mainField).toBe('question');
      expect(faq.layouts.list).toEqual(['question', 'serviceCategory', 'division']);
      expect(faq.layouts.edit.map((row) => row.map((field) => field.name))).toEqual([['question'], ['answer'], ['serviceCategory', 'division'], ['keywords']]);
      const labels = Object.fromEntries(['question', 'answer', 'serviceCategory', 'division', 'keywords', 'updatedAt'].map((f) => [f, faq.metadatas[f].edit.label ?? faq.metadatas[f].list.label]));
      expect(labels).toEqual({ question: 'Pertanyaan', answer: 'Jawaban', serviceCategory: 'Kategori layanan', division: 'Bidang', keywords: 'Kata kunci', updatedAt: 'Diperbarui' });
      expect(faq.metadatas.question.list.label).toBe('Pertanyaan');
      for (const field of ['question', 'answer', 'serviceCategory', 'division', 'keywords']) expect(faq.metadatas[field].edit.description).toMatch(/\w{4,}/);
      // The hint names the options as the select shows them, never the codes the database stores.
      expect(faq.metadatas.serviceCategory.edit.description).toContain('KTP-el, Kartu Keluarga, Kartu Identitas Anak');
      expect(faq.metadatas.serviceCategory.edit.description).not.toMatch(/\b(kk|ktp_el|akta_kelahiran)\b/);
    });

    it('a Bidang is titled by its name, and its requests are not edited from here', async () => {
      const division = await view('api::division.division');
      expect(division.settings.mainField).toBe('name');
      expect(division.layouts.list).toEqual(['name', 'code', 'active']);
      expect(division.metadatas.name.edit).toMatchObject({ label: 'Nama Bidang' });
      expect(division.metadatas.topics.edit.label).toBe('Topik');
      expect(division.metadatas.inquiries.edit).toMatchObject({ visible: false, editable: false });
    });

    it('a holiday is titled by its name and listed by date, name and kind', async () => {
      const holiday = await view('api::holiday.holiday');
      expect(holiday.settings).toMatchObject({ mainField: 'name', defaultSortBy: 'date' });
      expect(holiday.layouts.list).toEqual(['date', 'name', 'kind']);
      expect(holiday.metadatas.kind.edit.description).toContain('Libur nasional, Cuti bersama, Libur daerah');
      expect(holiday.metadatas.kind.edit.description).not.toMatch(/cuti_bersama|national/);
    });

    it('the SOP policy names each step budget by its SOP step, and its revision counts itself', async () => {
      const policy = await view('api::sop-policy.sop-policy');
      expect(policy.metadatas.sopNumber.edit.label).toBe('Nomor SOP');
      expect(policy.metadatas.revisionDate.edit.label).toBe('Tanggal revisi');
      expect(policy.metadatas.triageMinutes.edit.label).toBe('Menit pemilahan (langkah 2)');
      expect(policy.metadatas.triageMinutes.edit.description).toContain('15 menit');
      expect(policy.metadatas.coordinationMinutes.edit.label).toBe('Menit koordinasi (langkah 3)');
      expect(policy.metadatas.answerMinutes.edit.label).toBe('Menit menjawab (langkah 4)');
      expect(policy.metadatas.laporForwardingDays.edit.label).toBe('Hari kerja verifikasi LAPOR!');
      expect(policy.metadatas.laporFollowUpDays.edit.description).toContain('5 hari kerja');
      expect(policy.metadatas.laporClosureDays.edit.label).toBe('Hari kerja penutupan LAPOR!');
      expect(policy.metadatas.clockMode.edit.description).toContain('Jam kerja (hari libur dan di luar jam kantor tidak dihitung); Waktu kalender');
      expect(policy.metadatas.clockMode.edit.description).not.toMatch(/working|calendar/);
      expect(policy.metadatas.revision.edit.editable).toBe(false);
    });
  });

  it('titles each office-hours row by its day and hours, and keeps the title out of the inputs', async () => {
    const res = await app.http.get('/content-manager/components/sop.office-hours/configuration').set(editor).expect(200);
    const view = res.body.data.component as Configuration;
    expect(view.settings.mainField).toBe('label');
    expect(view.layouts.edit.flat().map((field) => field.name)).toEqual(['day', 'opensAt', 'closesAt']);
    const policy = await app.http.get('/content-manager/single-types/api::sop-policy.sop-policy').set(editor).expect(200);
    const rows = policy.body.data.officeHours as (OfficeHoursRow & { label: string })[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.label)).toEqual(rows.map(officeHoursRowLabel));
    expect(rows[0].label).toMatch(/^Senin \d{2}\.\d{2}–\d{2}\.\d{2}$/);
  });

  describe('a save the workflow refuses keeps the editor on the form, the input marked, in Indonesian', () => {
    const ENGLISH = /\b(must|attribute|unique|error|occurred|invalid)\b/i;

    /** What the admin panel reads from a refused save: its notice, and each input it marks. */
    function refusal(res: { status: number; body: { error: { name: string; message: string; details: { errors?: { path: string[]; message: string }[] } } } }) {
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).not.toMatch(ENGLISH);
      return { notice: res.body.error.message, marked: (res.body.error.details.errors ?? []).map((error) => [error.path.join('.'), error.message]) };
    }

    it('office hours closing before they open mark that row’s closing time, and the policy stays as it was', async () => {
      const before = await app.http.get('/content-manager/single-types/api::sop-policy.sop-policy').set(editor).expect(200);
      const rows = [
        { day: 'senin', opensAt: '07:30:00.000', closesAt: '15:30:00.000' },
        { day: 'kamis', opensAt: '16:00:00.000', closesAt: '08:00:00.000' },
      ];
      const res = await app.http.put('/content-manager/single-types/api::sop-policy.sop-policy').set(editor).send({ ...before.body.data, officeHours: rows });
      const message = 'Jam kantor Kamis (baris 2): jam tutup 08.00 harus setelah jam buka 16.00.';
      expect(refusal(res)).toEqual({ notice: message, marked: [['officeHours.1.closesAt', message]] });
      const after = await app.http.get('/content-manager/single-types/api::sop-policy.sop-policy').set(editor).expect(200);
      expect(after.body.data.revision).toBe(before.body.data.revision);
      expect(after.body.data.officeHours.length).toBe(before.body.data.officeHours.length);
    });

    it('an FAQ keyword given twice marks the second row', async () => {
      const entry = await app.strapi.documents(FAQ).create({ data: { question: 'Apakah KTP-el yang hilang dapat dicetak ulang?', answer: 'Dapat, dengan surat kehilangan.', serviceCategory: 'ktp_el' } as never });
      const res = await app.http
        .put(`/content-manager/collection-types/${FAQ}/${entry.documentId}`)
        .set(editor)
        .send({ question: entry.question, keywords: [{ keyword: 'KTP hilang' }, { keyword: 'ktp  hilang' }] });
      const message = 'Kata kunci "ktp  hilang" (baris 2) sudah ada di baris 1.';
      expect(refusal(res)).toEqual({ notice: message, marked: [['keywords.1.keyword', message]] });
    });

    it('a holiday on a date already entered names the holiday that has it', async () => {
      await app.strapi.documents('api::holiday.holiday').create({ data: { date: '2031-08-17', name: 'Hari Kemerdekaan RI', kind: 'national' } as never });
      const res = await app.http.post('/content-manager/collection-types/api::holiday.holiday').set(editor).send({ date: '2031-08-17', name: 'HUT RI', kind: 'national' });
      const message = 'Tanggal 17 Agustus 2031 sudah dipakai oleh "Hari Kemerdekaan RI". Isi tanggal lain, atau ubah entri itu.';
      expect(refusal(res)).toEqual({ notice: message, marked: [['date', message]] });
      expect(await app.strapi.db.query('api::holiday.holiday').count({ where: { date: '2031-08-17' } })).toBe(1);
    });

    it('a Bidang given the code of another names that Bidang, and saving it with its own code still works', async () => {
      const [first, second] = (await app.strapi.db.query('api::division.division').findMany({ select: ['documentId', 'name', 'code'], orderBy: { id: 'asc' }, limit: 2 })) as {
        documentId: string;
        name: string;
        code: string;
      }[];
      const path = `/content-manager/collection-types/api::division.division/${second.documentId}`;
      const res = await app.http.put(path).set(editor).send({ name: second.name, code: first.code });
      const message = `Kode ${first.code} sudah dipakai oleh "${first.name}". Isi kode lain, atau ubah entri itu.`;
      expect(refusal(res)).toEqual({ notice: message, marked: [['code', message]] });
      await app.http.put(path).set(editor).send({ name: second.name, code: second.code }).expect(200);
    });
  });

  describe('an FAQ draft previewed before it is published', () => {
    const question = 'Bagaimana cara mengurus KIA untuk bayi yang baru lahir? (draf)';
    const answer = 'Draf jawaban: bawa akta kelahiran dan Kartu Keluarga ke loket Disdukcapil.';
    let documentId: string;
    let previewPath: string;

    beforeAll(async () => {
      const draft = await app.strapi.documents(FAQ).create({ data: { question, answer, serviceCategory: 'kia' } as never });
      documentId = draft.documentId;
      const res = await app.http
        .get(`/content-manager/preview/url/${FAQ}`)
        .query({ documentId, status: 'draft' })
        .set(editor)
        .expect(200);
      const url = new URL(res.body.data.url, 'http://site.test');
      expect(url.pathname).toBe(`/faq/pratinjau/${documentId}`);
      previewPath = `/api/faq-preview/${documentId}?token=${encodeURIComponent(url.searchParams.get('token')!)}`;
    });

    it('the editor’s preview link shows the draft as the citizen will read it', async () => {
      const res = await app.http.get(previewPath).expect(200);
      expect(res.body.data).toMatchObject({ documentId, question, answer, serviceCategory: 'kia' });
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('without the token, with another entry’s token or with an expired one, no draft text leaks', async () => {
      const other = await app.strapi.documents(FAQ).create({ data: { question: 'Entri lain (draf)', answer: 'Isi lain.' } as never });
      const secret = app.strapi.config.get('admin.auth.secret') as string;
      const refused = [
        `/api/faq-preview/${documentId}`,
        `/api/faq-preview/${documentId}?token=`,
        `/api/faq-preview/${documentId}?token=${encodeURIComponent(signPreview(secret, other.documentId))}`,
        `/api/faq-preview/${documentId}?token=${encodeURIComponent(signPreview(secret, documentId, Date.now() - 3 * 3600_000))}`,
        `/api/faq-preview/${documentId}?token=${encodeURIComponent(signPreview('another-secret', documentId))}`,
        `/api/faq-preview/${documentId}?token[$ne]=x`,
      ];
      for (const path of refused) {
        const res = await app.http.get(path);
        expect([path, res.status]).toEqual([path, 404]);
        expect(res.text).not.toContain('Draf jawaban');
        expect(res.body.error.message).toMatch(/Pratinjau tidak tersedia/);
      }
    });

    it('the content API still serves published entries only', async () => {
      for (const path of ['/api/faq-entries', `/api/faq-entries/${documentId}`, '/api/faq-entries?status=draft', `/api/faq-entries/${documentId}?status=draft`]) {
        const res = await app.http.get(path);
        expect(res.status).toBeLessThan(500);
        expect(res.text).not.toContain('Draf jawaban');
      }
    });

    it('once published, the public FAQ shows what the preview showed', async () => {
      await app.strapi.documents(FAQ).publish({ documentId });
      const res = await app.http.get('/api/faq-entries').query({ 'pagination[pageSize]': 100 }).expect(200);
      expect(res.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ documentId, question, answer })]));
    });

    it('other editor content types have no public page to preview', async () => {
      const division = await app.strapi.db.query('api::division.division').findOne({ select: ['documentId'] });
      await app.http.get('/content-manager/preview/url/api::division.division').query({ documentId: division.documentId, status: 'draft' }).set(editor).expect(204);
    });
  });
});
