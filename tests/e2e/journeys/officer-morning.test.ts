import path from 'node:path';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { SCREENSHOTS, demoDashboard, type DemoDashboard } from '../../helpers/demo-dashboard';
import { waitFor } from '../../helpers/wait';
import { seriousViolations } from '../../helpers/axe';

const PASSWORD = 'Layanan2026!';
const PHONE = { width: 360, height: 740 };
const NOTE = 'Mohon cek status cetak KTP-el; pemohon menunggu di loket.';
const INFORMATION = 'Dari Bidang Pendaftaran Penduduk: KTP-el atas nama pemohon sudah dicetak kemarin.';

/** What the screen shows once it has settled on the expected value; the last reading is what fails the test. */
async function settled<T>(read: () => Promise<T>, expected: (value: T) => boolean): Promise<T> {
  let last!: T;
  await waitFor(async () => expected((last = await read())), 15_000, 'the screen to settle').catch(() => undefined);
  return last;
}
const same = <T>(expected: T) => (value: T) => JSON.stringify(value) === JSON.stringify(expected);

/**
 * The officer's morning in Chromium, as the officer would tell it: Bu Siti Nurhaliza came to the counter
 * about her KTP-el; the officer finds her request by her name, routes it to Pendaftaran Penduduk with a
 * note, answers with the Bidang's information and an FAQ entry, tells her the answer at the counter and
 * records it; then rejects a spam message with its reason. Every check is what the screen shows.
 */
