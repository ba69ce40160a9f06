import type { Core } from '@strapi/strapi';
import { getService as sop, type SendReport } from '@layanan/sop-workflow';
import {
  MONITORED_CHANNELS,
  POLLED_CHANNELS,
  channelAlertDue,
  channelRecordNeedsWrite,
  freshRecord,
  nextChannelRecord,
  quietChannelRecord,
  workingMinutesBetween,
  redactFreeText,
  staleChannelRecord,
  type ChannelAlerted,
  type ChannelEvent,
  type ChannelHealthState,
  type ChannelRecord,
  type MonitoredChannel,
} from '@layanan/config';
import { UID, configOf, getService, now } from '../utils';
import { composeChannelAlert } from '../health/alerts';

interface StoredState {
  id: number;
  channel: string;
  state: ChannelHealthState;
  since: string | Date;
  lastInboundAt: string | Date | null;
  lastSentAt: string | Date | null;
  lastPolledAt: string | Date | null;
  lastSuccessAt: string | Date | null;
  lastErrorAt: string | Date | null;
  lastError: string | null;
  lastErrorKind: 'credential' | 'transient' | null;
  failedVia: string | null;
  errorCount: number;
  alerted: ChannelAlerted;
}

export interface ChannelStatus {
  channel: MonitoredChannel;
  enabled: boolean;
  state: ChannelHealthState;
  since: string | null;
  lastInboundAt: string | null;
  lastSentAt: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  errorCount: number;
}

/** The outbox channels each monitored channel sends on, and the part of it that sends. */
const SENDS_ON: Record<string, { channel: MonitoredChannel; via: string }> = {
  smtp: { channel: 'email', via: 'smtp' },
  'whatsapp-api': { channel: 'whatsapp', via: 'graph' },
  'messenger-api': { channel: 'facebook', via: 'graph' },
  'instagram-api': { channel: 'instagram', via: 'graph' },
  telegram: { channel: 'telegram', via: 'bot' },
  'lapor-api': { channel: 'lapor_sp4n', via: 'api' },
};

const ALERTED_AFTER = { down: 'mati', restored: 'ok', quiet: 'diam', quiet_over: 'ok' } as const satisfies Record<string, ChannelAlerted>;
const ALERT_TOPIC = { down: 'channel.down', restored: 'channel.restored', quiet: 'channel.quiet' } as const;
const ALERT_LOG = { down: 'is down', restored: 'is working again', quiet: 'brought nothing in for CHANNEL_QUIET_HOURS of office hours' } as const;

const date = (value: string | Date | null | undefined) => (value ? new Date(value) : null);
const iso = (value: Date | null) => value?.toISOString() ?? null;

function recordOf(row: StoredState): ChannelRecord {
  return {
    state: row.state,
    since: new Date(row.since),
    lastInboundAt: date(row.lastInboundAt),
    lastSentAt: date(row.lastSentAt),
    lastPolledAt: date(row.lastPolledAt),
    lastSuccessAt: date(row.lastSuccessAt),
    lastErrorAt: date(row.lastErrorAt),
    lastError: row.lastError,
    lastErrorKind: row.lastErrorKind,
    failedVia: row.failedVia,
    errorCount: row.errorCount ?? 0,
  };
}

const isMonitored = (channel: string): channel is MonitoredChannel => (MONITORED_CHANNELS as readonly string[]).includes(channel);

