import type { Core, Modules } from '@strapi/strapi';
import { officeHoursRowLabel, officeHoursRowsRefusal, type OfficeHoursRow } from '@layanan/config';
import { fieldRefusal } from '../refusals';
import { UID, getService } from '../utils';

const WRITES = ['create', 'update', 'delete', 'publish'];

/**
 * Editors change the SOP timings and the holidays in the admin panel. A policy change is a new revision
 * (new inquiries only); both invalidate the cached calendar after the write. Each office-hours row keeps
 * the title its line shows in the admin panel ("Senin 07.30–15.30").
 */
export const policyGuard =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== UID.policy && ctx.uid !== UID.holiday) return next();
    if (!WRITES.includes(ctx.action)) return next();
    const params = ctx.params as { data?: Record<string, unknown> };
    if (ctx.uid === UID.policy && params.data) {
      if ('officeHours' in params.data) {
        const problem = officeHoursRowsRefusal(params.data.officeHours);
        if (problem) throw fieldRefusal('officeHours', problem);
        params.data.officeHours = (params.data.officeHours as OfficeHoursRow[]).map((row) => ({ ...row, label: officeHoursRowLabel(row) }));
      }
      const current = (await strapi.db.query(UID.policy).findOne({ select: ['revision'] })) as { revision: number | null } | null;
      params.data = { ...params.data, revision: (current?.revision ?? 0) + 1 };
    }
    const result = await next();
    getService(strapi, 'policy').invalidate();
    return result;
  };