describe('the officer’s morning, in Chromium', () => {
  let demo: DemoDashboard;
  let siti: { documentId: string; code: string };
  let spam: { documentId: string; code: string };

  beforeAll(async () => {
    demo = await demoDashboard();
    const workflow = demo.app.strapi.plugin('sop-workflow').service('workflow');
    const officer = { type: 'system' as const, name: 'Rina Wulandari' };
    const record = async (input: Record<string, unknown>) => (await workflow.create(input, officer)).inquiry as { documentId: string; code: string };
    await record({ kind: 'information', channel: 'walk_in', subject: 'Syarat akta kelahiran', message: 'Apa syarat akta kelahiran?', applicant: { name: 'Budi Santoso' } });
    siti = await record({
      kind: 'information',
      channel: 'walk_in',
      subject: 'Menanyakan KTP-el yang belum jadi',
      message: 'Saya merekam KTP-el tiga minggu lalu. Apakah sudah selesai dicetak?',
      applicant: { name: 'Siti Nurhaliza', phone: '+6281234560011' },
    });
    spam = await record({ kind: 'information', channel: 'instagram', subject: 'Promo pulsa murah', message: 'Dapatkan pulsa murah di tautan ini.', applicant: { name: 'Akun Promo' } });
  });
  afterAll(async () => {
    await demo?.stop();
  });

  async function signIn(email: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await demo.chromium.browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', ...options });
    const page = await context.newPage();
    await page.goto(`${demo.base}/dashboard/login`);
    await page.fill('input[name="username"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    return page;
  }

  async function board(page: Page): Promise<void> {
    await page.goto(`${demo.base}/dashboard/`);
    await page.locator('[data-testid="board"][data-ready="true"]').waitFor();
  }
  const card = (page: Page, status: string, code: string): Locator => page.locator(`[data-status="${status}"] .board-card:has([data-code="${code}"])`);
  const visibleCodes = (page: Page) => page.locator('[data-testid="inquiry-card"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code') ?? ''));

  it('finds Bu Siti’s request by her name, though the board shows it masked', async () => {
    const page = await signIn('petugas@demo.local');
    await board(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('input[name="board-search"]', 'siti nurhaliza');
    expect(await settled(() => visibleCodes(page), same([siti.code]))).toEqual([siti.code]);
    await expect(card(page, 'received', siti.code).textContent()).resolves.toContain('S*** N********');

    await page.fill('input[name="board-search"]', '0812-3456-0011');
    expect(await settled(() => visibleCodes(page), same([siti.code]))).toEqual([siti.code]);
    await page.fill('input[name="board-search"]', 'tidak ada nama ini');
    expect(await settled(() => visibleCodes(page), same<string[]>([]))).toEqual([]);

    await page.goto(`${demo.base}/dashboard/inquiries?filter=${encodeURIComponent(JSON.stringify({ q: 'tidak ada nama ini' }))}`);
    await page.getByText('Tidak ada permohonan yang cocok.').waitFor();
    await page.context().close();
  });

  it('routes it to Pendaftaran Penduduk with a note, which the Bidang reads on its queue and answers', async () => {
    const page = await signIn('petugas@demo.local');
    await board(page);
    await card(page, 'received', siti.code).getByRole('button', { name: 'Pindahkan ke…' }).click();
    await page.getByRole('menuitem', { name: 'Dipilah' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /Bidang tujuan/ }).click();
    await page.getByRole('option', { name: 'Bidang Pendaftaran Penduduk' }).click();
    await dialog.locator('input[name="note"]').fill(NOTE);
    await dialog.getByRole('button', { name: 'Teruskan ke bidang' }).click();
    await page.getByText(`Permohonan ${siti.code} dipindahkan ke "Dipilah".`).waitFor();
    // Focus comes back to the card, wherever it now stands.
    expect(await settled(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.card ?? ''), same(siti.documentId))).toBe(siti.documentId);
    await page.context().close();

    const bidang = await signIn('dafduk@demo.local');
    const item = bidang.locator(`[data-testid="division-queue"] .MuiCard-root[data-code="${siti.code}"]`);
    await expect(item.getByTestId('officer-note').textContent()).resolves.toBe(`Catatan petugas untuk bidang${NOTE}`);
    await item.getByRole('button', { name: 'Berikan informasi' }).click();
    const give = bidang.getByRole('dialog');
    await expect(give.getByTestId('officer-note').textContent()).resolves.toContain(NOTE);
    await give.locator('textarea[name="information"]').fill(INFORMATION);
    await give.getByRole('button', { name: 'Kirim informasi' }).click();
    await bidang.getByText('Informasi bidang tersimpan.').waitFor();
    await bidang.context().close();
  });

  it('answers with the Bidang’s information and an FAQ entry, and saves it to tell her at the counter', async () => {
    const page = await signIn('petugas@demo.local');
    await board(page);
    await card(page, 'coordinated', siti.code).getByRole('button', { name: 'Pindahkan ke…' }).click();
    await page.getByRole('menuitem', { name: 'Dijawab' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('region', { name: 'Pertanyaan pemohon' }).textContent()).resolves.toContain('Apakah sudah selesai dicetak?');
    await expect(dialog.getByRole('region', { name: 'Informasi dari Bidang' }).textContent()).resolves.toContain(INFORMATION);
    const answer = dialog.locator('textarea[name="answer"]');
    expect(await settled(() => answer.inputValue(), same(INFORMATION))).toBe(INFORMATION);

    await dialog.locator('input[name="faq-search"]').fill('selesai dicetak');
    await dialog.getByRole('button', { name: 'Sisipkan' }).first().click();
    const informationThenEntry = (value: string) => value.startsWith(`${INFORMATION}\n\n`) && value.length > INFORMATION.length + 10;
    expect(informationThenEntry(await settled(() => answer.inputValue(), informationThenEntry))).toBe(true);
    const composed = await answer.inputValue();
    await dialog.getByRole('button', { name: 'Urungkan sisipan' }).click();
    expect(await settled(() => answer.inputValue(), same(INFORMATION))).toBe(INFORMATION);
    await dialog.getByRole('button', { name: 'Sisipkan' }).first().click();
    expect(await settled(() => answer.inputValue(), same(composed))).toBe(composed);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'answer-dialog.png') });
    expect(await seriousViolations(page)).toEqual([]);

    await expect(dialog.getByTestId('answer-plan').textContent()).resolves.toBe('Setelah disimpan, sampaikan jawaban langsung kepada pemohon dan konfirmasi Sudah disampaikan');
    await dialog.getByRole('button', { name: 'Simpan jawaban' }).click();
    await page.getByText(`Jawaban ${siti.code} tersimpan. Sampaikan kepada pemohon, lalu konfirmasi Sudah disampaikan.`).waitFor();
    await card(page, 'answered', siti.code).getByText('Belum disampaikan').waitFor();

    await card(page, 'answered', siti.code).locator('[data-card]').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('inquiry-page').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const delivery = page.getByTestId('answer-delivery');
    await delivery.getByText('Sampaikan jawaban langsung kepada pemohon saat datang ke kantor').waitFor();
    await delivery.getByText('Disampaikan langsung di loket').click();
    await delivery.getByRole('button', { name: 'Sudah disampaikan' }).click();
    await page.getByText('Penyampaian jawaban tercatat.').waitFor();
    await page.locator('[data-testid="answer-delivery"][data-delivery="delivered"]').getByText('Tersampaikan', { exact: true }).waitFor();
    expect(await page.getByTestId('answer-delivery').textContent()).not.toMatch(/terkirim/i);
    await page.context().close();
  });

  it('reads the Rekap Informasi of the month, which passes axe-core too', async () => {
    const page = await signIn('petugas@demo.local');
    await page.goto(`${demo.base}/dashboard/rekap`);
    await page.getByTestId('recap-kpis').waitFor();
    await page.locator('.recap-card svg.recharts-surface').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('rejects the spam message as its own act, with a reason', async () => {
    const page = await signIn('petugas@demo.local');
    await board(page);
    await card(page, 'received', spam.code).getByRole('button', { name: 'Pindahkan ke…' }).click();
    await expect(page.getByRole('menuitem').allTextContents()).resolves.toEqual(['Dipilah', 'Dijawab', 'Tolak']);
    await page.getByRole('menuitem', { name: 'Tolak' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('textarea[name="reason"]').fill('Spam: promosi, bukan permohonan informasi.');
    await dialog.getByRole('button', { name: 'Tolak permohonan' }).click();
    await page.getByText(`Permohonan ${spam.code} ditolak.`).waitFor();
    await card(page, 'closed', spam.code).waitFor();
    await page.context().close();
  });

  it('on a 360 px phone shows a card on the first screen, the filters behind one button', async () => {
    const page = await signIn('petugas@demo.local', { viewport: PHONE, isMobile: true, hasTouch: true });
    await board(page);
    const first = page.locator('[data-testid="inquiry-card"]').first();
    await first.waitFor();
    const box = (await first.boundingBox())!;
    expect(box.y + 40).toBeLessThanOrEqual(PHONE.height);
    expect(await page.locator('input[name="board-search"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Cari & saring' }).click();
    await page.fill('input[name="board-search"]', 'nurhaliza');
    await page.getByRole('button', { name: 'Sembunyikan saringan' }).click();
    await page.getByRole('button', { name: 'Cari & saring (1 aktif)' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'board-phone.png') });
    await page.context().close();
  });
});
