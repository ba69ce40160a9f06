import type { Core } from '@strapi/strapi';
import { DEFAULT_OFFICE_HOURS, officeHoursProblem, officeHoursRowLabel, officeHoursRowsProblem, rowsOfWeeklyHours, type OfficeHoursRow, type WeeklyHours } from '@layanan/config';

const POLICY = 'api::sop-policy.sop-policy';
const ROW = 'sop.office-hours';
/** Where the database migration (cms/database/migrations) kept the old JSON office hours. */
const KEPT = 'sop_policy_office_hours_json';

function weekOf(json: unknown): WeeklyHours {
  try {
    const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
    return officeHoursProblem(value) === null ? (value as WeeklyHours) : DEFAULT_OFFICE_HOURS;
  } catch {
    return DEFAULT_OFFICE_HOURS;
  }
}

/**
 * Writes the office hours the old JSON held as rows, once. The hours are the same, so the policy keeps
 * its revision: inquiries received before and after the upgrade share it. Until the table is dropped a
 * crash leaves it to the next start, which writes the same rows again.
 */
export async function upgradeOfficeHours(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(KEPT))) return;
  const kept = (await knex(KEPT).select('document_id', 'office_hours')) as { document_id: string; office_hours: unknown }[];
  for (const { document_id: documentId, office_hours: json } of kept) {
    const policy = (await strapi.db.query(POLICY).findOne({ where: { documentId }, select: ['revision'] })) as { revision: number | null } | null;
    if (!policy) continue;
    await strapi.documents(POLICY).update({ documentId, data: { officeHours: rowsOfWeeklyHours(weekOf(json)) } as never });
    await strapi.db.query(POLICY).update({ where: { documentId }, data: { revision: policy.revision } });
  }
  await knex.schema.dropTable(KEPT);
  strapi.log.info(`[office-hours] the office hours of ${kept.length} SOP polic${kept.length === 1 ? 'y' : 'ies'} are rows now`);
}

/**
 * Rows written before each carried the title its line shows in the admin panel get it, once; straight to the
 * rows, since the hours are the same and the policy keeps its revision.
 */
export async function labelOfficeHoursRows(strapi: Core.Strapi): Promise<void> {
  const rows = (await strapi.db.query(ROW as never).findMany({ where: { label: null } })) as (OfficeHoursRow & { id: number })[];
  for (const row of rows) {
    if (officeHoursRowsProblem([row]) !== null) continue;
    await strapi.db.query(ROW as never).update({ where: { id: row.id }, data: { label: officeHoursRowLabel(row) } });
  }
}
