#!/usr/bin/env node
// node scripts/docs-screenshots.mjs — the pictures of the role guides (docs/panduan/*.md), written to docs/img/.
// Builds what is stale, boots the CMS from cms/dist with the demo data on a temporary SQLite file at a fixed office
// time (a Tuesday morning in WIB, so the board's countdowns read as on a working day), signs in as each demo account
// in Chromium and saves each screen at 1440×900 and, where the role uses a phone, 360×740, as palette PNGs.
// Look at every picture before committing it.
//
// Options: --only=<file name's start> (e.g. --only=editor), --out=<folder> (docs/img by default)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { buildDashboard } from './build-dashboard.mjs';
import { throwawayEnv } from './lib/throwaway-env.js';
import { CMS, ROOT, compile, freePort, option } from './lib/bench.mjs';

const require = createRequire(import.meta.url);
const OFFICE_NOW = new Date('2026-12-08T03:20:00.000Z');
const PASSWORD = 'Layanan2026!';
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const OUT = path.resolve(ROOT, option('out', path.join('docs', 'img')));
const ONLY = option('only', '');
const log = (...args) => console.log('[docs-screenshots]', ...args);

/**
 * The whole process runs at the office's time: the seed lays the demo history out behind it and the sweep
 * judges deadlines by it. The clock moves on from there, so timers and token lifetimes behave as usual.
 */
function shiftClock(to) {
  const RealDate = Date;
  const offset = to.getTime() - RealDate.now();
  class OfficeDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = OfficeDate;
}

/** Requests at each step the guides talk about, besides the demo history. */
async function prepare(strapi) {
  const workflow = strapi.plugin('sop-workflow').service('workflow');
  const officer = { type: 'system', name: 'Rina Wulandari' };
  const create = async (input) => (await workflow.create(input, officer)).inquiry;
  const dafduk = await strapi.db.query('api::division.division').findOne({ where: { code: 'DAFDUK' }, select: ['documentId'] });
  await create({
    kind: 'information',
    channel: 'email',
    subject: 'Syarat akta kelahiran anak kedua',
    message: 'Selamat pagi, apa saja syarat membuat akta kelahiran untuk anak kedua kami?',
    applicant: { name: 'Budi Santoso', email: 'budi.santoso@example.com' },
  });
  await create({ kind: 'complaint', channel: 'instagram', subject: 'Antrean loket terlalu panjang', message: 'Kemarin saya antre tiga jam di loket KK.', applicant: { name: 'Dewi Lestari' } });
  const routed = await create({
    kind: 'information',
    channel: 'whatsapp',
    subject: 'Menanyakan KTP-el yang belum jadi',
    message: 'Saya merekam KTP-el tiga minggu lalu di kecamatan. Apakah sudah selesai dicetak dan kapan bisa diambil?',
    applicant: { name: 'Siti Nurhaliza', phone: '+6281234560011' },
  });
  await workflow.triage(routed.documentId, { division: dafduk.documentId, note: 'Mohon cek status cetak KTP-el; pemohon menunggu kabar.' }, officer);
  const coordinated = await create({
    kind: 'information',
    channel: 'walk_in',
    subject: 'Perubahan data pekerjaan di KK',
    message: 'Pemohon ingin mengubah pekerjaan di Kartu Keluarga dari pelajar menjadi karyawan swasta.',
    applicant: { name: 'Ahmad Fauzi', phone: '+6285712340022' },
  });
  await workflow.triage(coordinated.documentId, { division: dafduk.documentId }, officer);
  await workflow.coordinate(
    coordinated.documentId,
    { information: 'Bawa KK asli dan surat keterangan kerja dari perusahaan ke loket 2; perubahan selesai di hari yang sama.' },
    { type: 'system', name: 'Agus Santoso' },
  );
  return { routed: routed.documentId, coordinated: coordinated.documentId };
}

/** A page in Indonesian and WIB, its clock at the office's time; `session`, a stored sign-in to start from. */
async function officePage(browser, device, session) {
  const context = await browser.newContext({ ...device, locale: 'id-ID', timezoneId: 'Asia/Jakarta', storageState: session });
  await context.clock.setFixedTime(OFFICE_NOW);
  return context.newPage();
}

/** One sign-in per account (Strapi limits sign-ins), its stored session reused by every later page. */
const sessions = new Map();

async function dashboardPage(browser, base, email, device) {
  const page = await officePage(browser, device, sessions.get(email));
  if (sessions.has(email)) return page;
  await page.goto(`${base}/dashboard/login`);
  await page.fill('input[name="username"]', email);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  sessions.set(email, await page.context().storageState());
  return page;
}

