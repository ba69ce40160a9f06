import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PRIVACY_NOTICE_SECTIONS, PRIVACY_NOTICE_TITLE, PRIVACY_SECTION_TITLES, publicOfficeOf } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';

type Ctx = Parameters<Core.ControllerHandler>[0];

/** The privacy notice as the public page shows it: the current version, or an older one by its number (`?versi=2`). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async publicView(ctx: Ctx) {
    await sop(strapi, 'rateLimit').consume('trackRateLimit', ctx.request.ip);
    const privacy = sop(strapi, 'privacy');
    const asked = ctx.query.versi;
    const current = await privacy.current();
    let notice = current;
    if (asked !== undefined) {
      const version = typeof asked === 'string' && /^\d{1,6}$/.test(asked) ? Number(asked) : NaN;
      if (Number.isNaN(version)) throw new errors.ValidationError('Nomor versi harus berupa angka.', { errors: [{ path: ['versi'], message: 'Nomor versi harus berupa angka.' }] });
      const found = version === current.version ? current : await privacy.version(version);
      if (!found) throw new errors.NotFoundError(`Pemberitahuan versi ${version} tidak ada.`);
      notice = found;
    }
    if (notice.version === 0) throw new errors.NotFoundError('Pemberitahuan pelindungan data pribadi belum diisi.');
    return {
      data: {
        title: PRIVACY_NOTICE_TITLE,
        version: notice.version,
        versionDate: notice.versionDate,
        currentVersion: current.version,
        summary: notice.summary,
        sections: PRIVACY_NOTICE_SECTIONS.map((name) => ({ name, title: PRIVACY_SECTION_TITLES[name], text: notice.sections[name] })),
        office: publicOfficeOf(await sop(strapi, 'office').current()),
      },
    };
  },
});
