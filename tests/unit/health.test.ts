import { OUTBOX_STALE_MS, SCHEDULER_STALE_MS, outboxHealth, overallHealth, schedulerHealth } from '@layanan/config';

const NOW = new Date('2026-12-08T03:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('the server’s health, part by part', () => {
  it.each([
    ['ran a minute ago', ago(60_000), ago(3600_000), 'ok'],
    ['last ran three minutes ago', ago(3 * 60_000), ago(3600_000), 'degraded'],
    ['never ran, server up an hour', null, ago(3600_000), 'degraded'],
    ['never ran, server up a minute (its first run is still to come)', null, ago(60_000), 'ok'],
    ['ran exactly two minutes ago', ago(SCHEDULER_STALE_MS), ago(3600_000), 'ok'],
  ] as const)('the scheduler that %s is %s', (_label, lastRunAt, startedAt, expected) => {
    expect(schedulerHealth({ lastRunAt, startedAt, now: NOW })).toBe(expected);
  });

  it.each([
    ['nothing waiting', null, 0, 'ok'],
    ['a message due five minutes ago', ago(5 * 60_000), 0, 'ok'],
    ['a message due eleven minutes ago', ago(OUTBOX_STALE_MS + 60_000), 0, 'degraded'],
    ['one message given up on today', null, 1, 'degraded'],
  ] as const)('the outbox with %s is %s', (_label, oldestDueAt, failedRecently, expected) => {
    expect(outboxHealth({ oldestDueAt, failedRecently, now: NOW })).toBe(expected);
  });

  it('is as bad as its worst part', () => {
    expect(overallHealth([])).toBe('ok');
    expect(overallHealth(['ok', 'degraded', 'ok'])).toBe('degraded');
    expect(overallHealth(['degraded', 'down', 'ok'])).toBe('down');
  });
});
