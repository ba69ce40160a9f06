import type { Core } from '@strapi/strapi';
import type { TelegramServices } from './services';
import type { TelegramConfig } from './config';

export const PLUGIN_ID = 'telegram-notifier';

export const UID = {
  link: 'plugin::telegram-notifier.telegram-link',
  linkCode: 'plugin::telegram-notifier.link-code',
  inquiry: 'api::inquiry.inquiry',
  notification: 'api::notification.notification',
  user: 'plugin::users-permissions.user',
  permission: 'plugin::users-permissions.permission',
} as const;

export const TELEGRAM_CHANNEL = 'telegram';
export const STAFF_CHANNEL = 'staff';

export function getService<K extends keyof TelegramServices>(strapi: Core.Strapi, name: K): ReturnType<TelegramServices[K]> {
  return strapi.plugin(PLUGIN_ID).service(name) as ReturnType<TelegramServices[K]>;
}

export function configOf(strapi: Core.Strapi): TelegramConfig {
  return strapi.config.get(`plugin::${PLUGIN_ID}`) as TelegramConfig;
}

export function enabled(strapi: Core.Strapi): boolean {
  return Boolean(configOf(strapi).token);
}

/** The one source of "now": the workflow's clock, which tests move instead of waiting. */
export function now(strapi: Core.Strapi): Date {
  return strapi.plugin('sop-workflow').service('clock').now() as Date;
}
