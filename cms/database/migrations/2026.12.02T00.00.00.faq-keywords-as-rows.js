'use strict';

/**
 * An FAQ entry's keywords were one JSON column (a list of strings); they became rows of a repeatable
 * component that editors fill in without JSON. As with the office hours, Strapi drops the old column when
 * it syncs the schema, right after the migrations, and the component's tables exist only after that sync:
 * this keeps the lists aside, per row (draft and published alike), and the CMS's bootstrap turns them into
 * rows (cms/src/faq-keywords.ts) and drops the table.
 */
const ENTRIES = 'faq_entries';
const KEPT = 'faq_entry_keywords_json';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(ENTRIES)) || !(await knex.schema.hasColumn(ENTRIES, 'keywords'))) return;
    if (!(await knex.schema.hasTable(KEPT))) {
      await knex.schema.createTable(KEPT, (table) => {
        table.integer('entry_id').notNullable();
        table.text('keywords');
      });
    }
    const entries = await knex(ENTRIES).select('id', 'keywords');
    for (const entry of entries) {
      const json = typeof entry.keywords === 'string' || entry.keywords === null ? entry.keywords : JSON.stringify(entry.keywords);
      await knex(KEPT).insert({ entry_id: entry.id, keywords: json });
    }
  },
};
