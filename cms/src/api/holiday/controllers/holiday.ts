import { factories } from '@strapi/strapi';
import { getService as sop } from '@layanan/sop-workflow';
import { holidayOutlook, localDateKey } from '@layanan/config';

const HOLIDAY = 'api::holiday.holiday';

export default factories.createCoreController(HOLIDAY, ({ strapi }) => ({
  /** Whether next year's holidays and cuti bersama are in, by the workflow's clock in the office's zone. */
  async outlook(ctx) {
    const { timeZone } = await sop(strapi, 'policy').current();
    const today = localDateKey(sop(strapi, 'clock').now(), timeZone);
    const year = Number(today.slice(0, 4)) + 1;
    const holidays = (await strapi.db.query(HOLIDAY).findMany({
      where: { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
      select: ['date', 'kind'],
    })) as { date: string; kind: string | null }[];
    ctx.body = { data: holidayOutlook(today, holidays) };
  },
}));
