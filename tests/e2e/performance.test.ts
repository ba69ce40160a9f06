import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { bootApp, createTestDatabase, type TestApp, type TestDatabase } from '../helpers/strapi';
import { launchChromium, type HeadlessBrowser } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';
import { DEMO_PASSWORD } from '../helpers/demo-dashboard';
import { REAL } from '../helpers/clock';

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'performance');
/** Tuesday 8 December 2026, 14.30 WIB: the demo office's "now", in the CMS and in the browser. */
const NOW = '2026-12-08T07:30:00.000Z';
const NUMBER = new Intl.NumberFormat('id-ID');
const DECIMAL = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
/** The tile of the median time to an answer, as the Rekap gives it. */
const toAnswer = (recap: { timeToAnswer: { median: number | null } }) =>
  recap.timeToAnswer.median === null ? 'belum ada jawaban' : `${DECIMAL.format(recap.timeToAnswer.median)} menit kerja`;

/** The figure a tile of the summary shows, by its name. */
const tile = (page: Page, name: string) => page.locator('.tile', { hasText: name }).locator('dd').innerText();

describe('the public performance page, in Chromium', () => {
  let db: TestDatabase;
  let app: TestApp;
  let chromium: HeadlessBrowser;
  let base: string;
  let leadership: string;

  const recap = async (query: string) => (await app.http.get(`/api/recap?${query}`).set({ Authorization: leadership }).expect(200)).body.data;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    db = await createTestDatabase('sqlite');
    jest.useFakeTimers({ now: new Date(NOW), doNotFake: [...REAL] });
    app = await bootApp(db, { DEMO_DATA: 'true', DEMO_INQUIRIES: '80', HOST: '127.0.0.1', PORT: '0' });
    jest.useRealTimers();
    app.strapi.plugin('sop-workflow').service('clock').use(() => new Date(NOW));
    const banner = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await app.strapi.listen().finally(() => banner.mockRestore());
    const address = app.strapi.server.httpServer.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const signedIn = await app.http.post('/api/auth/local').send({ identifier: 'pimpinan@demo.local', password: DEMO_PASSWORD }).expect(200);
    leadership = `Bearer ${signedIn.body.jwt}`;
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
    await db?.drop();
  });

  it('a citizen goes from the ask page to /kinerja and reads the Rekap’s own figures, per Bidang too, beside the Standar and the Maklumat Pelayanan', async () => {
    const month = await recap('from=2026-12-01&to=2026-12-08&groupBy=month');
    const year = await recap('from=2026-01-01&to=2026-12-08&groupBy=month');
    const capilYear = await recap('from=2026-01-01&to=2026-12-08&groupBy=month&division=CAPIL');
    expect(year.total).toBeGreaterThan(month.total);
    expect(year.timeToAnswer.count).toBeGreaterThan(0);
    expect(capilYear.timeToAnswer.median).not.toBeNull();

    for (const [viewport, name] of [
      [{ width: 1440, height: 900 }, 'desktop'],
      [{ width: 360, height: 740 }, 'phone'],
    ] as const) {
      const context = await chromium.browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
      const page = await context.newPage();
      await page.goto(`${base}/`);
      await page.getByRole('link', { name: 'Kinerja layanan, Standar Pelayanan dan Maklumat Pelayanan' }).click();
      await page.getByRole('heading', { name: 'Kinerja Pelayanan Informasi' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/kinerja');
      await page.getByText('Dihitung pada 8 Desember 2026 pukul 14.30 WIB').waitFor();

      // This month, the whole office.
      await page.getByRole('heading', { name: 'Seluruh Dinas · 1–8 Desember 2026' }).waitFor();
      expect(await tile(page, 'Permohonan diterima')).toBe(NUMBER.format(month.total));
      expect(await tile(page, 'Median waktu sampai dijawab')).toBe(toAnswer(month));
      expect(await tile(page, 'Terbuka melewati batas waktu')).toBe(NUMBER.format(month.openBreaches.breached));
      expect(await page.locator('.figure-list').innerText()).toContain(NUMBER.format(month.openBreaches.overOneWorkingDay));
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `kinerja-bulan-${name}.png`), fullPage: true });
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(viewport.width);

      // The last twelve months: the monthly table is the Rekap's periods.
      await page.getByText('12 bulan terakhir').click();
      await page.getByRole('heading', { name: 'Seluruh Dinas · 1 Januari – 8 Desember 2026' }).waitFor();
      expect(await tile(page, 'Permohonan diterima')).toBe(NUMBER.format(year.total));
      expect(await tile(page, 'Median waktu sampai dijawab')).toBe(toAnswer(year));
      const months = page.getByRole('region', { name: 'Tabel Permohonan per bulan, dapat digeser' });
      expect(await months.locator('tbody tr').count()).toBe(12);
      expect(await months.locator('tbody tr').last().innerText()).toMatch(new RegExp(`Desember 2026\\s+${NUMBER.format(year.periods[11].total)}`));
      const steps = await page.getByRole('region', { name: 'Tabel Ketepatan waktu per langkah SOP, dapat digeser' }).innerText();
      const percent = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 });
      expect(steps).toContain(percent.format(year.compliance.overall.triage.withinBudget));
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `kinerja-tahun-${name}.png`), fullPage: true });

      // One Bidang.
      await page.getByLabel('Unit').selectOption({ label: 'Bidang Pencatatan Sipil' });
      await page.getByRole('heading', { name: 'Bidang Pencatatan Sipil · 1 Januari – 8 Desember 2026' }).waitFor();
      expect(await tile(page, 'Permohonan diterima')).toBe(NUMBER.format(capilYear.total));
      expect(await tile(page, 'Median waktu sampai dijawab')).toBe(toAnswer(capilYear));
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(viewport.width);

      // The Standar Pelayanan and the Maklumat Pelayanan, as seeded.
      await page.getByRole('heading', { name: 'Standar Pelayanan: Pelayanan Informasi kepada Masyarakat' }).waitFor();
      const standard = await page.locator('.standard').first().innerText();
      expect(standard).toMatch(/Biaya\/tarif\s+Gratis/);
      expect(standard).toContain('Terakhir ditinjau: 1 Februari 2023.');
      expect(await page.locator('.pledge').innerText()).toMatch(/sanggup menyelenggarakan pelayanan[\s\S]*Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo/);
      await page.screenshot({ path: path.join(ARTIFACTS, `kinerja-bidang-${name}.png`), fullPage: true });
      await context.close();
    }
  });
});
