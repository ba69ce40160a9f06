import { BACKUP_STALE_MS, OUTBOX_STALE_MS, SCHEDULER_STALE_MS, backupHealth, outboxHealth, overallHealth, schedulerHealth } from '@layanan/config';

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

  const DAY = 24 * 3600_000;
  it.each([
    ['scheduled, last backup last night', true, ago(DAY), ago(30 * DAY), 'ok'],
    ['scheduled, last backup three days ago', true, ago(3 * DAY), ago(30 * DAY), 'degraded'],
    ['scheduled, last backup exactly two days ago', true, ago(BACKUP_STALE_MS), ago(30 * DAY), 'ok'],
    ['scheduled, never backed up, server up a week', true, null, ago(7 * DAY), 'degraded'],
    ['scheduled, never backed up, server up an hour (its first is still to come)', true, null, ago(3600_000), 'ok'],
    ['not scheduled, last backup a month ago (backups are the operator’s own)', false, ago(30 * DAY), ago(30 * DAY), 'ok'],
    ['not scheduled, never backed up', false, null, ago(30 * DAY), 'ok'],
  ] as const)('backups %s are %s', (_label, scheduled, lastAt, startedAt, expected) => {
    expect(backupHealth({ scheduled, lastAt, startedAt, now: NOW })).toBe(expected);
  });

  it('is as bad as its worst part', () => {
    expect(overallHealth([])).toBe('ok');
    expect(overallHealth(['ok', 'degraded', 'ok'])).toBe('degraded');
    expect(overallHealth(['degraded', 'down', 'ok'])).toBe('down');
  });
});
