import type { Core } from '@strapi/strapi';
import { getService as sop, scheduleJobs } from '@layanan/sop-workflow';
import { TELEGRAM_CHANNEL, citizenChats, configOf, getService, now } from './utils';

const DAY = 24 * 3600_000;

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const config = configOf(strapi);
  if (!config.token) {
    strapi.log.info('[telegram] TELEGRAM_BOT_TOKEN is not set: Telegram notifications are off.');
    return;
  }
  if (!config.publicUrl) strapi.log.warn('[telegram] PUBLIC_URL is not set: alerts go out without the "Buka di dasbor" button.');
  // Citizens' rows are routed to the bot's lane before the first update can make one.
  const citizens = citizenChats(strapi);
  await citizens?.attach(TELEGRAM_CHANNEL);
  await getService(strapi, 'bot').start();
  const delivery = sop(strapi, 'delivery');
  delivery.register(getService(strapi, 'sender'));
  delivery.registerFanout(getService(strapi, 'fanout'));
  strapi.log.info(`[telegram] notifier on (${config.webhookUrl ? 'webhook' : 'long polling'})${citizens ? '; citizens who write to the bot become inquiries' : ''}.`);

  scheduleJobs(strapi, {
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
