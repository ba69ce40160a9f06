import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID, getService, returnedRows, type RawResult } from '../utils';
import type { RateLimit } from '../config';

export const RATE_LIMIT_TABLE = 'public_rate_limits';

/** Windows the in-memory counter holds before it drops the ones already over. */
const MEMORY_SWEEP_AT = 10_000;

/** Where the hits of a window are counted: `hit` returns the count including this one. */
interface Counter {
  hit(bucket: string, windowStart: number, windowEnd: number, nowMs: number): Promise<number>;
  prune(beforeMs: number): Promise<void>;
}

/**
 * PostgreSQL: in the database, so that every instance shares the window. One atomic upsert per request;
 * old windows are pruned by the sweep.
 */
function tableCounter(strapi: Core.Strapi): Counter {
  return {
    async hit(bucket, windowStart) {
      const result = (await strapi.db.connection.raw(
        `INSERT INTO ${RATE_LIMIT_TABLE} (bucket, hits, window_start) VALUES (?, 1, ?)
         ON CONFLICT (bucket) DO UPDATE SET hits = ${RATE_LIMIT_TABLE}.hits + 1
         RETURNING hits`,
        [bucket, windowStart],
      )) as RawResult<{ hits: number | string }>;
      return Number(returnedRows(result)[0].hits);
    },
    async prune(beforeMs) {
      await strapi.db.connection(RATE_LIMIT_TABLE).where('window_start', '<', beforeMs).delete();
    },
  };
}

/**
 * SQLite: one process owns the file, so the window is counted in its memory. A count in the table would be
 * a write transaction of its own on every submission and every tracking look-up, queued behind SQLite's
 * single write lock with the submissions themselves. (A restart forgets the current windows: at worst a
 * client gets one more window's worth.)
 */
function memoryCounter(): Counter {
  const windows = new Map<string, { hits: number; end: number; start: number }>();
  return {
    async hit(bucket, windowStart, windowEnd, nowMs) {
      const own = windows.get(bucket);
      if (own) return (own.hits += 1);
      if (windows.size >= MEMORY_SWEEP_AT) for (const [key, window] of windows) if (window.end <= nowMs) windows.delete(key);
      windows.set(bucket, { hits: 1, start: windowStart, end: windowEnd });
      return 1;
    },
    async prune(beforeMs) {
      for (const [key, window] of windows) if (window.start < beforeMs) windows.delete(key);
    },
  };
}

/** A fixed window per client key: 429 with the seconds to wait once a key has used up its points. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let counter: Counter | null = null;
  const counterOf = () => (counter ??= strapi.db.dialect.client === 'postgres' ? tableCounter(strapi) : memoryCounter());

  return {
    /** Counts one hit of `key` against the limit named `scope` in the plugin config; 429 past it. */
    async consume(scope: 'publicRateLimit' | 'trackRateLimit' | 'accountRateLimit' | 'recoverRateLimit', key: string): Promise<void> {
      const { points, durationSeconds } = strapi.config.get(`plugin::${PLUGIN_ID}.${scope}`) as RateLimit;
      const windowMs = durationSeconds * 1000;
      const nowMs = getService(strapi, 'clock').now().getTime();
      const windowStart = Math.floor(nowMs / windowMs) * windowMs;
      const hits = await counterOf().hit(`${scope}:${key}:${windowStart}`, windowStart, windowStart + windowMs, nowMs);
      if (hits > points) {
        const retryAfter = Math.ceil((windowStart + windowMs - nowMs) / 1000);
        throw new errors.RateLimitError('Terlalu banyak permintaan dari alamat ini. Silakan coba lagi beberapa saat lagi.', { retryAfter });
      }
    },

    async prune(before: Date): Promise<void> {
      await counterOf().prune(before.getTime());
    },
  };
};
