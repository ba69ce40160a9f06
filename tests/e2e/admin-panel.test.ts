import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bootApp, createTestDatabase, type TestApp, type TestDatabase } from '../helpers/strapi';
import { freePort, launchChromium, type HeadlessBrowser } from '../helpers/browser';
import { ensureAdminBuild } from '../helpers/admin-build';
import { waitFor } from '../helpers/wait';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'screenshots');
const STRAPI_TRANSLATIONS = ['admin/dist/admin/admin/src/translations', 'content-manager/dist/admin/translations'];
const PASSWORD = 'Layanan2026!';
const FAQ = 'api::faq-entry.faq-entry';

function catalogue(dir: string, language: string): Record<string, string> {
  const loaded = require(path.join(ROOT, 'node_modules', '@strapi', dir, `${language}.json.js`));
  return loaded.default ?? loaded;
}

/**
 * Strapi's English phrases that would give a screen away as untranslated: its catalogues' texts of two
 * words or more, without placeholders, that the Indonesian ones do not share, and the short button words.
 */
function englishPhrases(): string[] {
  const indonesian = new Set(STRAPI_TRANSLATIONS.flatMap((dir) => Object.values(catalogue(dir, 'id'))));
  const phrases = STRAPI_TRANSLATIONS.flatMap((dir) => Object.values(catalogue(dir, 'en'))).filter(
    (text) => !/[{<]/.test(text) && text.trim().split(/\s+/).length >= 2 && !indonesian.has(text),
  );
  return [...new Set([...phrases, 'Save', 'Publish', 'Published', 'Draft', 'Modified', 'Filters', 'Search', 'Delete', 'Edit', 'Home', 'Settings', 'Entries', 'Entry', 'Untitled'])];
}

async function englishOn(page: Page, phrases: string[]): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return phrases.filter((phrase) => new RegExp(`(^|[^\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text));
}

/** The content editor's day in the admin panel, in a real headless Chromium: sign in, find an FAQ entry, edit it, preview its draft. */
describe('the admin panel for content editors, in Chromium', () => {
  let db: TestDatabase;
  let app: TestApp;
  let chromium: HeadlessBrowser;
  let browser: Browser;
  let base: string;
  let page: Page;
  const english = englishPhrases();
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

  beforeAll(async () => {
    ensureAdminBuild();
    mkdirSync(ARTIFACTS, { recursive: true });
    db = await createTestDatabase('sqlite');
    const port = await freePort();
    app = await bootApp(db, { DEMO_DATA: 'true', DEMO_INQUIRIES: '3', SERVE_ADMIN: 'true', HOST: '127.0.0.1', PORT: String(port) });
    const banner = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await app.strapi.listen().finally(() => banner.mockRestore());
    const address = app.strapi.server.httpServer.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
    chromium = await launchChromium();
    browser = chromium.browser;
    // A browser on an English system: the panel must still start in Indonesian.
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Asia/Jakarta' })).newPage();
    // Building the admin panel takes minutes on a busy machine.
  }, 600_000);
  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
    await db?.drop();
  });

  it('greets on the login page with the product and the Dinas from its profile, in Indonesian', async () => {
    await page.goto(`${base}/admin`);
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    await page.getByText('Masuk ke panel konten Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo').waitFor();
    await page.getByRole('heading', { name: 'Layanan Informasi' }).waitFor();
    await shot('admin-login');
    expect(await englishOn(page, english)).toEqual([]);
  });

  it('reminds on the home page, from 1 November, that next year has no holidays yet', async () => {
    app.strapi.plugin('sop-workflow').service('clock').use(() => new Date('2026-11-03T02:00:00Z'));
    await app.strapi.db.query('api::holiday.holiday').deleteMany({ where: { date: { $gte: '2027-01-01', $lte: '2027-12-31' } } });
    await page.fill('input[name="email"]', 'editor@demo.local');
    await page.fill('input[name="password"]', PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'));
    const notice = page.getByTestId('holiday-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toBe('Hari libur 2027 belum diisi: masukkan libur nasional dan cuti bersama 2027 sesuai SKB.');
    await page.getByRole('link', { name: 'Buka Hari Libur' }).waitFor();
    await shot('admin-holiday-notice');
    expect(await englishOn(page, english)).toEqual([]);
    app.strapi.plugin('sop-workflow').service('clock').reset();
  });

  it('lists the FAQ by question, service and Bidang, in Indonesian', async () => {
    await page.goto(`${base}/admin/content-manager/collection-types/${FAQ}`);
    await page.getByRole('link', { name: 'Buat entri baru' }).waitFor();
    await page.getByText(/\d+ entri ditemukan/).waitFor();
    const headers = (await page.locator('thead').innerText()).toLowerCase();
    for (const header of ['pertanyaan', 'kategori layanan', 'bidang', 'status']) expect(headers).toContain(header);
    // Service categories read by their labels, not by the codes the database stores.
    const rows = await page.locator('tbody').innerText();
    expect(rows).toMatch(/KTP-el|Akta Kelahiran/);
    expect(rows).not.toMatch(/\b(ktp_el|akta_kelahiran|akta_kematian|perkawinan_perceraian|pindah_datang)\b/);
    await shot('admin-faq-list');
    expect(await englishOn(page, english)).toEqual([]);
  });

  it('edits an entry with Indonesian labels, hints and buttons', async () => {
    await page.getByRole('row').nth(1).getByRole('gridcell').nth(1).click();
    await page.getByRole('button', { name: 'Terbitkan' }).waitFor();
    await page.getByRole('button', { name: 'Simpan' }).waitFor();
    await page.getByText('Kategori layanan').first().waitFor();
    await page.getByText('Kata kunci').first().waitFor();
    // Keywords are rows the editor may see and change, with a button to add one.
    await page.getByRole('button', { name: /Tambah entri/ }).first().waitFor();
    expect(await page.getByText('Anda tidak berhak melihat kolom ini').count()).toBe(0);
    await shot('admin-faq-edit');
    expect(await englishOn(page, english)).toEqual([]);
  });

  it('keeps what the editor typed when a save is refused, and says in Indonesian which keyword row it is about', async () => {
    const entry = await app.strapi.documents(FAQ).create({
      data: { question: 'Apakah akta kelahiran dapat diurus tanpa surat nikah?', answer: 'Dapat, dengan catatan.', serviceCategory: 'akta_kelahiran', keywords: [{ keyword: 'akta lahir' }] } as never,
    });
    const typedAnswer = 'Dapat. Akta kelahiran terbit dengan catatan nama ibu saja; bawa surat keterangan lahir dan KK.';
    await page.goto(`${base}/admin/content-manager/collection-types/${FAQ}/${entry.documentId}`);
    await page.locator('textarea[name="answer"]').fill(typedAnswer);
    await page.getByRole('button', { name: /Tambah entri/ }).first().click();
    await page.locator('input[name="keywords.1.keyword"]').fill('Akta  Lahir');
    // The panel reads the entry again after a refused save: the form must come back as typed from that too.
    const reread = page.waitForResponse((res) => res.request().method() === 'GET' && res.url().includes(`/content-manager/collection-types/${FAQ}/${entry.documentId}`));
    await page.getByRole('button', { name: 'Simpan' }).click();
    const message = 'Kata kunci "Akta Lahir" (baris 2) sudah ada di baris 1.';
    await page.getByText(message).first().waitFor();
    await reread;
    await page.waitForLoadState('networkidle');
    expect(await page.locator('textarea[name="answer"]').inputValue()).toBe(typedAnswer);
    expect(await page.locator('input[name="keywords.1.keyword"]').inputValue()).toBe('Akta  Lahir');
    // The message stands at the refused row itself, not only in the notice.
    expect(await page.locator('input[name="keywords.1.keyword"]').getAttribute('aria-invalid')).toBe('true');
    await shot('admin-faq-refused');
    expect(await englishOn(page, english)).toEqual([]);
    const stored = () => app.strapi.documents(FAQ).findOne({ documentId: entry.documentId, populate: ['keywords'] as never }) as unknown as Promise<{ answer: string; keywords: { keyword: string }[] }>;
    expect((await stored()).keywords.map((row) => row.keyword)).toEqual(['akta lahir']);
    expect((await stored()).answer).toBe('Dapat, dengan catatan.');
    // Corrected, the same form saves what the editor typed.
    await page.locator('input[name="keywords.1.keyword"]').fill('surat nikah');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await waitFor(async () => (await stored()).keywords.length === 2, 10_000, 'the corrected entry saved');
    expect((await stored()).answer).toBe(typedAnswer);
    expect((await stored()).keywords.map((row) => row.keyword)).toEqual(['akta lahir', 'surat nikah']);
  });

  it('keeps a Bidang as typed when its code is refused as another Bidang’s, with the message at the code', async () => {
    const divisions = app.strapi.db.query('api::division.division');
    const capil = (await divisions.findOne({ where: { code: 'CAPIL' } })) as { documentId: string; name: string; description: string };
    const dafduk = (await divisions.findOne({ where: { code: 'DAFDUK' } })) as { name: string };
    const typedDescription = 'Akta kelahiran, kematian, perkawinan dan perceraian; loket 3 dan 4.';
    await page.goto(`${base}/admin/content-manager/collection-types/api::division.division/${capil.documentId}`);
    await page.locator('textarea[name="description"]').fill(typedDescription);
    await page.locator('input[name="code"]').fill('DAFDUK');
    await page.getByRole('button', { name: 'Simpan' }).click();
    const message = `Kode DAFDUK sudah dipakai oleh "${dafduk.name}". Isi kode lain, atau ubah entri itu.`;
    await page.getByText(message).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('textarea[name="description"]').inputValue()).toBe(typedDescription);
    expect(await page.locator('input[name="code"]').inputValue()).toBe('DAFDUK');
    expect(await page.locator('input[name="code"]').getAttribute('aria-invalid')).toBe('true');
    await shot('admin-division-refused');
    expect(await englishOn(page, english)).toEqual([]);
    expect(await divisions.findOne({ where: { documentId: capil.documentId } })).toMatchObject({ code: 'CAPIL', description: capil.description });
  });

  it('shows the SOP policy with titled office-hours rows and bounds written the Indonesian way', async () => {
    await page.goto(`${base}/admin/content-manager/single-types/api::sop-policy.sop-policy`);
    await page.getByText('Ambang pengingat').first().waitFor();
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('0,1 sampai 0,99');
    expect(text).not.toMatch(/min\. \d/);
    for (const day of ['Senin', 'Jumat']) expect(text).toMatch(new RegExp(`${day} \\d{2}\\.\\d{2}–\\d{2}\\.\\d{2}`));
    await shot('admin-sop-policy');
    expect(await englishOn(page, english)).toEqual([]);
  });

  it('names the interface language "Bahasa Indonesia" and shows no links to Strapi’s paid plans', async () => {
    const admin = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Asia/Jakarta' })).newPage();
    await admin.goto(`${base}/admin`);
    await admin.fill('input[name="email"]', 'admin@demo.local');
    await admin.fill('input[name="password"]', PASSWORD);
    await admin.getByRole('button', { name: 'Masuk' }).click();
    await admin.waitForURL((url) => !url.pathname.includes('/auth/'));
    await admin.goto(`${base}/admin/me`);
    await admin.getByText('Bahasa Indonesia').first().waitFor();
    expect(await admin.evaluate(() => document.body.innerText)).not.toContain('Indonesian');
    await admin.screenshot({ path: path.join(ARTIFACTS, 'admin-profile.png') });
    await admin.goto(`${base}/admin/settings/application-infos`);
    await admin.getByRole('heading', { name: 'Ikhtisar' }).waitFor();
    await admin.getByText('Keterangan umum panel admin').waitFor();
    expect(await admin.locator('a[href*="strapi.io/pricing"]:visible').count()).toBe(0);
    // Plugins come from the IT staff's installation, never from a shop in the menu.
    await admin.getByRole('link', { name: 'Pengaturan' }).first().waitFor();
    expect(await admin.locator('a[href*="market.strapi.io"]:visible').count()).toBe(0);
    // The settings menu beside it reads Indonesian too.
    const overview = (await admin.evaluate(() => document.body.innerText)).toLowerCase();
    for (const english of ['Internationalization', 'Media Library', 'Transfer Tokens', 'Email Plugin', 'Configuration']) expect(overview).not.toContain(english.toLowerCase());
    await admin.screenshot({ path: path.join(ARTIFACTS, 'admin-overview.png') });
    expect(await englishOn(admin, english)).toEqual([]);
    await admin.context().close();
  });

  it('previews a draft as the citizen will see it, and shows nothing of it without the link', async () => {
    const question = 'Apakah KIA dapat diurus secara daring? (pratinjau)';
    const answer = 'Draf: KIA dapat diajukan melalui aplikasi layanan daring Disdukcapil.';
    const draft = await app.strapi.documents(FAQ).create({ data: { question, answer, serviceCategory: 'kia' } as never });
    await page.goto(`${base}/admin/content-manager/collection-types/${FAQ}/${draft.documentId}`);
    await page.getByRole('link', { name: 'Buka pratinjau' }).click();
    const frame = page.frameLocator('iframe');
    await frame.getByText(answer).waitFor();
    await frame.getByText(/Pratinjau untuk editor/).waitFor();
    await shot('admin-faq-preview');
    expect(await englishOn(page, english)).toEqual([]);

    const citizen = await (await browser.newContext()).newPage();
    await citizen.goto(`${base}/faq/pratinjau/${draft.documentId}`);
    await citizen.getByText(/Pratinjau tidak tersedia/).waitFor();
    expect(await citizen.evaluate(() => document.body.innerText)).not.toContain('Draf: KIA');
    await citizen.goto(`${base}/faq`);
    await citizen.getByRole('heading', { name: 'Pertanyaan yang sering diajukan' }).waitFor();
    expect(await citizen.evaluate(() => document.body.innerText)).not.toContain(question);
    await citizen.context().close();
  });
});
