import type { SenderLimits } from '@layanan/sop-workflow';

/**
 * Telegram's limits on the delivery engine: about 30 messages a second overall, one a second per chat, 20 a
 * minute per group, each with a margin so that network jitter never brings two sends closer than the limit.
 */
export interface DeliveryConfig extends Omit<SenderLimits, 'perRecipientIntervalMs' | 'groupPerMinute' | 'isGroup' | 'concurrency'> {
  perChatIntervalMs: number;
  groupPerMinute: number;
}

export interface TelegramConfig {
  /** Empty: the notifier stays off. */
  token: string;
  apiRoot: string;
  botUsername: string;
  /** Base URL of the dashboard links in the messages. */
  publicUrl: string;
  /** Empty: long polling (one instance). Set: Telegram posts updates there, so several instances can run. */
  webhookUrl: string;
  webhookSecret: string;
  /** Also tell the division when the officer has answered the citizen. */
  notifyAnswered: boolean;
  /** More than this many breach (or reminder) alerts of one step waiting for a chat are sent as one digest. */
  digestAfter: number;
  linkCodeMinutes: number;
  pollTimeoutSeconds: number;
  delivery: DeliveryConfig;
}

const defaults: TelegramConfig = {
  token: '',
  apiRoot: 'https://api.telegram.org',
  botUsername: '',
  publicUrl: '',
  webhookUrl: '',
  webhookSecret: '',
  notifyAnswered: false,
  digestAfter: 3,
  linkCodeMinutes: 15,
  pollTimeoutSeconds: 25,
  delivery: {
    globalPerSecond: 30,
    perChatIntervalMs: 1000,
    groupPerMinute: 20,
    marginMs: 50,
    maxAttempts: 20,
    backoffBaseMs: 5000,
    backoffMaxMs: 10 * 60_000,
    requestTimeoutMs: 30_000,
    leaseMs: 2 * 60_000,
  },
};

const SECRET_TOKEN = /^[A-Za-z0-9_-]{16,256}$/;

function problemOf(config: Partial<TelegramConfig>): string | null {
  if (config.apiRoot !== undefined && !/^https?:\/\/[^\s/]+/.test(config.apiRoot)) return `apiRoot must be an http(s) URL, got ${JSON.stringify(config.apiRoot)}`;
  if (config.publicUrl && !/^https?:\/\/[^\s/]+/.test(config.publicUrl)) return `PUBLIC_URL must be an http(s) URL, got ${JSON.stringify(config.publicUrl)}`;
  if (config.webhookUrl) {
    if (!/^https?:\/\/[^\s/]+/.test(config.webhookUrl)) return `TELEGRAM_WEBHOOK_URL must be an http(s) URL, got ${JSON.stringify(config.webhookUrl)}`;
    if (!config.webhookSecret || !SECRET_TOKEN.test(config.webhookSecret)) {
      return 'TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL: 16 to 256 characters of A-Z, a-z, 0-9, _ and -';
    }
  }
  if (config.digestAfter !== undefined && !(Number.isInteger(config.digestAfter) && config.digestAfter >= 1)) {
    return `TELEGRAM_DIGEST_AFTER must be a whole number ≥ 1, got ${JSON.stringify(config.digestAfter)}`;
  }
  for (const [name, value] of Object.entries(config.delivery ?? {})) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return `delivery.${name} must be a number ≥ 0, got ${JSON.stringify(value)}`;
  }
  if (config.delivery?.globalPerSecond === 0 || config.delivery?.maxAttempts === 0) return 'delivery.globalPerSecond and delivery.maxAttempts must be positive';
  return null;
}

function validator(config: Partial<TelegramConfig>): void {
  const problem = problemOf(config);
  if (problem) throw new Error(`telegram-notifier: ${problem}`);
}

export default { default: defaults, validator };
