import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { signPreview } from '../../cms/src/utils/preview';
import { signInEditor } from '../helpers/admin';

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
      // Filters and the API speak in the stored codes: the hint says what each one means.
      expect(faq.metadatas.serviceCategory.edit.description).toContain('kk = Kartu Keluarga');
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
      expect(holiday.metadatas.kind.edit.description).toContain('cuti_bersama = Cuti bersama');
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
      expect(policy.metadatas.clockMode.edit.description).toContain('working = Jam kerja');
      expect(policy.metadatas.revision.edit.editable).toBe(false);
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
