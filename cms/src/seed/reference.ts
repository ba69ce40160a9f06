import type { Core } from '@strapi/strapi';
import { DEFAULT_SOP_POLICY, defaultPrivacyNotice, keywordRows, rowsOfWeeklyHours } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';
import { DIVISIONS } from './data/divisions';
import { FAQ_ENTRIES } from './data/faq';
import { HOLIDAYS } from './data/holidays';
import { OFFICE_PROFILE } from './data/office-profile';
import { SERVICE_STANDARD } from './data/service-standard';
import { SYNONYM_GROUPS } from './data/synonyms';

/**
 * Reference data every office needs: the two Bidang of the SOP, its timings, the Dinas's profile, privacy notice and service standard, the holiday calendar, and the
 * synonyms the search starts with (akte = akta, e-ktp = KTP-el …), which editors then keep.
 */
export async function seedReference(strapi: Core.Strapi): Promise<void> {
  if ((await strapi.db.query('api::division.division').count({})) === 0) {
    for (const division of DIVISIONS) {
      await strapi.documents('api::division.division').create({ data: { ...division, active: true } as never });
    }
  }
  if ((await strapi.db.query('api::sop-policy.sop-policy').count({})) === 0) {
    const { officeHours, ...values } = DEFAULT_SOP_POLICY;
    await strapi.documents('api::sop-policy.sop-policy').create({ data: { ...values, officeHours: rowsOfWeeklyHours(officeHours) } as never });
  }
  if ((await strapi.db.query('api::office-profile.office-profile').count({})) === 0) {
    await strapi.documents('api::office-profile.office-profile').create({ data: OFFICE_PROFILE as never });
  }
  if ((await strapi.db.query('api::privacy-notice.privacy-notice').count({})) === 0) {
    const { summary, sections } = defaultPrivacyNotice(await sop(strapi, 'office').current());
    await strapi.documents('api::privacy-notice.privacy-notice').create({ data: { summary, ...sections } as never });
  }
  if ((await strapi.db.query('api::service-standard.service-standard').count({})) === 0) {
    await strapi.documents('api::service-standard.service-standard').create({ data: SERVICE_STANDARD as never });
  }
  await offerHolidays(strapi);
  if ((await strapi.db.query('api::search-synonym.search-synonym').count({})) === 0) {
    for (const words of SYNONYM_GROUPS) await strapi.documents('api::search-synonym.search-synonym').create({ data: { words } as never });
  }
}

/**
 * Each year of the seed's holiday list that has no national holiday in the database yet is added, so an
 * office running since an earlier year is offered next year's national holidays by an update. A year
 * editors have begun is theirs: nothing is added to it. Cuti bersama follow the SKB; editors add them.
 */
async function offerHolidays(strapi: Core.Strapi): Promise<void> {
  const years = [...new Set(HOLIDAYS.map((holiday) => holiday.date.slice(0, 4)))];
  for (const year of years) {
    const where = { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } };
    if ((await strapi.db.query('api::holiday.holiday').count({ where: { ...where, kind: 'national' } })) > 0) continue;
    const taken = new Set(((await strapi.db.query('api::holiday.holiday').findMany({ where, select: ['date'] })) as { date: string }[]).map((h) => String(h.date).slice(0, 10)));
    for (const holiday of HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`) && !taken.has(h.date))) {
      await strapi.documents('api::holiday.holiday').create({ data: holiday as never });
    }
  }
}

export async function seedFaq(strapi: Core.Strapi): Promise<void> {
  if ((await strapi.db.query('api::faq-entry.faq-entry').count({})) > 0) return;
  const divisions = (await strapi.db.query('api::division.division').findMany({ select: ['documentId', 'code'] })) as {
    documentId: string;
    code: string;
  }[];
  for (const { division, ...entry } of FAQ_ENTRIES) {
    await strapi.documents('api::faq-entry.faq-entry').create({
      data: { ...entry, keywords: keywordRows(entry.keywords), division: divisions.find((d) => d.code === division)?.documentId } as never,
      status: 'published',
    });
  }
}
