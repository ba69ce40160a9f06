#!/usr/bin/env node
// npm run bench:phone — the citizen's pages and the Bidang's queue as a cheap phone gets them: Chrome's "Slow 3G"
// (400 ms latency, 400 kbit/s each way) with the CPU slowed 4×, a 360×740 screen and a cold cache, beside the
// same pages unthrottled. Per page: the time from navigation until a defined element is visible and can be used,
// and the bytes that came over the wire (compressed, headers included: CDP's encodedDataLength).
// A measurement, not a test: it exits 0 whether the goals are met or not (1 only if it could not run).
//
// The Bidang's queue is the page its address serves (dashboard/queue.html, the quick queue); the next row is the
// staff app reached from it, for comparison.
// Options: --runs=3 (median of that many cold visits per page and profile), --only=<page name's start>[,<another>],
// --trace (each throttled visit's requests: start → end and bytes, for finding what holds a page back)
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { buildDashboard } from './build-dashboard.mjs';
import { throwawayEnv } from './lib/throwaway-env.js';
import { CMS, compile, freePort, log, median, option } from './lib/bench.mjs';

const require = createRequire(import.meta.url);
const RUNS = Number(option('runs', 3));
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const PUBLIC_FIRST_VISIT_GOAL_KB = 100;
/** Requests waiting in the Bidang's queue when it opens. */
const QUEUED = 12;

/**
 * What "usable" means on each page: the element a person acts on is there, visible and enabled (the pages
 * render on the client, so once it is there its handlers are attached).
 */
const ONLY = option('only', '');
const QUICK_QUEUE_ACTION = '[data-testid="division-queue"] [data-action="coordinate"]';
const TRACE = option('trace', 'false') === 'true';
const PAGES = [
  { name: 'ask', goalMs: 2500, url: () => '/', usable: '#ask-heading ~ form button[type="submit"]:not([disabled])' },
  { name: 'tracking', goalMs: 2500, url: (d) => `/lacak/${d.answered.code}?token=${d.answered.trackingToken}`, usable: '[data-testid="tracking-answer"] .answer__text' },
  { name: 'FAQ', goalMs: 2500, url: () => '/faq', usable: '.faq__item summary' },
  { name: 'survey', goalMs: 2500, url: (d) => `/survei/${d.answered.code}?token=${d.answered.trackingToken}`, usable: '.survey-form button[type="submit"]:not([disabled])' },
  // The page a Bidang's phone gets at the queue's address (dashboard/queue.html): usable once *Berikan informasi*
  // is there, and checked to open its form when pressed (after the time is taken).
  { name: "Bidang's queue", goalMs: 6000, url: () => '/dashboard/antrean', usable: QUICK_QUEUE_ACTION, opens: 'dialog[open] textarea[name="information"]', staff: true },
  // The staff app, asked for from there at once (*Dasbor lengkap*): the time from the same navigation until its
  // queue's own *Berikan informasi* is usable. No goal; it shows what the quick queue spares the phone.
  { name: 'full dashboard', goalMs: null, url: () => '/dashboard/antrean', via: ['[data-action="full-dashboard"]'], usable: '[data-testid="division-queue"] .MuiCard-root [data-action="coordinate"]', staff: true },
];

