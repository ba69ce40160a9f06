import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { demoDashboard, SCREENSHOTS, type DemoDashboard } from '../helpers/demo-dashboard';

/** The officer's intake and request list, as the officer uses them at the counter and on a phone. */
describe('the officer’s intake and request list, in Chromium', () => {
  let demo: DemoDashboard;

  beforeAll(async () => {
    demo = await demoDashboard();
  });
  afterAll(async () => {
    await demo?.stop();
  });

  it.each([
    [1440, 900],
    [360, 740],
  ])('records a walk-in without asking for a reply address, which a WhatsApp request asks for (%i×%i)', async (width, height) => {
    const page = await demo.officerPage({ viewport: { width, height } });
    await page.goto(`${demo.base}/dashboard/inquiries/create`);
    await page.getByLabel('Nama pemohon').waitFor();
    expect(await page.getByLabel(/Alamat balasan/).count()).toBe(0);
    // Buttons in sentence case, as the labels are written.
    const save = page.getByRole('button', { name: 'Simpan' });
    expect(await save.evaluate((button) => [getComputedStyle(button).textTransform, (button as HTMLElement).innerText])).toEqual(['none', 'Simpan']);
    await page.screenshot({ path: path.join(SCREENSHOTS, `intake-walk-in-${width}.png`), fullPage: true });

    await page.getByRole('combobox', { name: /Kanal/ }).click();
    await page.getByRole('option', { name: 'WhatsApp' }).click();
    await page.getByLabel(/Alamat balasan/).waitFor();
    await page.context().close();
  });

  it('exports the list as a file a spreadsheet opens: Indonesian headers, WIB times, the name masked', async () => {
    const page = await demo.officerPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${demo.base}/dashboard/inquiries/create`);
    await page.getByLabel('Nama pemohon').fill('Siti Aminah');
    await page.getByLabel('Judul').fill('Syarat KIA untuk bayi');
    await page.getByLabel('Pesan').fill('Apa saja syarat membuat KIA untuk bayi saya?');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText(/tercatat/).first().waitFor();

    await page.goto(`${demo.base}/dashboard/inquiries`);
    await page.getByText('Syarat KIA untuk bayi').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'inquiry-list.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor' }).click()]);
    expect(download.suggestedFilename()).toBe('permohonan.csv');
    const [header, row] = (await readFile((await download.path())!, 'utf8')).replace(/^\ufeff/, '').split('\r\n');
    expect(header).toBe('Kode;Jenis;Kanal;Judul;Nama pemohon;Bidang;Status;Diterima;Dijawab');
    expect(row).toMatch(/^INF-\d{4}-\d{5};Informasi;Datang langsung;Syarat KIA untuk bayi;S\*\*\* A\*\*\*\*\*;;Diterima;\d{1,2} \w{3} \d{4},? \d{2}\.\d{2} WIB;$/);
    expect(row).not.toContain('Siti Aminah');
    await page.context().close();
  });
});
