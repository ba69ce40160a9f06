import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, demoDashboard, type DemoDashboard } from '../helpers/demo-dashboard';
import { REPORT_FIXTURES } from '../helpers/lapor-reports';

/** The officer's morning: a LAPOR! report copied from the admin page, pasted into *Catat Permohonan*. */
describe('pasting a LAPOR! report into the quick intake, in Chromium', () => {
  let demo: DemoDashboard;

  beforeAll(async () => {
    demo = await demoDashboard();
  });
  afterAll(async () => {
    await demo?.stop();
  });

  async function intakeForm(): Promise<Page> {
    const page = await demo.officerPage();
    await page.goto(`${demo.base}/dashboard/inquiries/create`);
    await page.getByRole('combobox', { name: /Kanal/ }).click();
    await page.getByRole('option', { name: 'SP4N-LAPOR!' }).click();
    return page;
  }

  it('fills in the form from the text, saves it, and refuses the same report a second time with the request that holds it', async () => {
    const page = await intakeForm();
    await page.getByTestId('lapor-paste-text').fill(REPORT_FIXTURES[0].text);
    await page.getByRole('button', { name: 'Isi formulir dari teks' }).click();
    await page.getByTestId('lapor-paste-result').waitFor();
    expect(await page.getByTestId('lapor-paste-result').textContent()).toMatch(/Formulir terisi dari laporan/);
    expect(await page.locator('input[name="externalRef"]').inputValue()).toBe('4123567');
    expect(await page.locator('input[name="applicant.name"]').inputValue()).toBe('Siti Rahayu');
    expect(await page.locator('input[name="subject"]').inputValue()).toBe('KTP-el tidak kunjung dicetak');
    expect(await page.locator('textarea[name="message"]').inputValue()).toMatch(/^Saya sudah melakukan perekaman KTP-el/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'lapor-paste.png'), fullPage: true });

    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.waitForURL(/\/inquiries\/[^/]+\/show$/);
    const code = (await page.getByRole('heading', { level: 1 }).textContent())?.trim();
    expect(code).toMatch(/^ADU-\d{4}-\d{5}$/);

    const again = await intakeForm();
    await again.getByTestId('lapor-paste-text').fill(REPORT_FIXTURES[0].text);
    await again.getByRole('button', { name: 'Isi formulir dari teks' }).click();
    await again.getByTestId('lapor-paste-result').waitFor();
    await again.getByRole('button', { name: 'Simpan' }).click();
    await again.getByText(`Laporan SP4N-LAPOR! #4123567 sudah tercatat sebagai permohonan ${code}.`).waitFor();
  });
});
