#!/usr/bin/env node
// Builds dashboard/dist (the staff app and the public pages) with Vite, unless it is newer than every source.
// Used by `npm start`, `npm run build`, the test setup (the browser test needs the built pages) and the board bench.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

export function buildDashboard({ force = false } = {}) {
  if (!force && dashboardIsFresh()) {
    console.log('▸ Dashboard is up to date (dashboard/dist is newer than its sources).');
    return 0;
  }
  console.log('▸ Building the dashboard (Vite)');
  const vite = path.join(ROOT, 'node_modules', '.bin', 'vite');
  const local = path.join(DASHBOARD, 'node_modules', '.bin', 'vite');
  // Always the production build: under jest NODE_ENV is 'test', and Vite would then bundle React's
  // development code (a quarter more JavaScript) into a dist that `npm start` serves afterwards.
  const result = spawnSync(existsSync(local) ? local : vite, ['build', '--logLevel', 'warn'], {
    cwd: DASHBOARD,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return result.status ?? 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(buildDashboard({ force: process.argv.includes('--force') }));
}
