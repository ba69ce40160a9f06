import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { dayNumberOf, localDayNumber, periodsOfRange, utcOffsetMinutes } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';
import { ikmQuerySchema, parseQuery } from '../../../utils/validation';
import { divisionOf } from '../../recap/controllers/recap';
import { recapFilters } from '../../recap/services/recap';
import type { Fragment } from '../../../utils/sql';

const MAX_PERIODS = { day: 366, week: 160, month: 60 } as const;

/**
 * GET /api/surveys/ikm: the index over the responses given in a period (without dates, this year to today),
 * about the requests of the Rekap's channel, kind and Bidang when those are given.
 */
export default factories.createCoreController('api::survey-response.survey-response', ({ strapi }: { strapi: Core.Strapi }) => ({
  async ikm(ctx: Parameters<Core.ControllerHandler>[0]) {
    const query = parseQuery(ikmQuerySchema, ctx.query);
    const { timeZone } = await sop(strapi, 'policy').current();
    const now = sop(strapi, 'clock').now();
    const today = localDayNumber(now, utcOffsetMinutes(now, timeZone));
    const fromDay = query.from ? dayNumberOf(query.from)! : dayNumberOf(`${new Date(today * 86_400_000).toISOString().slice(0, 4)}-01-01`)!;
    const toDay = query.to ? dayNumberOf(query.to)! : today;
    if (fromDay > toDay) throw new errors.ValidationError('Tanggal awal harus sebelum atau sama dengan tanggal akhir.');
    const groupBy = query.groupBy ?? 'month';
    const count = periodsOfRange(fromDay, toDay, groupBy).length;
    if (count > MAX_PERIODS[groupBy]) {
      throw new errors.ValidationError(`Rentang ini berisi ${count} periode; paling banyak ${MAX_PERIODS[groupBy]} untuk pengelompokan "${groupBy}".`);
    }
    const service = strapi.service('api::survey-response.survey-response') as unknown as {
      ikm: (from: number, to: number, groupBy: typeof query.groupBy & string, regulation?: string, inquiries?: Fragment) => Promise<unknown>;
    };
    const filtered = query.channel !== undefined || query.kind !== undefined || query.division !== undefined;
    const about = filtered ? recapFilters({ channel: query.channel, kind: query.kind, division: await divisionOf(strapi, query.division) }) : undefined;
    const day = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
    return { data: { from: day(fromDay), to: day(toDay), groupBy, ...((await service.ikm(fromDay, toDay, groupBy, query.regulation, about)) as object) } };
  },
}));
