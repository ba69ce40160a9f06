import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { SKM_ELEMENTS, SKM_QUESTIONS } from '@layanan/config';
import { bootApp, createTestDatabase, type TestApp, type TestDatabase } from '../../helpers/strapi';
import { freePort, launchChromium, type HeadlessBrowser } from '../../helpers/browser';
import { SCREENSHOTS } from '../../helpers/demo-dashboard';
import { seriousViolations } from '../../helpers/axe';
import { OFFICE_MORNING } from '../../helpers/clock';

const PHONE = { width: 360, height: 740 };
const ANSWER = 'KTP-el pertama kali: bawa Kartu Keluarga asli ke kantor Disdukcapil, Senin–Jumat pukul 08.00–15.00 WIB, tanpa biaya.';

/**
 * A citizen's day on a cheap phone: she asks, loses the link, opens her request with its code and the last four
 * digits of her phone, reads the answer and rates the service; every public page she sees passes axe-core.
 */
describe('a citizen’s day on a 360 px phone', () => {
  let db: TestDatabase;
  let app: TestApp;
  let chromium: HeadlessBrowser;
  let base: string;
  let code: string;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    const port = await freePort();
    app = await bootApp(db, { DEMO_DATA: 'true', DEMO_INQUIRIES: '0', HOST: '127.0.0.1', PORT: String(port) });
    clock().use(() => new Date(OFFICE_MORNING));
    const banner = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await app.strapi.listen().finally(() => banner.mockRestore());
    const address = app.strapi.server.httpServer.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
    chromium = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
    await db?.drop();
  });

  const clock = () => app.strapi.plugin('sop-workflow').service('clock');
  const phone = (): Promise<BrowserContext> =>
    chromium.browser.newContext({ viewport: PHONE, locale: 'id-ID', timezoneId: 'Asia/Jakarta', isMobile: true, hasTouch: true });

  it('asks from the phone, and the confirmation takes the focus', async () => {
    const page = await (await phone()).newPage();
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Ajukan permohonan informasi atau pengaduan' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#subject', 'Syarat membuat KTP-el pertama kali');
    await page.fill('#message', 'Anak saya baru berusia 17 tahun. Apa saja syarat membuat KTP-el untuk pertama kali?');
    await expect(page.locator('#message-counter').textContent()).resolves.toBe('83 dari 5.000 karakter');
    await page.fill('[id="applicant.name"]', 'Siti Aminah');
    await page.fill('[id="applicant.phone"]', '0812 3456 7890');
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    code = (await page.getByTestId('tracking-code').textContent())!.trim();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('sent-heading');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('without the link, types the code alone and is told what else is needed, in words she knows', async () => {
    const page = await (await phone()).newPage();
    await page.goto(`${base}/lacak`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#code', code.toLowerCase());
    await page.getByRole('button', { name: 'Lacak' }).click();
    await page.getByTestId('track-recovery').waitFor();
    await expect(page.getByTestId('track-recovery').textContent()).resolves.toContain('4 angka terakhir nomor HP');
    expect(await page.getByText('Token').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#contact', '7890');
    await page.getByRole('button', { name: 'Lihat status' }).click();
    await page.getByTestId('tracking').waitFor();
    await expect(page.getByTestId('tracking-status').textContent()).resolves.toBe('Diterima');

    // The officer answers; her page, opened again from where it is, shows it.
    const { documentId } = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { code }, select: ['documentId'] });
    await app.strapi.plugin('sop-workflow').service('workflow').answer(documentId, { answer: ANSWER }, { type: 'system', name: 'Rina Wulandari' });
    await page.reload();
    await expect(page.getByTestId('tracking-answer').textContent()).resolves.toContain('tanpa biaya');
    await expect(page.getByTestId('tracking-status').textContent()).resolves.toBe('Dijawab');
    expect(await page.locator('.tracking__meta').textContent()).toMatch(/\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}/);
    expect(await seriousViolations(page)).toEqual([]);

    // The survey: the instrument's questions with their own answers; once given, it says so at once.
    await page.getByRole('link', { name: 'Nilai layanan kami' }).click();
    await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    for (const element of SKM_ELEMENTS) {
      await page.locator(`fieldset[data-element="${element}"]`).getByRole('radio', { name: SKM_QUESTIONS[element].answers[3], exact: true }).check({ force: true });
    }
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.getByTestId('survey-thanks').waitFor();
    await page.reload();
    await page.getByTestId('survey-given').waitFor();
    expect(await page.locator('fieldset').count()).toBe(0);
    await page.context().close();
  });

  it('on Christmas Day, is told before writing that the office is closed and from when her request is timed', async () => {
    // Friday 25 December 2026, 19.00 WIB: a national holiday on the office's list; Saturday and Sunday closed too.
    clock().use(() => new Date('2026-12-25T12:00:00Z'));
    try {
      const page = await (await phone()).newPage();
      await page.goto(`${base}/`);
      const notice = page.getByTestId('office-closed');
      await notice.waitFor();
      expect(await notice.textContent()).toBe(
        'Hari ini kantor libur: Hari Raya Natal (Kelahiran Yesus Kristus). Permohonan Anda tetap kami terima sekarang; waktu jawaban mulai dihitung Senin, 28 Desember 2026 pukul 08.00 WIB.',
      );
      // Read before the form, on the phone's first screen.
      const box = (await notice.boundingBox())!;
      expect(box.y + box.height).toBeLessThan(740);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'ask-office-closed-phone.png') });
      await page.context().close();
      const desktop = await (await chromium.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' })).newPage();
      await desktop.goto(`${base}/`);
      await desktop.getByTestId('office-closed').waitFor();
      await desktop.screenshot({ path: path.join(SCREENSHOTS, 'ask-office-closed-desktop.png') });
      await desktop.context().close();
    } finally {
      clock().use(() => new Date(OFFICE_MORNING));
    }
    // Open again: nothing stands between her and the form.
    const page = await (await phone()).newPage();
    const status = page.waitForResponse((res) => res.url().endsWith('/api/public/office/status'));
    await page.goto(`${base}/`);
    expect((await (await status).json()).data).toEqual({ open: true });
    await page.locator('#subject').waitFor();
    expect(await page.getByTestId('office-closed').count()).toBe(0);
    await page.context().close();
  });

  it('reads the FAQ, whose page passes too', async () => {
    const page = await (await phone()).newPage();
    await page.goto(`${base}/faq`);
    await page.locator('.faq__item').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('finds the accessibility statement in the footer of every page: the standard, how it is checked, whom to tell; it passes too', async () => {
    const page = await (await phone()).newPage();
    for (const start of ['/', '/lacak', '/faq']) {
      await page.goto(`${base}${start}`);
      await page.getByRole('contentinfo').getByRole('link', { name: 'Pernyataan Aksesibilitas' }).waitFor();
    }
    await page.getByRole('contentinfo').getByRole('link', { name: 'Pernyataan Aksesibilitas' }).click();
    await page.getByRole('heading', { name: 'Pernyataan Aksesibilitas', level: 1 }).waitFor();
    const text = await page.getByTestId('accessibility').textContent();
    expect(text).toContain('WCAG) 2.2 tingkat AA');
    expect(text).toContain('axe-core');
    expect(text).toContain('Keterbatasan yang kami ketahui');
    expect(text).toContain('loket pelayanan Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo');
    expect(await seriousViolations(page)).toEqual([]);
    // Opened directly, as from a printed receipt or a search result.
    await page.goto(`${base}/aksesibilitas`);
    await page.getByTestId('accessibility').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'accessibility-phone.png'), fullPage: true });
    await page.context().close();
  });
});
