'use strict';

/**
 * Each good backup (`npm run backup`, or the server's own on BACKUP_CRON) is recorded here by the backup
 * script, which runs outside Strapi and writes the row directly; the health check reads the newest.
 * Times in epoch milliseconds: one representation on SQLite and PostgreSQL.
 */
const TABLE = 'backup_runs';

module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable(TABLE)) return;
    await knex.schema.createTable(TABLE, (table) => {
      table.increments('id');
      table.bigInteger('finished_at').notNullable().index();
      table.string('file', 255).notNullable();
      table.bigInteger('bytes').notNullable();
      table.integer('duration_ms').notNullable();
    });
  },
};
