import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID, getService, returnedRows, type RawResult } from '../utils';
import type { RateLimit } from '../config';

export const RATE_LIMIT_TABLE = 'public_rate_limits';

/**
 * A fixed window per client key, counted in the database so that every instance shares it. One atomic
 * upsert per request; old windows are pruned by the sweep.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensureTable(): Promise<void> {
    const knex = strapi.db.connection;
    if (await knex.schema.hasTable(RATE_LIMIT_TABLE)) return;
    await knex.schema.createTable(RATE_LIMIT_TABLE, (table) => {
      table.string('bucket', 200).primary();
      table.integer('hits').notNullable();
      table.bigInteger('window_start').notNullable().index();
    });
  },

  /** Counts one hit of `key` against the limit named `scope` in the plugin config; 429 past it. */
  async consume(scope: 'publicRateLimit' | 'trackRateLimit', key: string): Promise<void> {
    const { points, durationSeconds } = strapi.config.get(`plugin::${PLUGIN_ID}.${scope}`) as RateLimit;
    const windowMs = durationSeconds * 1000;
    const nowMs = getService(strapi, 'clock').now().getTime();
    const windowStart = Math.floor(nowMs / windowMs) * windowMs;
    const result = (await strapi.db.connection.raw(
      `INSERT INTO ${RATE_LIMIT_TABLE} (bucket, hits, window_start) VALUES (?, 1, ?)
       ON CONFLICT (bucket) DO UPDATE SET hits = ${RATE_LIMIT_TABLE}.hits + 1
       RETURNING hits`,
      [`${scope}:${key}:${windowStart}`, windowStart],
    )) as RawResult<{ hits: number | string }>;
    const rows = returnedRows(result);
    if (Number(rows[0].hits) > points) {
      const retryAfter = Math.ceil((windowStart + windowMs - nowMs) / 1000);
      throw new errors.RateLimitError('Terlalu banyak permintaan dari alamat ini. Silakan coba lagi beberapa saat lagi.', { retryAfter });
    }
  },

  async prune(before: Date): Promise<void> {
    await strapi.db.connection(RATE_LIMIT_TABLE).where('window_start', '<', before.getTime()).delete();
  },
});
