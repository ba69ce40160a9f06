'use strict';

const { nameKey } = require('@layanan/config');

/**
 * The staff search finds a request by any part of the applicant's name, whatever its capitals and accents,
 * through a private column holding the name as the search compares it (config's nameKey). New and edited
 * applicants get it from the workflow's intake guard; this adds the column and fills it for the applicants
 * recorded before, so Strapi's schema sync finds it in place.
 */
const APPLICANTS = 'components_inquiry_applicants';
const COLUMN = 'name_key';
const BATCH = 500;

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(APPLICANTS)) || (await knex.schema.hasColumn(APPLICANTS, COLUMN))) return;
    await knex.schema.alterTable(APPLICANTS, (table) => {
      table.string(COLUMN, 255);
    });
    for (let after = 0; ; ) {
      const rows = await knex(APPLICANTS).select('id', 'name').where('id', '>', after).whereNotNull('name').orderBy('id').limit(BATCH);
      if (rows.length === 0) break;
      for (const row of rows) await knex(APPLICANTS).where('id', row.id).update({ [COLUMN]: nameKey(row.name).slice(0, 255) });
      after = rows[rows.length - 1].id;
    }
  },
};
