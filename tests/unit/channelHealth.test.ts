import {
  CHANNEL_WRITE_EVERY_MS,
  channelAlertDue,
  channelRecordNeedsWrite,
  channelsHealth,
  freshRecord,
  nextChannelRecord,
  quietChannelRecord,
  staleChannelRecord,
  type ChannelEvent,
  type ChannelRecord,
} from '@layanan/config';

const T0 = new Date('2026-12-08T03:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const ok = () => freshRecord('ok', T0);
const fail = (minute: number, error: 'credential' | 'transient' = 'transient', via = 'imap'): ChannelEvent => ({ kind: 'failed', at: at(minute), via, error, message: 'Login IMAP ditolak.' });
const polled = (minute: number): ChannelEvent => ({ kind: 'polled', at: at(minute), via: 'imap' });
const run = (record: ChannelRecord, events: ChannelEvent[]) => events.reduce(nextChannelRecord, record);

describe('channel state rules', () => {
  it('a refused password (IMAP AUTHENTICATIONFAILED, SMTP 535, Meta 190, Telegram 401) makes the channel dead at once', () => {
    const record = nextChannelRecord(ok(), fail(1, 'credential'));
    expect(record).toMatchObject({ state: 'mati', since: at(1), lastError: 'Login IMAP ditolak.', lastErrorKind: 'credential', failedVia: 'imap', errorCount: 1 });
  });

  it.each([
    [1, 'ok'],
    [2, 'ok'],
    [3, 'terganggu'],
    [5, 'terganggu'],
    [6, 'mati'],
    [9, 'mati'],
  ])('%i transient errors in a row leave the channel %s', (count, state) => {
    const events = Array.from({ length: count }, (_, i) => fail(i + 1));
    expect(run(ok(), events).state).toBe(state);
  });

  it('one success returns a dead channel to ok by itself and clears the count', () => {
    const dead = nextChannelRecord(ok(), fail(1, 'credential'));
    const back = nextChannelRecord(dead, polled(5));
    expect(back).toMatchObject({ state: 'ok', since: at(5), errorCount: 0, lastPolledAt: at(5), lastErrorKind: null, failedVia: null, lastError: 'Login IMAP ditolak.' });
    expect(nextChannelRecord(dead, { kind: 'tested', at: at(5) }).state).toBe('ok');
  });

  it('a mail sent by SMTP does not clear a refused mailbox password, nor a webhook arriving a refused Meta token', () => {
    const refused = nextChannelRecord(ok(), fail(1, 'credential'));
    expect(nextChannelRecord(refused, { kind: 'sent', at: at(2), via: 'smtp' })).toMatchObject({ state: 'mati', failedVia: 'imap', lastSentAt: at(2) });
    const metaRefused = nextChannelRecord(ok(), fail(1, 'credential', 'graph'));
    expect(nextChannelRecord(metaRefused, { kind: 'inbound', at: at(2) })).toMatchObject({ state: 'mati', lastInboundAt: at(2) });
    expect(nextChannelRecord(metaRefused, { kind: 'sent', at: at(3), via: 'graph' }).state).toBe('ok');
  });

  it('a polled channel without a successful poll for the stale stretch is dead; within it, or a webhook channel, is not', () => {
    const read = nextChannelRecord(ok(), polled(0));
    const sentLater = nextChannelRecord(read, { kind: 'sent', at: at(9), via: 'smtp' });
    expect(staleChannelRecord(sentLater, { channel: 'email', now: at(11), staleMinutes: 10, watchedSince: T0 })).toMatchObject({ state: 'mati', failedVia: 'imap' });
    expect(staleChannelRecord(read, { channel: 'email', now: at(10), staleMinutes: 10, watchedSince: T0 }).state).toBe('ok');
    expect(staleChannelRecord(read, { channel: 'email', now: at(11), staleMinutes: 10, watchedSince: T0 })).toMatchObject({ state: 'mati', since: at(11) });
    expect(staleChannelRecord(read, { channel: 'whatsapp', now: at(60), staleMinutes: 10, watchedSince: T0 }).state).toBe('ok');
    // A server that has just started is given the stretch from its start.
    expect(staleChannelRecord(read, { channel: 'email', now: at(11), staleMinutes: 10, watchedSince: at(5) }).state).toBe('ok');
  });

  it('writes a success that changes only a time at most once a minute, anything else at once', () => {
    const stored = nextChannelRecord(ok(), polled(0));
    const soon = nextChannelRecord(stored, { kind: 'polled', via: 'imap', at: new Date(at(0).getTime() + CHANNEL_WRITE_EVERY_MS - 1) });
    const later = nextChannelRecord(stored, { kind: 'polled', via: 'imap', at: new Date(at(0).getTime() + CHANNEL_WRITE_EVERY_MS) });
    expect(channelRecordNeedsWrite(stored, soon)).toBe(false);
    expect(channelRecordNeedsWrite(stored, later)).toBe(true);
    expect(channelRecordNeedsWrite(stored, nextChannelRecord(stored, fail(0)))).toBe(true);
  });

  it('tells the officers once when a channel dies and once when it comes back; disruption is not told', () => {
    expect(channelAlertDue('mati', 'ok')).toBe('down');
    expect(channelAlertDue('mati', 'mati')).toBeNull();
    expect(channelAlertDue('ok', 'mati')).toBe('restored');
    expect(channelAlertDue('ok', 'ok')).toBeNull();
    expect(channelAlertDue('terganggu', 'ok')).toBeNull();
    expect(channelAlertDue('terganggu', 'mati')).toBeNull();
  });

  it('a channel that has received before and brought nothing in for the quiet hours of office time is diam; the next message ends it, a poll does not', () => {
    const received = nextChannelRecord(ok(), { kind: 'inbound', at: at(0) });
    expect(quietChannelRecord(received, { now: at(600), quietHours: 2, officeMinutesSinceInbound: 119 })).toBe(received);
    const quiet = quietChannelRecord(received, { now: at(600), quietHours: 2, officeMinutesSinceInbound: 120 });
    expect(quiet).toMatchObject({ state: 'diam', since: at(600) });
    // Off, never received, or already in trouble: nothing to say.
    expect(quietChannelRecord(received, { now: at(600), quietHours: 0, officeMinutesSinceInbound: 999 })).toBe(received);
    expect(quietChannelRecord(ok(), { now: at(600), quietHours: 2, officeMinutesSinceInbound: null })).toEqual(ok());
    const troubled = run(received, [fail(1), fail(2), fail(3)]);
    expect(quietChannelRecord(troubled, { now: at(600), quietHours: 2, officeMinutesSinceInbound: 999 }).state).toBe('terganggu');

    expect(nextChannelRecord(quiet, polled(601)).state).toBe('diam');
    expect(nextChannelRecord(quiet, { kind: 'inbound', at: at(602) })).toMatchObject({ state: 'ok', since: at(602), lastInboundAt: at(602) });
  });

  it('going quiet is told once; its end is only noted, so the next quiet stretch is told again', () => {
    expect(channelAlertDue('diam', 'ok')).toBe('quiet');
    expect(channelAlertDue('diam', 'diam')).toBeNull();
    expect(channelAlertDue('ok', 'diam')).toBe('quiet_over');
    expect(channelAlertDue('terganggu', 'diam')).toBe('quiet_over');
    expect(channelAlertDue('mati', 'diam')).toBe('down');
  });

  it('a dead channel degrades the server; a quiet one does not', () => {
    expect(channelsHealth(['ok', 'belum_diatur', 'terganggu', 'diam'])).toBe('ok');
    expect(channelsHealth(['ok', 'mati'])).toBe('degraded');
  });
});
