/**
 * Whether each channel that connects to an outside service can bring requests in and carry answers out,
 * judged from what its adapters saw: a poll, a webhook, a send, a connection test. Tuned to the SOP's
 * 15-minute step: a dead channel must reach an officer well inside it, so a refused password counts at
 * once and a channel that polls but has not succeeded for CHANNEL_STALE_MINUTES is dead, not merely quiet.
 * Pure rules only; the channels plugin stores the record and acts on the transitions.
 */
export const CHANNEL_HEALTH_STATES = ['ok', 'terganggu', 'mati', 'belum_diatur', 'diam'] as const;
export type ChannelHealthState = (typeof CHANNEL_HEALTH_STATES)[number];

export const CHANNEL_HEALTH_LABELS: Record<ChannelHealthState, { id: string; en: string }> = {
  ok: { id: 'Berjalan', en: 'Working' },
  terganggu: { id: 'Terganggu', en: 'Disrupted' },
  mati: { id: 'Mati', en: 'Down' },
  belum_diatur: { id: 'Belum diatur', en: 'Not configured' },
  diam: { id: 'Diam', en: 'Quiet' },
};

/** The last alert the officers were sent about a channel: none ('ok'), dead, or quiet. */
export const CHANNEL_ALERTED = ['ok', 'mati', 'diam'] as const;
export type ChannelAlerted = (typeof CHANNEL_ALERTED)[number];

/** The channels with an adapter that talks to an outside service, in the order the admin lists them. */
export const MONITORED_CHANNELS = ['email', 'whatsapp', 'telegram', 'lapor_sp4n', 'facebook', 'instagram', 'website'] as const;
export type MonitoredChannel = (typeof MONITORED_CHANNELS)[number];

/** Channels we read by polling, and the part that polls: silence there is our fault, so no successful poll for a while means dead. */
export const POLLED_CHANNELS: Partial<Record<MonitoredChannel, string>> = { email: 'imap' };

export const CHANNEL_STALE_MINUTES_DEFAULT = 10;
/** Transient errors in a row that make a channel disrupted, and then dead. */
export const DISRUPTED_AFTER_ERRORS = 3;
export const DOWN_AFTER_ERRORS = 6;
/** A success that changes nothing but a time is written at most this often. */
export const CHANNEL_WRITE_EVERY_MS = 60_000;

/** What an officer checks first when a channel is dead (Telegram alert, admin page). */
export const CHANNEL_ADVICE: Record<MonitoredChannel, string> = {
  email: 'Periksa kata sandi IMAP/SMTP di Pengaturan → Kanal, lalu tekan Tes koneksi.',
  whatsapp: 'Periksa token akses Meta (WhatsApp) di Pengaturan → Kanal, lalu tekan Tes koneksi.',
  telegram: 'Periksa token bot Telegram dan webhook-nya di Pengaturan → Kanal, lalu tekan Tes koneksi.',
  lapor_sp4n: 'Periksa token API SP4N-LAPOR! di Pengaturan → Kanal, lalu tekan Tes koneksi.',
  facebook: 'Periksa token akses Halaman Facebook di Pengaturan → Kanal, lalu tekan Tes koneksi.',
  instagram: 'Periksa token akses Instagram di Pengaturan → Kanal, lalu tekan Tes koneksi.',
  website: 'Periksa server layanan dan pengiriman e-mail tanda terima.',
};

export type ErrorKind = 'credential' | 'transient';

export interface ChannelRecord {
  state: ChannelHealthState;
  /** When the state was entered. */
  since: Date;
  lastInboundAt: Date | null;
  lastSentAt: Date | null;
  /** The last successful poll (a polled channel's own proof of life). */
  lastPolledAt: Date | null;
  /** The last time any part of the channel reached its service with our credentials (a poll, a send, a test). */
  lastSuccessAt: Date | null;
  lastErrorAt: Date | null;
  /** In Indonesian, secrets and personal data already redacted. */
  lastError: string | null;
  lastErrorKind: ErrorKind | null;
  /** The part that failed (`imap`, `smtp`, `graph`, `bot`, `updates` (Telegram's getUpdates), `api`): only that part's success, or a test, clears it. */
  failedVia: string | null;
  errorCount: number;
}

/**
 * What an adapter saw, and through which part of the channel (`via`): the e-mail channel reads by IMAP and
 * sends by SMTP, so a mail sent says nothing of a refused mailbox password. `inbound`: a message arrived (a
 * webhook) — the service reaches us, which proves nothing of our credentials. `tested`: every part passed
 * the connection test.
 */
export type ChannelEvent =
  | { kind: 'inbound'; at: Date }
  | { kind: 'polled' | 'sent'; at: Date; via: string }
  | { kind: 'tested'; at: Date }
  | { kind: 'failed'; at: Date; via: string; error: ErrorKind; message: string };

export function freshRecord(state: ChannelHealthState, at: Date): ChannelRecord {
  return { state, since: at, lastInboundAt: null, lastSentAt: null, lastPolledAt: null, lastSuccessAt: null, lastErrorAt: null, lastError: null, lastErrorKind: null, failedVia: null, errorCount: 0 };
}

