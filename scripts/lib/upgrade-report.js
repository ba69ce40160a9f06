'use strict';

/**
 * What an upgrade must keep, read the same way from the release that wrote a fixture
 * (scripts/upgrade-fixtures.mjs) and from today's code on a copy of it (tests/integration/upgrade.test.ts).
 * (CommonJS, so that both the .mjs script and the TypeScript test load it.)
 */
const HISTORY_TABLES = ['inquiries', 'inquiry_events', 'notifications', 'survey_responses', 'divisions', 'up_users', 'admin_users'];

/** Per content type: the fields compared as they are, and the times compared as instants. */
const SAMPLES = {
  inquiries: ['api::inquiry.inquiry', ['code', 'kind', 'channel', 'status', 'outcome', 'subject', 'routedDivisionId', 'triageBreached', 'answerWorkingMinutes'], ['receivedAt', 'answeredAt', 'closedAt']],
  events: ['api::inquiry-event.inquiry-event', ['type', 'actorType', 'actorName', 'public'], ['at']],
  notifications: ['api::notification.notification', ['channel', 'topic', 'status', 'idempotencyKey', 'attempts'], ['sentAt']],
};

const iso = (value) => (value === null || value === undefined ? null : new Date(value).toISOString());

/** The first five and the last five rows by id, with those fields. */
async function sample(strapi, [uid, fields, dates]) {
  const rows = await strapi.db.query(uid).findMany({ select: ['id', ...fields, ...dates], orderBy: { id: 'asc' } });
  return rows
    .filter((_, k) => k < 5 || k >= rows.length - 5)
    .map((row) => Object.fromEntries([['id', row.id], ...fields.map((f) => [f, row[f] ?? null]), ...dates.map((f) => [f, iso(row[f])])]));
}

/** The row counts of the history and the samples, as one object. */
async function upgradeReport(strapi) {
  const knex = strapi.db.connection;
  const counts = {};
  for (const table of HISTORY_TABLES) counts[table] = Number((await knex(table).count({ n: '*' }))[0].n);
  const samples = {};
  for (const [name, spec] of Object.entries(SAMPLES)) samples[name] = await sample(strapi, spec);
  return { counts, ...samples };
}

module.exports = { upgradeReport };
