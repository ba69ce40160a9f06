import path from 'node:path';
import { maskName } from '@layanan/config';
import { SCREENSHOTS, demoDashboard, type DemoDashboard } from '../helpers/demo-dashboard';
import { HEADINGS, sheetReport, xlsxOf } from '../helpers/lapor-sheets';

/** The officer's Monday: last week's LAPOR! reports, exported from the admin account, brought in as one file. */
describe('importing a file of LAPOR! reports from the dashboard, in Chromium', () => {
  let demo: DemoDashboard;

  beforeAll(async () => {
    demo = await demoDashboard();
  });
  afterAll(async () => {
    await demo?.stop();
  });

  it('maps the column it could not guess, previews what each row becomes, imports the new ones and links each to its request', async () => {
    // One report is already on the board (pasted last week), one row repeats another, one has no tracking number.
    const held = await demo.app.strapi.plugin('sop-workflow').service('workflow').create(
      { kind: 'complaint', channel: 'lapor_sp4n', subject: 'KIA anak', message: 'Sudah dicatat dari tempelan.', applicant: { name: 'Nur Hasanah' }, externalRef: sheetReport(3).trackingId },
      { type: 'system' },
    );
    const headings = HEADINGS.map((h) => (h === 'Nama Pelapor' ? 'Pengadu' : h));
    const file = await xlsxOf([...[0, 1, 2, 3, 4, 5].map(sheetReport), { ...sheetReport(1), title: 'Dikirim dua kali' }, { ...sheetReport(6), trackingId: 'Tidak ada' }], headings);

    const page = await demo.officerPage({ viewport: { width: 1280, height: 1400 } });
    await page.getByRole('menuitem', { name: 'Impor LAPOR!' }).click();
    await page.getByRole('heading', { level: 1, name: 'Impor laporan SP4N-LAPOR!' }).waitFor();

    await page.getByTestId('lapor-import-file').setInputFiles({ name: 'laporan-pekan-lalu.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await page.getByTestId('lapor-import-rows').waitFor();
    // "Pengadu" is no heading the guess knows: the reporter stays unmapped until the officer picks it.
    expect(await page.getByTestId('lapor-map-reporter').inputValue()).toBe('');
    await page.getByRole('combobox', { name: /Nama pelapor/ }).click();
    await page.getByRole('option', { name: 'Pengadu' }).click();
    await page.getByRole('button', { name: 'Perbarui pratinjau' }).click();
    // The reporters' names are in the preview now, masked as in every list.
    await page.getByText(maskName(sheetReport(4).reporter)).first().waitFor();

    const filters = await page.getByTestId('lapor-import-filters').textContent();
    expect(filters).toContain('Baru (5)');
    expect(filters).toContain('Sudah tercatat (1)');
    expect(filters).toContain('Ganda di berkas (1)');
    expect(filters).toContain('Tidak valid (1)');
    const table = page.getByTestId('lapor-import-rows');
    expect(await table.textContent()).toContain(`Sudah tercatat sebagai ${held.inquiry.code}`);
    expect(await table.textContent()).toContain('Nomor tiket sama dengan baris 3.');
    expect(await table.textContent()).toContain('Nomor tiket "Tidak ada" tidak dikenali');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'lapor-import-preview.png'), fullPage: true });

    await page.getByTestId('lapor-import-run').click();
    await page.getByTestId('lapor-import-result').waitFor();
    expect(await page.getByTestId('lapor-import-result').textContent()).toContain('5 laporan tercatat sebagai permohonan SP4N-LAPOR!.');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'lapor-import-result.png'), fullPage: true });
    expect(await demo.app.strapi.db.query('api::inquiry.inquiry').count({ where: { channel: 'lapor_sp4n' } })).toBe(6);

    // Each recorded row links to its request.
    await page.getByTestId('lapor-import-result').getByRole('link', { name: /^ADU-/ }).first().click();
    await page.waitForURL(/\/inquiries\/[^/]+\/show$/);
  });
});
