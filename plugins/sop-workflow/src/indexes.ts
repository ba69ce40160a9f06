import type { Core } from '@strapi/strapi';

export interface IndexSpec {
  table: string;
  name: string;
  columns: string[];
  unique?: boolean;
  /** A partial index: only the rows this SQL condition holds for (the same text on SQLite and PostgreSQL). */
  where?: string;
}

/** Names stay under PostgreSQL's 63 characters. */
export const index = (table: string, name: string, ...columns: string[]): IndexSpec => ({ table, name, columns });

/**
 * Enforced by the database rather than by Strapi's `unique` (a read before every insert, and not safe
 * between two instances).
 */
export const uniqueIndex = (table: string, column: string): IndexSpec => ({ table, name: `${table}_${column}_uq`, columns: [column], unique: true });

/** Creates what is missing; `superseded` names indexes a wider or unique one now serves, dropped first. */
export async function ensureIndexes(strapi: Core.Strapi, specs: IndexSpec[], superseded: string[] = []): Promise<void> {
  const knex = strapi.db.connection;
  for (const name of superseded) await knex.raw(`DROP INDEX IF EXISTS ${name}`);
  for (const { table, name, columns, unique, where } of specs) {
    await knex.raw(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${table} (${columns.join(', ')})${where ? ` WHERE ${where}` : ''}`);
  }
}
