import type { Core } from '@strapi/strapi';

export default ({ env }: { env: Core.Config.Shared.ConfigParams['env'] }) => ({
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
    },
  },
  channels: {
    enabled: !env.bool('BENCH_BASELINE', false),
    resolve: '../plugins/channels',
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
      delivery: {
        maxAttempts: env.int('TELEGRAM_MAX_ATTEMPTS', 20),
        requestTimeoutMs: env.int('TELEGRAM_REQUEST_TIMEOUT', 30) * 1000,
      },
    },
  },
});