/** The admin panel as the demo content editor. */
async function adminPage(browser, base) {
  const page = await officePage(browser, DESKTOP);
  await page.goto(`${base}/admin`);
  await page.fill('input[name="email"]', 'editor@demo.local');
  await page.fill('input[name="password"]', PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'));
  return page;
}

/** Each picture: who, on what screen, and what must be on it before it is taken. */
function shots(base, data) {
  const board = async (page) => {
    await page.goto(`${base}/dashboard/`);
    await page.locator('[data-testid="board"][data-ready="true"]').waitFor();
  };
  const inquiry = (id, action) => async (page) => {
    await page.goto(`${base}/dashboard/inquiries/${id}/show`);
    await page.getByTestId('inquiry-page').waitFor();
    if (!action) return;
    await page.getByRole('button', { name: action.button, exact: true }).click();
    await page.locator(action.field).waitFor();
  };
  const recap = async (page) => {
    await page.goto(`${base}/dashboard/rekap`);
    await page.getByTestId('recap-kpis').waitFor();
    await page.getByRole('button', { name: 'Bulan lalu' }).click();
    await page.getByText('Menghitung rekap…').waitFor({ state: 'detached' });
    await page.locator('.recharts-surface').first().waitFor();
  };
  const queue = async (page) => {
    await page.goto(`${base}/dashboard/antrean`);
    await page.locator('[data-testid="division-queue"] .MuiCard-root').first().waitFor();
  };
  const content = (kind, uid, text) => async (page) => {
    await page.goto(`${base}/admin/content-manager/${kind}/${uid}`);
    await page.getByText(text).first().waitFor();
    if (kind === 'single-types') await page.getByRole('button', { name: 'Simpan' }).waitFor();
  };
  return [
    { file: 'petugas-papan', as: 'petugas@demo.local', device: DESKTOP, open: board },
    { file: 'petugas-papan-ponsel', as: 'petugas@demo.local', device: PHONE, open: board },
    { file: 'petugas-permohonan', as: 'petugas@demo.local', device: DESKTOP, open: inquiry(data.coordinated) },
    { file: 'petugas-jawab', as: 'petugas@demo.local', device: DESKTOP, open: inquiry(data.coordinated, { button: 'Jawab', field: 'textarea[name="answer"]' }) },
    {
      file: 'petugas-catat',
      as: 'petugas@demo.local',
      device: DESKTOP,
      open: async (page) => {
        await page.goto(`${base}/dashboard/inquiries/create`);
        await page.locator('form').first().waitFor();
      },
    },
    {
      file: 'petugas-daftar',
      as: 'petugas@demo.local',
      device: DESKTOP,
      open: async (page) => {
        await page.goto(`${base}/dashboard/inquiries`);
        await page.locator('table tbody tr').first().waitFor();
      },
    },
    { file: 'staf-bidang-antrean', as: 'dafduk@demo.local', device: DESKTOP, open: queue },
    { file: 'staf-bidang-antrean-ponsel', as: 'dafduk@demo.local', device: PHONE, open: queue },
    { file: 'staf-bidang-informasi-ponsel', as: 'dafduk@demo.local', device: PHONE, open: inquiry(data.routed, { button: 'Berikan informasi', field: 'textarea[name="information"]' }) },
    { file: 'pimpinan-rekap', as: 'pimpinan@demo.local', device: DESKTOP, open: recap },
    { file: 'pimpinan-rekap-ponsel', as: 'pimpinan@demo.local', device: PHONE, open: recap, scrollTo: '[data-testid="recap-kpis"]' },
    { file: 'editor-faq', admin: true, open: content('collection-types', 'api::faq-entry.faq-entry', /\d+ entri ditemukan/) },
    { file: 'editor-kebijakan-sop', admin: true, open: content('single-types', 'api::sop-policy.sop-policy', 'Ambang pengingat') },
    { file: 'editor-hari-libur', admin: true, open: content('collection-types', 'api::holiday.holiday', /\d+ entri ditemukan/) },
    { file: 'editor-profil-dinas', admin: true, open: content('single-types', 'api::office-profile.office-profile', 'Nama Dinas') },
  ];
}

/** Chromium's PNG as a palette PNG: the guides' pictures stay small in git. */
async function save(page, file) {
  const sharp = require('sharp');
  const raw = await page.screenshot({ animations: 'disabled' });
  const target = path.join(OUT, `${file}.png`);
  await sharp(raw).png({ palette: true, colours: 256, dither: 0, compressionLevel: 9, effort: 10 }).toFile(target);
  log(`${path.relative(ROOT, target)}`);
}

async function main() {
  compile();
  if (buildDashboard() !== 0) throw new Error('the dashboard did not build');
  mkdirSync(OUT, { recursive: true });
  const port = await freePort();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'layanan-docs-screenshots-'));
  Object.assign(process.env, throwawayEnv({ PORT: String(port), DATABASE_FILENAME: path.join(tmp, 'data.db'), DEMO_DATA: 'true', DEMO_INQUIRIES: '120', SERVE_ADMIN: 'true' }));
  delete process.env.DATABASE_URL;
  shiftClock(OFFICE_NOW);
  const { createStrapi } = require('@strapi/strapi');
  const { chromium } = require('playwright-core');
  log('starting the CMS with the demo data …');
  const strapi = await createStrapi({ appDir: CMS, distDir: path.join(CMS, 'dist') }).load();
  let browser;
  try {
    strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(port, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${port}`;
    const data = await prepare(strapi);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    for (const shot of shots(base, data).filter((s) => s.file.startsWith(ONLY))) {
      const page = shot.admin ? await adminPage(browser, base) : await dashboardPage(browser, base, shot.as, shot.device);
      try {
        await shot.open(page);
        if (shot.scrollTo) await page.locator(shot.scrollTo).evaluate((element) => element.scrollIntoView({ block: 'start' }));
        // Some screens poll (the conversation, new requests): idle for a moment is enough.
        await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
        await save(page, shot.file);
      } finally {
        await page.context().close();
      }
    }
  } finally {
    await browser?.close();
    await strapi.destroy();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error('[docs-screenshots] failed:', error);
    process.exit(1);
  },
);
