import type { Core } from '@strapi/strapi';
import { assertProductionSecrets } from '../src/secrets';

export default ({ env }: { env: Core.Config.Shared.ConfigParams['env'] }) => {
  assertProductionSecrets(env('NODE_ENV', 'development'), {
    APP_KEYS: env('APP_KEYS', ''),
    API_TOKEN_SALT: env('API_TOKEN_SALT', ''),
    ADMIN_JWT_SECRET: env('ADMIN_JWT_SECRET', ''),
    TRANSFER_TOKEN_SALT: env('TRANSFER_TOKEN_SALT', ''),
    JWT_SECRET: env('JWT_SECRET', ''),
    ENCRYPTION_KEY: env('ENCRYPTION_KEY', ''),
  });
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    proxy: env.bool('TRUST_PROXY', false),
    // Uploads live in <PUBLIC_DIR>/uploads: in production a data folder outside the code, kept across upgrades.
    dirs: { public: env('PUBLIC_DIR', './public') },
    app: { keys: env.array('APP_KEYS') },
    cron: { enabled: env.bool('CRON_ENABLED', true) },
    logger: { updates: { enabled: false } },
  };
};
