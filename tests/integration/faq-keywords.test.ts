import { FAQ_ENTRIES } from '../../cms/src/seed/data/faq';
import { seedFaq } from '../../cms/src/seed/reference';
import { signInEditor } from '../helpers/admin';
import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';

const FAQ = 'api::faq-entry.faq-entry';
const LOST_KTP = FAQ_ENTRIES.find((entry) => entry.keywords.includes('ktp hilang'))!;

interface PublicEntry {
  documentId: string;
  question: string;
  keywords: string[];
}

async function publicFaq(app: TestApp): Promise<PublicEntry[]> {
  const res = await app.http.get('/api/faq-entries').query({ 'pagination[pageSize]': 100, 'fields[0]': 'question', 'fields[1]': 'answer' }).expect(200);
  return res.body.data;
}

async function keywordRowsOf(app: TestApp, documentId: string, status: 'draft' | 'published') {
  const entry = (await app.strapi.documents(FAQ).findOne({ documentId, status, populate: { keywords: true } } as never)) as { keywords: { keyword: string }[] } | null;
  return entry?.keywords.map((row) => row.keyword);
}

describe.each(databases())('FAQ keywords as rows an editor adds and removes, on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let editor: { Authorization: string };
  let lostKtp: PublicEntry;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    editor = await signInEditor(app);
    await seedFaq(app.strapi);
    lostKtp = (await publicFaq(app)).find((entry) => entry.question === LOST_KTP.question)!;
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  const edit = (keywords: unknown) =>
    app.http.put(`/content-manager/collection-types/${FAQ}/${lostKtp.documentId}`).set(editor).send({ keywords });
  const publish = () => app.http.post(`/content-manager/collection-types/${FAQ}/${lostKtp.documentId}/actions/publish`).set(editor).send({}).expect(200);

  it('the seed’s entries come with their keywords, which the public FAQ reads as a list of words', async () => {
    expect(lostKtp.keywords).toEqual(LOST_KTP.keywords);
    const one = await app.http.get(`/api/faq-entries/${lostKtp.documentId}`).expect(200);
    expect(one.body.data.keywords).toEqual(LOST_KTP.keywords);
  });

  it('an editor adds a keyword and removes another in the admin panel; the citizen finds the entry by it once published', async () => {
    const rows = [...LOST_KTP.keywords.filter((keyword) => keyword !== 'ganti ktp'), '  e-KTP   hilang '].map((keyword) => ({ keyword }));
    await edit(rows).expect(200);
    expect((await publicFaq(app)).find((entry) => entry.documentId === lostKtp.documentId)!.keywords).toEqual(LOST_KTP.keywords);
    await publish();
    const keywords = (await publicFaq(app)).find((entry) => entry.documentId === lostKtp.documentId)!.keywords;
    expect(keywords).toContain('e-KTP   hilang');
    expect(keywords).not.toContain('ganti ktp');
    // The public FAQ search can match on a keyword row too.
    const found = await app.http.get('/api/faq-entries').query({ 'filters[keywords][keyword][$containsi]': 'e-ktp   hilang' }).expect(200);
    expect(found.body.data.map((entry: PublicEntry) => entry.documentId)).toEqual([lostKtp.documentId]);
  });

  it.each([
    ['an empty row', [{ keyword: 'ktp hilang' }, { keyword: '   ' }], 'Kata kunci baris 2 kosong: isi atau hapus barisnya.'],
    ['the same keyword twice, whatever its case and spacing', [{ keyword: 'KTP hilang' }, { keyword: 'cetak ulang' }, { keyword: ' ktp  HILANG' }], 'Kata kunci "ktp  HILANG" (baris 3) sudah ada di baris 1.'],
  ])('refuses %s with a message in Indonesian, and writes nothing', async (_what, keywords, message) => {
    const before = await keywordRowsOf(app, lostKtp.documentId, 'draft');
    const res = await edit(keywords);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
    expect(await keywordRowsOf(app, lostKtp.documentId, 'draft')).toEqual(before);
  });

  it('lets the content editors’ role read and write each keyword row, and the office-hours rows too', async () => {
    const res = await app.http.get('/admin/users/me/permissions').set(editor).expect(200);
    const fieldsOf = (action: string, subject: string) =>
      res.body.data.find((p: { action: string; subject: string }) => p.action === `plugin::content-manager.explorer.${action}` && p.subject === subject)?.properties.fields;
    for (const action of ['read', 'update', 'create']) {
      expect(fieldsOf(action, FAQ)).toEqual(expect.arrayContaining(['question', 'keywords.keyword']));
      expect(fieldsOf(action, 'api::sop-policy.sop-policy')).toEqual(expect.arrayContaining(['officeHours.day', 'officeHours.opensAt', 'officeHours.closesAt']));
    }
  });

  it('labels the keyword rows in Indonesian in the admin panel', async () => {
    const res = await app.http.get('/content-manager/components/faq.keyword/configuration').set(editor).expect(200);
    const { keyword } = res.body.data.component.metadatas as Record<string, { edit: { label: string; description: string } }>;
    expect(keyword.edit.label).toBe('Kata kunci');
    expect(keyword.edit.description).toMatch(/satu kata atau frasa per baris/i);
    expect(res.body.data.component.settings.mainField).toBe('keyword');
  });
});

describe.each(databases())('a database from before FAQ keywords were rows, on %s', (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('keeps every entry’s keywords, in the draft and the published version alike, after the upgrade', async () => {
    // An install of the previous version: each row's keywords in a JSON column.
    const first = await bootApp(db);
    await seedFaq(first.strapi);
    const { documentId } = (await first.strapi.db.query(FAQ).findOne({ where: { question: LOST_KTP.question }, select: ['documentId'] })) as { documentId: string };
    const knex = first.strapi.db.connection;
    await knex.schema.alterTable('faq_entries', (table) => {
      table.jsonb('keywords');
    });
    await knex('faq_entries').update({ keywords: JSON.stringify(['syarat', 'berkas']) });
    await knex('faq_entries').where({ document_id: documentId }).whereNull('published_at').update({ keywords: JSON.stringify(['ktp hilang', 'draf editor', 'KTP hilang', '']) });
    await knex('faq_entries').where({ document_id: documentId }).whereNotNull('published_at').update({ keywords: JSON.stringify(['ktp hilang', 'surat kehilangan']) });
    await knex('faq_entries_cmps').delete();
    await knex('components_faq_keywords').delete();
    await knex('strapi_migrations').where({ name: '2026.12.02T00.00.00.faq-keywords-as-rows.js' }).delete();
    await first.stop();

    const upgraded = await bootApp(db);
    try {
      // Blanks and repeats of the old lists are left out; the editor's unpublished draft stays a draft.
      expect(await keywordRowsOf(upgraded, documentId, 'draft')).toEqual(['ktp hilang', 'draf editor']);
      expect(await keywordRowsOf(upgraded, documentId, 'published')).toEqual(['ktp hilang', 'surat kehilangan']);
      const entries = (await publicFaq(upgraded)) as PublicEntry[];
      expect(entries.find((entry) => entry.documentId === documentId)!.keywords).toEqual(['ktp hilang', 'surat kehilangan']);
      expect(entries.filter((entry) => entry.documentId !== documentId).every((entry) => entry.keywords.join() === 'syarat,berkas')).toBe(true);
      expect(await upgraded.strapi.db.connection.schema.hasTable('faq_entry_keywords_json')).toBe(false);
    } finally {
      await upgraded.stop();
    }
  });
});
