'use strict';

const { CHANNELS, citizenOutboxChannel } = require('@layanan/config');

/**
 * Releases before 1 December 2026 wrote the citizen's receipt and answer to the outbox on the request's bare
 * channel name (`email`, `telegram` …) with the key `received:<documentId>` or `answered:<documentId>`; today's
 * engine routes them from `citizen:<channel>` only, so such a row still waiting would never leave. They are
 * moved over, done ones too (one name per kind of row in the history). Staff alerts and the rows fanned out to
 * the media keep theirs: their keys carry more than one colon, or other words.
 */
module.exports = {
  async up(knex) {
    for (const channel of CHANNELS) {
      await knex('notifications')
        .where('channel', channel)
        .where((query) => query.where('idempotency_key', 'like', 'received:%').orWhere('idempotency_key', 'like', 'answered:%'))
        .whereNot('idempotency_key', 'like', '%:%:%')
        .update({ channel: citizenOutboxChannel(channel) });
    }
  },
};
