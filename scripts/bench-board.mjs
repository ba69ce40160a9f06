#!/usr/bin/env node
// npm run bench:board — with 500 open inquiries seeded, how long from navigation to a fully rendered triage
// board in headless Chromium, and how much JavaScript (gzip) the staff app loads before it can show it.
// A measurement, not a test: it exits 0 whether the goals are met or not (1 only if it could not run).
//
// Options: --inquiries=500 --runs=5
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { throwawayEnv } from './lib/throwaway-env.js';
import { freePort, median } from './lib/bench.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CMS = path.join(ROOT, 'cms');
const DIST = path.join(ROOT, 'dashboard', 'dist');
const require = createRequire(import.meta.url);
const option = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const INQUIRIES = option('inquiries', 500);
const RUNS = option('runs', 5);
const GOALS = { boardMs: 1000, initialJsKb: 350, publicJsKb: 120 };
const CHANNELS = ['whatsapp', 'walk_in', 'phone', 'email', 'instagram', 'facebook', 'lapor_sp4n', 'radio', 'view_probolinggo'];

function step(label, args) {
  console.log(`[bench] ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[bench] ${label} failed; nothing was measured.`);
    process.exit(1);
  }
}

/** The JavaScript a first visit must fetch: the page's entry script and the chunks it preloads. */
function initialJs(page = 'dashboard.html') {
  const html = readFileSync(path.join(DIST, page), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const sizes = files.map((file) => {
    const raw = readFileSync(path.join(DIST, file));
    return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
  return { sizes, gzip: sizes.reduce((sum, s) => sum + s.gzip, 0), raw: sizes.reduce((sum, s) => sum + s.raw, 0) };
}

/**
 * What fills the first load: per initial chunk the packages with the most rendered bytes (before minification
 * and gzip, so a share rather than a size), then the chunks that load only when their page opens.
 */
function printBundleReport(initialFiles) {
  const reportFile = path.join(DIST, 'bundle-report.json');
  if (!existsSync(reportFile)) return;
  const { chunks } = JSON.parse(readFileSync(reportFile, 'utf8'));
  const initial = new Set(initialFiles);
  console.log('');
  console.log('what the initial chunks hold (share of rendered bytes, dashboard/dist/bundle-report.json):');
  for (const chunk of chunks.filter((c) => initial.has(c.file))) {
    const total = chunk.packages.reduce((sum, p) => sum + p.bytes, 0);
    const top = chunk.packages.slice(0, 8).map((p) => `${p.name} ${Math.round((100 * p.bytes) / total)}%`);
    console.log(`  ${chunk.file}: ${top.join(', ')}`);
  }
  const lazyChunks = chunks.filter((c) => !initial.has(c.file) && !c.entry);
  console.log(`  loaded when opened: ${lazyChunks.map((c) => `${c.file.replace(/^assets\//, '')} ${(c.gzip / 1024).toFixed(0)} KB`).join(', ')}`);
}

async function seed(strapi) {
  const workflow = strapi.plugin('sop-workflow').service('workflow');
  const divisions = await strapi.db.query('api::division.division').findMany({ select: ['documentId'] });
  const actor = { type: 'system', name: 'Bench' };
  for (let i = 0; i < INQUIRIES; i += 1) {
    const { inquiry } = await workflow.create(
      {
        kind: i % 3 ? 'information' : 'complaint',
        channel: CHANNELS[i % CHANNELS.length],
        subject: `Permohonan informasi nomor ${i + 1} tentang layanan kependudukan`,
        message: 'Mohon informasi persyaratan dan waktu pelayanan.',
        applicant: { name: 'Warga Kota' },
        ...(CHANNELS[i % CHANNELS.length] === 'lapor_sp4n' ? { externalRef: `LAPOR-${i}` } : {}),
      },
      actor,
    );
    if (i % 3 >= 1) await workflow.triage(inquiry.documentId, { division: divisions[i % divisions.length].documentId }, actor);
    if (i % 3 === 2) await workflow.coordinate(inquiry.documentId, { information: 'Informasi bidang.' }, actor);
  }
}

async function main() {
  step('building config and plugins', [path.join(ROOT, 'scripts', 'build-libs.mjs')]);
  step('compiling the CMS', ['-e', `require('@strapi/strapi').compileStrapi({ appDir: ${JSON.stringify(CMS)} }).then(() => process.exit(0))`]);
  step('building the dashboard', [path.join(ROOT, 'scripts', 'build-dashboard.mjs')]);

  const PORT = await freePort();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'layanan-bench-board-'));
  Object.assign(process.env, throwawayEnv({ PORT: String(PORT), DATABASE_FILENAME: path.join(tmp, 'data.db'), DEMO_DATA: 'true', DEMO_INQUIRIES: '0' }));
  delete process.env.DATABASE_URL;
  const { createStrapi } = require('@strapi/strapi');
  const { chromium } = require('playwright-core');
  const strapi = await createStrapi({ appDir: CMS, distDir: path.join(CMS, 'dist') }).load();
  let browser;
  try {
    const seeding = Date.now();
    await seed(strapi);
    console.log(`[bench] seeded ${INQUIRIES} open inquiries in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
    strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(PORT, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${PORT}`;

    const login = await fetch(`${base}/api/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier: 'petugas@demo.local', password: 'Layanan2026!' }) }).then((r) => r.json());
    const profile = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${login.jwt}` } }).then((r) => r.json());

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
    const timings = [];
    for (let run = 0; run <= RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript(
        ([jwt, me]) => {
          localStorage.setItem('strapi_jwt', jwt);
          localStorage.setItem('layanan_profile', me);
        },
        [login.jwt, JSON.stringify(profile.data)],
      );
      const page = await context.newPage();
      let jsBytes = 0;
      let apiDone = 0;
      let scriptsDone = 0;
      page.on('response', async (response) => {
        const url = response.url();
        if (url.endsWith('.js')) jsBytes += (await response.body().catch(() => Buffer.alloc(0))).length;
        await response.finished().catch(() => undefined);
        if (url.includes('/api/inquiries')) apiDone = Date.now() - started;
        if (url.endsWith('.js')) scriptsDone = Date.now() - started;
      });
      const started = Date.now();
      await page.goto(`${base}/dashboard/`);
      await page.waitForFunction(
        (count) => document.querySelector('[data-testid="board"][data-ready="true"]') && document.querySelectorAll('[data-testid="inquiry-card"]').length === count,
        INQUIRIES,
        { polling: 'raf', timeout: 60_000 },
      );
      const ms = Date.now() - started;
      console.log(
        `[bench] ${run === 0 ? 'warm-up' : `run ${run}`}: board with ${INQUIRIES} cards ready in ${ms} ms ` +
          `(scripts loaded at ${scriptsDone} ms, last inquiry page at ${apiDone} ms; ${(jsBytes / 1024).toFixed(0)} KB of JavaScript fetched)`,
      );
      if (run > 0) timings.push(ms);
      await context.close();
    }

    const js = initialJs();
    const site = initialJs('index.html');
    const boardMs = median(timings);
    const jsKb = js.gzip / 1024;
    const siteKb = site.gzip / 1024;
    console.log('');
    console.log('initial JavaScript of /dashboard (gzip -9 of what dashboard.html loads and preloads):');
    for (const s of js.sizes) console.log(`  ${s.file.padEnd(40)} ${(s.raw / 1024).toFixed(0).padStart(6)} KB raw  ${(s.gzip / 1024).toFixed(0).padStart(5)} KB gzip`);
    printBundleReport(js.sizes.map((s) => s.file.slice(1)));
    console.log('');
    const verdict = (value, goal, unit) => `goal < ${goal} ${unit}   ${value < goal ? 'met' : 'MISSED'}`;
    console.log(`board ready (median of ${RUNS}, fresh browser context each, ${os.cpus().length} cores): ${boardMs} ms   ${verdict(boardMs, GOALS.boardMs, 'ms')}`);
    console.log(`initial JavaScript of /dashboard: ${jsKb.toFixed(0)} KB gzip   ${verdict(Math.round(jsKb), GOALS.initialJsKb, 'KB')}`);
    console.log(`initial JavaScript of the public pages (/): ${siteKb.toFixed(0)} KB gzip   ${verdict(Math.round(siteKb), GOALS.publicJsKb, 'KB')}`);
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
