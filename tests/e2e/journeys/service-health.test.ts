import path from 'node:path';
import { SCREENSHOTS, demoDashboard, type DemoDashboard } from '../../helpers/demo-dashboard';

const OFFICE_MORNING = '2026-12-08T02:30:00.000Z';
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** The officer checks the service's health from the dashboard menu, at the desk and on a phone. */
describe('Kesehatan Layanan in Chromium', () => {
  let demo: DemoDashboard;

  beforeAll(async () => {
    demo = await demoDashboard({ now: OFFICE_MORNING });
    await demo.app.strapi.plugin('sop-workflow').service('sweep').recordRun(new Date(OFFICE_MORNING));
  });
  afterAll(async () => {
    await demo?.stop();
  });

  it('the officer opens Kesehatan Layanan from the menu and reads each part and each channel, on a desk and on a phone', async () => {
    const page = await demo.signIn('petugas@demo.local', DESKTOP);
    await page.getByRole('menuitem', { name: 'Kesehatan Layanan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kesehatan layanan' }).waitFor();
    await page.getByTestId('health-status').waitFor();
    const rows = page.getByTestId('health-channel');
    await expect(rows.count()).resolves.toBe(7);
    await page.locator('[data-testid="health-channel"][data-channel="website"]').getByText('Berjalan').waitFor();
    await page.locator('[data-testid="health-channel"][data-channel="email"]').getByText('Belum diatur').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'service-health-desktop.png'), fullPage: true });
    await page.context().close();

    const phone = await demo.signIn('petugas@demo.local', PHONE);
    await phone.goto(`${demo.base}/dashboard/kesehatan`);
    await phone.getByTestId('health-status').waitFor();
    await phone.screenshot({ path: path.join(SCREENSHOTS, 'service-health-phone.png'), fullPage: true });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.context().close();
  });
});
