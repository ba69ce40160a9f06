import { validateEmailEnv } from './email/config';
import { validateMetaEnv } from './meta/config';
import { validateLaporEnv } from './lapor/config';

export interface ChannelsConfig {
  /** Base URL of the public pages: the tracking link in a receipt is `<publicUrl>/lacak/<code>?token=…`. */
  publicUrl: string;
  /** The e-mail channel's environment (MAIL_IMAP_*, MAIL_SMTP_*, MAIL_FROM, MAIL_POLL_SECONDS …), read by email/config. */
  mail: Record<string, string | undefined>;
  /** The Meta channels' environment (META_*, WHATSAPP_*, MESSENGER_*, INSTAGRAM_*), read by meta/config. */
  meta: Record<string, string | undefined>;
  /** SP4N-LAPOR!'s environment (LAPOR_API_ROOT, LAPOR_API_TOKEN, LAPOR_MAIL_SENDERS, LAPOR_REPORT_URL), read by lapor/config. */
  lapor: Record<string, string | undefined>;
  /** Raw inbound messages (whole mails) are kept this many days for re-processing, then purged. */
  rawRetentionDays: number;
  /** At most this many receipts to one address per hour: a citizen (or a loop) writing ten times gets one. */
  receiptsPerAddressPerHour: number;
  /** A polled channel (the mailbox) without a successful poll for this many minutes is dead (CHANNEL_STALE_MINUTES). */
  channelStaleMinutes: number;
  /** A dead channel's alert waits this long; back before then, nobody is told (CHANNEL_ALERT_GRACE_SECONDS). */
  channelAlertGraceSeconds: number;
  /** Office hours without anything coming in that make a normally busy channel `diam` (CHANNEL_QUIET_HOURS; 0: never). */
  channelQuietHours: number;
}

const defaults: ChannelsConfig = {
  publicUrl: '',
  mail: {},
  meta: {},
  lapor: {},
  rawRetentionDays: 30,
  receiptsPerAddressPerHour: 1,
  channelStaleMinutes: 10,
  channelAlertGraceSeconds: 30,
  channelQuietHours: 0,
};

function validator(config: Partial<ChannelsConfig>): void {
  if (config.mail) validateEmailEnv(config.mail);
  if (config.meta) validateMetaEnv(config.meta);
  if (config.lapor) validateLaporEnv(config.lapor);
  if (config.publicUrl && !/^https?:\/\/[^\s/]+/.test(config.publicUrl)) throw new Error(`channels: PUBLIC_URL must be an http(s) URL, got ${JSON.stringify(config.publicUrl)}`);
  for (const name of ['rawRetentionDays', 'receiptsPerAddressPerHour', 'channelStaleMinutes'] as const) {
    const value = config[name];
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new Error(`channels: ${name} must be a whole number ≥ 1, got ${JSON.stringify(value)}`);
  }
  for (const name of ['channelAlertGraceSeconds', 'channelQuietHours'] as const) {
    const value = config[name];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw new Error(`channels: ${name} must be a whole number ≥ 0, got ${JSON.stringify(value)}`);
  }
}

export default { default: defaults, validator };