async function post(base, url, body, jwt) {
  const response = await fetch(`${base}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(jwt ? { authorization: `Bearer ${jwt}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** An answered request the citizen follows by its link, and the Bidang's account with requests in its queue. */
async function prepare(strapi, base) {
  const asked = await post(base, '/api/public/inquiries', {
    data: { kind: 'information', subject: 'Syarat membuat KIA', message: 'Apa saja syarat membuat KIA untuk anak saya yang berumur 5 tahun?', applicant: { name: 'Siti Aminah', phone: '081234567890' } },
  });
  const { documentId } = await strapi.db.query('api::inquiry.inquiry').findOne({ where: { code: asked.data.code }, select: ['documentId'] });
  await strapi
    .plugin('sop-workflow')
    .service('workflow')
    .answer(documentId, { answer: 'Syarat KIA: fotokopi akta kelahiran, KK asli, dan pas foto anak ukuran 2×3 (anak di atas 5 tahun).' }, { type: 'system', name: 'Bench' });
  const workflow = strapi.plugin('sop-workflow').service('workflow');
  const dafduk = await strapi.db.query('api::division.division').findOne({ where: { code: 'DAFDUK' }, select: ['documentId'] });
  for (let i = 1; i <= QUEUED; i += 1) {
    const { inquiry } = await workflow.create(
      { kind: 'information', channel: 'whatsapp', subject: `Pindah datang dari luar kota (${i})`, message: 'Bagaimana cara mengurus surat pindah datang dari luar kota?', applicant: { name: 'Warga' } },
      { type: 'system', name: 'Bench' },
    );
    await workflow.triage(inquiry.documentId, { division: dafduk.documentId }, { type: 'system', name: 'Bench' });
  }
  const login = await post(base, '/api/auth/local', { identifier: 'dafduk@demo.local', password: 'Layanan2026!' });
  const profile = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${login.jwt}` } }).then((r) => r.json());
  return { answered: asked.data, staff: { jwt: login.jwt, profile: JSON.stringify(profile.data) } };
}

/** One cold visit: a new browser context (empty cache), the profile applied through CDP before navigating. */
async function visit(browser, base, page, data, throttled) {
  const context = await browser.newContext(PHONE);
  if (page.staff) {
    await context.addInitScript(([jwt, me]) => {
      localStorage.setItem('strapi_jwt', jwt);
      localStorage.setItem('layanan_profile', me);
    }, [data.staff.jwt, data.staff.profile]);
  }
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  }
  let bytes = 0;
  const encodings = new Set();
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (event) => requests.set(event.requestId, { url: event.request.url.replace(base, ''), start: event.timestamp }));
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
    const request = requests.get(event.requestId);
    if (request) Object.assign(request, { end: event.timestamp, bytes: event.encodedDataLength });
  });
  cdp.on('Network.responseReceived', (event) => {
    const encoding = event.response.headers['content-encoding'] ?? event.response.headers['Content-Encoding'];
    if (encoding) encodings.add(encoding);
  });
  try {
    await tab.goto(`${base}${page.url(data)}`, { waitUntil: 'commit' });
    // performance.now() counts from the navigation's start, in the page's own clock.
    const usable = (selector) =>
      tab.waitForFunction(
        (wanted) => {
          const element = document.querySelector(wanted);
          return element && element.getClientRects().length > 0 && !element.closest('[inert], [aria-busy="true"]') ? performance.now() : false;
        },
        selector,
        { polling: 100, timeout: 90_000 },
      ).catch(async (error) => {
        const shown = await tab.evaluate(() => document.body.innerText.slice(0, 400)).catch(() => '');
        throw new Error(`${page.name}: "${selector}" never became usable; the page showed: ${shown}`, { cause: error });
      });
    for (const step of page.via ?? []) {
      await usable(step);
      await tab.click(step);
    }
    const ms = Math.round(await (await usable(page.usable)).jsonValue());
    if (page.opens) {
      await tab.click(page.usable);
      await tab.waitForSelector(page.opens, { state: 'visible', timeout: 30_000 }).catch((error) => {
        throw new Error(`${page.name}: pressing "${page.usable}" did not open "${page.opens}"`, { cause: error });
      });
    }
    await tab.waitForLoadState('networkidle').catch(() => undefined);
    if (TRACE && throttled) {
      const first = Math.min(...[...requests.values()].map((r) => r.start));
      for (const r of requests.values()) {
        const at = (t) => `${Math.round((t - first) * 1000)}`.padStart(6);
        log(`  ${at(r.start)} → ${r.end ? at(r.end) : '     ?'} ms ${`${((r.bytes ?? 0) / 1024).toFixed(1)} KB`.padStart(9)}  ${r.url.slice(0, 90)}`);
      }
    }
    return { ms, bytes, encodings: [...encodings] };
  } finally {
    await cdp.detach().catch(() => undefined);
    await context.close();
  }
}

async function main() {
  compile();
  if (buildDashboard() !== 0) throw new Error('the dashboard did not build');

  const port = await freePort();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'layanan-bench-phone-'));
  Object.assign(process.env, throwawayEnv({ PORT: String(port), DATABASE_FILENAME: path.join(tmp, 'data.db'), DEMO_DATA: 'true', DEMO_INQUIRIES: '40', PUBLIC_RATE_LIMIT: '100000', TRACK_RATE_LIMIT: '100000' }));
  delete process.env.DATABASE_URL;
  const { createStrapi } = require('@strapi/strapi');
  const { chromium } = require('playwright-core');
  log('starting the CMS on a temp SQLite file with the demo data …');
  const strapi = await createStrapi({ appDir: CMS, distDir: path.join(CMS, 'dist') }).load();
  let browser;
  try {
    strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(port, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${port}`;
    const data = await prepare(strapi, base);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
    const rows = [];
    for (const page of PAGES.filter((p) => !ONLY || ONLY.split(',').some((only) => p.name.startsWith(only)))) {
      const figures = {};
      for (const throttled of [false, true]) {
        await visit(browser, base, page, data, throttled); // warm-up of the server's side, not counted
        const samples = [];
        for (let run = 0; run < RUNS; run += 1) samples.push(await visit(browser, base, page, data, throttled));
        figures[throttled ? 'slow' : 'fast'] = { ms: median(samples.map((s) => s.ms)), bytes: median(samples.map((s) => s.bytes)), encodings: samples[0].encodings };
        log(`${page.name} ${throttled ? 'Slow 3G, CPU ÷4' : 'unthrottled'}: ${samples.map((s) => `${s.ms} ms`).join(', ')}`);
      }
      rows.push({ page, ...figures });
    }

    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log('');
    console.log(`cheap phone: 360×740, cold cache, median of ${RUNS} visits; usable = the page's main control visible and enabled`);
    console.log(`${'page'.padEnd(16)}${'unthrottled'.padStart(12)}${'Slow 3G ÷4'.padStart(12)}${'transferred'.padStart(13)}   goal (Slow 3G)`);
    for (const { page, fast, slow } of rows) {
      const goal = page.goalMs === null ? '— (no goal)' : `< ${page.goalMs / 1000} s: ${slow.ms < page.goalMs ? 'met' : 'NOT MET'}`;
      console.log(`${page.name.padEnd(16)}${`${fast.ms} ms`.padStart(12)}${`${slow.ms} ms`.padStart(12)}${kb(slow.bytes).padStart(13)}   ${goal}`);
    }
    const first = rows.find((row) => row.page.name === 'ask')?.slow;
    if (!first) return;
    const firstMet = first.bytes < PUBLIC_FIRST_VISIT_GOAL_KB * 1024 ? 'met' : 'NOT MET';
    console.log(`first visit of the public site (ask page, cold): ${kb(first.bytes)} transferred (${first.encodings.join(', ') || 'uncompressed'})   goal < ${PUBLIC_FIRST_VISIT_GOAL_KB} KB: ${firstMet}`);
  } finally {
    await browser?.close();
    await strapi.destroy();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error('[bench] could not run:', error);
    process.exit(1);
  },
);
