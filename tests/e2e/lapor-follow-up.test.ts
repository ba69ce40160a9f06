import path from 'node:path';
import { SCREENSHOTS, demoDashboard, type DemoDashboard } from '../helpers/demo-dashboard';
import { waitFor } from '../helpers/wait';

/** After the answer of a LAPOR! report: the officer uploads the follow-up on LAPOR! and says when. */
describe('the LAPOR! follow-up task on the inquiry page, in Chromium', () => {
  let demo: DemoDashboard;

  beforeAll(async () => {
    demo = await demoDashboard();
  });
  afterAll(async () => {
    await demo?.stop();
  });

  it('shows the text to copy with the greeting, the answer and the Dinas’ name, copies it in one click, and records the upload', async () => {
    const workflow = demo.app.strapi.plugin('sop-workflow').service('workflow');
    const { inquiry } = await workflow.create(
      { kind: 'complaint', channel: 'lapor_sp4n', subject: 'KTP-el belum dicetak', message: 'Sudah dua bulan KTP-el saya belum dicetak.', applicant: { name: 'Siti Rahayu' }, externalRef: '4123567' },
      { type: 'system' },
    );
    await workflow.answer(inquiry.documentId, { answer: 'KTP-el Ibu sudah dicetak dan dapat diambil di Kantor Kecamatan Mayangan pada jam kerja.' }, { type: 'system' });
    const row = () => demo.app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { documentId: inquiry.documentId } });
    await waitFor(async () => (await row()).answerDelivery === 'officer_task', 10_000, 'the answer to become the officer’s task');

    const page = await demo.officerPage({ viewport: { width: 1280, height: 1300 } });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo.base });
    await page.goto(`${demo.base}/dashboard/inquiries/${inquiry.documentId}/show`);

    const task = page.getByTestId('lapor-follow-up');
    await task.waitFor();
    expect(await task.textContent()).toContain('Unggah tindak lanjut ke SP4N-LAPOR! #4123567');
    const text = await page.getByTestId('lapor-follow-up-text').textContent();
    expect(text).toMatch(/^Yth\. Bapak\/Ibu Siti Rahayu,/);
    expect(text).toContain('dapat diambil di Kantor Kecamatan Mayangan');
    expect(text).toMatch(/Hormat kami,\nDinas Kependudukan dan Pencatatan Sipil Kota Probolinggo$/);
    expect(await task.getByRole('link', { name: /Buka laporan di LAPOR!/ }).getAttribute('href')).toBe('https://www.lapor.go.id/laporan/detil/4123567');

    await task.getByRole('button', { name: 'Salin teks' }).click();
    await page.getByText('Teks tindak lanjut tersalin.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    expect(await page.locator('input[name="how"]').inputValue()).toBe('Diunggah ke SP4N-LAPOR!');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'lapor-follow-up.png'), fullPage: true });

    await task.getByRole('button', { name: 'Sudah diunggah' }).click();
    await page.locator('[data-delivery="delivered"]').waitFor();
    expect(await row()).toMatchObject({ answerDelivery: 'delivered', answerDeliveryNote: 'Diunggah ke SP4N-LAPOR!' });
  });
});
