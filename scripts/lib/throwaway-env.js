'use strict';
const { randomBytes } = require('node:crypto');

const secret = () => randomBytes(16).toString('base64');

/**
 * The environment of a CMS that runs for one test or benchmark on a throw-away database: fresh secrets,
 * no demo data, no cron, no admin panel, quiet logs. `overrides` adds to it or replaces any of it.
 * (CommonJS, so that both the .mjs scripts and the TypeScript test helpers load it.)
 */
function throwawayEnv(overrides = {}) {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    DEMO_DATA: 'false',
    LOG_LEVEL: 'error',
    CRON_ENABLED: 'false',
    SERVE_ADMIN: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    ...overrides,
  };
}

module.exports = { throwawayEnv };
