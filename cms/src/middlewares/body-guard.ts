import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const MAX_DEPTH = 32;

/** The path of the first string or key holding a NUL byte, or null. */
export function nulPath(value: unknown, path = 'data', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\0') ? path : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}.${key}`;
    if (key.includes('\0')) return childPath;
    const found = nulPath(child, childPath, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Signed by their sender and acknowledged as they come (or retried for a day): they strip NUL themselves. */
const SIGNED_WEBHOOKS = new Set(['/api/channels/meta/webhook']);

/**
 * A NUL byte in a JSON body is valid JSON but no valid text for PostgreSQL ("invalid byte sequence"), so it
 * is refused here, before any route writes or compares it, on SQLite alike.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) =>
  async (ctx: { path: string; request: { body?: unknown } }, next: () => Promise<void>) => {
    if (ctx.path.startsWith('/api/') && !SIGNED_WEBHOOKS.has(ctx.path)) {
      const path = nulPath(ctx.request.body);
      if (path) throw new errors.ValidationError('Isian berisi karakter yang tidak diizinkan (NUL).', { path });
    }
    await next();
  };
