import type { DatabaseKind, TestApp } from './strapi';

/** The tables of the app's database, as the database itself lists them. */
export async function tableNames(app: TestApp, kind: DatabaseKind): Promise<string[]> {
  const knex = app.strapi.db.connection;
  return kind === 'postgres'
    ? ((await knex('pg_tables').where('schemaname', 'public').select('tablename')) as { tablename: string }[]).map((r) => r.tablename)
    : ((await knex('sqlite_master').where('type', 'table').select('name')) as { name: string }[]).map((r) => r.name);
}

/** The indexes of the app's database, by name. */
export async function indexNames(app: TestApp, kind: DatabaseKind): Promise<string[]> {
  const knex = app.strapi.db.connection;
  return kind === 'postgres'
    ? ((await knex('pg_indexes').where('schemaname', 'public').select('indexname')) as { indexname: string }[]).map((r) => r.indexname)
    : ((await knex('sqlite_master').where('type', 'index').select('name')) as { name: string }[]).map((r) => r.name);
}

/** The migrations recorded as run, Strapi's and the after-sync ones alike. */
export const recordedMigrations = async (app: TestApp): Promise<string[]> =>
  ((await app.strapi.db.connection('strapi_migrations').select('name')) as { name: string }[]).map((r) => r.name);
