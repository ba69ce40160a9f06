import net from 'node:net';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (apt package `chromium`); no browser is ever downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

export interface HeadlessBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** A headless Chromium; Playwright starts it on a fresh temporary profile and removes it on close. */
export async function launchChromium(): Promise<HeadlessBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return { browser, close: () => browser.close() };
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free port in this project's range for browser tests (1490–1509), or one the system picks. */
export async function freePort(from = 1490, to = 1509): Promise<number> {
  for (let port = from; port <= to; port += 1) if (await canListen(port)) return port;
  return 0;
}
