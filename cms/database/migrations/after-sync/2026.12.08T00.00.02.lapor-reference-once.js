'use strict';

/**
 * A LAPOR! report is recorded once: a unique index on its tracking number refuses the second, whatever path
 * it takes and however two imports race. A database that already holds one report twice (typed by hand
 * before the index existed) cannot take it: the start goes on, the log names the numbers, and this migration
 * runs again at each start until an officer has corrected them.
 */
const CHANNEL = 'lapor_sp4n';
const NAME = `inquiries_${CHANNEL}_ref_uq`;

module.exports = {
  async up(knex, db) {
    const twice = await knex('inquiries')
      .select('external_ref')
      .where('channel', CHANNEL)
      .whereNotNull('external_ref')
      .groupBy('external_ref')
      .havingRaw('count(*) > 1')
      .limit(10);
    if (twice.length > 0) {
      const refs = twice.map((row) => `#${row.external_ref}`).join(', ');
      db.logger.warn(`[sop-workflow] LAPOR! reports recorded more than once (${refs}): the database cannot refuse duplicates yet; correct them and restart.`);
      return false;
    }
    await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ${NAME} ON inquiries (external_ref) WHERE channel = '${CHANNEL}'`);
    return true;
  },
};
