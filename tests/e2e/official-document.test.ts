import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bootApp, createTestDatabase, type TestApp, type TestDatabase } from '../helpers/strapi';
import { launchChromium, type HeadlessBrowser } from '../helpers/browser';
import { pdfPagesAsPng } from '../helpers/pdf-pages';
import { REAL } from '../helpers/clock';

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'official-document');
const PDF_TEXT = path.join(__dirname, '..', 'helpers', 'pdf-text.mjs');
const PROFILE = 'api::office-profile.office-profile';
/** Tuesday 8 December 2026, 14.30 WIB: the demo office's "now", in the CMS and in the browser. */
const NOW = '2026-12-08T07:30:00.000Z';
/** A lambang drawn for the test: a shield, as the kop's emblem would stand. */
const EMBLEM = `<svg xmlns="http://www.w3.org/2000/svg" width="180" height="200" viewBox="0 0 180 200">
  <path d="M10 10 H170 V110 C170 160 90 195 90 195 C90 195 10 160 10 110 Z" fill="#1f5fa8" stroke="#c9a227" stroke-width="8"/>
  <circle cx="90" cy="85" r="38" fill="#c9a227"/><rect x="60" y="130" width="60" height="14" fill="#fff"/></svg>`;

function pdfPages(pdf: Buffer): string[] {
  const out = execFileSync(process.execPath, [PDF_TEXT], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(out.toString()) as { text: string[] }).text.map((page) => page.replace(/\s+/g, ' ').replace(/\/ /g, '/').trim());
}

describe('the Rekap Informasi as an official document, in Chromium', () => {
  let db: TestDatabase;
  let app: TestApp;
  let chromium: HeadlessBrowser;
  let base: string;
  let pdfPath: string;
  let pages: string[];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    db = await createTestDatabase('sqlite');
    jest.useFakeTimers({ now: new Date(NOW), doNotFake: [...REAL] });
    app = await bootApp(db, { DEMO_DATA: 'true', DEMO_INQUIRIES: '80', HOST: '127.0.0.1', PORT: '0', PUBLIC_URL: 'https://layanan.example.go.id' });
    jest.useRealTimers();
    app.strapi.plugin('sop-workflow').service('clock').use(() => new Date(NOW));
    const banner = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await app.strapi.listen().finally(() => banner.mockRestore());
    const address = app.strapi.server.httpServer.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    chromium = await launchChromium();

    // The Dinas's editor fills in the lambang and the signatory: a Plt. head.
    const shot = await chromium.browser.newPage();
    await shot.setContent(`<body style="margin:0;background:#fff">${EMBLEM}</body>`);
    const lambang = path.join(ARTIFACTS, 'lambang.png');
    writeFileSync(lambang, await shot.locator('svg').screenshot());
    await shot.close();
    const [file] = await app.strapi.plugin('upload').service('upload').upload({
      data: {},
      files: { filepath: lambang, originalFilename: 'lambang.png', mimetype: 'image/png', size: statSync(lambang).size },
    });
    const profile = await app.strapi.documents(PROFILE).findFirst();
    await app.strapi.documents(PROFILE).update({
      documentId: profile!.documentId,
      data: {
        address: 'Jalan Contoh Raya No. 1',
        postcode: '67219',
        signatoryMode: 'acting',
        signatoryName: 'Dr. Ratna Sari, S.Sos., M.Si.',
        signatoryRank: 'Pembina Tingkat I (IV/b)',
        signatoryNip: '197501012000032002',
        lambang: file.id,
      } as never,
    });
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
    await db?.drop();
  });

  it('leadership downloads the month’s Rekap as a PDF: kop, period in words, IKM, page numbers and the signature block', async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', acceptDownloads: true });
    await context.clock.setFixedTime(new Date(NOW));
    const page = await context.newPage();
    await page.goto(`${base}/dashboard/login`);
    await page.fill('input[name="username"]', 'pimpinan@demo.local');
    await page.fill('input[name="password"]', 'Layanan2026!');
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => url.pathname.endsWith('/rekap'));
    await page.getByTestId('recap-kpis').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF' }).click()]);
    pdfPath = path.join(ARTIFACTS, 'rekap-informasi.pdf');
    await download.saveAs(pdfPath);
    await context.close();

    const pdf = readFileSync(pdfPath);
    pages = pdfPages(pdf);
    const images = await pdfPagesAsPng(chromium.browser, pdf);
    images.forEach((png, i) => writeFileSync(path.join(ARTIFACTS, `halaman-${i + 1}.png`), png));

    expect(pages[0]).toMatch(/^PEMERINTAH KOTA PROBOLINGGO DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL Jalan Contoh Raya No\. 1 Kode Pos 67219 Telepon \(0335\) 4438894/);
    expect(pages[0]).toMatch(/REKAP INFORMASI 1– ?8 Desember 2026 Nomor: 400\.14\.4\/0001\/425\.111\/2026/);
    expect(pages[0]).toContain('data per 8 Desember 2026 pukul 14.30 WIB');
    expect(pages.length).toBeGreaterThan(2);
    pages.slice(1).forEach((text, i) => {
      expect(text).toContain(`- ${i + 2} -`);
      expect(text).not.toContain('PEMERINTAH KOTA PROBOLINGGO');
    });
    const all = pages.join(' ');
    expect(all).toContain('Indeks Kepuasan Masyarakat (IKM)');
    expect(all).toMatch(/Jumlah responden \d+/);
    const last = pages[pages.length - 1];
    expect(last).toContain(
      'Probolinggo, 8 Desember 2026 Plt. KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KOTA PROBOLINGGO, Dr. Ratna Sari, S.Sos., M.Si. Pembina Tingkat I (IV/b) NIP 19750101 200003 2 002',
    );
    expect(last).toMatch(/https:\/\/layanan\.example\.go\.id\/verifikasi\/[A-Z0-9]{10}/);
  });

  it('anyone opens the PDF’s verification link, drops the file and sees it match; a changed copy does not', async () => {
    const id = /\/verifikasi\/([A-Z0-9]{10})/.exec(pages[pages.length - 1])![1];
    for (const [viewport, name] of [
      [{ width: 1440, height: 900 }, 'desktop'],
      [{ width: 360, height: 740 }, 'phone'],
    ] as const) {
      const context = await chromium.browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
      const page = await context.newPage();
      await page.goto(`${base}/verifikasi/${id}`);
      await page.getByRole('heading', { name: 'Verifikasi dokumen' }).waitFor();
      await page.getByText('1–8 Desember 2026').waitFor();
      expect(await page.locator('.verify__details').innerText()).toMatch(/Nomor\s+400\.14\.4\/0001\/425\.111\/2026/);
      await expect(page.locator('.verify__details').innerText()).resolves.toContain('8 Desember 2026 pukul 14.30 WIB');
      await expect(page.locator('.verify__details').innerText()).resolves.toContain('Pimpinan');
      await page.setInputFiles('#verify-file-input', pdfPath);
      await page.getByText(/^Cocok: berkas rekap-informasi\.pdf sama persis/).waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, `verifikasi-${name}.png`), fullPage: true });
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(viewport.width);

      const changed = Buffer.concat([readFileSync(pdfPath), Buffer.from('\n% diubah\n')]);
      await page.setInputFiles('#verify-file-input', { name: 'rekap-diubah.pdf', mimeType: 'application/pdf', buffer: changed });
      await page.getByText(/^Tidak cocok: berkas rekap-diubah\.pdf berbeda/).waitFor();
      await context.close();
    }
  });
});
