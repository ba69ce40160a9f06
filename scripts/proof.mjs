#!/usr/bin/env node
// npm run proof — every proof in turn (load, crash, outage, fuzz, instances, then pii, which scans what the
// others left), each in its own process, and one line `N passed, N failed` over all of them.
// --short: the form CI runs (10 s of load, one crash round, 1,000 fuzz cases …). Options after the names of
// the proofs to run, e.g. `npm run proof -- load fuzz --short`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, compile, option } from './lib/bench.mjs';

const SHORT = {
  load: ['--seconds=10', '--connections=20'],
  crash: ['--rounds=1', '--round-seconds=8', '--clients=10', '--storm=600'],
  outage: ['--outage-seconds=8', '--seconds=14'],
  fuzz: ['--cases=1000'],
  instances: ['--seconds=10', '--clients=8'],
  pii: ['--inquiries=12'],
};
const ALL = Object.keys(SHORT);
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const proofs = named.length ? ALL.filter((name) => named.includes(name)) : ALL;
const short = option('short', 'false') === 'true';

if (option('no-compile', 'false') !== 'true') compile();
let passed = 0;
let failed = 0;
const lines = [];
for (const name of proofs) {
  const started = Date.now();
  console.log(`\n===== proof:${name}${short ? ' (short)' : ''}`);
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', `proof-${name}.mjs`), '--no-compile', ...(short ? SHORT[name] : [])], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? '');
  const summary = /(\d+) passed, (\d+) failed\s*$/.exec(result.stdout ?? '');
  const p = summary ? Number(summary[1]) : 0;
  const f = summary ? Number(summary[2]) : 1;
  passed += p;
  failed += f + (summary && f === 0 && result.status !== 0 ? 1 : 0);
  lines.push(`  proof:${name.padEnd(10)} ${p} passed, ${f} failed  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
