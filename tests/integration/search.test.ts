import { SEARCH_TEXT_MAX_LENGTH } from '@layanan/config';
import { FAQ_ENTRIES } from '../../cms/src/seed/data/faq';
import { seedFaq } from '../../cms/src/seed/reference';
import { signInEditor } from '../helpers/admin';
import { createStaff, type Staff } from '../helpers/builders';
import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';

const FAQ = 'api::faq-entry.faq-entry';
const SYNONYM = 'api::search-synonym.search-synonym';
const question = (keyword: string) => FAQ_ENTRIES.find((entry) => entry.keywords.includes(keyword))!.question;

interface Found {
  documentId: string;
  question: string;
  keywords: string[];
}

describe.each(databases())('one search engine for the public FAQ, the answer form and the Bidang suggestion, on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let editor: { Authorization: string };
  let officer: Staff;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    editor = await signInEditor(app);
    officer = await createStaff(app, 'officer');
    await seedFaq(app.strapi);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  const searchFaq = async (q: string, extra: Record<string, string | number> = {}) => {
    const res = await app.http.get('/api/faq-entries').query({ q, ...extra }).expect(200);
    return res.body as { data: Found[]; meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } } };
  };
  const questions = async (q: string) => (await searchFaq(q)).data.map((entry) => entry.question);

  it('ranks the public FAQ by what the citizen means: "akte", "ilang", "syarat kia"', async () => {
    expect((await questions('akte kelahiran'))[0]).toBe(question('syarat akta'));
    expect((await questions('ktp ilang'))[0]).toBe(question('ktp hilang'));
    expect((await questions('syarat kia'))[0]).toBe(question('syarat kia'));
    const first = (await searchFaq('ktp hilang')).data[0];
    expect(first.keywords).toContain('ktp hilang');
  });

  it('gives the officer the same ranking, and a page of it with the count of all', async () => {
    const all = await searchFaq('e-ktp', { 'pagination[pageSize]': 100 });
    const second = await searchFaq('e-ktp', { 'pagination[page]': 2, 'pagination[pageSize]': 2, sort: 'question:asc' });
    expect(second.data.map((entry) => entry.question)).toEqual(all.data.slice(2, 4).map((entry) => entry.question));
    expect(second.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: Math.ceil(all.data.length / 2), total: all.data.length });
    const kk = await searchFaq('hilang', { 'filters[serviceCategory][$eq]': 'kk' });
    expect(kk.data.map((entry) => entry.question)).toEqual([question('kk hilang')]);
    const asOfficer = await app.http.get('/api/faq-entries').query({ q: 'e-ktp', 'pagination[pageSize]': 100 }).set(officer.auth).expect(200);
    expect(asOfficer.body.data.map((entry: Found) => entry.question)).toEqual(all.data.map((entry) => entry.question));
  });

  it('suggests the Bidang of a request at triage from the same engine', async () => {
    const suggest = (q: string) => app.http.get('/api/search/division-suggestion').query({ q }).set(officer.auth).expect(200);
    expect((await suggest('Akte kematian bapak saya')).body.data).toMatchObject({ code: 'CAPIL', name: 'Bidang Pencatatan Sipil' });
    expect((await suggest('KK ilang waktu banjir')).body.data).toMatchObject({ code: 'DAFDUK' });
    expect((await suggest('halo')).body.data).toBeNull();
  });

  it('follows a synonym an editor adds, corrects and deletes in the admin panel, each at once', async () => {
    expect(await questions('ksk')).toEqual([]);
    const created = await app.http.post(`/content-manager/collection-types/${SYNONYM}`).set(editor).send({ words: 'KTP, KSK' }).expect(201);
    expect((await questions('ksk ilang'))[0]).toBe(question('ktp hilang'));
    // KSK, the old Kartu Susunan Keluarga, is the family card: the editor puts it right.
    const corrected = await app.http
      .put(`/content-manager/collection-types/${SYNONYM}/${created.body.data.documentId}`)
      .set(editor)
      .send({ words: ' KK ,  KSK, kartu susunan keluarga ' })
      .expect(200);
    expect(corrected.body.data.words).toBe('KK, KSK, kartu susunan keluarga');
    expect((await questions('ksk ilang'))[0]).toBe(question('kk hilang'));
    expect((await questions('kartu susunan keluarga baru'))[0]).toBe(question('kk baru'));
    await app.http.delete(`/content-manager/collection-types/${SYNONYM}/${created.body.data.documentId}`).set(editor).expect(200);
    expect(await questions('ksk')).toEqual([]);
  });

  it('refuses a synonym entry of one word with the reason, in Indonesian', async () => {
    const res = await app.http.post(`/content-manager/collection-types/${SYNONYM}`).set(editor).send({ words: 'ksk' }).expect(400);
    expect(res.body.error.message).toBe('Padanan kata perlu paling sedikit dua kata atau frasa, dipisahkan koma, misalnya: akta, akte.');
  });

  it('never shows an unpublished entry, and shows it once published', async () => {
    const draft = await app.http
      .post(`/content-manager/collection-types/${FAQ}`)
      .set(editor)
      .send({ question: 'Bagaimana mengurus surat keterangan domisili usaha (SKDU)?', answer: 'Diurus di kelurahan, bukan di Disdukcapil.', serviceCategory: 'lainnya', keywords: [{ keyword: 'skdu' }] })
      .expect(201);
    const { documentId } = draft.body.data;
    expect(await questions('skdu')).toEqual([]);
    await app.http.post(`/content-manager/collection-types/${FAQ}/${documentId}/actions/publish`).set(editor).send({}).expect(200);
    expect(await questions('skdu')).toEqual(['Bagaimana mengurus surat keterangan domisili usaha (SKDU)?']);
    // A later edit is a draft again: the public search keeps to what was published.
    await app.http.put(`/content-manager/collection-types/${FAQ}/${documentId}`).set(editor).send({ keywords: [{ keyword: 'skdu' }, { keyword: 'izin usaha' }] }).expect(200);
    expect(await questions('izin')).toEqual([]);
    await app.http.post(`/content-manager/collection-types/${FAQ}/${documentId}/actions/unpublish`).set(editor).send({}).expect(200);
    expect(await questions('skdu')).toEqual([]);
  });

  it.each([
    ['a text longer than the limit', { q: 'a'.repeat(SEARCH_TEXT_MAX_LENGTH + 1) }, `Teks pencarian terlalu panjang (paling banyak ${SEARCH_TEXT_MAX_LENGTH} karakter).`],
    ['two texts at once', { 'q[0]': 'ktp', 'q[1]': 'kk' }, 'Teks pencarian (q) harus berupa satu teks.'],
  ])('refuses %s with a 400 that says why', async (_what, query, message) => {
    const res = await app.http.get('/api/faq-entries').query(query).expect(400);
    expect(res.body.error.message).toBe(message);
    const suggestion = await app.http.get('/api/search/division-suggestion').query(query).set(officer.auth).expect(400);
    expect(suggestion.body.error.message).toBe(message);
  });

  it.each(["'; DROP TABLE faq_entries; --", '%%%___\\\\', '🙂🙂🙂', '', '   ', '<script>alert(1)</script>'])('answers %j with a list, never an error', async (q) => {
    const { data } = await searchFaq(q);
    expect(Array.isArray(data)).toBe(true);
    expect(data.length).toBeLessThan(FAQ_ENTRIES.length);
  });
});
