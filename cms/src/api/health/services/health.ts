import type { Core } from '@strapi/strapi';
import { OUTBOX_FAILED_WINDOW_MS, backupHealth, channelsHealth, outboxHealth, overallHealth, schedulerHealth, type HealthState } from '@layanan/config';
import type { ChannelStatus } from '@layanan/channels';
import { getService as sop } from '@layanan/sop-workflow';

export interface HealthReport {
  status: HealthState;
  checkedAt: string;
  checks: {
    database: { state: HealthState };
    /** `since`: when this server started; the sweep is given two minutes from then to run a first time. */
    scheduler: { state: HealthState; lastRunAt: string | null; since: string };
    outbox: { state: HealthState; oldestDueAt: string | null; failedLast24h: number };
    /** The newest good backup (`npm run backup`, or the server's own on BACKUP_CRON); `scheduled` when BACKUP_CRON is set. */
    backup: { state: HealthState; scheduled: boolean; lastAt: string | null; file: string | null; bytes: number | null };
    /** Each channel's state (Pengaturan → Kanal): one that is `mati` makes the server degraded. */
    channels: { state: HealthState; items: ChannelStatus[] };
  };
}

const OUTBOX = 'api::notification.notification';
/** Written by scripts/backup.mjs (cms/database/migrations: backup-runs). */
const BACKUP_RUNS = 'backup_runs';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const startedAt = new Date();

  async function outbox(now: Date) {
    const [oldest] = (await strapi.db.query(OUTBOX).findMany({
      where: { status: { $in: ['pending', 'sending'] }, nextAttemptAt: { $lte: now } },
      select: ['nextAttemptAt'],
      orderBy: { nextAttemptAt: 'asc' },
      limit: 1,
    })) as { nextAttemptAt: string | Date }[];
    const failedLast24h = await strapi.db.query(OUTBOX).count({ where: { status: 'failed', updatedAt: { $gte: new Date(now.getTime() - OUTBOX_FAILED_WINDOW_MS) } } });
    const oldestDueAt = oldest ? new Date(oldest.nextAttemptAt) : null;
    return { state: outboxHealth({ oldestDueAt, failedRecently: failedLast24h, now }), oldestDueAt: oldestDueAt?.toISOString() ?? null, failedLast24h };
  }

  async function backup(now: Date) {
    const scheduled = Boolean(strapi.config.get('backup.cron', ''));
    const last = (await strapi.db.connection(BACKUP_RUNS).select('finished_at', 'file', 'bytes').orderBy('finished_at', 'desc').first()) as
      | { finished_at: number | string; file: string; bytes: number | string }
      | undefined;
    const lastAt = last ? new Date(Number(last.finished_at)) : null;
    return {
      state: backupHealth({ scheduled, lastAt, startedAt, now }),
      scheduled,
      lastAt: lastAt?.toISOString() ?? null,
      file: last?.file ?? null,
      bytes: last ? Number(last.bytes) : null,
    };
  }

  return {
    /** Each part on its own: a database that cannot be read makes the whole `down`, and the rest unknown. */
    async check(): Promise<HealthReport> {
      const now = sop(strapi, 'clock').now();
      const unknown = { state: 'down' as const };
      try {
        await strapi.db.connection.raw('select 1');
      } catch {
        return {
          status: 'down',
          checkedAt: now.toISOString(),
          checks: {
            database: { state: 'down' },
            scheduler: { ...unknown, lastRunAt: null, since: startedAt.toISOString() },
            outbox: { ...unknown, oldestDueAt: null, failedLast24h: 0 },
            backup: { ...unknown, scheduled: Boolean(strapi.config.get('backup.cron', '')), lastAt: null, file: null, bytes: null },
            channels: { ...unknown, items: [] },
          },
        };
      }
      const lastRunAt = await sop(strapi, 'sweep').lastRun();
      const scheduler = { state: schedulerHealth({ lastRunAt, startedAt, now }), lastRunAt: lastRunAt?.toISOString() ?? null, since: startedAt.toISOString() };
      const queue = await outbox(now);
      const backups = await backup(now);
      const items = (await strapi.plugin('channels')?.service('channelHealth').list()) as ChannelStatus[] | undefined;
      const channels = { state: channelsHealth((items ?? []).map((item) => item.state)), items: items ?? [] };
      return {
        status: overallHealth([scheduler.state, queue.state, backups.state, channels.state]),
        checkedAt: now.toISOString(),
        checks: { database: { state: 'ok' }, scheduler, outbox: queue, backup: backups, channels },
      };
    },
  };
};
