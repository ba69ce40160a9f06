// What the benchmark scripts share: options, free ports, compiling when stale, statistics, the tests' fakes.
import { fork, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nextMessage } from './child.mjs';
import { throwawayEnv } from './throwaway-env.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CMS = path.join(ROOT, 'cms');
const require = createRequire(import.meta.url);

/** `--name=value`, `--name` (true), or BENCH_NAME in the environment, else the fallback; always a string. */
export function option(name, fallback) {
  const flag = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (flag) return flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : 'true';
  return process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? String(fallback);
}

/** A TCP port nobody listens on now (the kernel's pick for port 0), for a server the bench starts. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export const log = (...args) => console.log('[bench]', ...args);

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The nearest-rank percentile: the value at or below which p % of the samples lie. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function walk(dir, keep, skipDirs = []) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipDirs.includes(entry.name)) out.push(...walk(full, keep, skipDirs));
    } else if (keep(entry.name)) out.push(full);
  }
  return out;
}

const isTs = (name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !/\.test\.ts$/.test(name);

function run(what, args) {
  log(`compiling ${what} …`);
  // In a child: compileStrapi calls process.exit(1) on a compile error.
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`compiling ${what} failed (exit ${result.status}); nothing was measured`);
}

/** Builds the local packages, and the CMS into cms/dist unless every compiled file is newer than its source. */
export function compile({ force = false } = {}) {
  run('config and plugins', [path.join(ROOT, 'scripts', 'build-libs.mjs')]);
  const sources = [...walk(path.join(CMS, 'config'), isTs), ...walk(path.join(CMS, 'src'), (n) => isTs(n) || n.endsWith('.json'), ['admin', 'plugins'])];
  const stale = sources.filter((src) => {
    const out = path.join(CMS, 'dist', path.relative(CMS, src)).replace(/\.ts$/, '.js');
    return !existsSync(out) || statSync(out).mtimeMs < statSync(src).mtimeMs;
  });
  if (force || stale.length > 0) run('the CMS (compileStrapi)', ['-e', `require('@strapi/strapi').compileStrapi({ appDir: ${JSON.stringify(CMS)} }).then(() => process.exit(0))`]);
  else log('cms/dist is up to date: not compiling.');
}

/** TypeScript files load through swc's transpiler, in memory (the tests' helpers and what they import). */
function registerTypeScript() {
  if (Module._extensions['.ts']) return;
  Module._extensions['.ts'] = (module, filename) => {
    const { code } = require('@swc/core').transformFileSync(filename, {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    module._compile(code, filename);
  };
}

/**
 * A fake of the tests (tests/helpers/*.ts), transpiled in memory and loaded as a module in its own folder
 * (so its packages and the helpers it imports resolve from there), so benches drive the same protocol
 * servers the suite does.
 */
export function loadTestHelper(name) {
  registerTypeScript();
  return require(path.join(ROOT, 'tests', 'helpers', `${name}.ts`));
}

/** The environment of a bench's CMS child: the parent's, without a database URL (each bench has its own file). */
export function childBaseEnv() {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return env;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every 100 ms until it holds; resolves with the time it did (Date.now()). */
export async function until(probe, what, timeoutMs = 15 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return Date.now();
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * The production CMS (scripts/bench/serve-app.mjs, from cms/dist) in a child on a free port and a temp
 * SQLite file, its media pointed at the bench's fakes by `env`; killed and its files removed when the bench
 * exits, Ctrl-C included. `ask(type, payload)` sends an IPC request and resolves with the reply of that type.
 */
export async function startApp(name, env = {}) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), `layanan-bench-${name}-`));
  const port = await freePort();
  const child = fork(path.join(ROOT, 'scripts', 'bench', 'serve-app.mjs'), [], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...childBaseEnv(), ...throwawayEnv({ PORT: String(port), DATABASE_FILENAME: path.join(tmp, 'data.db'), PUBLIC_URL: 'https://layanan.dinas.example', ...env }) },
  });
  process.on('exit', () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
  await nextMessage(child, 'ready', 240_000);
  const ask = (type, payload = {}) => {
    const reply = nextMessage(child, type, 60_000);
    child.send({ type, ...payload });
    return reply;
  };
  return { child, port, base: `http://127.0.0.1:${port}`, ask };
}

/** Timed HTTP calls against a base URL, each kept as { route, status, ms } for the figures. */
export class Client {
  samples = [];
  constructor(base) {
    this.base = base;
  }
  async call(route, method, url, { jwt, body, headers = {}, raw } = {}) {
    const started = performance.now();
    const init = { method, headers: { ...headers } };
    if (jwt) init.headers.authorization = `Bearer ${jwt}`;
    if (raw !== undefined) init.body = raw;
    else if (body !== undefined) {
      init.headers['content-type'] ??= 'application/json';
      init.body = JSON.stringify(body);
    }
    let status = 0;
    let text = '';
    try {
      const res = await fetch(`${this.base}${url}`, init);
      status = res.status;
      text = await res.text();
    } catch (error) {
      text = String(error?.cause?.code ?? error?.message ?? error);
    }
    const ms = performance.now() - started;
    if (route) this.samples.push({ route, status, ms });
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status, json, text, ms };
  }
}

/** Per route: count, 5xx, other errors, p50 and p99 in ms. */
export function routeFigures(samples) {
  const byRoute = new Map();
  for (const s of samples) {
    if (!byRoute.has(s.route)) byRoute.set(s.route, []);
    byRoute.get(s.route).push(s);
  }
  return [...byRoute].map(([route, list]) => ({
    route,
    count: list.length,
    serverErrors: list.filter((s) => s.status >= 500).length,
    failures: list.filter((s) => s.status === 0).length,
    p50: percentile(list.map((s) => s.ms), 50),
    p99: percentile(list.map((s) => s.ms), 99),
  }));
}

/** Runs `worker(i)` on `n` parallel loops until `until()` is true. */
export async function loops(n, until, worker) {
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      while (!until()) await worker(i);
    }),
  );
}
