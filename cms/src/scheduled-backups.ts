import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { scheduleJobs } from '@layanan/sop-workflow';

const LEASE = 'backup';
/** Held past the run, so that a twin instance whose cron fires a little later finds it taken and skips. */
const LEASE_MS = 10 * 60_000;

interface Leases {
  lease(name: string, owner: string, ttlMs: number): Promise<boolean>;
}

/**
 * BACKUP_CRON: the server runs `npm run backup` (scripts/backup.mjs) itself, in a child process so that
 * neither the copy nor the compression holds up a request. Instances sharing one PostgreSQL each fire, and
 * one lease in the database (the channels' lease table, as for the mailbox) lets only the first run it.
 * Returns what stops a backup under way when the server shuts down (the file it was writing is removed).
 */
export function scheduleBackups(strapi: Core.Strapi): () => void {
  const rule = strapi.config.get('backup.cron', '') as string;
  const leases = strapi.plugin('channels')?.service('inbox') as Leases | undefined;
  if (!rule || !leases) return () => {};
  const owner = randomUUID();
  const script = path.join(strapi.dirs.app.root, '..', 'scripts', 'backup.mjs');
  let running: ChildProcess | null = null;

  async function backUp(): Promise<void> {
    if (running || !(await leases!.lease(LEASE, owner, LEASE_MS))) return;
    // Its own process group: a stop reaches pg_dump and tar too, not only the script.
    const child = spawn(process.execPath, [script], { env: process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running = child;
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    running = null;
    const last = output.trim().split('\n').pop() ?? '';
    if (code === 0) strapi.log.info(`[backup] ${last}`);
    else strapi.log.error(`[backup] the scheduled backup failed (exit ${code}): ${last}`);
  }

  scheduleJobs(strapi, {
    scheduledBackup: {
      task: () => backUp().catch((error) => strapi.log.error(`[backup] the scheduled backup could not start: ${(error as Error).message}`)),
      options: { rule },
    },
  });
  return () => {
    if (!running?.pid) return;
    try {
      process.kill(-running.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
}
