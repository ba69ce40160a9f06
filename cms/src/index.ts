import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { seed } from './seed';
import { holdFirstBootLock } from './first-boot-lock';
import { afterSyncMigrations } from './after-sync-migrations';
import { labelOfficeHoursRows, upgradeOfficeHours } from './office-hours-upgrade';
import { faqKeywordsGuard, upgradeFaqKeywords } from './faq-keywords';
import { searchSynonymsGuard } from './search-synonyms';
import { uniqueFieldsGuard } from './unique-fields';
import { serveWebhookAhead } from './webhook-front';
import { checkpointInBackground } from './sqlite-checkpoints';
import { scheduleBackups } from './scheduled-backups';
import { scheduleJobs } from '@layanan/sop-workflow';
import { staffAccounts } from './extensions/users-permissions/staff-guard';
import type { RollupService } from './api/recap/services/rollup';

const rollup = (strapi: Core.Strapi) => strapi.service('api::recap.rollup') as unknown as RollupService;

const SURVEY = 'api::survey-response.survey-response';

/** Citizens' ratings are kept as given: written only by the public survey route, never edited in the admin panel. */
const surveysAsGiven: Modules.Documents.Middleware.Middleware = async (ctx, next) => {
  if (ctx.uid !== SURVEY) return next();
  if (['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft'].includes(ctx.action)) {
    throw new errors.ForbiddenError('Penilaian SKM hanya diisi oleh warga dan tidak dapat diubah atau dihapus.');
  }
  return next();
};

const ISSUED = 'api::issued-document.issued-document';

/** An issued document's record is what the file was: the admin panel shows it, nobody rewrites it. */
const issuedAsIssued: Modules.Documents.Middleware.Middleware = async (ctx, next) => {
  if (ctx.uid !== ISSUED) return next();
  if (['update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft'].includes(ctx.action)) {
    throw new errors.ForbiddenError('Catatan dokumen terbit tidak dapat diubah atau dihapus.');
  }
  return next();
};

let releaseFirstBoot: () => Promise<void> = async () => {};
let flushWebhookLog = () => {};
let stopCheckpoints: () => Promise<void> = async () => {};
let stopBackup = () => {};

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(surveysAsGiven);
    strapi.documents.use(issuedAsIssued);
    strapi.documents.use(faqKeywordsGuard);
    strapi.documents.use(searchSynonymsGuard);
    strapi.documents.use(uniqueFieldsGuard(strapi));
    strapi.documents.use(staffAccounts(strapi));
    releaseFirstBoot = await holdFirstBootLock(strapi);
    afterSyncMigrations(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    try {
      await upgradeOfficeHours(strapi);
      await labelOfficeHoursRows(strapi);
      await upgradeFaqKeywords(strapi);
      // Before the demo data, so that the recap's running totals count it as it is written (an instance
      // without the workflow, as the intake benchmark's bare Strapi, has no recap to keep them for).
      if (strapi.plugin('sop-workflow')) await rollup(strapi).ensure();
      await seed(strapi);
    } finally {
      await releaseFirstBoot();
    }
    if (strapi.plugin('sop-workflow')) {
      scheduleJobs(strapi, {
        recapRollupFold: {
          task: async () => {
            try {
              await rollup(strapi).fold();
            } catch (error) {
              strapi.log.warn(`[recap] folding the running totals failed: ${(error as Error).message}`);
            }
          },
          options: { rule: '*/1 * * * *' },
        },
      });
    }
    flushWebhookLog = serveWebhookAhead(strapi);
    stopCheckpoints = await checkpointInBackground(strapi);
    stopBackup = scheduleBackups(strapi);
  },

  async destroy() {
    stopBackup();
    flushWebhookLog();
    await stopCheckpoints();
  },
};
