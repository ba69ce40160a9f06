import { Client, type ClientConfig } from 'pg';
import type { Core } from '@strapi/strapi';

/** Any constant shared by every instance of the product; pg_advisory_lock takes a 64-bit key. */
const LOCK_KEY = 4_661_503_021;

interface DatabaseConfig {
  client: string;
  connection: ClientConfig;
}

/**
 * Instances started together on one PostgreSQL database would each create Strapi's tables and seed the
 * reference data at once, and one dies on a duplicate type or key. A session-level advisory lock, held
 * from register until the app's bootstrap has seeded, lets them take their turn: the first creates, the
 * others find everything in place. The lock lives on a connection of its own, so Strapi's pool is free to
 * do the work, and it dies with the process if the boot fails.
 */
export async function holdFirstBootLock(strapi: Core.Strapi): Promise<() => Promise<void>> {
  const database = strapi.config.get('database.connection') as DatabaseConfig;
  if (database.client !== 'postgres') return async () => {};
  const client = new Client(database.connection);
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    try {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    } finally {
      await client.end();
    }
  };
}