/**
 * Every adapter reports here what it saw (a poll, a webhook, a send, a failure); the row per channel is
 * shared by all instances. Events of one channel are applied one at a time in this instance; between
 * instances the last write wins, which only ever moves times forward or records the newer failure. Alerts go
 * out once across instances: moving `alerted` by a conditional update is the claim, and the alert is
 * enqueued in the same transaction, so a crash between the two loses neither nor doubles it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.state);
  /** What this instance last read or wrote per channel: lets a success that changes nothing skip the database. */
  const known = new Map<MonitoredChannel, ChannelRecord>();
  const queues = new Map<MonitoredChannel, Promise<unknown>>();
  /** When this instance began watching: a polled channel is given the stale stretch from then. */
  let watchedSince: Date | null = null;

  const staleMinutes = () => configOf(strapi).channelStaleMinutes;
  const alertGraceSeconds = () => configOf(strapi).channelAlertGraceSeconds ?? 0;
  const quietHours = () => configOf(strapi).channelQuietHours ?? 0;

  function enabled(channel: MonitoredChannel): boolean {
    switch (channel) {
      case 'email': {
        const config = getService(strapi, 'email').configured();
        return Boolean(config.inbound || config.outbound);
      }
      case 'whatsapp':
        return Boolean(getService(strapi, 'meta').configured().whatsapp);
      case 'facebook':
        return Boolean(getService(strapi, 'meta').configured().messenger);
      case 'instagram':
        return Boolean(getService(strapi, 'meta').configured().instagram);
      case 'telegram':
        return Boolean((strapi.config.get('plugin::telegram-notifier') as { token?: string } | undefined)?.token);
      case 'lapor_sp4n':
        return Boolean(getService(strapi, 'lapor').configured().api);
      case 'website':
        return true;
    }
  }

  /** A polled channel counts as polled here only when its reading side is on (e-mail: IMAP). */
  const polled = (channel: MonitoredChannel) => Boolean(POLLED_CHANNELS[channel]) && (channel !== 'email' || Boolean(getService(strapi, 'email').configured().inbound));

  /** Office hours and holidays as the SOP counts them, whatever its clock mode: quiet is judged in office hours. */
  async function officeCalendar() {
    const policy = await sop(strapi, 'policy').current();
    return { ...(await sop(strapi, 'policy').calendarFor(policy)), mode: 'working' as const };
  }

  async function load(channel: MonitoredChannel): Promise<StoredState | null> {
    return (await rows().findOne({ where: { channel } })) as StoredState | null;
  }

  async function save(channel: MonitoredChannel, stored: StoredState | null, next: ChannelRecord): Promise<StoredState> {
    const data = { channel, ...next };
    if (stored) return (await rows().update({ where: { id: stored.id }, data })) as StoredState;
    try {
      return (await rows().create({ data: { ...data, alerted: 'ok' } })) as StoredState;
    } catch (error) {
      // Another instance created it meanwhile (the channel is unique): write over that one.
      const other = await load(channel);
      if (!other) throw error;
      return (await rows().update({ where: { id: other.id }, data })) as StoredState;
    }
  }

  /**
   * The alert due for the row, claimed and enqueued in one transaction; the officers' Telegram fan-out delivers it.
   * A "mati" alert waits CHANNEL_ALERT_GRACE_SECONDS in the outbox: a channel back before then takes its
   * alert out again and tells nobody, so a service that refuses once and answers a moment later is not
   * told twice to the officers. Past the grace (the fan-out has it), the "pulih" alert follows.
   */
  async function alertIfDue(row: StoredState): Promise<void> {
    const due = channelAlertDue(row.state, row.alerted);
    if (!due || !isMonitored(row.channel)) return;
    const channel = row.channel;
    const at = now(strapi);
    const notifications = () => strapi.db.query(UID.notification);
    await strapi.db.transaction(async () => {
      const claimed = await rows().updateMany({ where: { id: row.id, alerted: row.alerted }, data: { alerted: ALERTED_AFTER[due] } });
      if (Number((claimed as { count?: number }).count ?? 0) !== 1 || due === 'quiet_over') return;
      if (due === 'restored') {
        const withdrawn = await notifications().deleteMany({ where: { channel: 'staff', topic: 'channel.down', status: 'pending', idempotencyKey: { $startsWith: `channel:${channel}:down:` } } });
        if (Number((withdrawn as { count?: number }).count ?? 0) > 0) {
          strapi.log.info(`[channels] ${channel} came back within the alert grace; the officers are not told.`);
          return;
        }
      }
      const text = composeChannelAlert(due, { channel, since: new Date(row.since), at, cause: row.lastError, lastInboundAt: date(row.lastInboundAt), quietHours: quietHours() });
      await sop(strapi, 'outbox').enqueue({
        channel: 'staff',
        topic: ALERT_TOPIC[due],
        idempotencyKey: `channel:${channel}:${due}:${new Date(row.since).getTime()}`,
        payload: { channel, text },
        at: due === 'down' ? new Date(at.getTime() + alertGraceSeconds() * 1000) : at,
      });
      strapi.log.warn(`[channels] ${channel} ${ALERT_LOG[due]}; the officers are told.`);
    });
  }

  async function apply(channel: MonitoredChannel, change: (record: ChannelRecord) => ChannelRecord): Promise<void> {
    const stored = await load(channel);
    const before = stored ? recordOf(stored) : freshRecord('ok', now(strapi));
    const next = change(before);
    known.set(channel, next);
    if (stored && !channelRecordNeedsWrite(before, next)) return;
    const saved = await save(channel, stored, next);
    await alertIfDue({ ...saved, alerted: saved.alerted ?? 'ok' });
  }

  /** One channel's changes one after another in this instance, each error logged: reporting never breaks the adapter. */
  function serially(channel: MonitoredChannel, work: () => Promise<void>): Promise<void> {
    const run = (queues.get(channel) ?? Promise.resolve()).then(work).catch((error) => {
      strapi.log.warn(`[channels] recording the state of ${channel} failed: ${redactFreeText(String((error as Error)?.message ?? error))}`);
    });
    queues.set(channel, run);
    return run;
  }

  /** A success that would change nothing but a time written less than a minute ago: nothing to do. */
  function unchanged(channel: MonitoredChannel, event: ChannelEvent): boolean {
    const record = known.get(channel);
    if (!record || event.kind === 'failed' || record.state !== 'ok') return false;
    return !channelRecordNeedsWrite(record, nextChannelRecord(record, event));
  }

  return {
    /** What an adapter saw; secrets and personal data are redacted from a failure's words here, once. */
    report(channel: MonitoredChannel, event: ChannelEvent): Promise<void> {
      if (unchanged(channel, event)) return Promise.resolve();
      const clean: ChannelEvent = event.kind === 'failed' ? { ...event, message: redactFreeText(event.message).slice(0, 500) } : event;
      return serially(channel, () => apply(channel, (record) => nextChannelRecord(record, clean)));
    },

    /** Follows the delivery engine: a send's outcome speaks for the channel it went out on. */
    watchSends(): void {
      sop(strapi, 'delivery').observe((sent: SendReport) => {
        const medium = SENDS_ON[sent.channel];
        if (!medium) return;
        const { channel, via } = medium;
        const at = sent.at;
        if (sent.outcome === 'sent') void this.report(channel, { kind: 'sent', at, via });
        else if (sent.outcome === 'auth') void this.report(channel, { kind: 'failed', at, via, error: 'credential', message: sent.cause ?? 'Kredensial ditolak.' });
        else if (sent.outcome === 'transient' || sent.outcome === 'uncertain') void this.report(channel, { kind: 'failed', at, via, error: 'transient', message: sent.cause ?? 'Layanan tidak menjawab.' });
      });
    },

    /** From now on this instance judges polled channels: each is given the stale stretch from here. */
    startWatching(): void {
      watchedSince ??= now(strapi);
    },

    /**
     * The minute's look: a polled channel with no successful poll for CHANNEL_STALE_MINUTES is dead, and a
     * channel that brings requests in but brought nothing for CHANNEL_QUIET_HOURS of office hours is quiet.
     */
    async sweep(): Promise<void> {
      const at = now(strapi);
      const since = watchedSince ?? at;
      for (const channel of MONITORED_CHANNELS) {
        if (!polled(channel) || !enabled(channel)) continue;
        await serially(channel, () => apply(channel, (record) => staleChannelRecord(record, { channel, now: at, staleMinutes: staleMinutes(), watchedSince: since })));
      }
      if (quietHours() <= 0) return;
      const calendar = await officeCalendar();
      for (const channel of MONITORED_CHANNELS) {
        if (!enabled(channel)) continue;
        await serially(channel, async () => {
          const stored = await load(channel);
          if (!stored) return;
          const lastInboundAt = date(stored.lastInboundAt);
          const officeMinutesSinceInbound = lastInboundAt ? workingMinutesBetween(lastInboundAt, at, calendar) : null;
          await apply(channel, (record) => quietChannelRecord(record, { now: at, quietHours: quietHours(), officeMinutesSinceInbound }));
        });
      }
    },

    /** Every monitored channel as it stands, for the admin, the dashboard and /api/health/details. */
    async list(): Promise<ChannelStatus[]> {
      const stored = (await rows().findMany({ where: { channel: { $in: [...MONITORED_CHANNELS] } } })) as StoredState[];
      const byChannel = new Map(stored.map((row) => [row.channel, row]));
      return MONITORED_CHANNELS.map((channel) => {
        const on = enabled(channel);
        const row = byChannel.get(channel);
        const record = row ? recordOf(row) : null;
        return {
          channel,
          enabled: on,
          state: on ? (record?.state ?? 'ok') : 'belum_diatur',
          since: iso(record?.since ?? null),
          lastInboundAt: iso(record?.lastInboundAt ?? null),
          lastSentAt: iso(record?.lastSentAt ?? null),
          lastPolledAt: iso(record?.lastPolledAt ?? null),
          lastSuccessAt: iso(record?.lastSuccessAt ?? null),
          lastError: record?.lastError ?? null,
          lastErrorAt: iso(record?.lastErrorAt ?? null),
          errorCount: record?.errorCount ?? 0,
        };
      });
    },

    /** Waits for the changes under way in this instance (tests; shutdown). */
    async settled(): Promise<void> {
      await Promise.all([...queues.values()]);
    },
  };
};
