import type { Core } from '@strapi/strapi';
import type { ChannelsServices } from './services';
import type { ChannelsConfig } from './config';

export const PLUGIN_ID = 'channels';

export const UID = {
  message: 'plugin::channels.message',
  contact: 'plugin::channels.contact',
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

/** The citizen's tracking link (`<publicUrl>/lacak/<code>?token=…`), or undefined without a token. */
export function trackingUrl(strapi: Core.Strapi, code: string, token: unknown): string | undefined {
  if (typeof token !== 'string' || !token) return undefined;
  return `${configOf(strapi).publicUrl.replace(/\/$/, '')}/lacak/${encodeURIComponent(code)}?token=${encodeURIComponent(token)}`;
}
