import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { bootApp, createTestDatabase, type TestApp, type TestDatabase } from './strapi';
import { launchChromium, type HeadlessBrowser } from './browser';

/** Where browser tests leave their screenshots (not in git; the README's are copied from here). */
export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');

export interface DemoDashboard {
  app: TestApp;
  base: string;
  chromium: HeadlessBrowser;
  /** A new browser page, signed in as the demo officer, in Indonesian and WIB. */
  officerPage(options?: BrowserContextOptions): Promise<Page>;
  stop(): Promise<void>;
}

/** The CMS with its demo accounts on a fresh SQLite file, serving the dashboard on a free port, and a Chromium. */
export async function demoDashboard(): Promise<DemoDashboard> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const db: TestDatabase = await createTestDatabase('sqlite');
  const app = await bootApp(db, { DEMO_DATA: 'true', DEMO_INQUIRIES: '0', HOST: '127.0.0.1', PORT: '0' });
  const banner = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  await app.strapi.listen().finally(() => banner.mockRestore());
  const address = app.strapi.server.httpServer.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const chromium = await launchChromium();
  return {
    app,
    base,
    chromium,
    async officerPage(options = {}) {
      const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 1100 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', ...options });
      const page = await context.newPage();
      await page.goto(`${base}/dashboard/login`);
      await page.fill('input[name="username"]', 'petugas@demo.local');
      await page.fill('input[name="password"]', 'Layanan2026!');
      await page.click('button[type="submit"]');
      await page.waitForURL((url) => !url.pathname.endsWith('/login'));
      return page;
    },
    async stop() {
      await chromium.close();
      await app.stop();
      await db.drop();
    },
  };
}
