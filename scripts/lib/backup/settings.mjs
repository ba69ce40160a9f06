import path from 'node:path';
import { CMS, ROOT, productEnv } from '../env-file.mjs';

/** Backups kept when BACKUP_KEEP is not set: two weeks of daily ones. */
export const DEFAULT_KEEP = 14;
export const ARCHIVE_PREFIX = 'layanan-informasi-';
export const ARCHIVE_SUFFIX = '.tar.gz';

export class BackupError extends Error {
  constructor(message) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Where the product keeps its data, read as the CMS reads it (relative paths from cms/, as `strapi start` runs there). */
export function backupSettings(env = productEnv()) {
  const keep = env.BACKUP_KEEP === undefined || env.BACKUP_KEEP === '' ? DEFAULT_KEEP : Number(env.BACKUP_KEEP);
  if (!Number.isInteger(keep) || keep < 1) throw new BackupError(`BACKUP_KEEP must be a whole number of backups, at least 1 (got "${env.BACKUP_KEEP}").`);
  const host = env.HOST && env.HOST !== '0.0.0.0' && env.HOST !== '::' ? env.HOST : '127.0.0.1';
  return {
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA || 'public', ssl: env.DATABASE_SSL === 'true' }
      : { kind: 'sqlite', file: path.resolve(CMS, env.DATABASE_FILENAME || path.join('.tmp', 'data.db')) },
    uploads: path.resolve(CMS, env.PUBLIC_DIR || 'public', 'uploads'),
    dir: env.BACKUP_DIR ? path.resolve(CMS, env.BACKUP_DIR) : path.join(ROOT, 'backups'),
    keep,
    server: { host, port: Number(env.PORT || 1337) },
  };
}

/** A name that sorts by time: layanan-informasi-2026-12-07T17-40-05-123Z.tar.gz (UTC). */
export function archiveName(at) {
  return `${ARCHIVE_PREFIX}${at.toISOString().replace(/[:.]/g, '-')}${ARCHIVE_SUFFIX}`;
}
