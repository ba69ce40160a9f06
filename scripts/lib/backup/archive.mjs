import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ARCHIVE_PREFIX, ARCHIVE_SUFFIX, BackupError } from './settings.mjs';

/** GNU tar (on every Debian and Ubuntu): `allowChanged` accepts its exit 1, a file that changed as it was read. */
export function tar(args, { allowChanged = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn('tar', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('error', (error) => reject(new BackupError(`tar could not run: ${error.message}`)));
    child.on('exit', (code) => {
      if (code === 0 || (code === 1 && allowChanged)) resolve(errors.trim());
      else reject(new BackupError(`tar failed (exit ${code}): ${errors.trim()}`));
    });
  });
}

/**
 * The manifest and the database copy from `staging`, the uploads folder as `uploads/`. An upload written
 * while tar reads may come out partial: its row is newer than the database copy, so nothing refers to it.
 */
export async function pack(out, staging, files, uploads) {
  const args = ['-czf', out, '-C', staging, ...files];
  if (existsSync(uploads)) args.push('-C', path.dirname(uploads), path.basename(uploads));
  return tar(args, { allowChanged: true });
}

export const unpack = (file, into) => tar(['-xzf', file, '-C', into]);

/** The backups of this product in `dir`, newest first (their names sort by time). */
export function archivesIn(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith(ARCHIVE_PREFIX) && name.endsWith(ARCHIVE_SUFFIX))
    .sort()
    .reverse();
}

/** Keeps the `keep` newest; returns the names removed. */
export function prune(dir, keep) {
  const removed = archivesIn(dir).slice(keep);
  for (const name of removed) rmSync(path.join(dir, name), { force: true });
  return removed;
}
