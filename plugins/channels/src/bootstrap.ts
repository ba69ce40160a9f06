import type { Core } from '@strapi/strapi';
import { scheduleJobs } from '@layanan/sop-workflow';
import { configOf, getService, now } from './utils';
import { registerPermissions } from './health/permissions';
import { reloadChannels } from './settings/reload';

const DAY = 24 * 3600_000;

/**
 * Routes the citizen's rows of every channel (delivery engine fan-outs), then starts the media whose
 * settings are present; each says in one log line when it is off.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerPermissions(strapi);
  const health = getService(strapi, 'channelHealth');
  health.watchSends();
  health.startWatching();
  getService(strapi, 'routing').registerAll();
  await getService(strapi, 'channelSettings').load();
  await getService(strapi, 'email').start();
  await getService(strapi, 'meta').start();
  await getService(strapi, 'lapor').start();

  scheduleJobs(strapi, {
    channelsPurge: {
      task: async () => {
        try {
          await getService(strapi, 'inbox').purge(new Date(now(strapi).getTime() - configOf(strapi).rawRetentionDays * DAY));
        } catch (error) {
          strapi.log.warn(`[channels] purging stored raw messages failed: ${(error as Error).message}`);
        }
      },
      options: { rule: '23 3 * * *' },
    },
    channelsSettings: {
      task: async () => {
        try {
          await reloadChannels(strapi, await getService(strapi, 'channelSettings').refresh());
        } catch (error) {
          strapi.log.warn(`[channels] reading the channel settings saved by another instance failed: ${(error as Error).message}`);
        }
      },
      options: { rule: '* * * * *' },
    },
    channelsHealth: {
      task: async () => {
        try {
          await health.sweep();
        } catch (error) {
          strapi.log.warn(`[channels] judging the channels' state failed: ${(error as Error).message}`);
        }
      },
      options: { rule: '* * * * *' },
    },
  });
};
