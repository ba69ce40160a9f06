import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/** Strapi's own record of the migrations it ran; ours are kept there too, named `after-sync/<file>`. */
const TABLE = 'strapi_migrations';
export const AFTER_SYNC = 'after-sync';

/** `false` from `up`: it could not finish yet (data people must correct first); it runs again at the next start. */
interface Migration {
  up(knex: Knex, db: Core.Strapi['db']): Promise<void | boolean>;
}

/**
 * Strapi runs `database/migrations` before it creates and alters the content types' tables, so on a fresh
 * database those find no `inquiries` yet. What builds on the content types' tables (indexes, triggers) is in
 * `database/migrations/after-sync`, run here straight after Strapi's sync, in name order, each once and in a
 * transaction of its own, and recorded beside Strapi's (unless it says it could not finish yet). Every one of them also finds its objects already made
 * on a database whose earlier releases made them at start-up, and leaves them.
 */
export async function runAfterSyncMigrations(strapi: Core.Strapi): Promise<string[]> {
  const settings = strapi.db.config.settings as { runMigrations?: boolean; migrations: { dir: string } };
  const dir = path.join(settings.migrations.dir, AFTER_SYNC);
  if (settings.runMigrations === false || !existsSync(dir)) return [];
  const knex = strapi.db.connection;
  const done = new Set(((await knex(TABLE).select('name')) as { name: string }[]).map((row) => row.name));
  const pending = readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => ({ file, name: `${AFTER_SYNC}/${file}` }))
    .filter(({ name }) => !done.has(name));
  const ran: string[] = [];
  for (const { file, name } of pending) {
    const migration = require(path.join(dir, file)) as Migration;
    let finished: void | boolean;
    try {
      finished = await strapi.db.transaction(({ trx }) => migration.up(trx, strapi.db));
    } catch (error) {
      throw Object.assign(new Error(`Migration ${name} failed: ${(error as Error).message}`), { cause: error });
    }
    if (finished === false) continue;
    await knex(TABLE).insert({ name, time: new Date() });
    strapi.log.info(`[migrations] ${name}`);
    ran.push(name);
  }
  return ran;
}

export function afterSyncMigrations(strapi: Core.Strapi): void {
  strapi.hook('strapi::content-types.afterSync').register(async () => {
    await runAfterSyncMigrations(strapi);
  });
}
