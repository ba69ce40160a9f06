#!/usr/bin/env node
// npm run bench:recap — the Rekap Informasi at the scale of a province: a million inquiries on SQLite.
//  1. seeds 1,000,000 inquiries over the last 12 months straight into a temp SQLite file (better-sqlite3,
//     prepared statements in large transactions; not through HTTP), with applicants, Bidang links, durations;
//  2. times GET /api/recap over those 12 months (median of several runs);
//  3. times the alternative a client without it would have: the same inquiries fetched page by page through
//     the REST list (GET /api/inquiries, pageSize 100) and aggregated in JavaScript, measured on a sample of
//     pages spread over the whole list and extrapolated (all pages with --full-paging);
//  4. downloads the year as XLSX and reports the server's peak RSS (VmHWM, reset just before) while it streams.
// A measurement, not a test: it exits 0 whether the goals are met or not (1 only if it could not run).
//
// --db=postgres runs all of it twice, on SQLite and then on a temporary database of the machine's PostgreSQL
// (multi-row INSERTs, then VACUUM ANALYZE: the visibility map and statistics autovacuum keeps a year-old table
// in), and prints the two side by side.
//
// Options (flags or BENCH_* env): --rows=1000000 --months=12 --runs=5 --pages=40 (REST pages sampled)
// --full-paging --db=sqlite|postgres --postgres-url=URL (a server to create the temporary database on)
// --keep=PATH (keep the seeded SQLite file there and reuse it next time) --no-compile --port=N (a free one by default)
import { fork, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { throwawayEnv } from './lib/throwaway-env.js';
import { nextMessage } from './lib/child.mjs';
import { ROOT, childBaseEnv, compile, freePort, log, median, option } from './lib/bench.mjs';
import { seed, span } from './bench/year-of-requests.mjs';
import { createDatabase } from './lib/postgres.mjs';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');

const SERVE = path.join(ROOT, 'scripts', 'bench', 'serve.mjs');
const GOALS = { recapMs: 500, ratio: 50, exportMb: 300 };

const ROWS = Number(option('rows', 1_000_000));
const MONTHS = Number(option('months', 12));
const RUNS = Number(option('runs', 5));
const SAMPLE_PAGES = Number(option('pages', 40));
const FULL_PAGING = option('full-paging', 'false') === 'true';
const DATABASES = option('db', 'sqlite') === 'postgres' ? ['sqlite', 'postgres'] : ['sqlite'];
const KEEP_DB = option('keep', '');
const POSTGRES_URL = option('postgres-url', 'postgres://postgres@127.0.0.1:5432/postgres');
const COMPILE = option('no-compile', 'false') !== 'true';
let PORT = Number(option('port', 0));
const PAGE_SIZE = 100;

// ---------------------------------------------------------------- cleanup (also on Ctrl-C)

let server = null;
let tmpRoot = null;
const pgDatabases = [];
function cleanup() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
  tmpRoot = null;
  // Synchronous, so it also runs on 'exit': psql drops the temporary PostgreSQL databases.
  for (const name of pgDatabases.splice(0)) spawnSync('psql', [POSTGRES_URL, '-q', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], { stdio: 'ignore' });
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n[bench] ${signal}: stopping the server${KEEP_DB ? '' : ' and removing the temp database'}.`);
    cleanup();
    process.exit(130);
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------- compile

// ---------------------------------------------------------------- the server

async function startServer(target) {
  if (!PORT) PORT = await freePort();
  base = `http://127.0.0.1:${PORT}`;
  const env = childBaseEnv();
  Object.assign(env, throwawayEnv({ PORT: String(PORT), ...target.env, STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true', BENCH_BASELINE: 'false' }));
  const started = performance.now();
  server = fork(SERVE, [], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  let held = '';
  server.stdout.on('data', (chunk) => {
    held += chunk;
  });
  try {
    await nextMessage(server, 'ready', 15 * 60_000);
  } catch (error) {
    process.stdout.write(held);
    throw error;
  }
  return performance.now() - started;
}

async function stopServer() {
  if (!server) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
  server = null;
}

async function staffToken(role) {
  server.send({ type: 'staff', role });
  return (await nextMessage(server, 'staff', 30_000)).jwt;
}

async function countInquiries(target) {
  if (target.kind === 'postgres') return null;
  if (!existsSync(target.file)) return null;
  const db = new Database(target.file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) AS n, min(received_at) AS first, max(received_at) AS last FROM inquiries').get();
  } finally {
    db.close();
  }
}


// ---------------------------------------------------------------- measuring

let base = '';

async function timed(url, jwt) {
  const started = performance.now();
  const res = await fetch(url, { headers: { Authorization: `Bearer ${jwt}` } });
  const body = await res.text();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 300)}`);
  return { ms, body: JSON.parse(body) };
}

const dateKey = (at) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** What a client would compute from the REST rows: the same figures the recap gives, in plain JavaScript. */
function aggregate(rows, now) {
  const { SOP_STEPS, SOP_STEP_TABLE } = require('@layanan/config'); // built by compile()
  const figures = { months: {}, channel: {}, kind: {}, category: {}, status: {}, division: {}, steps: {}, minutes: Object.fromEntries(SOP_STEPS.map((step) => [step, []])), openBreached: 0 };
  const bump = (map, key) => (map[key] = (map[key] ?? 0) + 1);
  for (const r of rows) {
    const month = dateKey(new Date(r.receivedAt)).slice(0, 7);
    bump(figures.months, month);
    bump(figures.channel, r.channel);
    bump(figures.kind, r.kind);
    bump(figures.category, r.serviceCategory);
    bump(figures.status, `${r.status}/${r.outcome ?? ''}`);
    bump(figures.division, r.division?.code ?? 'none');
    for (const { step, due, flag, open, value } of SOP_STEP_TABLE.map((s) => ({
      step: s.step,
      due: r[s.dueField],
      flag: r[s.breachedField],
      open: r.status === s.status,
      value: r[s.workingMinutesField],
    }))) {
      if (value !== null && value !== undefined) figures.minutes[step].push(value);
      if (!due) continue;
      const late = flag || (open && new Date(due) < now);
      bump(figures.steps, `${step}/${late ? 'late' : open ? 'pending' : 'met'}`);
      if (open && late) figures.openBreached += 1;
    }
  }
  for (const values of Object.values(figures.minutes)) values.sort((a, b) => a - b);
  return figures;
}

function procStatus(pid, field) {
  return Number(new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
}

/** CPU time (user + system) the process has used so far, in milliseconds. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** Downloads an export to nowhere while watching the server's RSS; VmHWM is reset first, so the peak is this download's. */
async function exportPeak(url, jwt) {
  const resting = procStatus(server.pid, 'VmRSS');
  writeFileSync(`/proc/${server.pid}/clear_refs`, '5');
  let sampled = resting;
  const sampler = setInterval(() => {
    sampled = Math.max(sampled, procStatus(server.pid, 'VmRSS'));
  }, 100);
  const started = performance.now();
  const res = await fetch(url, { headers: { Authorization: `Bearer ${jwt}` } });
  let bytes = 0;
  for await (const chunk of res.body) bytes += chunk.length;
  clearInterval(sampler);
  if (!res.ok) throw new Error(`export answered ${res.status}`);
  return { ms: performance.now() - started, bytes, resting, peak: Math.max(procStatus(server.pid, 'VmHWM'), sampled) };
}

/** Where one pass runs: a SQLite file (temporary, or --keep), or a temporary database on the PostgreSQL server. */
async function targetOf(kind) {
  if (kind === 'postgres') {
    const { name, url } = await createDatabase(POSTGRES_URL, 'bench_recap');
    pgDatabases.push(name);
    return { kind, label: 'PostgreSQL', url, where: `database ${name}`, env: { DATABASE_URL: url } };
  }
  let file;
  if (KEEP_DB) file = path.resolve(KEEP_DB);
  else {
    tmpRoot ??= mkdtempSync(path.join(os.tmpdir(), 'layanan-bench-recap-'));
    file = path.join(tmpRoot, 'data.db');
  }
  return { kind, label: 'SQLite', file, where: file, env: { DATABASE_FILENAME: file } };
}

/** Seeds (or reuses), boots, and measures one database; returns its figures. */
async function pass(kind, now) {
  const target = await targetOf(kind);
  const existing = await countInquiries(target);
  let range;
  if (existing && existing.n >= ROWS) {
    log(`reusing ${target.where}: ${existing.n.toLocaleString('en')} inquiries already there`);
    range = { from: new Date(existing.first), to: new Date(existing.last) };
  } else {
    log(`${target.label}: first boot on an empty ${target.where}: schema, indexes and reference data …`);
    await startServer(target);
    await stopServer();
    log(`seeding ${ROWS.toLocaleString('en')} inquiries with applicants and Bidang links straight into ${target.label} …`);
    const seeded = await seed(target, ROWS, MONTHS, now);
    log(`seeded in ${seconds(seeded.ms)} (${Math.round(ROWS / (seeded.ms / 1000)).toLocaleString('en')} inquiries/s; ${seeded.dropped} workflow indexes dropped first, rebuilt at the next boot)`);
    range = seeded;
  }
  if (KEEP_DB && kind === 'sqlite') writeFileSync(`${target.file}.bench.json`, JSON.stringify(range));

  log(`booting the server on it (the bootstrap rebuilds the indexes and runs its one-time backfill) …`);
  const bootMs = await startServer(target);
  log(`  ready in ${seconds(bootMs)}, pid ${server.pid}`);
  const jwt = await staffToken('leadership');

  const from = dateKey(range.from);
  const to = dateKey(range.to);
  const recapUrl = `${base}/api/recap?from=${from}&to=${to}&groupBy=month`;

  // ---- 1. the recap
  log(`recap ${from} … ${to} by month: 1 warm-up + ${RUNS} runs`);
  const first = await timed(recapUrl, jwt);
  const runs = [];
  const cpu = [];
  for (let i = 0; i < RUNS; i += 1) {
    const before = cpuMs(server.pid);
    runs.push((await timed(recapUrl, jwt)).ms);
    cpu.push(cpuMs(server.pid) - before);
  }
  const recapMs = median(runs);
  const total = first.body.data.total;
  log(`  total ${total.toLocaleString('en')} inquiries; runs ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms (warm-up ${first.ms.toFixed(0)} ms); server CPU ${cpu.map((ms) => ms.toFixed(0)).join(', ')} ms`);

  // ---- 2. the same through the REST list, page by page
  const pages = Math.ceil(total / PAGE_SIZE);
  const listUrl = (page) =>
    `${base}/api/inquiries?pagination[page]=${page}&pagination[pageSize]=${PAGE_SIZE}&sort[0]=receivedAt:asc&sort[1]=id:asc` +
    `&filters[receivedAt][$gte]=${encodeURIComponent(first.body.data.range.start)}&filters[receivedAt][$lt]=${encodeURIComponent(first.body.data.range.end)}` +
    '&populate[division][fields][0]=code';
  const sample = FULL_PAGING ? Array.from({ length: pages }, (_, i) => i + 1) : Array.from({ length: Math.min(SAMPLE_PAGES, pages) }, (_, i) => 1 + Math.floor((i * (pages - 1)) / Math.max(1, Math.min(SAMPLE_PAGES, pages) - 1)));
  log(`REST list: ${pages.toLocaleString('en')} pages of ${PAGE_SIZE}; ${FULL_PAGING ? 'fetching all of them' : `fetching ${sample.length} pages spread from the first to the last`} …`);
  let fetchMs = 0;
  const fetched = [];
  for (const page of sample) {
    const { ms, body } = await timed(listUrl(page), jwt);
    fetchMs += ms;
    fetched.push(...body.data);
  }
  const aggregateStarted = performance.now();
  aggregate(fetched, now);
  const aggregateMs = performance.now() - aggregateStarted;
  const pagingMs = (fetchMs + aggregateMs) * (pages / sample.length);

  // ---- 3. one month, then the year, as XLSX: the server's peak memory should not grow with the rows
  const lastMonth = dateKey(new Date(range.to.getTime() - 30 * 86_400_000));
  log(`exporting one month (${lastMonth} … ${to}) as XLSX …`);
  const month = await exportPeak(`${base}/api/recap/export?from=${lastMonth}&to=${to}&format=xlsx`, jwt);
  log(`  ${seconds(month.ms)}, ${(month.bytes / 1048576).toFixed(1)} MB; server RSS ${month.resting.toFixed(0)} MB at rest, peak ${month.peak.toFixed(0)} MB`);
  log('exporting the year as XLSX …');
  const year = await exportPeak(`${base}/api/recap/export?from=${from}&to=${to}&format=xlsx`, jwt);
  await stopServer();
  return {
    label: target.label, from, to, total, runs, recapMs, cpuMs: median(cpu), pages, sampled: sample.length, fetchMs, fetched: fetched.length,
    aggregateMs, pagingMs, extrapolated: !FULL_PAGING && sample.length < pages, month, year,
  };
}

async function main() {
  const cores = os.cpus().length;
  log(`Rekap Informasi at scale: ${ROWS.toLocaleString('en')} inquiries over ${MONTHS} months on ${DATABASES.map((k) => (k === 'postgres' ? 'PostgreSQL' : 'SQLite')).join(' and ')}, ${cores} CPU core(s), Node ${process.version}`);
  const load = os.loadavg()[0];
  if (load > cores * 0.75) log(`note: load average ${load.toFixed(1)} on ${cores} core(s) before starting; other work on this machine slows every number below.`);
  if (COMPILE) compile();

  const now = new Date();
  const results = [];
  for (const kind of DATABASES) {
    results.push(await pass(kind, now));
    cleanup(); // the SQLite file and the PostgreSQL database are not needed once measured
  }

  // ---- report: one column per database
  const { from, to, total } = results[0];
  const row = (label, cell) => console.log(`  ${label.padEnd(44)}${results.map((r) => cell(r).padStart(20)).join('')}`);
  console.log('');
  console.log(`Rekap Informasi over ${from} … ${to}: ${total.toLocaleString('en')} inquiries (${cores} cores, load average ${os.loadavg()[0].toFixed(1)})`);
  console.log('');
  row('', (r) => r.label);
  row('GET /api/recap (12 months, by month), median', (r) => `${r.recapMs.toFixed(0)} ms`);
  row(`  min … max of ${RUNS} runs`, (r) => `${Math.min(...r.runs).toFixed(0)} … ${Math.max(...r.runs).toFixed(0)} ms`);
  row('  server CPU per recap', (r) => `${r.cpuMs.toFixed(0)} ms`);
  row('REST list page by page + JS aggregation', (r) => `${r.pagingMs.toFixed(0)} ms`);
  row('  per page fetched', (r) => `${(r.fetchMs / r.sampled).toFixed(1)} ms`);
  row('  ratio', (r) => `${(r.pagingMs / r.recapMs).toFixed(0)} ×`);
  row('XLSX export of one month', (r) => `${seconds(r.month.ms)}, ${(r.month.bytes / 1048576).toFixed(1)} MB`);
  row('  server RSS peak (at rest)', (r) => `${r.month.peak.toFixed(0)} (${r.month.resting.toFixed(0)}) MB`);
  row('XLSX export of the year', (r) => `${seconds(r.year.ms)}, ${(r.year.bytes / 1048576).toFixed(1)} MB`);
  row('  server RSS peak', (r) => `${r.year.peak.toFixed(0)} MB`);
  if (results.some((r) => r.extrapolated)) console.log(`  (paging EXTRAPOLATED from ${results[0].sampled} of ${results[0].pages.toLocaleString('en')} pages; --full-paging fetches all)`);
  console.log('');
  for (const r of results) {
    // Measured from the server at rest before the first export: the heap a first export grows stays grown.
    const added = r.year.peak - r.month.resting;
    const ratio = r.pagingMs / r.recapMs;
    console.log(`goals on ${r.label}: recap < ${GOALS.recapMs} ms: ${r.recapMs < GOALS.recapMs ? 'MET' : 'NOT MET'}; ≥ ${GOALS.ratio}× faster than paging: ${ratio >= GOALS.ratio ? 'MET' : 'NOT MET'}${r.extrapolated ? ' (paging extrapolated)' : ''}`);
    console.log(
      `       export memory flat: the year peaks ${r.year.peak < r.month.peak * 1.25 ? 'within' : 'MORE than'} 25 % of one month (${r.year.peak.toFixed(0)} vs ${r.month.peak.toFixed(0)} MB); ` +
        `it adds ${added.toFixed(0)} MB over the resting server, goal < ${GOALS.exportMb} MB: ${added < GOALS.exportMb ? 'MET' : 'NOT MET'}`,
    );
  }
}

main()
  .then(() => {
    cleanup();
    process.exit(0);
  })
  .catch((error) => {
    console.error('[bench] could not run:', error);
    cleanup();
    process.exit(1);
  });
