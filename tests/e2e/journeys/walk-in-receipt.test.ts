import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QRCodeSVG } from 'qrcode.react';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, demoDashboard, type DemoDashboard } from '../../helpers/demo-dashboard';

/** Monday 2 November 2026, 09:00 WIB: the citizen comes to the counter as the office opens. */
const MONDAY_0900 = new Date('2026-11-02T02:00:00Z');
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 360, height: 740 };
/** A page's size in PDF points (1 mm = 72 / 25.4 pt), as Chromium wrote it. */
const mm = (points: number) => Math.round((points * 25.4) / 72);

/** The QR modules of a link, drawn as the receipt draws them: equal paths mean the code holds that very link. */
const qrPathsOf = (link: string) => [...renderToStaticMarkup(createElement(QRCodeSVG, { value: link, level: 'M', marginSize: 2 })).matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);

/** The first page's size of a PDF, in millimetres. */
function pageSize(pdf: Buffer): { width: number; height: number } {
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  if (!box) throw new Error('the PDF has no page size');
  return { width: mm(Number(box[1])), height: mm(Number(box[2])) };
}

/**
 * A citizen at the counter: the officer records her question with *Catat Permohonan*, the Tanda Terima opens
 * at once with the code, the QR of her tracking link and the latest answer time; she scans it at home and sees
 * her request. The officer's paper is A6 or a thermal roll, picked once and remembered.
 */
describe('a walk-in citizen’s receipt, in Chromium', () => {
  let demo: DemoDashboard;
  let page: Page;
  let link: string;
  let code: string;

  beforeAll(async () => {
    demo = await demoDashboard();
    demo.app.strapi.plugin('sop-workflow').service('clock').use(() => MONDAY_0900);
    page = await demo.officerPage({ viewport: DESKTOP });
  });
  afterAll(async () => {
    await demo?.stop();
  });

  it('records the walk-in with Catat Permohonan, and the Tanda Terima opens with the code, the QR and the answer’s latest time', async () => {
    await page.goto(`${demo.base}/dashboard/inquiries/create`);
    await page.fill('input[name="applicant.name"]', 'Siti Nurhaliza');
    await page.fill('input[name="applicant.email"]', 'siti.nurhaliza@contoh.id');
    await page.fill('input[name="subject"]', 'Syarat akta kelahiran anak kedua');
    await page.fill('textarea[name="message"]', 'Pemohon datang ke loket menanyakan syarat akta kelahiran untuk anak keduanya.');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.waitForURL(/\/inquiries\/[^/]+\/tanda-terima$/);
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    code = (await page.getByTestId('receipt-code').textContent())!.trim();
    expect(code).toMatch(/^INF-2611-\d{5}$/);
    await expect(receipt.textContent()).resolves.toContain('Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo');
    // 09.00 + 15 minutes to sort + 60 to coordinate + 60 to answer, in office hours.
    await expect(page.getByTestId('receipt-due').textContent()).resolves.toBe('Jawaban paling lambat Senin, 2 November 2026 pukul 11.15 WIB');
    await expect(receipt.textContent()).resolves.toContain('Senin–Jumat: 08.00–16.00');
    await expect(receipt.textContent()).resolves.toContain('Pelindungan data pribadi');
    link = (await page.getByTestId('receipt-link').textContent())!.trim();
    expect(link).toMatch(new RegExp(`^${demo.base}/lacak/${code}\\?token=[\\w-]+$`));
    const drawn = await page.getByTestId('receipt-qr').locator('path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''));
    expect(drawn).toEqual(qrPathsOf(link));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'receipt-a6.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'receipt-a6-phone.png'), fullPage: true });
    await page.setViewportSize(DESKTOP);
  });

  it('the QR’s link opens her request on a phone that never signed in', async () => {
    const context = await demo.chromium.browser.newContext({ viewport: PHONE, locale: 'id-ID', timezoneId: 'Asia/Jakarta', isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    await phone.goto(link);
    await phone.getByTestId('tracking').waitFor();
    await expect(phone.getByTestId('tracking-status').textContent()).resolves.toBe('Diterima');
    await expect(phone.getByTestId('tracking').textContent()).resolves.toContain(code);
    await context.close();
  });

  it('prints on an A6 page, or on an 80 or 58 mm roll once picked, and keeps the paper picked', async () => {
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'receipt-a6-print.png'), fullPage: true });
    expect(pageSize(await page.pdf({ path: path.join(SCREENSHOTS, 'receipt-a6.pdf'), preferCSSPageSize: true, printBackground: true }))).toEqual({ width: 105, height: 148 });
    await page.emulateMedia({ media: 'screen' });

    for (const [layout, label, width] of [['roll80', 'Struk 80 mm', 80], ['roll58', 'Struk 58 mm', 58]] as const) {
      await page.getByRole('button', { name: label }).click();
      await page.locator(`[data-testid="receipt"][data-layout="${layout}"]`).waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, `receipt-${layout}.png`), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: path.join(SCREENSHOTS, `receipt-${layout}-print.png`), fullPage: true });
      expect(pageSize(await page.pdf({ path: path.join(SCREENSHOTS, `receipt-${layout}.pdf`), preferCSSPageSize: true, printBackground: true })).width).toBe(width);
      await page.emulateMedia({ media: 'screen' });
    }

    // The next receipt, opened from the request's page, comes on the paper picked last.
    await page.getByRole('link', { name: 'Kembali ke permohonan' }).click();
    await page.getByTestId('open-receipt').click();
    await page.locator('[data-testid="receipt"][data-layout="roll58"]').waitFor();
    const reprinted = (await page.getByTestId('receipt-link').textContent())!.trim();
    expect(reprinted).not.toBe(link);
  });

  it('sends the receipt to her e-mail address, or says plainly why it cannot', async () => {
    await page.getByTestId('receipt-send').click();
    // This server has no outgoing mail server: the officer is told, and hands over the paper.
    await page.getByText('Pengiriman e-mail dari sistem belum disiapkan di server ini; serahkan tanda terima cetak.').waitFor();
  });
});
