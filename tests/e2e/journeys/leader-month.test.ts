import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { SKM_ELEMENTS, SKM_ELEMENT_LABELS } from '@layanan/config';
import { SCREENSHOTS, demoDashboard, type DemoDashboard } from '../../helpers/demo-dashboard';
import { OFFICE_MORNING } from '../../helpers/clock';
import { pdfText } from '../../helpers/pdf';
import { waitFor } from '../../helpers/wait';

const DESKTOP = { viewport: { width: 1440, height: 900 } };

interface IkmTile {
  value: string;
  grade: string;
  label: string;
  respondents: number;
}

/** The IKM tile as the head of the office reads it: "IKM 84,26 (B) Baik · 42 responden". */
async function readIkmTile(page: Page): Promise<IkmTile> {
  const text = (await page.locator('[data-testid="recap-kpis"] [data-kpi="ikm"]').textContent()) ?? '';
  const match = /^IKM(\d+,\d{2}) \(([A-D])\)(.+) · (\d+) responden$/.exec(text);
  if (!match) throw new Error(`The IKM tile reads "${text}"`);
  return { value: match[1], grade: match[2], label: match[3], respondents: Number(match[4]) };
}

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync((await file.path())!);
}

/**
 * The leader's month, as the head of the Dinas would tell it: on the morning of 8 December she opens the Rekap
 * Informasi for November, narrows it to Pendaftaran Penduduk, reads the citizens' satisfaction on its tile,
 * and takes the month's report as PDF for the file and as Excel for the Sekretariat; both say what the tile said.
 */
describe('the leader’s month, at 1440×900', () => {
  let demo: DemoDashboard;
  let page: Page;
  let tile: IkmTile;

  beforeAll(async () => {
    demo = await demoDashboard({ inquiries: 120, now: OFFICE_MORNING });
    page = await demo.signIn('pimpinan@demo.local', DESKTOP);
  }, 600_000);
  afterAll(async () => {
    await page?.context().close();
    await demo?.stop();
  });

  it('opens last month’s Rekap, narrowed to Pendaftaran Penduduk, and reads its IKM', async () => {
    await page.waitForURL((url) => url.pathname.endsWith('/rekap'));
    await page.getByTestId('recap-kpis').waitFor();
    await page.getByRole('button', { name: 'Bulan lalu' }).click();
    await expect(page.getByLabel('Dari tanggal').inputValue()).resolves.toBe('01/11/2026');
    await expect(page.getByLabel('Sampai tanggal').inputValue()).resolves.toBe('30/11/2026');
    const whole = await waitForTile(page, () => true);

    await page.getByRole('combobox', { name: 'Bidang' }).click();
    await page.getByRole('option', { name: 'Bidang Pendaftaran Penduduk' }).click();
    tile = await waitForTile(page, (t) => t.respondents < whole.respondents);
    expect(tile.respondents).toBeGreaterThan(0);
    await page.locator('.recap-card svg.recharts-surface').first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'leader-month.png') });
  });

  it('takes the PDF, which carries the same IKM with its grade, its respondents and each element', async () => {
    // Read as a person reads it: pdfmake may break a line after a dash or a slash ("PermenPAN- RB").
    const text = pdfText(await download(page, 'PDF')).text.replace(/\s+/g, ' ').replace(/([-–/]) /g, '$1');
    expect(text).toContain('REKAP INFORMASI Bulan November 2026');
    expect(text).toMatch(/Bidang Pendaftaran Penduduk \d+ 100,0%/);
    expect(text).toContain(`Jumlah responden ${tile.respondents}`);
    expect(text).toContain(`Nilai IKM (konversi 25–100) ${tile.value}`);
    expect(text).toContain(`Mutu pelayanan ${tile.grade}`);
    expect(text).toContain(`Kinerja unit pelayanan ${tile.label}`);
    for (const element of SKM_ELEMENTS) expect(text).toMatch(new RegExp(`${element} ${SKM_ELEMENT_LABELS[element].id} \\d,\\d{2} \\d+,\\d{2}`));
  });

  it('takes the Excel workbook, which carries the same IKM', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(page, 'Excel')) as never);
    const rows: ExcelJS.CellValue[][] = [];
    workbook.getWorksheet('Ringkasan')!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    const row = (label: string) => rows.find((r) => r[0] === label) ?? [];
    expect(row('Jumlah responden')[1]).toBe(tile.respondents);
    expect(row('Nilai IKM (konversi 25–100)')[1]).toBe(Number(tile.value.replace(',', '.')));
    expect(row('Mutu pelayanan')[1]).toBe(tile.grade);
    expect(row('Kinerja unit pelayanan')[1]).toBe(tile.label);
    for (const element of SKM_ELEMENTS) {
      expect(row(element)).toEqual([element, SKM_ELEMENT_LABELS[element].id, expect.any(Number), expect.any(Number)]);
    }
  });
});

/** The tile once it shows a reading that `settled` accepts (the page asks the server again after each filter). */
async function waitForTile(page: Page, settled: (tile: IkmTile) => boolean): Promise<IkmTile> {
  let last: IkmTile | null = null;
  await waitFor(async () => {
    last = await readIkmTile(page).catch(() => null);
    return last !== null && settled(last);
  }, 15_000, 'the IKM tile to settle');
  return last!;
}
