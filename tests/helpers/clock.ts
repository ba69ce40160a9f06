/**
 * What the code under test reads as "now", fixed for each test of a file: only `Date` is replaced, so timers,
 * promises and animation frames run as usual and Testing Library's waits still work. A test then means the
 * same at 10.00 and at 23.59 WIB, on a Friday or on 31 December, in any machine time zone.
 */
export const REAL = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/** A Tuesday at 10.00 WIB: inside office hours, hours away from midnight and from the month's end. */
export const OFFICE_MORNING = '2026-12-08T03:00:00.000Z';

export function fixWallClock(at: string = OFFICE_MORNING): void {
  beforeEach(() => jest.useFakeTimers({ now: new Date(at), doNotFake: [...REAL] }));
  afterEach(() => jest.useRealTimers());
}
