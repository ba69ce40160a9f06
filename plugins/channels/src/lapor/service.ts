import type { Core } from '@strapi/strapi';
import { configOf } from '../utils';
import { manualAdapter, type LaporAdapter } from './adapter';
import { createLaporApi } from './api';
import { readLaporConfig, type LaporConfig } from './config';

/**
 * SP4N-LAPOR! inside the CMS: the adapter the settings choose (manual by default, the API with credentials),
 * the reports it brings in as requests of the `lapor_sp4n` channel, and the follow-ups it carries back.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let settings: LaporConfig | null = null;
  let adapter: LaporAdapter = manualAdapter;

  return {
    configured(): LaporConfig {
      settings ??= readLaporConfig(configOf(strapi).lapor);
      return settings;
    },

    adapter(): LaporAdapter {
      return adapter;
    },

    async start(): Promise<void> {
      const config = this.configured();
      if (!config.api) {
        strapi.log.info('[lapor] LAPOR_API_ROOT and LAPOR_API_TOKEN are not set: SP4N-LAPOR! is manual (reports pasted, imported or read from its mails; follow-ups uploaded by the officer).');
        return;
      }
      adapter = createLaporApi(config.api);
      strapi.log.info(`[lapor] on: follow-ups are posted to the LAPOR! API at ${config.api.root}.`);
    },

    async stop(): Promise<void> {
      adapter = manualAdapter;
    },
  };
};
