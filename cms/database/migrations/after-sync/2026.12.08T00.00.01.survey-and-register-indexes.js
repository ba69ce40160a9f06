'use strict';

/**
 * The SKM takes one rating per answered request, even when two submissions race (the link table holds at
 * most one row per request), and the IKM reads ratings by time; the register of issued documents gives each
 * verification id once and each running number once a year. Releases before this one made the same indexes at
 * start-up: CREATE … IF NOT EXISTS leaves them.
 */
const STATEMENTS = [
  'CREATE UNIQUE INDEX IF NOT EXISTS survey_responses_inquiry_once ON survey_responses_inquiry_lnk (inquiry_id)',
  'CREATE INDEX IF NOT EXISTS survey_responses_at_idx ON survey_responses (at)',
  'CREATE UNIQUE INDEX IF NOT EXISTS issued_documents_verification_uq ON issued_documents (verification_id)',
  'CREATE UNIQUE INDEX IF NOT EXISTS issued_documents_serial_uq ON issued_documents (year, serial)',
];

module.exports = {
  async up(knex) {
    for (const statement of STATEMENTS) await knex.raw(statement);
  },
};
