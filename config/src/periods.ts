/**
 * Calendar periods of the Rekap Informasi, in the office's local time. Days are numbered from
 * 1970-01-01 local, so that the database can bucket an instant with integer arithmetic
 * (instant + UTC offset) and the periods around it are derived from the day number alone.
 */
export const GROUP_BY = ['day', 'week', 'month'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

import { utcOffsetMinutes } from './workingTime';

const DAY_MS = 86_400_000;
const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local day number of an instant, given the zone's offset from UTC at that time. */
export function localDayNumber(at: Date, utcOffsetMinutes: number): number {
  return Math.floor((at.getTime() + utcOffsetMinutes * 60_000) / DAY_MS);
}

/** 'YYYY-MM-DD' → day number, or null when it is not a real calendar date. */
export function dayNumberOf(dateKey: string): number | null {
  const match = DATE_KEY.exec(dateKey);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return time / DAY_MS;
}

export function dateKeyOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC instant at which a local day starts. */
export function startOfLocalDay(dayNumber: number, utcOffsetMinutes: number): Date {
  return new Date(dayNumber * DAY_MS - utcOffsetMinutes * 60_000);
}

/** A day's period: the date itself, the Monday that starts its week, or 'YYYY-MM'. */
export function periodOfDay(dayNumber: number, groupBy: GroupBy): string {
  if (groupBy === 'day') return dateKeyOf(dayNumber);
  if (groupBy === 'month') return dateKeyOf(dayNumber).slice(0, 7);
  // Day 0 (1970-01-01) was a Thursday: Monday is 3 days before it.
  const sinceMonday = (((dayNumber + 3) % 7) + 7) % 7;
  return dateKeyOf(dayNumber - sinceMonday);
}

/** Every period touching the days from..to (inclusive), in order, so that empty ones show as zero. */
export function periodsOfRange(fromDay: number, toDay: number, groupBy: GroupBy): string[] {
  const periods: string[] = [];
  for (let day = fromDay; day <= toDay; day += 1) {
    const period = periodOfDay(day, groupBy);
    if (periods[periods.length - 1] !== period) periods.push(period);
  }
  return periods;
}

export interface PeriodBounds {
  key: string;
  /** The first instant of the period within the range, and the instant after its last. */
  start: Date;
  end: Date;
}

/**
 * The periods of the local days from..to (inclusive), each cut to the range, as half-open UTC ranges:
 * a request at 23:30 local time on the last day of a month falls before that month's end.
 */
export function periodBounds(fromDay: number, toDay: number, groupBy: GroupBy, timeZone: string): PeriodBounds[] {
  const boundary = (day: number) => startOfLocalDay(day, utcOffsetMinutes(new Date(day * DAY_MS), timeZone));
  const periods: PeriodBounds[] = [];
  for (let day = fromDay; day <= toDay; day += 1) {
    const key = periodOfDay(day, groupBy);
    const last = periods[periods.length - 1];
    if (last?.key === key) last.end = boundary(day + 1);
    else periods.push({ key, start: boundary(day), end: boundary(day + 1) });
  }
  return periods;
}
