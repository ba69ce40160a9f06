#!/usr/bin/env node
// Writes the databases of an earlier release for the upgrade test (tests/fixtures/upgrade/<release>/):
//
//   node scripts/upgrade-fixtures.mjs [commit] [name]
//
// The commit (default: the release of 1 December 2026) is unpacked into a temporary directory with this
// checkout's node_modules, built, and booted once on SQLite and once on PostgreSQL (PROOF_POSTGRES_URL, default
// postgres://postgres@127.0.0.1:5432/postgres), each with its demo data seeded at a fixed "now". What that
// release itself reported is kept beside each database in expected.json: the row counts, a sample of fields,
// and its Rekap Informasi for the months before "now". The SQLite file and the PostgreSQL dump (plain SQL) are
// gzipped. Needs git, pg_dump and the PostgreSQL server.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createDatabase, dropDatabase } from './lib/postgres.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const commit = process.argv[2] ?? '757d506';
const name = process.argv[3] ?? '2026-12-01';
const serverUrl = process.env.PROOF_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const out = path.join(root, 'tests', 'fixtures', 'upgrade', name);

/** The release's own tree, with this checkout's dependencies and its own local packages. */
function unpack() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'layanan-release-'));
  execFileSync('sh', ['-c', `git -C "${root}" archive ${commit} | tar -x -C "${dir}"`], { stdio: 'inherit' });
  const modules = path.join(dir, 'node_modules');
  mkdirSync(path.join(modules, '@layanan'), { recursive: true });
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (entry === '@layanan' || entry === '.bin') continue;
    symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry));
  }
  // tsc keeps the linked paths, so that the declarations it writes name the release's own node_modules.
  mkdirSync(path.join(modules, '.bin'));
  for (const entry of readdirSync(path.join(root, 'node_modules', '.bin'))) {
    if (entry !== 'tsc') symlinkSync(path.join(root, 'node_modules', '.bin', entry), path.join(modules, '.bin', entry));
  }
  writeFileSync(path.join(modules, '.bin', 'tsc'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')}" --preserveSymlinks "$@"\n`, { mode: 0o755 });
  for (const entry of readdirSync(path.join(root, 'node_modules', '@layanan'))) {
    const target = readlinkSync(path.join(root, 'node_modules', '@layanan', entry));
    symlinkSync(target, path.join(modules, '@layanan', entry));
  }
  for (const plugin of readdirSync(path.join(root, 'plugins'))) {
    const own = path.join(root, 'plugins', plugin, 'node_modules');
    if (existsSync(own) && existsSync(path.join(dir, 'plugins', plugin)) && !existsSync(path.join(dir, 'plugins', plugin, 'node_modules'))) {
      symlinkSync(own, path.join(dir, 'plugins', plugin, 'node_modules'));
    }
  }
  return dir;
}

function build(dir) {
  execFileSync(process.execPath, [path.join(dir, 'scripts', 'build-libs.mjs')], { cwd: dir, stdio: 'inherit' });
  const compile = `require('@strapi/strapi').compileStrapi({ appDir: ${JSON.stringify(path.join(dir, 'cms'))} }).then(() => process.exit(0), (e) => { console.error(e); process.exit(1); })`;
  execFileSync(process.execPath, ['-e', compile], { cwd: dir, stdio: 'inherit' });
}

/** Boots the release on the database in `env`, seeds its demo data at NOW and writes what it reports. */
function seedAndReport(dir, env, reportFile) {
  const child = path.join(root, 'scripts', 'lib', 'upgrade-fixture-child.js');
  const childEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const result = spawnSync(process.execPath, [child, path.join(dir, 'cms'), reportFile], { cwd: dir, stdio: 'inherit', env: childEnv });
  if (result.status !== 0) throw new Error(`the release did not boot and seed (exit ${result.status})`);
}

const { throwawayEnv } = await import(path.join(root, 'scripts', 'lib', 'throwaway-env.js')).then((m) => m.default ?? m);
const dir = unpack();
try {
  build(dir);
  mkdirSync(out, { recursive: true });
  const env = throwawayEnv({ LOG_LEVEL: 'warn', DEMO_INQUIRIES: process.env.DEMO_INQUIRIES ?? '60' });

  const sqlite = path.join(dir, 'data.db');
  seedAndReport(dir, { ...env, DATABASE_FILENAME: sqlite }, path.join(out, 'sqlite.expected.json'));
  execFileSync(process.execPath, ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(sqlite)});d.pragma('wal_checkpoint(TRUNCATE)');d.pragma('journal_mode = DELETE');d.exec('VACUUM');d.close();`], { cwd: root });
  writeFileSync(path.join(out, 'sqlite.db.gz'), gzipSync(readFileSync(sqlite), { level: 9 }));

  const database = await createDatabase(serverUrl, 'layanan_fixture');
  try {
    seedAndReport(dir, { ...env, DATABASE_URL: database.url }, path.join(out, 'postgres.expected.json'));
    const dump = execFileSync('pg_dump', ['--no-owner', '--no-privileges', '--format=plain', database.url], { maxBuffer: 1 << 30 });
    writeFileSync(path.join(out, 'postgres.sql.gz'), gzipSync(dump, { level: 9 }));
  } finally {
    await dropDatabase(serverUrl, database.name);
  }
  writeFileSync(path.join(out, 'release.json'), `${JSON.stringify({ commit: execFileSync('git', ['-C', root, 'rev-parse', commit]).toString().trim() }, null, 2)}\n`);
  console.log(`upgrade fixtures of ${commit} written to ${path.relative(root, out)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
