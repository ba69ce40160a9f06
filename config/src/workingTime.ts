import type { ClockMode, OfficeInterval, WeeklyHours } from './sop';

export interface WorkingCalendar {
  /** 'calendar' = every minute counts, holidays and hours ignored. */
  mode: ClockMode;
  /** Per weekday (0 = Sunday), may be split (08:00-12:00 and 13:00-16:00), may be empty. */
  officeHours: WeeklyHours;
  /** Local dates 'YYYY-MM-DD' in `timeZone` that are closed all day. */
  holidays: ReadonlySet<string>;
  /** IANA zone, e.g. 'Asia/Jakarta'. */
  timeZone: string;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;
/** No zone changes its UTC offset twice within this, so checking its two ends finds every change. */
const OFFSET_PROBE_MS = 6 * 3_600_000;
const SEARCH_LIMIT_DAYS = 400;

/** Thrown when a calendar has no working time left, so no clock can start and no deadline exists. */
export class NoWorkingTimeError extends Error {
  override readonly name = 'NoWorkingTimeError';

  constructor(from: number, timeZone: string) {
    super(
      `Tidak ada jam layanan dalam ${SEARCH_LIMIT_DAYS} hari sejak ${localDateKey(new Date(from), timeZone)} ` +
        `(${timeZone}); periksa jam kantor dan daftar hari libur.`,
    );
  }
}

/** A stretch of working time as UTC milliseconds, end exclusive. */
interface Span {
  start: number;
  end: number;
}

export function isWorkingInstant(at: Date, cal: WorkingCalendar): boolean {
  const instant = instantOf(at);
  return !workingSpans(instant, instant + 1, cal).next().done;
}

/**
 * The instant the SOP clock starts for something received at `at`:
 * `at` itself if inside office hours, else the next opening.
 */
export function clockStart(at: Date, cal: WorkingCalendar): Date {
  return new Date(spansFrom(instantOf(at), cal).next().value.start);
}

/**
 * `start` plus `minutes` of working time (ms precision kept: working milliseconds are added).
 * Lands on the end of an interval rather than the next opening; zero minutes returns `start` itself.
 */
export function addWorkingMinutes(start: Date, minutes: number, cal: WorkingCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Jumlah menit kerja harus bilangan tidak negatif, bukan ${minutes}.`);
  }
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining === 0) return new Date(instantOf(start));
  const spans = spansFrom(instantOf(start), cal);
  for (;;) {
    const span = spans.next().value;
    const length = span.end - span.start;
    if (remaining <= length) return new Date(span.start + remaining);
    remaining -= length;
  }
}

/**
 * The close of the `days`-th working day after the day the clock starts on: "paling lambat N hari kerja",
 * the day of arrival not counted (a report arriving after closing time starts on the next working day).
 * Zero days is the close of the starting day; in calendar mode it is `days` × 24 hours.
 */
export function addWorkingDays(start: Date, days: number, cal: WorkingCalendar): Date {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`Jumlah hari kerja harus bilangan bulat tidak negatif, bukan ${days}.`);
  }
  const from = instantOf(start);
  if (cal.mode === 'calendar') return new Date(from + days * DAY_MS);
  const spans = spansFrom(from, cal);
  const first = spans.next().value;
  let day = localDateKey(new Date(first.start), cal.timeZone);
  let end = first.end;
  let counted = 0;
  for (;;) {
    const span = spans.next().value;
    const key = localDateKey(new Date(span.start), cal.timeZone);
    if (key === day) {
      end = span.end;
      continue;
    }
    if (counted === days) return new Date(end);
    counted += 1;
    day = key;
    end = span.end;
  }
}

/**
 * The instant before which a deadline is more than one working day past at `now`: a due time T is, once the
 * close of the working day after T's own has passed (addWorkingDays(T, 1) < now). Found by bisection to the
 * millisecond, as addWorkingDays never decreases with its start.
 */
export function overOneWorkingDayBefore(now: Date, cal: WorkingCalendar): Date {
  const end = instantOf(now);
  let low = end - SEARCH_LIMIT_DAYS * DAY_MS;
  let high = end;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (addWorkingDays(new Date(middle), 1, cal).getTime() < end) low = middle;
    else high = middle;
  }
  return new Date(high);
}

/** Working minutes (fractional) between two instants; negative if to < from. */
export function workingMinutesBetween(from: Date, to: Date, cal: WorkingCalendar): number {
  const start = instantOf(from);
  const end = instantOf(to);
  if (end < start) return -workingMinutesBetween(to, from, cal);
  let total = 0;
  for (const span of workingSpans(start, end, cal)) total += span.end - span.start;
  return total / MINUTE_MS;
}

/** Minutes to add to UTC to read the wall clock of `timeZone` at `at` (420 for Asia/Jakarta). */
export function utcOffsetMinutes(at: Date, timeZone: string): number {
  return Math.round(zoneOffsetMs(instantOf(at), timeZone) / 60_000);
}

export function localDateKey(at: Date, timeZone: string): string {
  const instant = instantOf(at);
  return wallDayKey(instant + zoneOffsetMs(instant, timeZone));
}

function instantOf(date: Date): number {
  const instant = date.getTime();
  if (Number.isNaN(instant)) throw new RangeError('Waktu tidak valid.');
  return instant;
}

/** Working spans from `from` on, searched in 400-day windows; a window without any means the office never opens. */
function* spansFrom(from: number, cal: WorkingCalendar): Generator<Span, never> {
  for (let windowStart = from; ; windowStart += SEARCH_LIMIT_DAYS * DAY_MS) {
    let found = false;
    for (const span of workingSpans(windowStart, windowStart + SEARCH_LIMIT_DAYS * DAY_MS, cal)) {
      found = true;
      yield span;
    }
    if (!found) throw new NoWorkingTimeError(windowStart, cal.timeZone);
  }
}

/**
 * Working spans inside [from, until), in order (adjacent spans may touch).
 * Time is cut into stretches of one UTC offset; inside a stretch the wall clock is the instant
 * plus that offset, so each office interval of each local day maps to one span, and a DST change
 * only ends a stretch. A repeated wall hour therefore counts twice and a skipped one not at all.
 */
function* workingSpans(from: number, until: number, cal: WorkingCalendar): Generator<Span> {
  if (cal.mode === 'calendar') {
    if (from < until) yield { start: from, end: until };
    return;
  }
  const week = normalizeWeek(cal.officeHours);
  let cursor = from;
  let offset = zoneOffsetMs(cursor, cal.timeZone);
  while (cursor < until) {
    const stretch = sameOffsetStretch(cursor, offset, Math.min(cursor + OFFSET_PROBE_MS, until), cal.timeZone);
    yield* spansInStretch(cursor, stretch.end, offset, week, cal.holidays);
    cursor = stretch.end;
    offset = stretch.endOffset;
  }
}

/** How far from `start` (whose offset is known) the offset stays the same, up to `limit`; bisects to the ms. */
function sameOffsetStretch(
  start: number,
  startOffset: number,
  limit: number,
  timeZone: string,
): { end: number; endOffset: number } {
  let endOffset = zoneOffsetMs(limit, timeZone);
  if (endOffset === startOffset) return { end: limit, endOffset };
  let same = start;
  let changed = limit;
  while (changed - same > 1) {
    const middle = Math.floor((same + changed) / 2);
    const middleOffset = zoneOffsetMs(middle, timeZone);
    if (middleOffset === startOffset) {
      same = middle;
    } else {
      changed = middle;
      endOffset = middleOffset;
    }
  }
  return { end: changed, endOffset };
}

function* spansInStretch(
  start: number,
  end: number,
  offset: number,
  week: WeeklyHours,
  holidays: ReadonlySet<string>,
): Generator<Span> {
  const wallStart = start + offset;
  const wallEnd = end + offset;
  for (let day = Math.floor(wallStart / DAY_MS) * DAY_MS; day < wallEnd; day += DAY_MS) {
    if (holidays.has(wallDayKey(day))) continue;
    for (const interval of week[new Date(day).getUTCDay()]) {
      const spanStart = Math.max(wallStart, day + interval.start * MINUTE_MS);
      const spanEnd = Math.min(wallEnd, day + interval.end * MINUTE_MS);
      if (spanStart < spanEnd) yield { start: spanStart - offset, end: spanEnd - offset };
    }
  }
}

/** Seven days of sorted, disjoint, non-empty intervals within the day, whatever the configuration held. */
function normalizeWeek(hours: WeeklyHours): WeeklyHours {
  return Array.from({ length: 7 }, (_, weekday) => mergeIntervals(hours[weekday] ?? []));
}

function mergeIntervals(intervals: readonly OfficeInterval[]): OfficeInterval[] {
  const sorted = intervals
    .map(({ start, end }) => ({ start: Math.max(0, start), end: Math.min(MINUTES_PER_DAY, end) }))
    .filter(({ start, end }) => start < end)
    .sort((a, b) => a.start - b.start);
  const merged: OfficeInterval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push(interval);
  }
  return merged;
}

/** 'YYYY-MM-DD' of a wall-clock time written as if it were UTC. */
function wallDayKey(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds to add to a UTC instant to read the wall clock in `timeZone` there. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) fields[part.type] = Number(part.value);
  const wall = Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}
