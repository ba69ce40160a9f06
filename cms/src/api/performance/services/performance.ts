import type { Core } from '@strapi/strapi';
import {
  localDayNumber,
  perStep,
  utcOffsetMinutes,
  type IkmResult,
  type PerformanceFigures,
  type PerformanceWindow,
  type PublicPerformance,
  type PublicServiceStandard,
  type Recap,
} from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';
import { recapParams } from '../../recap/controllers/recap';
import { recapFilters, type RecapParams } from '../../recap/services/recap';
import type { Fragment } from '../../../utils/sql';

/** How long the figures are served before they are computed again: the page is public and cheap to ask for. */
const CACHE_MS = 5 * 60_000;

const dateKeyOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The first day of the month `back` months before the month of `dateKey`. */
function monthStart(dateKey: string, back: number): string {
  const [year, month] = dateKey.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 - back, 1));
  return first.toISOString().slice(0, 10);
}

/**
 * The public performance page's figures: the Rekap Informasi's own computation (api::recap.recap compute) and
 * the IKM's (the SKM service), for this month and the last twelve, for the whole office and each Bidang. Only
 * counts, shares and medians leave: no request, no name. Computed at most once per CACHE_MS.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { at: number; value: Promise<PublicPerformance> } | null = null;

  const recap = () => strapi.service('api::recap.recap') as unknown as { compute(params: RecapParams, from: string, to: string): Promise<Recap> };
  const surveys = () =>
    strapi.service('api::survey-response.survey-response') as unknown as {
      ikm(fromDay: number, toDay: number, groupBy: 'month', regulation?: string, inquiries?: Fragment): Promise<IkmResult>;
    };

  async function figuresOf(params: RecapParams, from: string, to: string): Promise<{ recap: Recap; figures: PerformanceFigures }> {
    const [computed, ikm] = await Promise.all([recap().compute(params, from, to), surveys().ikm(params.fromDay, params.toDay, 'month', undefined, recapFilters(params))]);
    return {
      recap: computed,
      figures: {
        total: computed.total,
        channel: computed.totals.channel,
        kind: computed.totals.kind,
        compliance: computed.compliance.overall,
        medianMinutes: perStep((step) => computed.durations[step].median),
        medianMinutesToAnswer: computed.timeToAnswer.median,
        open: { open: computed.openBreaches.open, late: computed.openBreaches.breached, overOneWorkingDay: computed.openBreaches.overOneWorkingDay },
        lapor: computed.lapor,
        ikm: { respondents: ikm.respondents, value: ikm.ikm, grade: ikm.grade?.grade ?? null, label: ikm.grade?.label.id ?? null },
      },
    };
  }

  async function windowOf(from: string, to: string): Promise<PerformanceWindow> {
    const { params } = await recapParams(strapi, { from, to, groupBy: 'month' });
    const office = await figuresOf(params, from, to);
    const divisions = [];
    for (const division of office.recap.divisions) {
      if (division.code === null) continue;
      const scoped = await recapParams(strapi, { from, to, groupBy: 'month', division: division.code });
      divisions.push({ code: division.code, name: division.name, figures: (await figuresOf(scoped.params, from, to)).figures });
    }
    return { from, to, office: office.figures, divisions, months: office.recap.periods.map((p) => ({ period: p.period, total: p.total })) };
  }

  async function compute(now: Date): Promise<PublicPerformance> {
    const { timeZone } = await sop(strapi, 'policy').current();
    const today = dateKeyOf(localDayNumber(now, utcOffsetMinutes(now, timeZone)));
    return {
      computedAt: now.toISOString(),
      timeZone,
      month: await windowOf(monthStart(today, 0), today),
      year: await windowOf(monthStart(today, 11), today),
    };
  }

  return {
    figures(): Promise<PublicPerformance> {
      const now = sop(strapi, 'clock').now();
      if (!cached || now.getTime() - cached.at >= CACHE_MS || now.getTime() < cached.at) {
        const value = compute(now);
        cached = { at: now.getTime(), value };
        // A failed computation is not served again: the next visitor asks once more.
        value.catch(() => {
          if (cached?.value === value) cached = null;
        });
      }
      return cached.value;
    },

    async standard(): Promise<PublicServiceStandard | null> {
      const row = (await strapi.db.query('api::service-standard.service-standard').findOne({})) as (PublicServiceStandard & Record<string, unknown>) | null;
      if (!row) return null;
      const { serviceName, legalBasis, requirements, procedure, timeLimit, fee, products, complaints, pledge, reviewedOn } = row;
      return { serviceName, legalBasis: legalBasis ?? null, requirements, procedure, timeLimit, fee, products, complaints, pledge, reviewedOn: String(reviewedOn).slice(0, 10) };
    },
  };
};
