import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const LIST_OPERATORS = new Set(['$and', '$or', '$in', '$notIn', '$between']);

/** The path of the first list operator given something other than a list, or null. */
export function malformedOperator(value: unknown, path: string): string | null {
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}[${key}]`;
    if (LIST_OPERATORS.has(key) && !Array.isArray(child)) return childPath;
    const nested = malformedOperator(child, childPath);
    if (nested) return nested;
  }
  return null;
}

/**
 * The query engine throws (a 500) on `$or` given an object, as some clients serialise arrays without
 * indices. That is the client's mistake, so it gets a 400 that says how to write it.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => async (ctx: { query: Record<string, unknown> }, next: () => Promise<void>) => {
  const path = malformedOperator(ctx.query.filters, 'filters');
  if (path) {
    throw new errors.ValidationError(`${path} harus berupa daftar, misalnya ${path}[0][field]=nilai.`, { path });
  }
  await next();
};
