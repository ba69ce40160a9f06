import { CHANNELS, SERVICE_CATEGORIES, SOP_STEPS, budgetSpans, dateKeyOf, dayNumberOf, localDayNumber, utcOffsetMinutes } from '@layanan/config';
import type { AnswerDeliveryFigures, Breakdown, Recap, RecapPeriod, RecapQuery, SopStepKey } from '../types';

export const OFFICE_ZONE = 'Asia/Jakarta';

export type Preset = 'thisMonth' | 'lastMonth' | 'thisYear';
export const PRESETS: readonly Preset[] = ['thisMonth', 'lastMonth', 'thisYear'];

/** Today's date in WIB, whatever the browser's zone. */
export function todayInOffice(now: Date): string {
  return dateKeyOf(localDayNumber(now, utcOffsetMinutes(now, OFFICE_ZONE)));
}

/** The dates of a preset, in WIB: this month and this year run up to today. */
export function presetRange(preset: Preset, now: Date): { from: string; to: string } {
  const today = todayInOffice(now);
  const [year, month] = today.split('-').map(Number);
  if (preset === 'thisYear') return { from: `${year}-01-01`, to: today };
  if (preset === 'thisMonth') return { from: `${today.slice(0, 7)}-01`, to: today };
  const first = month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`;
  const last = dateKeyOf(dayNumberOf(`${today.slice(0, 7)}-01`)! - 1);
  return { from: first, to: last };
}

/** A period's label: "Jan 2026", "2 Feb" (a day, or the Monday that starts a week). */
export function periodLabel(period: string, locale: string): string {
  if (period.length === 7) {
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`));
  }
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${period}T00:00:00Z`));
}

/** One row per period, one column per channel: what the stacked volume chart draws. */
export function volumeSeries(recap: Recap, locale: string): Record<string, string | number>[] {
  return recap.periods.map((p) => ({ ...p.channel, period: p.period, label: periodLabel(p.period, locale), total: p.total }));
}

/** Channels that carried any request in the range, most used first (the chart's legend order). */
export function activeChannels(recap: Recap): string[] {
  return CHANNELS.filter((channel) => (recap.totals.channel[channel] ?? 0) > 0).sort((a, b) => recap.totals.channel[b] - recap.totals.channel[a]);
}

/** The non-empty slices of a breakdown, largest first. */
export function shares(breakdown: Breakdown, label: (key: string) => string): { key: string; name: string; value: number }[] {
  return Object.entries(breakdown)
    .filter(([, value]) => value > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([key, value]) => ({ key, name: label(key), value }));
}

export function topCategories(recap: Recap, count = 5): { key: string; value: number }[] {
  return SERVICE_CATEGORIES.map((key) => ({ key, value: recap.totals.serviceCategory[key] ?? 0 }))
    .filter((row) => row.value > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, count);
}

/** Per step: the share within budget and the share late, in percent, for the compliance chart. */
export function complianceRows(recap: Recap): { step: SopStepKey; withinBudget: number | null; late: number | null; applicable: number }[] {
  return SOP_STEPS.map((step) => {
    const c = recap.compliance.overall[step];
    return {
      step,
      applicable: c.applicable,
      withinBudget: c.withinBudget === null ? null : round1(c.withinBudget * 100),
      late: c.applicable ? round1((c.late / c.applicable) * 100) : null,
    };
  });
}

/** Per step: median and 90th percentile in working minutes beside the SOP's budget. */
export function durationRows(recap: Recap): { step: SopStepKey; median: number | null; p90: number | null; budget: number }[] {
  return SOP_STEPS.map((step) => ({
    step,
    median: recap.durations[step].median === null ? null : round1(recap.durations[step].median!),
    p90: recap.durations[step].p90 === null ? null : round1(recap.durations[step].p90!),
    budget: budgetSpans(recap.compliance.policies, step).at(-1)!.minutes,
  }));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * The inquiry list showing exactly what a bar counts: the period's received times and the recap's own
 * filters, plus the value clicked (a channel, a kind …), in react-admin's URL form.
 */
export function inquiryListPath(period: Pick<RecapPeriod, 'start' | 'end'>, query: RecapQuery, extra: Record<string, string> = {}): string {
  const filter: Record<string, string> = { receivedAt_gte: period.start, receivedAt_lt: period.end };
  if (query.channel) filter.channel = query.channel;
  if (query.kind) filter.kind = query.kind;
  if (query.division === 'none') filter['division.id_isnull'] = 'true';
  else if (query.division) filter['division.documentId'] = query.division;
  Object.assign(filter, extra);
  return `/inquiries?${new URLSearchParams({ filter: JSON.stringify(filter), sort: 'receivedAt', order: 'ASC' }).toString()}`;
}

/** The channels whose answers have a delivery state, in the SOP's channel order: the delivery table's rows. */
export function deliveryRows(recap: Recap): ({ key: string } & AnswerDeliveryFigures)[] {
  return CHANNELS.filter((channel) => recap.answerDelivery.byChannel[channel]).map((channel) => ({ key: channel, ...recap.answerDelivery.byChannel[channel] }));
}

export function formatPercent(value: number | null, locale: string): string {
  return value === null ? '–' : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)}%`;
}

/**
 * A step's budget as the range's requests were judged: "batas 15 menit kerja", or, when the range mixes policy
 * revisions, "batas 15 menit (s.d. 10 Des), 20 menit (sejak 10 Des)"; dates in WIB.
 */
export function budgetLabel(recap: Recap, step: SopStepKey, t: (key: string, options?: object) => string, locale: string): string {
  const spans = budgetSpans(recap.compliance.policies, step);
  if (spans.length === 1) return t('kpi.budget', { minutes: spans[0].minutes });
  const day = (iso: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: OFFICE_ZONE }).format(new Date(iso));
  const parts = spans.map(({ minutes, since, until }) =>
    until ? t('kpi.budget_until', { minutes, date: day(until) }) : t('kpi.budget_since', { minutes, date: day(since!) }),
  );
  return t('kpi.budget_mixed', { spans: parts.join(', ') });
}
