'use strict';

/**
 * The Telegram updates already handled (a webhook retried or a poll repeated is handled once). Releases
 * before this one made the table at start-up: it is left as it is.
 */
const UPDATES = 'telegram_updates';

module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable(UPDATES)) return;
    await knex.schema.createTable(UPDATES, (table) => {
      table.bigInteger('update_id').primary();
      table.bigInteger('received_at').notNullable().index();
    });
  },
};
