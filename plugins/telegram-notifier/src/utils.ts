import type { Core } from '@strapi/strapi';
import type { OutboxRow } from '@layanan/sop-workflow';
import type { Update } from 'node-telegram-bot-api';
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

/**
 * The citizens' side of the bot, as the channels plugin provides it (its `telegram` service): the notifier
 * hands it the updates of chats that are not staff chats and delivers its rows on the bot's one lane, but
 * knows nothing of inquiries, receipts or the conversation log.
 */
export interface CitizenChats {
  /** Stores (then processes) a citizen's message; rejects when it could not be stored. Resolves to an immediate reply, if any. */
  accept(update: Update): Promise<string | null>;
  greeting(): Promise<string>;
  attach(outboxChannel: string): Promise<void>;
  owns(row: OutboxRow): boolean;
  compose(row: OutboxRow): Promise<{ text: string; entities: { type: 'bold'; offset: number; length: number }[]; replyTo: number | null } | null>;
  afterSent(row: OutboxRow, messageId: string | null): Promise<void>;
  afterFailed(row: OutboxRow, cause: string): Promise<void>;
  /** What a `getUpdates` of the long poll answered, for the channel's state; `message` in an officer's words, no secret. */
  polled(outcome: PollOutcome): Promise<void>;
}

export type PollOutcome = { ok: true } | { ok: false; credential: boolean; message: string };

/** Null when the channels plugin is not loaded: then every chat that is not linked gets the staff refusal. */
export function citizenChats(strapi: Core.Strapi): CitizenChats | null {
  return (strapi.plugin('channels')?.service('telegram') as CitizenChats | undefined) ?? null;
}
