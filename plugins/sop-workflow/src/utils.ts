import type { Core } from '@strapi/strapi';
import type { SopWorkflowServices } from './services';

export const PLUGIN_ID = 'sop-workflow';

export const UID = {
  inquiry: 'api::inquiry.inquiry',
  event: 'api::inquiry-event.inquiry-event',
  division: 'api::division.division',
  faq: 'api::faq-entry.faq-entry',
  policy: 'api::sop-policy.sop-policy',
  holiday: 'api::holiday.holiday',
  office: 'api::office-profile.office-profile',
  privacy: 'api::privacy-notice.privacy-notice',
  privacyVersion: 'api::privacy-notice-version.privacy-notice-version',
  accessLog: 'api::access-log.access-log',
  notification: 'api::notification.notification',
  user: 'plugin::users-permissions.user',
} as const;

export function getService<K extends keyof SopWorkflowServices>(
  strapi: Core.Strapi,
  name: K,
): ReturnType<SopWorkflowServices[K]> {
  return strapi.plugin(PLUGIN_ID).service(name) as ReturnType<SopWorkflowServices[K]>;
}

/**
 * Adds scheduled jobs unless CRON_ENABLED=false (`server.cron.enabled`): Strapi itself starts every job a
 * plugin adds whatever that setting says, and honours it only for the jobs of the app's own config.
 */
export function scheduleJobs(strapi: Core.Strapi, jobs: Parameters<Core.Strapi['cron']['add']>[0]): void {
  if (strapi.config.get('server.cron.enabled', true)) strapi.cron.add(jobs);
}

/** What knex.raw resolves to: better-sqlite3 gives the rows, pg a result with `rows`. */
export type RawResult<T> = T[] | { rows?: T[] };

/** The rows of a raw `… RETURNING` statement on either database. */
export function returnedRows<T>(result: RawResult<T>): T[] {
  return Array.isArray(result) ? result : (result.rows ?? []);
}
