'use strict';

/**
 * The channels' inbox (each message stored before it is handled, once per channel and key), the cursors that
 * mark what a source has given, and the leases that let one instance at a time poll a source. Releases before
 * this one made them at start-up: they are left as they are.
 */
const INBOX = 'channel_inbox';
const CURSORS = 'channel_cursors';
const LEASES = 'channel_leases';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(INBOX))) {
      await knex.schema.createTable(INBOX, (table) => {
        table.increments('id');
        table.string('channel', 40).notNullable();
        table.string('key', 400).notNullable();
        table.text('payload');
        table.bigInteger('received_at').notNullable();
        table.bigInteger('processed_at').index();
        table.string('outcome', 60);
        table.integer('attempts').notNullable().defaultTo(0);
        table.text('last_error');
        table.unique(['channel', 'key']);
      });
    }
    if (!(await knex.schema.hasTable(CURSORS))) {
      await knex.schema.createTable(CURSORS, (table) => {
        table.string('name', 200).primary();
        table.text('value').notNullable();
      });
    }
    if (!(await knex.schema.hasTable(LEASES))) {
      await knex.schema.createTable(LEASES, (table) => {
        table.string('name', 200).primary();
        table.string('owner', 100).notNullable();
        table.bigInteger('expires_at').notNullable();
      });
    }
  },
};
