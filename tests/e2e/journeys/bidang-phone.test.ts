import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, demoDashboard, type DemoDashboard } from '../../helpers/demo-dashboard';
import { OFFICE_MORNING } from '../../helpers/clock';
import { seriousViolations } from '../../helpers/axe';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const INFORMATION = 'Sudah dicetak 5 Desember, ambil di loket 2.';

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

  beforeAll(async () => {
    demo = await demoDashboard({ inquiries: 40, now: OFFICE_MORNING });
    waiting = await demo.app.strapi.db.query('api::inquiry.inquiry').findOne({
      where: { status: 'triaged', notes: { $notNull: true }, division: { code: 'DAFDUK' } },
      select: ['documentId', 'code', 'notes'],
    });
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
