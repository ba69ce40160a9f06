/**
 * `npm run check:production`: docs/operasional.md done on this machine, and checked. A fresh PostgreSQL
 * database (or, with --database=sqlite, a fresh SQLite file); the environment file made from
 * deploy/layanan-informasi.env.example with newly generated secrets and no demo data; the server started
 * as deploy/layanan-informasi.service starts it; then:
 *   /api/health answers ok, the admin answers (and asks for its first administrator), the public site
 *   answers; SIGTERM with a request under way: the port closes at once, the request still gets its
 *   answer, and the process exits 0 within 10 s, having released its leases.
 * Needs `npm run build` (cms/dist); the admin panel's pages are checked when they are built.
 * Options: --port=N (else a free one), --database=postgres|sqlite, --postgres-url=URL (a role that may
 * create databases; default DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres), --keep.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT, parseEnvFile } from './lib/env-file.mjs';
import { createDatabase, dropDatabase } from './lib/postgres.mjs';

const require = createRequire(import.meta.url);
const option = (name, fallback) => {
  const flag = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return flag ? (flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : 'true') : fallback;
};

const STOP_LIMIT_MS = 10_000;
const BOOT_LIMIT_MS = 180_000;
const UNIT = path.join(ROOT, 'deploy', 'layanan-informasi.service');
const ENV_EXAMPLE = path.join(ROOT, 'deploy', 'layanan-informasi.env.example');
const INSTALL_DIR = '/opt/layanan-informasi';

const KIND = option('database', 'postgres');
const POSTGRES_URL = option('postgres-url', process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
const KEEP = option('keep', 'false') === 'true';

let failed = 0;
const pass = (what) => console.log(`  ✓ ${what}`);
const fail = (what) => {
  failed += 1;
  console.log(`  ✗ ${what}`);
};
const check = (ok, what, why = '') => (ok ? pass(what) : fail(`${what}${why ? ` — ${why}` : ''}`));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const secret = () => randomBytes(32).toString('base64');

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// ------------------------------------------------------------------ the database

async function freshDatabase() {
  if (KIND === 'sqlite') return { kind: 'sqlite', url: null, drop: async () => {} };
  const { name, url } = await createDatabase(POSTGRES_URL, 'layanan_check');
  return { kind: 'postgres', name, url, drop: () => dropDatabase(POSTGRES_URL, name) };
}

/** Runs one query on the checked database after the server is gone (SQLite file or PostgreSQL). */
async function query(database, env, sql) {
  if (database.kind === 'sqlite') {
    const Database = require('better-sqlite3');
    const db = new Database(env.DATABASE_FILENAME, { readonly: true });
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  }
  const { Client } = require('pg');
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------------ the environment file and the unit

/** The example file with every [RAHASIA] placeholder given a new secret, and this machine's addresses and folders. */
function environmentFile(database, port, data) {
  const values = parseEnvFile(readFileSync(ENV_EXAMPLE, 'utf8').replace(/\[RAHASIA[^\]]*\]/g, () => secret().replace(/[+/=]/g, 'x')));
  Object.assign(values, {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    PUBLIC_DIR: path.join(data, 'public'),
    BACKUP_DIR: path.join(data, 'backups'),
  });
  if (database.kind === 'postgres') values.DATABASE_URL = database.url;
  else {
    delete values.DATABASE_URL;
    values.DATABASE_FILENAME = path.join(data, 'data.db');
  }
  return values;
}

/** ExecStart and WorkingDirectory of the unit, with the install folder read as this checkout and node as this one. */
function unitCommand() {
  const unit = readFileSync(UNIT, 'utf8');
  const field = (name) => new RegExp(`^${name}=(.*)$`, 'm').exec(unit)?.[1].trim();
  const here = (text) => text.replaceAll(INSTALL_DIR, ROOT);
  const [program, ...args] = here(field('ExecStart')).split(/\s+/);
  return { program: path.basename(program) === 'node' ? process.execPath : program, args, cwd: here(field('WorkingDirectory')) };
}

// ------------------------------------------------------------------ HTTP

async function get(base, url) {
  try {
    const res = await fetch(`${base}${url}`, { signal: AbortSignal.timeout(10_000), redirect: 'follow' });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  } catch (error) {
    return { status: 0, type: '', text: String(error?.cause?.code ?? error?.message ?? error) };
  }
}

async function waitForHealth(base, server) {
  const deadline = performance.now() + BOOT_LIMIT_MS;
  while (performance.now() < deadline && server.exitCode === null) {
    const res = await get(base, '/api/health');
    if (res.status > 0) return res;
    await sleep(250);
  }
  return null;
}

/**
 * A request under way when the stop comes: a citizen's form whose body is still arriving. The headers are
 * sent now, the rest when `finish` is called; resolves with the status line of the answer.
 */
function slowRequest(port) {
  const body = JSON.stringify({ data: { kind: 'information', subject: 'Syarat KTP-el', message: 'Apa saja syarat membuat KTP-el baru?', applicant: { name: 'Siti Aminah' } } });
  const socket = net.connect({ host: '127.0.0.1', port });
  let answer = '';
  const answered = new Promise((resolve) => {
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('close', () => resolve(answer.split('\r\n')[0]));
    socket.on('error', () => resolve(answer.split('\r\n')[0] || 'connection error'));
  });
  const sent = new Promise((resolve) => socket.once('connect', resolve)).then(() => {
    socket.write(`POST /api/public/inquiries HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n`);
    socket.write(body.slice(0, 20));
  });
  return { sent, finish: () => socket.write(body.slice(20)), answered };
}

