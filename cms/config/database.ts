import path from 'path';
import type { Core } from '@strapi/strapi';

interface SqliteConnection {
  pragma(statement: string): unknown;
  prepare(sql: string): unknown;
}

/** Prepared statements kept per connection, the least recently used dropped first. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * knex prepares every statement afresh; preparing is a good part of a small write's cost on SQLite. The same
 * SQL text gets the same prepared statement back (better-sqlite3 runs `all`/`run` synchronously, so a statement
 * is never in use twice at once, and SQLite prepares it again by itself after a schema change).
 */
export function reusePreparedStatements(connection: SqliteConnection, size = STATEMENT_CACHE_SIZE): void {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, unknown>();
  connection.prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (statement) cache.delete(sql);
    else statement = prepare(sql);
    cache.set(sql, statement);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return statement;
  };
}

/** SQLite by default (embedded, one file); PostgreSQL when DATABASE_URL is set. */
export default ({ env }: { env: Core.Config.Shared.ConfigParams['env'] }) => {
  const url = env('DATABASE_URL');
  if (url) {
    return {
      connection: {
        client: 'postgres',
        connection: { connectionString: url, schema: env('DATABASE_SCHEMA', 'public'), ssl: env.bool('DATABASE_SSL', false) },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: 60000,
      },
    };
  }
  const filename = env('DATABASE_FILENAME', path.join(__dirname, '..', '..', '.tmp', 'data.db'));
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: path.resolve(filename) },
      useNullAsDefault: true,
      pool: {
        // Write-ahead log: readers never wait for the writer, and a commit survives a crash of the process
        // without a disk flush each time (synchronous=NORMAL); the file stays consistent on power loss.
        afterCreate: (connection: SqliteConnection, done: (error: Error | null, connection: SqliteConnection) => void) => {
          connection.pragma('journal_mode = WAL');
          connection.pragma('synchronous = NORMAL');
          reusePreparedStatements(connection);
          done(null, connection);
        },
      },
    },
  };
};
