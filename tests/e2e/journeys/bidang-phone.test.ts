import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, demoDashboard, type DemoDashboard } from '../../helpers/demo-dashboard';
import { OFFICE_MORNING } from '../../helpers/clock';
import { seriousViolations } from '../../helpers/axe';
import { maskName } from '@layanan/config';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const INFORMATION = 'Sudah dicetak 5 Desember, ambil di loket 2.';
const QUICK_INFORMATION = 'Akta sudah terbit, dapat diambil di loket 3 mulai besok.';
/** What the quick queue may weigh on the wire (scripts and stylesheets); the staff app's first script alone is ~190 KB. */
const QUICK_QUEUE_BYTES = 60 * 1024;

/** The scripts and stylesheets the page fetched so far, as they came over the wire (compressed). */
const codeBytes = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => /\.(js|css)$/.test(new URL(entry.name).pathname))
      .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).encodedBodySize, 0),
  );

/** Whether the page scrolls sideways on the phone (it must not). */
const scrollsSideways = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth);

/**
 * The Bidang on a phone, as its staff member would tell it: between two counters, Pak Hendra of Pendaftaran
 * Penduduk opens the dashboard on his phone, finds this morning's request about a KTP-el with the officer's
 * note on its card, opens it, checks the print log and gives the information; back at her desk, the officer
 * finds it waiting in her answer form.
 */
