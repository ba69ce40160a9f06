#!/usr/bin/env node
// npm run bench:intake — throughput and p99 latency of our intake (POST /api/public/inquiries: validation,
// rate limit, code, event row, outbox row, one transaction) against Strapi's core REST create of the same
// content type on an instance WITHOUT the sop-workflow plugin. Both are real Strapi processes booted from
// cms/dist, each on its own temp SQLite file; rounds alternate A/B/A/B and the median of rounds is reported.
//
// Then, on our intake alone, writes under concurrency: submissions at 5 and at 50 connections (throughput should
// not fall as concurrency rises), and a mixed profile at 50 connections (submissions and tracking look-ups)
// with p50/p99 per route.
//
// It is a measurement, not a test: it exits 0 whether the goal is met or not (1 only if it could not run).
//
// Options (flags or env): --connections=10 --duration=10 --warmup=3 --rounds=2 --profile (always run the
// per-request query profile; it runs by itself when the goal is missed) --scaling=5,50 (the two concurrencies
// compared; --scaling=off skips that part) --no-compile.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { throwawayEnv } from './lib/throwaway-env.js';
import { nextMessage } from './lib/child.mjs';
import { Client, ROOT, childBaseEnv, compile, freePort, loops, median, option, routeFigures } from './lib/bench.mjs';

const SERVE = path.join(ROOT, 'scripts', 'bench', 'serve.mjs');
/** Throughput of our intake against bare Strapi's, and its p99 against bare's at the same concurrency. */
const GOAL = 0.85;
const P99_GOAL = 1.2;
/** Public submissions at the higher concurrency of the scaling runs, p99 in ms. */
const SUBMIT_P99_GOAL_MS = 500;

const CONNECTIONS = Number(option('connections', 10));
const DURATION = Number(option('duration', 10));
const WARMUP = Number(option('warmup', 3));
const ROUNDS = Number(option('rounds', 2));
const FORCE_PROFILE = option('profile', 'false') === 'true';
const SCALING = option('scaling', '5,50') === 'off' ? null : option('scaling', '5,50').split(',').map(Number);
const COMPILE = option('no-compile', 'false') !== 'true';

const BODY = JSON.stringify({
  data: {
    kind: 'information',
    subject: 'Syarat KTP-el baru',
    message: 'Apa saja syarat membuat KTP-el untuk pertama kali?',
    applicant: { name: 'Siti Aminah', email: 'siti@contoh.id' },
  },
});

const SIDES = {
  intake: { label: 'intake (POST /api/public/inquiries)', path: '/api/public/inquiries', baseline: false },
  bare: { label: 'bare core REST create (no plugin)', path: '/api/bench/core-create', baseline: true },
};

// ---------------------------------------------------------------- cleanup (also on Ctrl-C)

const children = new Map(); // name -> ChildProcess
let tmpRoot = null;
let cleanedUp = false;

function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  for (const child of children.values()) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
  if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n[bench] ${signal}: stopping the servers and removing the temp databases.`);
    cleanup();
    process.exit(130);
  });
}

// ---------------------------------------------------------------- servers

function childEnv(side, dbFile) {
  return {
    ...childBaseEnv(),
    ...throwawayEnv({
      PORT: String(side.port),
      DATABASE_FILENAME: dbFile,
      PUBLIC_RATE_LIMIT: '100000000',
      TRACK_RATE_LIMIT: '100000000',
      BENCH_BASELINE: side.baseline ? 'true' : 'false',
    }),
  };
}


async function start(name) {
  const side = SIDES[name];
  side.port = await freePort();
  const dir = path.join(tmpRoot, name);
  const child = fork(SERVE, [], { cwd: ROOT, env: childEnv(side, path.join(dir, 'data.db')), stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  children.set(name, child);
  // Strapi's start-up banner is noise here: held back, and shown only if the server fails to start.
  let held = '';
  let live = false;
  child.stdout.on('data', (chunk) => {
    if (live) process.stdout.write(chunk);
    else held += chunk;
  });
  let ready;
  try {
    ready = await nextMessage(child, 'ready', 240_000);
  } catch (error) {
    process.stdout.write(held);
    throw error;
  }
  live = true;
  side.pid = child.pid;
  side.child = child;
  side.url = `http://127.0.0.1:${side.port}${side.path}`;
  return ready;
}

function peakRssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

async function post(url) {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}

// ---------------------------------------------------------------- measuring

