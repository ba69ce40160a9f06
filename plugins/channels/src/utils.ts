import type { Core } from '@strapi/strapi';
import { SITE_PAGES, trackingPath } from '@layanan/config';
import { officeAddressLine, officeFullName } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';
import type { ChannelsServices } from './services';
import type { ChannelsConfig } from './config';

export const PLUGIN_ID = 'channels';

export const UID = {
  message: 'plugin::channels.message',
  contact: 'plugin::channels.contact',
  state: 'plugin::channels.state',
  inquiry: 'api::inquiry.inquiry',
  notification: 'api::notification.notification',
} as const;

export function getService<K extends keyof ChannelsServices>(strapi: Core.Strapi, name: K): ReturnType<ChannelsServices[K]> {
  return strapi.plugin(PLUGIN_ID).service(name) as ReturnType<ChannelsServices[K]>;
}

export function configOf(strapi: Core.Strapi): ChannelsConfig {
  return strapi.config.get(`plugin::${PLUGIN_ID}`) as ChannelsConfig;
}

/** The one source of "now": the workflow's clock, which tests move instead of waiting. */
export function now(strapi: Core.Strapi): Date {
  return strapi.plugin('sop-workflow').service('clock').now() as Date;
}

/** The Dinas as its messages sign, from the Profil Dinas: "Dinas … Kota Probolinggo" and its postal line. */
export async function officeOf(strapi: Core.Strapi): Promise<{ name: string; address: string }> {
  const profile = await sop(strapi, 'office').current();
  return { name: officeFullName(profile), address: officeAddressLine(profile) };
}

/** The citizen's tracking link (`<publicUrl>/lacak/<code>?token=…`), or undefined without a token. */
export function trackingUrl(strapi: Core.Strapi, code: string, token: unknown): string | undefined {
  if (typeof token !== 'string' || !token) return undefined;
  return `${configOf(strapi).publicUrl.replace(/\/$/, '')}${trackingPath(code, token)}`;
}

/** The privacy notice's public page (`<publicUrl>/privasi`): short enough for a chat message or an SMS. */
export function privacyUrl(strapi: Core.Strapi): string {
  return `${configOf(strapi).publicUrl.replace(/\/$/, '')}${SITE_PAGES.privacy}`;
}

/**
 * `round` one run at a time: a call while it runs makes it run once more afterwards (so an item stored
 * meanwhile is not left waiting) and shares that run's promise; `settled()` resolves once no run is under way.
 */
export function serialRounds(round: () => Promise<void>): { run(): Promise<void>; settled(): Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  return {
    run() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await round();
        } while (again);
      })().finally(() => {
        running = null;
      });
      return running;
    },
    settled: async () => {
      await running;
    },
  };
}
