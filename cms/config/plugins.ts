import type { Core } from '@strapi/strapi';
import { readEmailConfig } from '@layanan/channels/dist/email/config';

/** WhatsApp, Messenger and Instagram: each off until its own id and token are set (plus Meta's app secret and verify token). */
const LAPOR_SETTINGS = ['LAPOR_API_ROOT', 'LAPOR_API_TOKEN', 'LAPOR_MAIL_SENDERS', 'LAPOR_REPORT_URL'];

const META_SETTINGS = [
  'META_API_ROOT',
  'META_GRAPH_VERSION',
  'META_APP_SECRET',
  'META_VERIFY_TOKEN',
  'META_HUMAN_AGENT_TAG',
  'WHATSAPP_PHONE_NUMBER_ID',
  'WHATSAPP_ACCESS_TOKEN',
  'WHATSAPP_ANSWER_TEMPLATE',
  'WHATSAPP_MAX_MPS',
  'MESSENGER_PAGE_ID',
  'MESSENGER_PAGE_TOKEN',
  'INSTAGRAM_ACCOUNT_ID',
  'INSTAGRAM_ACCESS_TOKEN',
];

/** The e-mail channel's settings: without the hosts it is off (one line in the log says so). */
const MAIL_SETTINGS = [
  'MAIL_IMAP_HOST',
  'MAIL_IMAP_PORT',
  'MAIL_IMAP_SECURE',
  'MAIL_IMAP_USER',
  'MAIL_IMAP_PASS',
  'MAIL_IMAP_MAILBOX',
  'MAIL_SMTP_HOST',
  'MAIL_SMTP_PORT',
  'MAIL_SMTP_SECURE',
  'MAIL_SMTP_USER',
  'MAIL_SMTP_PASS',
  'MAIL_FROM',
  'MAIL_POLL_SECONDS',
  'MAIL_MAX_BYTES',
  'MAIL_ATTACHMENT_MAX_BYTES',
  'MAIL_RAW_RETENTION_DAYS',
  'MAIL_TLS_VERIFY',
];

/**
 * Staff mail (password resets) goes through the Dinas' own SMTP server, the one the e-mail channel sends
 * with, by Strapi's nodemailer provider. Without MAIL_SMTP_HOST there is none, and a reset is off: the
 * users-permissions extension then answers a request for one without sending anything.
 */
function staffMail(mail: Record<string, string | undefined>) {
  const { outbound, tlsVerify } = readEmailConfig(mail);
  if (!outbound) return {};
  const from = outbound.from.name ? `${outbound.from.name} <${outbound.from.address}>` : outbound.from.address;
  return {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: outbound.host,
        port: outbound.port,
        secure: outbound.secure,
        ...(outbound.user ? { auth: { user: outbound.user, pass: outbound.pass } } : {}),
        tls: { rejectUnauthorized: tlsVerify },
      },
      settings: { defaultFrom: from, defaultReplyTo: outbound.from.address },
    },
  };
}

export default ({ env }: { env: Core.Config.Shared.ConfigParams['env'] }) => ({
  email: staffMail(Object.fromEntries(MAIL_SETTINGS.map((name) => [name, env(name)]))),
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET'), jwt: { expiresIn: '12h' }, register: { allowedFields: [] } },
  },
  'sop-workflow': {
    // benchmark baseline only: bare Strapi without the SOP rules
    enabled: !env.bool('BENCH_BASELINE', false),
    resolve: '../plugins/sop-workflow',
    config: {
      sweepCron: env('SOP_SWEEP_CRON', '*/1 * * * *'),
      publicRateLimit: { points: env.int('PUBLIC_RATE_LIMIT', 10), durationSeconds: env.int('PUBLIC_RATE_WINDOW', 60) },
      trackRateLimit: { points: env.int('TRACK_RATE_LIMIT', 60), durationSeconds: env.int('PUBLIC_RATE_WINDOW', 60) },
      accountRateLimit: { points: env.int('ACCOUNT_RATE_LIMIT', 5), durationSeconds: env.int('ACCOUNT_RATE_WINDOW', 3600) },
      recoverRateLimit: { points: env.int('RECOVER_RATE_LIMIT', 5), durationSeconds: env.int('RECOVER_RATE_WINDOW', 3600) },
    },
  },
  channels: {
    enabled: !env.bool('BENCH_BASELINE', false),
    resolve: '../plugins/channels',
    config: {
      publicUrl: env('PUBLIC_URL', ''),
      // Read and checked by the channel's own settings (plugins/channels/src/email/config.ts).
      mail: Object.fromEntries(MAIL_SETTINGS.map((name) => [name, env(name)])),
      // Read and checked by plugins/channels/src/meta/config.ts.
      meta: Object.fromEntries(META_SETTINGS.map((name) => [name, env(name)])),
      // Read and checked by plugins/channels/src/lapor/config.ts.
      lapor: Object.fromEntries(LAPOR_SETTINGS.map((name) => [name, env(name)])),
      rawRetentionDays: env.int('MAIL_RAW_RETENTION_DAYS', 30),
      channelStaleMinutes: env.int('CHANNEL_STALE_MINUTES', 10),
      channelAlertGraceSeconds: env.int('CHANNEL_ALERT_GRACE_SECONDS', 30),
      channelQuietHours: env.int('CHANNEL_QUIET_HOURS', 0),
    },
  },
  'telegram-notifier': {
    enabled: !env.bool('BENCH_BASELINE', false),
    resolve: '../plugins/telegram-notifier',
    config: {
      token: env('TELEGRAM_BOT_TOKEN', ''),
      apiRoot: env('TELEGRAM_API_ROOT', 'https://api.telegram.org'),
      botUsername: env('TELEGRAM_BOT_USERNAME', ''),
      publicUrl: env('PUBLIC_URL', ''),
      webhookUrl: env('TELEGRAM_WEBHOOK_URL', ''),
      webhookSecret: env('TELEGRAM_WEBHOOK_SECRET', ''),
      notifyAnswered: env.bool('TELEGRAM_NOTIFY_ANSWERED', false),
      digestAfter: env.int('TELEGRAM_DIGEST_AFTER', 3),
      delivery: {
        maxAttempts: env.int('TELEGRAM_MAX_ATTEMPTS', 20),
        requestTimeoutMs: env.int('TELEGRAM_REQUEST_TIMEOUT', 30) * 1000,
      },
    },
  },
});
