import type { Core } from '@strapi/strapi';
import { UID, enabled, getService } from './utils';

/**
 * The worker reacts at once to this instance's own outbox rows: a new row wakes it as soon as the
 * transaction that wrote it commits (a wake-up before the commit would find nothing to read). Rows written
 * by other instances are found by its periodic look.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.db.lifecycles.subscribe({
    models: [UID.notification],
    async afterCreate() {
      if (!enabled(strapi)) return;
      const wake = () => getService(strapi, 'worker').wake();
      if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(wake));
      else wake();
    },
  });
};
