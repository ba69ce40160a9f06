import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { unpack } from './archive.mjs';
import { DATABASE_FILES } from './backup.mjs';
import { restorePostgres } from './postgres.mjs';
import { BackupError } from './settings.mjs';
import { assertSqliteUnused, checkSqlite } from './sqlite.mjs';

/** Whether something accepts connections on the server's port (the server, not yet stopped). */
function answers({ host, port }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

function readManifest(dir) {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) throw new BackupError('this file is not a backup of Layanan Informasi (no manifest.json inside).');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  if (manifest.product !== 'layanan-informasi' || manifest.format !== 1) throw new BackupError('this file is not a backup of Layanan Informasi (unknown manifest).');
  return manifest;
}

const differences = (expected, actual) => Object.entries(expected).filter(([table, n]) => actual[table] !== n).map(([table, n]) => `${table}: ${n} in the backup, ${actual[table] ?? 'none'} restored`);

/** Moves what is there aside (`<path>.before-restore-<stamp>`), so a mistaken restore can be undone by hand. */
function setAside(target, stamp) {
  if (!existsSync(target)) return null;
  const aside = `${target}.before-restore-${stamp}`;
  renameSync(target, aside);
  return aside;
}

function restoreSqliteFile(copy, file, { replace, stamp }) {
  if (existsSync(file)) {
    const tables = assertSqliteUnused(file);
    if (tables > 0 && !replace) throw new BackupError(`${file} already holds data: restore into a fresh database file, or add --replace (the current file is kept beside it).`);
  }
  const aside = setAside(file, stamp);
  for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  mkdirSync(path.dirname(file), { recursive: true });
  cpSync(copy, file);
  return { aside, counts: checkSqlite(file) };
}

const holdsUploads = (uploads) => existsSync(uploads) && readdirSync(uploads).some((name) => name !== '.gitkeep');

function restoreUploads(from, uploads, { replace, stamp }) {
  const present = holdsUploads(uploads);
  const aside = present ? setAside(uploads, stamp) : null;
  mkdirSync(uploads, { recursive: true });
  if (existsSync(from)) cpSync(from, uploads, { recursive: true });
  return aside;
}

/**
 * Restores a backup file into the configured database and uploads folder, with the server stopped: it
 * refuses while anything answers on the server's port or holds the database. The counts of every table
 * are checked against the manifest afterwards.
 */
export async function runRestore(settings, file, { replace = false, stamp = new Date().toISOString().replace(/[:.]/g, '-'), log = () => {} } = {}) {
  if (!existsSync(file)) throw new BackupError(`no such file: ${file}`);
  if (await answers(settings.server)) {
    throw new BackupError(`a server answers on ${settings.server.host}:${settings.server.port}: stop it first (systemctl stop layanan-informasi), then restore.`);
  }
  if (holdsUploads(settings.uploads) && !replace) {
    throw new BackupError(`${settings.uploads} already holds files: restore into an empty folder, or add --replace (the current files are kept beside it).`);
  }
  const work = mkdtempSync(path.join(path.dirname(path.resolve(file)), '.restore-'));
  try {
    log(`unpacking ${path.basename(file)} …`);
    await unpack(file, work);
    const manifest = readManifest(work);
    const { database } = settings;
    if (manifest.database.kind !== database.kind) {
      throw new BackupError(`the backup holds a ${manifest.database.kind} database and this server is configured for ${database.kind}: restore it into the same kind.`);
    }
    const copy = path.join(work, DATABASE_FILES[database.kind]);
    log(`restoring the database (${Object.values(manifest.database.counts).reduce((a, b) => a + b, 0)} rows) …`);
    const restored =
      database.kind === 'postgres'
        ? { aside: null, counts: await restorePostgres(database, copy, { replace }) }
        : restoreSqliteFile(copy, database.file, { replace, stamp });
    const wrong = differences(manifest.database.counts, restored.counts);
    if (wrong.length > 0) throw new BackupError(`the restored database does not match the backup:\n  ${wrong.join('\n  ')}`);
    log('restoring the uploads …');
    const uploadsAside = restoreUploads(path.join(work, 'uploads'), settings.uploads, { replace, stamp });
    return { manifest, databaseAside: restored.aside, uploadsAside };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
