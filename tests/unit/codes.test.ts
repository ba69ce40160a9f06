import { codePeriod } from '../../plugins/sop-workflow/src/services/codes';

describe('tracking codes', () => {
  it.each([
    ['an information request at 09:00 WIB on 3 November 2026', 'information', '2026-11-03T02:00:00Z', 'INF-2611'],
    ['a complaint at 23:30 WIB on 30 November 2026 (still November in Probolinggo)', 'complaint', '2026-11-30T16:30:00Z', 'ADU-2611'],
    ['a complaint at 00:30 WIB on 1 December 2026 (already December, though UTC says November)', 'complaint', '2026-11-30T17:30:00Z', 'ADU-2612'],
  ] as const)('%s is numbered in %s', (_what, kind, at, expected) => {
    expect(codePeriod(kind, new Date(at), 'Asia/Jakarta')).toBe(expected);
  });
});
