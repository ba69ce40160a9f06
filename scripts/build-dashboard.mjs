#!/usr/bin/env node
// Builds dashboard/dist (the staff app and the public pages) with Vite, unless it is newer than every source.
// Used by `npm start`, `npm run build`, the test setup (the browser test needs the built pages) and the benches.
// Every text file of the build is then compressed once, here, beside itself (app.js → app.js.br, app.js.gz):
// the server picks the variant the browser accepts instead of compressing on each request.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DASHBOARD = path.join(ROOT, 'dashboard');
const BUILT = path.join(DASHBOARD, 'dist', 'dashboard.html');

function newestIn(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    newest = Math.max(newest, newestIn(path.join(target, entry.name)));
  }
  return newest;
}

export function dashboardIsFresh() {
  if (!existsSync(BUILT) || !existsSync(path.join(DASHBOARD, 'dist', 'index.html'))) return false;
  const sources = [DASHBOARD, path.join(ROOT, 'config', 'src')];
  return sources.every((source) => newestIn(source) < statSync(BUILT).mtimeMs);
}

const COMPRESSIBLE = /\.(?:js|css|html|svg|txt)$/;
const VARIANTS = [
  { ext: '.br', compress: (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }) },
  { ext: '.gz', compress: (bytes) => gzipSync(bytes, { level: 9 }) },
];

function filesIn(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesIn(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/**
 * Writes file.br and file.gz beside each text file of dist that lacks a fresh one. A variant that would not be
 * smaller is not written (the server then answers with the file itself).
 */
export function precompress(dir = path.join(DASHBOARD, 'dist')) {
  let written = 0;
  for (const file of filesIn(dir).filter((name) => COMPRESSIBLE.test(name))) {
    const mtime = statSync(file).mtimeMs;
    let bytes = null;
    for (const variant of VARIANTS) {
      const target = file + variant.ext;
      if (existsSync(target) && statSync(target).mtimeMs >= mtime) continue;
      bytes ??= readFileSync(file);
      const packed = variant.compress(bytes);
      if (packed.length >= bytes.length) continue;
      writeFileSync(target, packed);
      written += 1;
    }
  }
  return written;
}

export function buildDashboard({ force = false } = {}) {
  if (!force && dashboardIsFresh()) {
    console.log('▸ Dashboard is up to date (dashboard/dist is newer than its sources).');
    precompress();
    return 0;
  }
  console.log('▸ Building the dashboard (Vite)');
  const vite = path.join(ROOT, 'node_modules', '.bin', 'vite');
  const local = path.join(DASHBOARD, 'node_modules', '.bin', 'vite');
  // Always the production build: under jest NODE_ENV is 'test', and Vite would then bundle React's
  // development code (a quarter more JavaScript) into a dist that `npm start` serves afterwards.
  // Two builds: the staff app (which empties dist first), then the public site on its own runtime (vite.config.ts).
  for (const mode of ['production', 'site']) {
    const result = spawnSync(existsSync(local) ? local : vite, ['build', '--mode', mode, '--logLevel', 'warn'], {
      cwd: DASHBOARD,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) return result.status ?? 1;
  }
  console.log(`▸ Compressed ${precompress()} files of dashboard/dist (brotli and gzip)`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(buildDashboard({ force: process.argv.includes('--force') }));
}
