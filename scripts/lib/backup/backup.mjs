import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../env-file.mjs';
import { pack, prune } from './archive.mjs';
import { recordPostgres, snapshotPostgres } from './postgres.mjs';
import { archiveName } from './settings.mjs';
import { recordSqlite, snapshotSqlite } from './sqlite.mjs';

export const DATABASE_FILES = { sqlite: 'database.sqlite', postgres: 'database.pgdump' };

function folderFigures(dir) {
  let files = 0;
  let bytes = 0;
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        files += 1;
        bytes += statSync(full).size;
      }
    }
  };
  try {
    walk(dir);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  return { files, bytes };
}

const version = () => JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

/**
 * One backup: the database copied consistently while the server runs, checked, counted, packed with the
 * uploads and a manifest into one timestamped file; the oldest beyond `keep` removed; the run recorded in
 * the database for the health check. A failure leaves no file behind that looks like a backup.
 */
export async function runBackup(settings, { now = () => new Date(), log = () => {} } = {}) {
  const started = now();
  mkdirSync(settings.dir, { recursive: true });
  const staging = mkdtempSync(path.join(settings.dir, '.staging-'));
  const name = archiveName(started);
  const out = path.join(settings.dir, name);
  const partial = `${out}.partial`;
  // A stop (SIGTERM to the script) exits without unwinding: the half-written files go on the way out.
  const leaveNothing = () => {
    rmSync(partial, { force: true });
    rmSync(staging, { recursive: true, force: true });
  };
  process.on('exit', leaveNothing);
  try {
    const { database } = settings;
    const dbFile = DATABASE_FILES[database.kind];
    log(`copying the ${database.kind === 'postgres' ? 'PostgreSQL' : 'SQLite'} database …`);
    const counts = database.kind === 'postgres' ? await snapshotPostgres(database, path.join(staging, dbFile)) : snapshotSqlite(database.file, path.join(staging, dbFile));
    const manifest = {
      product: 'layanan-informasi',
      format: 1,
      version: version(),
      createdAt: started.toISOString(),
      database: { kind: database.kind, file: dbFile, bytes: statSync(path.join(staging, dbFile)).size, counts },
      uploads: folderFigures(settings.uploads),
    };
    writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    log(`packing with ${manifest.uploads.files} upload(s) …`);
    await pack(partial, staging, ['manifest.json', dbFile], settings.uploads);
    renameSync(partial, out);
    const finished = now();
    const run = { finishedAt: finished.getTime(), file: name, bytes: statSync(out).size, durationMs: finished.getTime() - started.getTime() };
    const removed = prune(settings.dir, settings.keep);
    const recorded = database.kind === 'postgres' ? await recordPostgres(database, run) : recordSqlite(database.file, run);
    return { file: out, manifest, ...run, removed, recorded };
  } finally {
    process.off('exit', leaveNothing);
    leaveNothing();
  }
}
