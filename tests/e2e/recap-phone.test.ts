import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { bootApp, createTestDatabase, type TestApp, type TestDatabase } from '../helpers/strapi';
import { launchChromium, type HeadlessBrowser } from '../helpers/browser';
import { REAL } from '../helpers/clock';

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');
/** Tuesday 8 December 2026, 10.00 WIB: the demo office's "now", in the CMS and in the browser. */
const NOW = '2026-12-08T03:00:00.000Z';

describe('the Rekap Informasi on a 360 px phone, in Chromium', () => {
  let db: TestDatabase;
  let app: TestApp;
  let chromium: HeadlessBrowser;
  let base: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    db = await createTestDatabase('sqlite');
    // The seed lays the office's history out behind "now": only Date is fixed, for the boot that seeds it.
    jest.useFakeTimers({ now: new Date(NOW), doNotFake: [...REAL] });
    app = await bootApp(db, { DEMO_DATA: 'true', DEMO_INQUIRIES: '80', HOST: '127.0.0.1', PORT: '0' });
    jest.useRealTimers();
    app.strapi.plugin('sop-workflow').service('clock').use(() => new Date(NOW));
    const banner = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await app.strapi.listen().finally(() => banner.mockRestore());
    const address = app.strapi.server.httpServer.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    chromium = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
    await db?.drop();
  });

  it('fits the head of the office’s phone: no sideways page scroll, wide tables scroll in their own box', async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', isMobile: true, hasTouch: true });
    await context.clock.setFixedTime(new Date(NOW));
    const page = await context.newPage();
    await page.goto(`${base}/dashboard/login`);
    await page.fill('input[name="username"]', 'pimpinan@demo.local');
    await page.fill('input[name="password"]', 'Layanan2026!');
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => url.pathname.endsWith('/rekap'));
    await page.getByTestId('recap-kpis').waitFor();
    await page.getByTestId('recap-delivery').waitFor();
    await page.locator('.recap-card svg.recharts-surface').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'recap-phone.png'), fullPage: true });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });
});
