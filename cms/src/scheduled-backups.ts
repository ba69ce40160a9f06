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

export type BackupOutcome = 'done' | 'failed' | 'skipped';

/**
 * One instance's part in the scheduled backups: `run` takes the lease in the database (the channels' lease
 * table, as for the mailbox) and, if it won, runs `npm run backup` (scripts/backup.mjs) in a child process, so
 * that neither the copy nor the compression holds up a request; an instance that finds the lease taken skips.
 * `stop` ends a backup under way (its process group: pg_dump and tar too), which removes its partial file.
 */
export function backupJob(strapi: Core.Strapi) {
  const owner = randomUUID();
  const script = path.join(strapi.dirs.app.root, '..', 'scripts', 'backup.mjs');
  const leases = () => strapi.plugin('channels').service('inbox') as Leases;
  let running: ChildProcess | null = null;

  return {
    async run(): Promise<BackupOutcome> {
      if (running || !(await leases().lease(LEASE, owner, LEASE_MS))) return 'skipped';
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
      return code === 0 ? 'done' : 'failed';
    },

    stop(): void {
      if (!running?.pid) return;
      try {
        process.kill(-running.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

/** BACKUP_CRON: every instance fires, one backs up. Returns what stops a backup under way at shutdown. */
export function scheduleBackups(strapi: Core.Strapi): () => void {
  const rule = strapi.config.get('backup.cron', '') as string;
  if (!rule || !strapi.plugin('channels')) return () => {};
  const job = backupJob(strapi);
  scheduleJobs(strapi, {
    scheduledBackup: {
      task: () => job.run().catch((error) => strapi.log.error(`[backup] the scheduled backup could not start: ${(error as Error).message}`)),
      options: { rule },
    },
  });
  return () => job.stop();
}
