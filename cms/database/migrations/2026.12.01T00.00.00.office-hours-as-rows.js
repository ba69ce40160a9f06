'use strict';

/**
 * Office hours were one JSON column on the SOP policy (per weekday, minutes after midnight); they became
 * rows of a repeatable component. Strapi drops the old column when it syncs the schema, right after the
 * migrations, and the component's table exists only after that sync. So this keeps the old tables aside,
 * and the CMS's bootstrap turns them into rows (cms/src/office-hours-upgrade.ts) and drops the table.
 */
const POLICIES = 'sop_policies';
const KEPT = 'sop_policy_office_hours_json';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(POLICIES)) || !(await knex.schema.hasColumn(POLICIES, 'office_hours'))) return;
    if (!(await knex.schema.hasTable(KEPT))) {
      await knex.schema.createTable(KEPT, (table) => {
        table.string('document_id').notNullable();
        table.text('office_hours');
      });
    }
    const policies = await knex(POLICIES).select('document_id', 'office_hours');
    for (const policy of policies) {
      const json = typeof policy.office_hours === 'string' || policy.office_hours === null ? policy.office_hours : JSON.stringify(policy.office_hours);
      await knex(KEPT).insert({ document_id: policy.document_id, office_hours: json });
    }
  },
};
