import type { Core } from '@strapi/strapi';

/** The server's own backups (scripts/backup.mjs on a schedule): off unless BACKUP_CRON is a cron rule. */
export default ({ env }: { env: Core.Config.Shared.ConfigParams['env'] }) => ({
  cron: env('BACKUP_CRON', ''),
});
