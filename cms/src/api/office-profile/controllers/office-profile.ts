import type { Core } from '@strapi/strapi';
import { NoWorkingTimeError, clockStart, isWorkingInstant, localDateKey, publicOfficeOf, type PublicOfficeStatus } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';

const HOLIDAY = 'api::holiday.holiday';

type Ctx = Parameters<Core.ControllerHandler>[0];

/** The Dinas as the public site names it: names, address, contacts and lambang; never the signatory or the codes. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async publicView(ctx: Ctx) {
    await sop(strapi, 'rateLimit').consume('trackRateLimit', ctx.request.ip);
    return { data: publicOfficeOf(await sop(strapi, 'office').current()) };
  },

  /** Open or closed now by the SOP's own calendar, and when a request sent now starts to be timed. */
  async publicStatus(ctx: Ctx) {
    await sop(strapi, 'rateLimit').consume('trackRateLimit', ctx.request.ip);
    const calendar = await sop(strapi, 'policy').currentCalendar();
    const now = sop(strapi, 'clock').now();
    if (isWorkingInstant(now, calendar)) return { data: { open: true } satisfies PublicOfficeStatus };
    const holiday = (await strapi.db.query(HOLIDAY).findOne({ where: { date: localDateKey(now, calendar.timeZone) }, select: ['name'] })) as { name: string } | null;
    let resumesAt: string | null = null;
    try {
      resumesAt = clockStart(now, calendar).toISOString();
    } catch (error) {
      if (!(error instanceof NoWorkingTimeError)) throw error;
    }
    return { data: { open: false, resumesAt, holiday: holiday?.name ?? null } satisfies PublicOfficeStatus };
  },
});
