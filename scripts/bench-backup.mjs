#!/usr/bin/env node
// npm run bench:backup — how long `npm run backup` and `npm run restore` take, and how large the file is, for a
// year of requests (1,000,000 inquiries with their applicants and Bidang links) and some uploads.
//  1. the production server (scripts/serve.mjs) boots once on an empty temp database to make the schema;
//  2. the rows are seeded straight into the tables (scripts/bench/year-of-requests.mjs, as bench:recap does);
//  3. the server boots again on them (it rebuilds its indexes, as a real database has them) and stops;
//  4. `npm run backup` runs, timed; then `npm run restore` of that file into a second, empty database, timed.
// If a million rows take too long here, --rows=100000 measures fewer and prints a linear projection to a
// million beside the measured figures, each labelled. A measurement, not a test: exit 1 only if it could not run.
//
// Options (flags or BENCH_* env): --rows=1000000 --uploads=20 (files of 200 KB) --db=sqlite|postgres
// --postgres-url=URL (a server to create the temporary databases on) --no-compile
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { throwawayEnv } from './lib/throwaway-env.js';
import { ROOT, childBaseEnv, compile, freePort, log, option, sleep } from './lib/bench.mjs';
import { seed } from './bench/year-of-requests.mjs';
import { createDatabase } from './lib/postgres.mjs';

const require = createRequire(import.meta.url);

const YEAR = 1_000_000;
const ROWS = Number(option('rows', YEAR));
const UPLOADS = Number(option('uploads', 20));
const KIND = option('db', 'sqlite') === 'postgres' ? 'postgres' : 'sqlite';
const POSTGRES_URL = option('postgres-url', 'postgres://postgres@127.0.0.1:5432/postgres');
const COMPILE = option('no-compile', 'false') !== 'true';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'layanan-bench-backup-'));
const pgDatabases = [];
let server = null;
function cleanup() {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
  for (const name of pgDatabases.splice(0)) spawnSync('psql', [POSTGRES_URL, '-q', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], { stdio: 'ignore' });
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;

/** A database for one side of the bench: a temp SQLite file, or a temp database on the PostgreSQL server. */
async function database(label) {
  if (KIND === 'sqlite') {
    const file = path.join(tmp, `${label}.db`);
    return { kind: 'sqlite', file, env: { DATABASE_FILENAME: file } };
  }
  const { name, url } = await createDatabase(POSTGRES_URL, `bench_backup_${label}`);
  pgDatabases.push(name);
  return { kind: 'postgres', url, env: { DATABASE_URL: url } };
}

/** The production server on `target` until /api/health answers, then a clean stop. */
async function bootOnce(target, publicDir) {
  const port = await freePort();
  const env = { ...childBaseEnv(), ...throwawayEnv({ PORT: String(port), PUBLIC_DIR: publicDir, ...target.env }) };
  server = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs')], { cwd: ROOT, env, stdio: 'ignore' });
  const started = performance.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) before it answered`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  const ms = performance.now() - started;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
  server = null;
  return ms;
}

/** One of the product's scripts, timed. */
function timedScript(name, args, env) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', `${name}.mjs`), ...args], { cwd: ROOT, env: { ...childBaseEnv(), ...env }, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`npm run ${name} failed:\n${result.stdout}${result.stderr}`);
  return ms;
}

async function main() {
  log(`backup and restore of ${ROWS.toLocaleString('en')} inquiries and ${UPLOADS} uploads on ${KIND === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${os.cpus().length} CPU core(s), Node ${process.version}`);
  if (COMPILE) compile();
  const source = await database('source');
  const target = await database('restored');
  const publicDir = path.join(tmp, 'public');
  mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
  for (let i = 0; i < UPLOADS; i += 1) writeFileSync(path.join(publicDir, 'uploads', `lampiran_${i}.pdf`), randomBytes(200 * 1024));

  log('first boot on an empty database: schema and reference data …');
  await bootOnce(source, publicDir);
  log(`seeding ${ROWS.toLocaleString('en')} inquiries straight into the tables …`);
  const seeded = await seed({ ...source, url: source.url }, ROWS, 12, new Date());
  log(`  seeded in ${seconds(seeded.ms)}`);
  log('booting on them once (indexes rebuilt, as a live database has them) …');
  log(`  ready in ${seconds(await bootOnce(source, publicDir))}`);

  const backups = path.join(tmp, 'backups');
  const common = { BACKUP_DIR: backups, PUBLIC_DIR: publicDir, HOST: '127.0.0.1', PORT: String(await freePort()) };
  const unset = { DATABASE_URL: '', DATABASE_FILENAME: '' };
  log('npm run backup …');
  const backupMs = timedScript('backup', [], { ...unset, ...common, ...source.env });
  const [file] = readdirSync(backups).filter((name) => name.endsWith('.tar.gz'));
  const bytes = statSync(path.join(backups, file)).size;
  log('npm run restore into an empty database …');
  const restorePublic = path.join(tmp, 'restored-public');
  const restoreMs = timedScript('restore', [path.join(backups, file)], { ...unset, ...common, ...target.env, PUBLIC_DIR: restorePublic });

  const scale = YEAR / ROWS;
  const rows = [
    ['', `measured (${ROWS.toLocaleString('en')} inquiries)`, ...(ROWS === YEAR ? [] : ['projected linearly to 1,000,000'])],
    ['backup (npm run backup)', seconds(backupMs), ...(ROWS === YEAR ? [] : [seconds(backupMs * scale)])],
    ['restore (npm run restore)', seconds(restoreMs), ...(ROWS === YEAR ? [] : [seconds(restoreMs * scale)])],
    ['backup file', megabytes(bytes), ...(ROWS === YEAR ? [] : [megabytes(bytes * scale)])],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  console.log(`\nBackup and restore on ${KIND === 'postgres' ? 'PostgreSQL' : 'SQLite'} (${UPLOADS} uploads of 200 KB included):`);
  for (const row of rows) console.log(`  ${row.map((cell, c) => cell.padEnd(widths[c])).join('   ')}`);
}

main().catch((error) => {
  console.error(`[bench] could not run: ${error.stack ?? error}`);
  process.exit(1);
});
