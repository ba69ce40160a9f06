import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { dayNumberOf, localDayNumber, periodsOfRange, utcOffsetMinutes, type GroupBy } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';
import { parseQuery, recapExportSchema, recapQuerySchema } from '../../../utils/validation';
import { NO_DIVISION, type RecapParams } from '../services/recap';

type Context = Parameters<Core.ControllerHandler>[0];

/** Long ranges must be grouped coarsely: a chart of more bars than this is unreadable, and the query costlier. */
const MAX_PERIODS: Record<GroupBy, number> = { day: 366, week: 160, month: 60 };

function defaultGroupBy(days: number): GroupBy {
  if (days <= 62) return 'day';
  if (days <= 184) return 'week';
  return 'month';
}

const dateKeyOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The validated range and filters; without dates, this month up to today (WIB). */
export async function recapParams(
  strapi: Core.Strapi,
  query: { from?: string; to?: string; groupBy?: GroupBy; channel?: RecapParams['channel']; kind?: RecapParams['kind']; division?: string },
): Promise<{ params: RecapParams; from: string; to: string }> {
  const { timeZone } = await sop(strapi, 'policy').current();
  const now = sop(strapi, 'clock').now();
  const today = localDayNumber(now, utcOffsetMinutes(now, timeZone));
  const fromDay = query.from ? dayNumberOf(query.from)! : dayNumberOf(`${dateKeyOf(today).slice(0, 7)}-01`)!;
  const toDay = query.to ? dayNumberOf(query.to)! : today;
  if (fromDay > toDay) throw new errors.ValidationError('Tanggal awal harus sebelum atau sama dengan tanggal akhir.');
  const groupBy = query.groupBy ?? defaultGroupBy(toDay - fromDay + 1);
  const count = periodsOfRange(fromDay, toDay, groupBy).length;
  if (count > MAX_PERIODS[groupBy]) {
    throw new errors.ValidationError(
      `Rentang ini berisi ${count} periode; paling banyak ${MAX_PERIODS[groupBy]} untuk pengelompokan "${groupBy}". Pilih rentang lebih pendek atau pengelompokan yang lebih kasar.`,
    );
  }
  return {
    params: { fromDay, toDay, groupBy, channel: query.channel, kind: query.kind, division: await divisionOf(strapi, query.division) },
    from: dateKeyOf(fromDay),
    to: dateKeyOf(toDay),
  };
}

/** A Bidang given by documentId or code, or 'none' for requests not routed to one. */
export async function divisionOf(strapi: Core.Strapi, given: string | undefined): Promise<RecapParams['division']> {
  if (given === undefined) return undefined;
  if (given === NO_DIVISION) return NO_DIVISION;
  const row = (await strapi.db.query('api::division.division').findOne({
    where: { $or: [{ documentId: given }, { code: given.toUpperCase() }] },
    select: ['id'],
  })) as { id: number } | null;
  if (!row) throw new errors.ValidationError(`Bidang "${given}" tidak ditemukan.`);
  return row.id;
}

/** Rekap Informasi for leadership and the officer: the figures, and the monthly report as a file. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const { params, from, to } = await recapParams(strapi, parseQuery(recapQuerySchema, ctx.query));
    return { data: await strapi.service('api::recap.recap').compute(params, from, to) };
  },

  async export(ctx: Context) {
    const { format, ...query } = parseQuery(recapExportSchema, ctx.query);
    const { params, from, to } = await recapParams(strapi, { ...query, groupBy: undefined });
    await strapi.service('api::recap.export').send(ctx, format, params, from, to);
  },
});
