import type { Core } from '@strapi/strapi';
import { publicOfficeOf } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';

type Ctx = Parameters<Core.ControllerHandler>[0];

/** The Dinas as the public site names it: names, address, contacts and lambang; never the signatory or the codes. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async publicView(ctx: Ctx) {
    await sop(strapi, 'rateLimit').consume('trackRateLimit', ctx.request.ip);
    return { data: publicOfficeOf(await sop(strapi, 'office').current()) };
  },
});