function refused(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', (error) => resolve(error.code === 'ECONNREFUSED'));
  });
}

// ------------------------------------------------------------------ the check

async function main() {
  console.log(`Production check: a fresh ${KIND === 'postgres' ? 'PostgreSQL database' : 'SQLite file'}, NODE_ENV=production, new secrets, no demo data, started as the systemd unit does.`);
  if (!existsSync(path.join(ROOT, 'cms', 'dist', 'src', 'index.js'))) {
    console.log('  ✗ cms/dist is missing: build first (npm run build).');
    process.exit(1);
  }
  const data = mkdtempSync(path.join(os.tmpdir(), 'layanan-production-'));
  mkdirSync(path.join(data, 'public', 'uploads'), { recursive: true });
  const database = await freshDatabase();
  const port = Number(option('port', 0)) || (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const env = environmentFile(database, port, data);
  writeFileSync(path.join(data, 'layanan-informasi.env'), `${Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n')}\n`, { mode: 0o600 });
  const unit = unitCommand();
  // systemd starts the service with the file's variables and little else.
  const server = spawn(unit.program, unit.args, { cwd: unit.cwd, env: { PATH: process.env.PATH, HOME: data, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (chunk) => (log += chunk));
  server.stderr.on('data', (chunk) => (log += chunk));
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })));
  const cleanup = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    if (!KEEP) {
      await database.drop().catch(() => {});
      rmSync(data, { recursive: true, force: true });
    }
  };
  try {
    const health = await waitForHealth(base, server);
    check(health?.status === 200 && JSON.parse(health.text).status === 'ok', `GET /api/health answers 200 {"status":"ok"} on port ${port}`, health ? `${health.status} ${health.text.slice(0, 200)}` : `no answer\n${log.slice(-3000)}`);
    if (!health) return;

    const init = await get(base, '/admin/init');
    const initData = init.status === 200 ? JSON.parse(init.text).data : null;
    check(initData?.hasAdmin === false, 'the admin answers (GET /admin/init) and asks for its first administrator: a fresh install', `${init.status} ${init.text.slice(0, 200)}`);
    if (existsSync(path.join(ROOT, 'cms', 'dist', 'build', 'index.html'))) {
      const admin = await get(base, '/admin');
      check(admin.status === 200 && admin.type.includes('text/html'), 'the admin panel page answers (GET /admin)', `${admin.status} ${admin.type}`);
    } else console.log('  · the admin panel pages are not built in this checkout (cms/dist/build): GET /admin not checked');
    const site = await get(base, '/');
    check(site.status === 200 && site.type.includes('text/html'), 'the public site answers (GET /)', `${site.status} ${site.type}`);
    const faq = await get(base, '/api/faq-entries');
    check(faq.status === 200 && JSON.parse(faq.text).data?.length === 0, 'no demo data: no FAQ entry is published', `${faq.status} ${faq.text.slice(0, 200)}`);

    const request = slowRequest(port);
    await request.sent;
    await sleep(300);
    const stopAt = performance.now();
    server.kill('SIGTERM');
    await sleep(300);
    check(await refused(port), 'after SIGTERM the port takes no new connection');
    request.finish();
    const status = await Promise.race([request.answered, sleep(STOP_LIMIT_MS).then(() => 'no answer')]);
    check(/^HTTP\/1\.1 201 /.test(status), 'the request under way at SIGTERM is finished and answered', status);
    const exit = await Promise.race([exited, sleep(STOP_LIMIT_MS + 1000).then(() => null)]);
    check(exit !== null && exit.code === 0, 'the process exits with code 0', exit ? `code ${exit.code}, signal ${exit.signal}` : 'still running');
    if (exit) check(exit.at - stopAt <= STOP_LIMIT_MS, `… within ${STOP_LIMIT_MS / 1000} s of SIGTERM (${((exit.at - stopAt) / 1000).toFixed(1)} s)`);
    check(/Strapi has been shut down/.test(log), 'Strapi was destroyed: every plugin stopped its timers, pollers and workers');
    const held = await query(database, env, `SELECT count(*) AS n FROM channel_leases WHERE expires_at > ${Date.now()}`);
    check(Number(held[0].n) === 0, 'no lease is left held in the database');
    const sending = await query(database, env, "SELECT count(*) AS n FROM notifications WHERE status = 'sending'");
    check(Number(sending[0].n) === 0, 'no outbox row is left "sending"');
  } finally {
    await cleanup();
  }
  if (KEEP) console.log(`  kept: ${data}${database.name ? ` and database ${database.name}` : ''}`);
  console.log(failed === 0 ? 'production check: passed' : `production check: ${failed} check(s) failed`);
  if (failed > 0 && log) console.log(`\nserver log (last lines):\n${log.split('\n').slice(-40).join('\n')}`);
  process.exit(failed === 0 ? 0 : 1);
}

await main();
