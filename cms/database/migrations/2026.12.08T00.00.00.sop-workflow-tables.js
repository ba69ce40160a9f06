'use strict';

/**
 * The workflow's own tables, beside the content types: the per-month counters of the request codes, and on
 * PostgreSQL the rate limiter's windows that every instance shares (SQLite runs one instance and counts in
 * memory). Releases before this one made them at start-up: they are left as they are.
 */
const CODE_COUNTERS = 'inquiry_code_counters';
const RATE_LIMITS = 'public_rate_limits';

module.exports = {
  async up(knex, db) {
    if (!(await knex.schema.hasTable(CODE_COUNTERS))) {
      await knex.schema.createTable(CODE_COUNTERS, (table) => {
        table.string('period', 16).primary();
        table.integer('value').notNullable();
      });
    }
    if (db.dialect.client === 'postgres' && !(await knex.schema.hasTable(RATE_LIMITS))) {
      await knex.schema.createTable(RATE_LIMITS, (table) => {
        table.string('bucket', 200).primary();
        table.integer('hits').notNullable();
        table.bigInteger('window_start').notNullable().index();
      });
    }
  },
};
