import type { Core } from '@strapi/strapi';
import { OUTBOX_FAILED_WINDOW_MS, channelsHealth, outboxHealth, overallHealth, schedulerHealth, type HealthState } from '@layanan/config';
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
    /** Each channel's state (Pengaturan → Kanal): one that is `mati` makes the server degraded. */
    channels: { state: HealthState; items: ChannelStatus[] };
  };
}

const OUTBOX = 'api::notification.notification';

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
            channels: { ...unknown, items: [] },
          },
        };
      }
      const lastRunAt = await sop(strapi, 'sweep').lastRun();
      const scheduler = { state: schedulerHealth({ lastRunAt, startedAt, now }), lastRunAt: lastRunAt?.toISOString() ?? null, since: startedAt.toISOString() };
      const queue = await outbox(now);
      const items = (await strapi.plugin('channels')?.service('channelHealth').list()) as ChannelStatus[] | undefined;
      const channels = { state: channelsHealth((items ?? []).map((item) => item.state)), items: items ?? [] };
      return {
        status: overallHealth([scheduler.state, queue.state, channels.state]),
        checkedAt: now.toISOString(),
        checks: { database: { state: 'ok' }, scheduler, outbox: queue, channels },
      };
    },
  };
};