function cannon(side, seconds) {
  return autocannon({
    url: side.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
    connections: CONNECTIONS,
    duration: seconds,
  });
}

const measurements = { intake: [], bare: [] };
const warmupProblems = { intake: 0, bare: 0 };

async function round(name, index) {
  const side = SIDES[name];
  process.stdout.write(`[bench] round ${index}: ${name.padEnd(6)} warm-up ${WARMUP} s … `);
  const warm = await cannon(side, WARMUP);
  warmupProblems[name] += warm.non2xx + warm.errors + warm.timeouts;
  process.stdout.write(`measuring ${DURATION} s … `);
  const r = await cannon(side, DURATION);
  const m = {
    round: index,
    rps: r.requests.average,
    total: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
  measurements[name].push(m);
  console.log(`${m.rps.toFixed(1)} req/s, p99 ${m.p99} ms${m.non2xx + m.errors + m.timeouts ? `  (!! ${m.non2xx} non-2xx, ${m.errors} errors, ${m.timeouts} timeouts)` : ''}`);
}

function table(rows, columns) {
  const widths = columns.map((c) => Math.max(c.title.length, ...rows.map((r) => String(r[c.key]).length)));
  const line = (cells) => cells.map((cell, i) => (columns[i].left ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  console.log(line(columns.map((c) => c.title)));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(columns.map((c) => r[c.key])));
}

/** SQL statements and sequential latency of single requests, to see where the intake's time goes. */
async function profile(name, requests = 50) {
  const side = SIDES[name];
  side.child.send({ type: 'profile-start' });
  await nextMessage(side.child, 'profile-started');
  const one = await post(side.url);
  side.child.send({ type: 'profile-stop' });
  const single = await nextMessage(side.child, 'profile');
  side.child.send({ type: 'profile-start' });
  await nextMessage(side.child, 'profile-started');
  const times = [];
  for (let i = 0; i < requests; i += 1) times.push((await post(side.url)).ms);
  side.child.send({ type: 'profile-stop' });
  const many = await nextMessage(side.child, 'profile');
  return {
    status: one.status,
    single,
    perRequest: many.queries / requests,
    sqlMsPerRequest: many.sqlMs / requests,
    cpuMsPerRequest: many.cpuMs / requests,
    seqMeanMs: times.reduce((a, b) => a + b, 0) / times.length,
    seqMedianMs: median(times),
  };
}

function summarize(statements) {
  return statements.map(({ sql, ms }) => `    ${ms.toFixed(2).padStart(7)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 110)}`).join('\n');
}

// ---------------------------------------------------------------- writes under concurrency

const BODY_DATA = JSON.parse(BODY);

/** `connections` loops of `action` for `seconds` against our intake; the samples per route. */
async function drive(connections, seconds, action) {
  const client = new Client(`http://127.0.0.1:${SIDES.intake.port}`);
  const end = performance.now() + seconds * 1000;
  await loops(connections, () => performance.now() >= end, () => action(client));
  return client.samples;
}

const submit = (client, tracked) =>
  client.call('public submit', 'POST', '/api/public/inquiries', { body: BODY_DATA }).then((res) => {
    if (res.status === 201 && tracked && tracked.length < 10_000) tracked.push(res.json.data);
  });

/** Submissions at each concurrency (warm-up first), then the mixed profile at the highest one. */
async function scaling() {
  const results = [];
  for (const connections of SCALING) {
    process.stdout.write(`[bench] writes: ${connections} connections, warm-up ${WARMUP} s … `);
    await drive(connections, WARMUP, (client) => submit(client));
    process.stdout.write(`measuring ${DURATION} s … `);
    const samples = await drive(connections, DURATION, (client) => submit(client));
    const [figures] = routeFigures(samples);
    const ok = samples.filter((x) => x.status === 201).length;
    results.push({ connections, rps: ok / DURATION, ...figures, failed: samples.length - ok });
    console.log(`${(ok / DURATION).toFixed(1)} req/s, p99 ${figures.p99.toFixed(0)} ms`);
  }
  const connections = Math.max(...SCALING);
  process.stdout.write(`[bench] mixed: ${connections} connections, submissions and tracking look-ups, ${DURATION} s … `);
  const tracked = [];
  await drive(connections, WARMUP, (client) => submit(client, tracked));
  const mixed = await drive(connections, DURATION, (client) => {
    const one = tracked[Math.floor(Math.random() * tracked.length)];
    if (Math.random() < 0.5 || !one) return submit(client, tracked);
    return client.call('public track', 'GET', `/api/public/track/${one.code}?token=${encodeURIComponent(one.trackingToken)}`);
  });
  console.log(`${(mixed.length / DURATION).toFixed(1)} req/s`);
  return { results, mixed: routeFigures(mixed), mixedFailed: mixed.filter((x) => x.status >= 400 || x.status === 0).length };
}

function printScaling({ results, mixed, mixedFailed }) {
  console.log('');
  console.log('Writes under concurrency (our intake alone, SQLite):');
  for (const r of results) {
    console.log(`  submissions at ${String(r.connections).padStart(3)} connections: ${r.rps.toFixed(1).padStart(7)} req/s   p50 ${r.p50.toFixed(0).padStart(5)} ms   p99 ${r.p99.toFixed(0).padStart(5)} ms${r.failed ? `   (!! ${r.failed} not 201)` : ''}`);
  }
  const connections = Math.max(...SCALING);
  console.log(`  mixed at ${connections} connections:`);
  for (const r of mixed) console.log(`    ${r.route.padEnd(16)} ${String(r.count).padStart(6)} calls   p50 ${r.p50.toFixed(0).padStart(5)} ms   p99 ${r.p99.toFixed(0).padStart(5)} ms`);
  if (mixedFailed) console.log(`    (!! ${mixedFailed} requests refused or unanswered)`);
  const low = results.find((r) => r.connections === Math.min(...SCALING));
  const high = results.find((r) => r.connections === connections);
  const submitP99 = mixed.find((r) => r.route === 'public submit')?.p99 ?? high.p99;
  console.log(`goal: submission p99 < ${SUBMIT_P99_GOAL_MS} ms at ${connections} connections (mixed): ${submitP99.toFixed(0)} ms, ${submitP99 < SUBMIT_P99_GOAL_MS ? 'MET' : 'NOT MET'}`);
  console.log(`goal: throughput at ${connections} connections ≥ at ${low.connections}: ${high.rps.toFixed(1)} vs ${low.rps.toFixed(1)} req/s, ${high.rps >= low.rps ? 'MET' : 'NOT MET'}`);
}

// ---------------------------------------------------------------- main

async function main() {
  const cores = os.cpus().length;
  console.log(`[bench] intake vs bare core create: ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per round, ${ROUNDS} rounds each (A/B alternating), ${cores} CPU core(s), Node ${process.version}`);
  const load = os.loadavg()[0];
  if (load > cores * 0.75) console.log(`[bench] note: load average ${load.toFixed(1)} on ${cores} core(s) before starting; other work on this machine will skew the numbers.`);
  if (COMPILE) compile();

  tmpRoot = mkdtempSync(path.join(os.tmpdir(), 'layanan-bench-'));
  console.log('[bench] booting both servers from cms/dist (fresh temp SQLite each) …');
  const booted = await Promise.all([start('intake'), start('bare')]);
  for (const ready of booted) {
    console.log(`[bench]   ${ready.role.padEnd(8)} pid ${ready.pid}  sop-workflow plugin ${ready.hasPlugin ? 'loaded' : 'NOT loaded'}`);
  }

  // One request each before measuring: both must answer 201, or the numbers mean nothing.
  for (const name of ['intake', 'bare']) {
    const { status, text } = await post(SIDES[name].url);
    console.log(`[bench]   check ${name.padEnd(6)} → ${status} ${text.slice(0, 160)}`);
    if (status !== 201) console.error(`[bench] !!! ${name} does not answer 201 to the benchmark body; its numbers below measure failures !!!`);
  }

  for (let i = 1; i <= ROUNDS; i += 1) {
    await round('intake', i);
    await round('bare', i);
  }

  const med = {};
  for (const name of ['intake', 'bare']) {
    const ms = measurements[name];
    med[name] = {
      rps: median(ms.map((m) => m.rps)),
      p50: median(ms.map((m) => m.p50)),
      p99: median(ms.map((m) => m.p99)),
      non2xx: ms.reduce((a, m) => a + m.non2xx, 0),
      errors: ms.reduce((a, m) => a + m.errors + m.timeouts, 0),
      total: ms.reduce((a, m) => a + m.total, 0),
    };
  }

  const stats = {};
  for (const name of ['intake', 'bare']) {
    SIDES[name].child.send({ type: 'stats' });
    stats[name] = await nextMessage(SIDES[name].child, 'stats');
  }

  const ratio = med.bare.rps > 0 ? med.intake.rps / med.bare.rps : NaN;
  const p99Ratio = med.bare.p99 > 0 ? med.intake.p99 / med.bare.p99 : NaN;
  const met = ratio >= GOAL;
  const writes = SCALING ? await scaling() : null;

  let profiles = null;
  if (!met || FORCE_PROFILE) {
    profiles = { intake: await profile('intake'), bare: await profile('bare') };
  }

  const peak = { intake: peakRssMb(SIDES.intake.pid), bare: peakRssMb(SIDES.bare.pid) };

  console.log('');
  const rows = [];
  for (const name of ['intake', 'bare']) {
    for (const m of measurements[name]) {
      rows.push({ side: name, round: m.round, rps: m.rps.toFixed(1), p50: m.p50, p99: m.p99, total: m.total, non2xx: m.non2xx, errors: m.errors + m.timeouts });
    }
  }
  for (const name of ['intake', 'bare']) {
    const m = med[name];
    rows.push({ side: name, round: 'median', rps: m.rps.toFixed(1), p50: m.p50, p99: m.p99, total: m.total, non2xx: m.non2xx, errors: m.errors });
  }
  table(rows, [
    { key: 'side', title: 'side', left: true },
    { key: 'round', title: 'round', left: true },
    { key: 'rps', title: 'req/s' },
    { key: 'p50', title: 'p50 ms' },
    { key: 'p99', title: 'p99 ms' },
    { key: 'total', title: 'requests' },
    { key: 'non2xx', title: 'non-2xx' },
    { key: 'errors', title: 'errors' },
  ]);
  console.log('');
  for (const name of ['intake', 'bare']) {
    const s = stats[name];
    console.log(
      `${SIDES[name].label.padEnd(38)} peak RSS ${peak[name] === null ? 'n/a' : `${peak[name].toFixed(0)} MB`}; rows written: ${s.inquiries} inquiries, ${s.events ?? 'n/a'} events, ${s.notifications ?? 'n/a'} outbox`,
    );
  }

  if (profiles) {
    console.log('\nProfile (requests one at a time, no concurrency):');
    for (const name of ['intake', 'bare']) {
      const p = profiles[name];
      console.log(
        `  ${name}: ${p.perRequest.toFixed(1)} SQL statements/request taking ${p.sqlMsPerRequest.toFixed(1)} ms; server CPU ${p.cpuMsPerRequest.toFixed(1)} ms/request; latency mean ${p.seqMeanMs.toFixed(1)} ms (median ${p.seqMedianMs.toFixed(1)} ms); one request (HTTP ${p.status}):`,
      );
      console.log(summarize(p.single.statements));
    }
  }

  const problems = ['intake', 'bare'].filter((n) => med[n].non2xx + med[n].errors > 0);
  const warmProblems = ['intake', 'bare'].filter((n) => warmupProblems[n] > 0);
  console.log('');
  console.log(`intake throughput / bare throughput = ${med.intake.rps.toFixed(1)} / ${med.bare.rps.toFixed(1)} = ${ratio.toFixed(2)}`);
  console.log(`p99: intake ${med.intake.p99} ms, bare ${med.bare.p99} ms = ${p99Ratio.toFixed(2)}×`);
  const invalid = problems.length > 0 || warmProblems.length > 0;
  console.log(`goal: throughput ratio ≥ ${GOAL.toFixed(2)}: ${met ? 'MET' : 'NOT MET'}${invalid ? ' — but NOT VALID: failed requests were counted (see below)' : ''}`);
  console.log(`goal: p99 ≤ ${P99_GOAL}× bare's: ${p99Ratio <= P99_GOAL ? 'MET' : 'NOT MET'}`);
  if (writes) printScaling(writes);
  if (invalid) {
    console.log('');
    console.log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
    for (const n of problems) console.log(`!!! ${n}: ${med[n].non2xx} non-2xx responses and ${med[n].errors} errors/timeouts while measuring`);
    for (const n of warmProblems) console.log(`!!! ${n}: ${warmupProblems[n]} non-2xx/errors during warm-up`);
    console.log('!!! THE NUMBERS ABOVE INCLUDE FAILED REQUESTS: the comparison is not valid.');
    console.log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
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
