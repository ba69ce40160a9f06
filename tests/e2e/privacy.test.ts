import path from 'node:path';
import { SCREENSHOTS, demoDashboard, type DemoDashboard } from '../helpers/demo-dashboard';

/** Tuesday 8 December 2026, 10.00 WIB. */
const NOW = '2026-12-08T03:00:00.000Z';
const SIZES = [
  ['desktop', { width: 1440, height: 900 }],
  ['phone', { width: 360, height: 740 }],
] as const;

describe('personal data protection in Chromium: the privacy notice and the access log', () => {
  let demo: DemoDashboard;

  beforeAll(async () => {
    demo = await demoDashboard({ inquiries: 20, now: NOW });
  }, 600_000);
  afterAll(async () => {
    await demo?.stop();
  });

  it.each(SIZES)('a citizen reads the notice on the ask form and at /privasi, and the request records its version (%s)', async (size, viewport) => {
    const context = await demo.chromium.browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta', isMobile: size === 'phone' });
    const page = await context.newPage();
    await page.goto(`${demo.base}/`);
    const box = page.getByTestId('ask-privacy');
    await box.getByRole('link', { name: /Baca pemberitahuan lengkap \(versi 1\)/ }).waitFor();
    await expect(box.textContent()).resolves.toContain('Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo mencatat nama');
    await box.screenshot({ path: path.join(SCREENSHOTS, `privacy-ask-${size}.png`) });

    await page.fill('#subject', 'Syarat akta kelahiran');
    await page.fill('#message', 'Apa saja syarat membuat akta kelahiran untuk bayi yang lahir di rumah?');
    await page.fill('[id="applicant.name"]', `Warga ${size}`);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => url.pathname === '/terkirim');
    const code = (await page.locator('text=/INF-\\d{4}-\\d{5}/').first().textContent())!.match(/INF-\d{4}-\d{5}/)![0];
    const row = await demo.app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { code }, select: ['privacyNoticeVersion'] });
    expect(row.privacyNoticeVersion).toBe(1);

    await page.goto(`${demo.base}/privasi`);
    const notice = page.getByTestId('privacy-notice');
    await notice.waitFor();
    await expect(notice.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Pemberitahuan Pelindungan Data Pribadi');
    await expect(notice.textContent()).resolves.toContain('Versi 1, berlaku sejak');
    for (const heading of ['Siapa yang memproses data Anda', 'Untuk apa', 'Dasar pemrosesan', 'Data yang kami catat', 'Berapa lama disimpan', 'Hak Anda', 'Menghubungi kami']) {
      await notice.getByRole('heading', { name: heading }).waitFor();
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, `privacy-notice-${size}.png`), fullPage: true });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await context.close();
  });

  it('the officer reads the notice out from the intake form, and the printed Tanda Terima carries it', async () => {
    const page = await demo.officerPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${demo.base}/dashboard/inquiries/create`);
    const box = page.getByTestId('intake-privacy');
    await box.waitFor();
    await expect(box.textContent()).resolves.toMatch(/^Bacakan kepada pemohon sebelum mencatat datanya \(pemberitahuan pelindungan data, versi 1\)/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'privacy-intake-desktop.png') });
    await page.getByLabel('Nama pemohon').fill('Pak Darto');
    await page.getByLabel('Judul').fill('Akta kematian orang tua');
    await page.getByLabel('Pesan').fill('Menanyakan syarat akta kematian untuk ayah yang meninggal bulan lalu.');
    await page.getByRole('button', { name: 'Simpan' }).click();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    await expect(page.getByTestId('receipt-privacy').textContent()).resolves.toContain('mencatat nama, kontak, NIK');
    await expect(receipt.textContent()).resolves.toMatch(/Pemberitahuan lengkap \(versi 1\): 127\.0\.0\.1:\d+\/privasi\?versi=1/);
    await receipt.screenshot({ path: path.join(SCREENSHOTS, 'privacy-receipt.png') });
    const code = await receipt.getAttribute('data-code');
    const row = await demo.app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { code }, select: ['privacyNoticeVersion'] });
    expect(row.privacyNoticeVersion).toBe(1);
    await page.context().close();
  });

  it.each(SIZES)('the Petugas Pelindungan Data starts on the access log, filters it and sees who opened which request (%s)', async (size, viewport) => {
    // An officer opens a request page: that is the row to find.
    const officer = await demo.officerPage({ viewport: { width: 1440, height: 900 } });
    const first = await demo.app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { status: 'received' }, select: ['documentId', 'code'] });
    await officer.goto(`${demo.base}/dashboard/inquiries/${first.documentId}/show`);
    await officer.getByText(first.code).first().waitFor();
    await officer.context().close();

    const page = await demo.signIn('pdp@demo.local', { viewport, isMobile: size === 'phone' });
    await page.waitForURL((url) => url.pathname.endsWith('/akses-data'));
    await page.getByTestId('access-log-total').waitFor();
    // A filter nothing matches says so in words, with no empty table.
    await page.getByLabel('Kode permohonan').fill('INF-0000-00000');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByText('Tidak ada catatan yang cocok dengan saringan ini.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await page.getByLabel('Kode permohonan').fill(first.code);
    await page.getByRole('button', { name: 'Terapkan' }).click();
    const row = page.getByTestId('access-log-row').first();
    await expect(row.textContent()).resolves.toContain(first.code);
    await expect(row.textContent()).resolves.toContain('Rina Wulandari');
    await expect(row.textContent()).resolves.toContain('Halaman permohonan');
    await page.screenshot({ path: path.join(SCREENSHOTS, `access-log-${size}.png`), fullPage: true });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    const download = page.waitForEvent('download');
    await page.getByTestId('access-log-export').click();
    expect((await download).suggestedFilename()).toBe('catatan-akses-data-pribadi.csv');
    await page.context().close();
  });
});