const enter = (record: ChannelRecord, state: ChannelHealthState, at: Date): ChannelRecord => (record.state === state ? record : { ...record, state, since: at });

export function nextChannelRecord(record: ChannelRecord, event: ChannelEvent): ChannelRecord {
  const { at } = event;
  if (event.kind === 'failed') {
    const errorCount = record.errorCount + 1;
    const failed = { ...record, lastErrorAt: at, lastError: event.message, lastErrorKind: event.error, failedVia: event.via, errorCount };
    if (event.error === 'credential' || errorCount >= DOWN_AFTER_ERRORS) return enter(failed, 'mati', at);
    if (errorCount >= DISRUPTED_AFTER_ERRORS) return enter(failed, record.state === 'mati' ? 'mati' : 'terganggu', at);
    return failed;
  }
  if (event.kind === 'inbound') return record.state === 'diam' ? enter({ ...record, lastInboundAt: at }, 'ok', at) : { ...record, lastInboundAt: at };
  const times = {
    ...record,
    lastSuccessAt: at,
    ...(event.kind === 'sent' ? { lastSentAt: at } : {}),
    ...(event.kind === 'polled' ? { lastPolledAt: at } : {}),
  };
  const clears = event.kind === 'tested' || record.failedVia === null || record.failedVia === event.via;
  if (!clears) return times;
  // A quiet channel stays quiet until something comes in: reaching the service says nothing of citizens' messages.
  return enter({ ...times, errorCount: 0, lastErrorKind: null, failedVia: null }, record.state === 'diam' ? 'diam' : 'ok', at);
}

export const staleMessage = (minutes: number) => `Tidak ada pembacaan yang berhasil selama lebih dari ${minutes} menit.`;

/**
 * A polled channel with no successful poll for `staleMinutes` (counted from its last success, or from when
 * watching began) is dead whatever else it reported: the blind spot of a monitor that stays green while
 * nothing is read.
 */
export function staleChannelRecord(record: ChannelRecord, input: { channel: MonitoredChannel; now: Date; staleMinutes: number; watchedSince: Date }): ChannelRecord {
  const via = POLLED_CHANNELS[input.channel];
  if (!via || record.state === 'mati' || record.state === 'belum_diatur') return record;
  const last = Math.max(record.lastPolledAt?.getTime() ?? Number.NEGATIVE_INFINITY, input.watchedSince.getTime());
  if (input.now.getTime() - last <= input.staleMinutes * 60_000) return record;
  return { ...record, state: 'mati', since: input.now, lastErrorAt: input.now, lastError: staleMessage(input.staleMinutes), lastErrorKind: 'transient', failedVia: via };
}

/**
 * Zammad's amount check: a channel that brings requests in (it has before) but brought nothing for
 * `quietHours` of office hours is `diam` — its far side may be broken where no error reaches us (a
 * webhook unsubscribed, a forwarding rule switched off). Only a working channel; anything coming in ends it.
 */
export function quietChannelRecord(record: ChannelRecord, input: { now: Date; quietHours: number; officeMinutesSinceInbound: number | null }): ChannelRecord {
  if (input.quietHours <= 0 || record.state !== 'ok' || record.lastInboundAt === null || input.officeMinutesSinceInbound === null) return record;
  if (input.officeMinutesSinceInbound < input.quietHours * 60) return record;
  return { ...record, state: 'diam', since: input.now };
}

const ms = (date: Date | null) => date?.getTime() ?? null;

/** Whether `next` must be written over `stored`: anything but a time changed, or a time moved by a minute or more. */
export function channelRecordNeedsWrite(stored: ChannelRecord, next: ChannelRecord): boolean {
  if (stored.state !== next.state || stored.errorCount !== next.errorCount || stored.lastError !== next.lastError || stored.lastErrorKind !== next.lastErrorKind || stored.failedVia !== next.failedVia) return true;
  return (['lastInboundAt', 'lastSentAt', 'lastPolledAt', 'lastSuccessAt', 'lastErrorAt'] as const).some((field) => {
    const before = ms(stored[field]);
    const after = ms(next[field]);
    if (after === null) return false;
    return before === null || after - before >= CHANNEL_WRITE_EVERY_MS;
  });
}

/**
 * The alert due for a channel, given its state and the last alert the officers were sent about it ('ok' when
 * none): going dead is told once, coming back from dead once, and going quiet once. Disruption alone is not
 * alerted. `quiet_over`: the quiet stretch ended, silently, so the next one is told again.
 */
export function channelAlertDue(state: ChannelHealthState, alerted: ChannelAlerted): 'down' | 'restored' | 'quiet' | 'quiet_over' | null {
  if (state === 'mati' && alerted !== 'mati') return 'down';
  if (state === 'ok' && alerted === 'mati') return 'restored';
  if (state === 'diam' && alerted === 'ok') return 'quiet';
  if (state !== 'diam' && state !== 'mati' && alerted === 'diam') return 'quiet_over';
  return null;
}

/** The worst channel state, for /api/health: a dead channel degrades the server, nothing else does. */
export function channelsHealth(states: readonly ChannelHealthState[]): 'ok' | 'degraded' {
  return states.includes('mati') ? 'degraded' : 'ok';
}
