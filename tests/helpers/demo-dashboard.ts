import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { bootApp, createTestDatabase, type TestApp, type TestDatabase } from './strapi';
import { launchChromium, type HeadlessBrowser } from './browser';
import { REAL } from './clock';

/** Where browser tests leave their screenshots (not in git; the README's are copied from here). */
export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');

export interface DemoDashboard {
  app: TestApp;
  base: string;
  chromium: HeadlessBrowser;
  /** A new browser page, signed in as the demo officer, in Indonesian and WIB. */
  officerPage(options?: BrowserContextOptions): Promise<Page>;
  /** A new browser page, signed in with a demo account, in Indonesian and WIB (at the office's "now" when one is set). */
  signIn(email: string, options?: BrowserContextOptions): Promise<Page>;
  stop(): Promise<void>;
}

export const DEMO_PASSWORD = 'Layanan2026!';

export interface DemoOptions {
  /** How many requests of the demo's history the seed writes (none by default). */
  inquiries?: number;
  /** The office's "now" (ISO), in the CMS and in every browser page; the seed lays its history out behind it. */
  now?: string;
}

/** The CMS with its demo accounts on a fresh SQLite file, serving the dashboard on a free port, and a Chromium. */
export async function demoDashboard({ inquiries = 0, now }: DemoOptions = {}): Promise<DemoDashboard> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const db: TestDatabase = await createTestDatabase('sqlite');
  // Only Date is fixed, and only for the boot that seeds: the CMS's own clock keeps "now" afterwards.
  if (now) jest.useFakeTimers({ now: new Date(now), doNotFake: [...REAL] });
  const app = await bootApp(db, { DEMO_DATA: 'true', DEMO_INQUIRIES: String(inquiries), HOST: '127.0.0.1', PORT: '0' }).finally(() => {
    if (now) jest.useRealTimers();
  });
  if (now) app.strapi.plugin('sop-workflow').service('clock').use(() => new Date(now));
  const banner = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  await app.strapi.listen().finally(() => banner.mockRestore());
  const address = app.strapi.server.httpServer.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const chromium = await launchChromium();
  async function signIn(email: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', ...options });
    if (now) await context.clock.setFixedTime(new Date(now));
    const page = await context.newPage();
    await page.goto(`${base}/dashboard/login`);
    await page.fill('input[name="username"]', email);
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    return page;
  }
  return {
    app,
    base,
    chromium,
    officerPage: (options = {}) => signIn('petugas@demo.local', { viewport: { width: 1280, height: 1100 }, ...options }),
    signIn,
    async stop() {
      await chromium.close();
      await app.stop();
      await db.drop();
    },
  };
}