describe('the Bidang on a 360 px phone', () => {
  let demo: DemoDashboard;
  let waiting: { documentId: string; code: string; notes: string };
  let other: { documentId: string; code: string; notes: string; applicant: { name: string } };
  let opened: { documentId: string; code: string };

  beforeAll(async () => {
    demo = await demoDashboard({ inquiries: 40, now: OFFICE_MORNING });
    waiting = await demo.app.strapi.db.query('api::inquiry.inquiry').findOne({
      where: { status: 'triaged', notes: { $notNull: true }, division: { code: 'DAFDUK' } },
      select: ['documentId', 'code', 'notes'],
    });
    // Two more requests routed to the Bidang with a note: one answered from the quick queue, one opened from it.
    const workflow = demo.app.strapi.plugin('sop-workflow').service('workflow');
    const dafduk = await demo.app.strapi.db.query('api::division.division').findOne({ where: { code: 'DAFDUK' }, select: ['documentId'] });
    const system = { type: 'system', name: 'Demo' };
    const routed = [];
    for (const [name, subject] of [['Rahmat Hidayat', 'Akta kelahiran anak kedua'], ['Dewi Lestari', 'Perubahan alamat di KK']]) {
      const { inquiry } = await workflow.create({ kind: 'information', channel: 'whatsapp', subject, message: `Bagaimana mengurus ${subject.toLowerCase()}?`, applicant: { name } }, system);
      await workflow.triage(inquiry.documentId, { division: dafduk.documentId, note: `Mohon cek berkas ${inquiry.code}.` }, system);
      routed.push({ documentId: inquiry.documentId, code: inquiry.code, notes: `Mohon cek berkas ${inquiry.code}.`, applicant: { name } });
    }
    [other, opened] = routed as [typeof other, typeof opened];
  }, 600_000);
  afterAll(async () => {
    await demo?.stop();
  });

  it('sees this morning’s request on the queue, with what the officer asked of the Bidang on its card', async () => {
    const page = await demo.signIn('dafduk@demo.local', PHONE);
    const card = page.locator(`[data-testid="division-queue"] .MuiCard-root[data-code="${waiting.code}"]`);
    const note = card.getByTestId('officer-note');
    await expect(note.textContent()).resolves.toBe(`Catatan petugas untuk bidang${waiting.notes}`);
    await note.scrollIntoViewIfNeeded();
    expect(await note.isVisible()).toBe(true);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'bidang-queue-phone.png') });
    await page.context().close();
  });

  it('opens the request and gives the information from the phone', async () => {
    const page = await demo.signIn('dafduk@demo.local', PHONE);
    await page.locator(`[data-testid="division-queue"] .MuiCard-root[data-code="${waiting.code}"] a`).first().click();
    await page.getByTestId('inquiry-page').waitFor();
    await expect(page.getByTestId('inquiry-page').textContent()).resolves.toContain(waiting.notes);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'bidang-request-phone.png'), fullPage: true });

    await page.getByRole('button', { name: 'Berikan informasi' }).click();
    await page.locator('textarea[name="information"]').fill(INFORMATION);
    // The send button turns from its disabled grey to blue in a short transition: read once it has.
    const send = page.getByRole('button', { name: 'Kirim informasi' });
    await send.evaluate((button) => Promise.all(button.getAnimations().map((animation) => animation.finished)));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'bidang-information-phone.png') });
    await send.click();
    await page.getByText('Informasi bidang tersimpan.').waitFor();
    await page.locator('[data-testid="inquiry-page"][data-status="coordinated"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('opening the queue’s address on the phone shows the quick queue, without the staff app, from which he gives the information', async () => {
    // A phone set to another zone still reads the deadlines in WIB.
    const page = await demo.signIn('dafduk@demo.local', { ...PHONE, timezoneId: 'UTC' });
    await page.goto(`${demo.base}/dashboard/antrean`);
    const queue = page.locator('[data-testid="division-queue"][data-ready="true"]');
    await queue.waitFor();
    expect(await page.locator('.MuiCard-root').count()).toBe(0);
    expect(await codeBytes(page)).toBeLessThan(QUICK_QUEUE_BYTES);
    await expect(queue.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Antrean Bidang Pendaftaran Penduduk');

    const card = queue.locator(`[data-code="${other.code}"]`);
    await expect(card.getByTestId('officer-note').textContent()).resolves.toBe(`Catatan petugas untuk bidang${other.notes}`);
    const text = (await card.textContent())!;
    // The Bidang's deadline, on the office's clock (WIB) whatever the phone's zone.
    const { coordinationDueAt } = await demo.app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId: other.documentId }, select: ['coordinationDueAt'] });
    const wib = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(coordinationDueAt)).replace(':', '.');
    expect(text).toMatch(new RegExp(`Tenggat \\d{1,2} \\w{3} \\d{4},? ${wib.replace('.', '\\.')} WIB`));
    // The applicant's name as the server gives it to a Bidang: masked, never in full.
    expect(text).not.toContain(other.applicant.name);
    expect(text).toContain(maskName(other.applicant.name));
    expect(await scrollsSideways(page)).toBe(false);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'bidang-quick-queue-phone.png') });

    await card.getByRole('button', { name: 'Berikan informasi' }).click();
    const dialog = page.getByRole('dialog', { name: `Berikan informasi · ${other.code}` });
    await expect(dialog.getByTestId('officer-note').textContent()).resolves.toContain(other.notes);
    await dialog.getByRole('button', { name: 'Kirim informasi' }).click();
    await dialog.getByText('Tulis informasinya, paling sedikit 3 huruf.').waitFor();
    await dialog.getByRole('textbox', { name: 'Informasi untuk menjawab pemohon' }).fill(QUICK_INFORMATION);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'bidang-quick-information-phone.png') });
    await dialog.getByRole('button', { name: 'Kirim informasi' }).click();
    await page.getByRole('status').getByText('Informasi bidang tersimpan.').waitFor();
    await card.waitFor({ state: 'detached' });
    const saved = await demo.app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId: other.documentId }, select: ['status', 'divisionInformation'] });
    expect(saved).toMatchObject({ status: 'coordinated', divisionInformation: QUICK_INFORMATION });
    await page.context().close();
  });

  it('reaches the full dashboard from the quick queue, and a request’s page from its card', async () => {
    const page = await demo.signIn('dafduk@demo.local', { viewport: { width: 1440, height: 900 } });
    await page.goto(`${demo.base}/dashboard/antrean`);
    await page.locator('[data-testid="division-queue"][data-ready="true"]').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'bidang-quick-queue-desktop.png') });
    const { code, documentId } = opened;
    await page.getByRole('button', { name: 'Dasbor lengkap' }).click();
    await page.locator(`[data-testid="division-queue"] .MuiCard-root[data-code="${code}"]`).waitFor();
    await page.getByRole('menuitem', { name: 'Profil & Telegram' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard/antrean');

    await page.goto(`${demo.base}/dashboard/antrean`);
    await page.locator(`[data-testid="division-queue"][data-ready="true"] [data-code="${code}"] a`).click();
    await page.locator(`[data-testid="inquiry-page"]:has-text("${code}")`).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/dashboard/inquiries/${documentId}/show`);
    await page.goBack();
    await page.locator(`[data-testid="division-queue"] .MuiCard-root[data-code="${code}"]`).waitFor();
    await page.context().close();
  });

  it('the queue’s address opens the sign-in page when no one is signed in', async () => {
    const context = await demo.chromium.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${demo.base}/dashboard/antrean`);
    await page.locator('input[name="username"]').waitFor();
    await context.close();
  });

  it('the officer finds the information in her answer form', async () => {
    const page = await demo.officerPage();
    await page.goto(`${demo.base}/dashboard/`);
    await page.locator('[data-testid="board"][data-ready="true"]').waitFor();
    const card = page.locator(`[data-status="coordinated"] .board-card:has([data-code="${waiting.code}"])`);
    await card.getByRole('button', { name: 'Pindahkan ke…' }).click();
    await page.getByRole('menuitem', { name: 'Dijawab' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('region', { name: 'Informasi dari Bidang' }).textContent()).resolves.toContain(INFORMATION);
    await page.context().close();
  });
});
