import { createRequire } from 'node:module';
import { BackupError } from './settings.mjs';

const Database = createRequire(import.meta.url)('better-sqlite3');

const quote = (name) => `"${name.replace(/"/g, '""')}"`;

/** `PRAGMA integrity_check` on a copy, and the rows of each table in it. */
export function checkSqlite(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const verdict = db.pragma('integrity_check', { simple: true });
    if (verdict !== 'ok') throw new BackupError(`the database copy ${file} is damaged: ${verdict}`);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT count(*) AS n FROM ${quote(name)}`).get().n]));
  } finally {
    db.close();
  }
}

/**
 * VACUUM INTO writes the database as one read transaction saw it: every commit before it began, none after.
 * In WAL mode a reader never blocks the writer, so the server goes on taking requests meanwhile. (The
 * backup API would start over at each write of another connection, and never end under steady writes.)
 */
export function snapshotSqlite(file, out) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    db.prepare('VACUUM INTO ?').run(out);
  } finally {
    db.close();
  }
  return checkSqlite(out);
}

/**
 * Leaving WAL mode needs every other connection gone: it fails at once while a server has the file open,
 * which is the sign that a restore must wait.
 */
export function assertSqliteUnused(file) {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    try {
      db.pragma('journal_mode = DELETE');
    } catch (error) {
      throw new BackupError(`another process has ${file} open (${error.message}): stop the server first (systemctl stop layanan-informasi).`);
    }
    return db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get().n;
  } finally {
    db.close();
  }
}

/** Records a good backup where the health check reads it, if the server made the table yet. */
export function recordSqlite(file, run) {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'backup_runs'").get();
    if (!exists) return false;
    db.prepare('INSERT INTO backup_runs (finished_at, file, bytes, duration_ms) VALUES (?, ?, ?, ?)').run(run.finishedAt, run.file, run.bytes, run.durationMs);
    return true;
  } finally {
    db.close();
  }
}
