import type { Core } from '@strapi/strapi';
import { UPDATES_TABLE } from './services/bot';
import { configOf, getService, now } from './utils';

const DAY = 24 * 3600_000;

async function ensureTables(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  await knex.raw('CREATE INDEX IF NOT EXISTS notifications_channel_status_recipient_idx ON notifications (channel, status, recipient)');
  if (await knex.schema.hasTable(UPDATES_TABLE)) return;
  await knex.schema.createTable(UPDATES_TABLE, (table) => {
    table.bigInteger('update_id').primary();
    table.bigInteger('received_at').notNullable().index();
  });
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureTables(strapi);
  const config = configOf(strapi);
  if (!config.token) {
    strapi.log.info('[telegram] TELEGRAM_BOT_TOKEN is not set: Telegram notifications are off.');
    return;
  }
  if (!config.publicUrl) strapi.log.warn('[telegram] PUBLIC_URL is not set: alerts go out without the "Buka di dasbor" button.');
  await getService(strapi, 'bot').start();
  getService(strapi, 'worker').start();
  strapi.log.info(`[telegram] notifier on (${config.webhookUrl ? 'webhook' : 'long polling'}).`);

  strapi.cron.add({
    telegramPrune: {
      task: async () => {
        const before = new Date(now(strapi).getTime() - 7 * DAY);
        try {
          await getService(strapi, 'bot').pruneUpdates(before);
          await getService(strapi, 'links').pruneCodes(before);
        } catch (error) {
          strapi.log.warn(`[telegram] pruning failed: ${(error as Error).message}`);
        }
      },
      options: { rule: '17 3 * * *' },
    },
  });
};
