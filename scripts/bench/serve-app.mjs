// The benchmark target of scripts/bench-telegram.mjs and scripts/bench-email.mjs: the compiled CMS (cms/dist)
// booted in this process as in production, its media pointed by the environment at the bench's fake servers,
// served on PORT; it makes staff accounts and counts rows for the bench over IPC. Started with fork() (IPC
// channel); not meant to be run by hand.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CMS = path.join(ROOT, 'cms');

let strapi;
const exit = (code) => process.exit(code);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => exit(0));
process.on('disconnect', () => exit(0));

let sequence = 0;

/** Staff accounts as an administrator would create them, each with a login token for the API. */
async function createStaff(role, division, count) {
  const roleRow = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: role } });
  const divisionRow = division ? await strapi.db.query('api::division.division').findOne({ where: { code: division } }) : null;
  const users = strapi.plugin('users-permissions').service('user');
  const jwt = strapi.plugin('users-permissions').service('jwt');
  const made = [];
  for (let i = 0; i < count; i += 1) {
    sequence += 1;
    const user = await users.add({
      username: `bench-${role}-${sequence}`,
      email: `bench-${role}-${sequence}@bench.local`,
      password: 'Rahasia-2026!',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: roleRow.id,
      fullName: `Staf ${sequence}`,
      division: divisionRow?.id ?? null,
    });
    made.push({ id: user.id, jwt: jwt.issue({ id: user.id }) });
  }
  return made;
}

/** Where the outbox rows of one channel stand. */
async function stats(channel) {
  const count = (where) => strapi.db.query('api::notification.notification').count({ where: { channel, ...where } });
  return { sent: await count({ status: 'sent' }), pending: await count({ status: 'pending' }), sending: await count({ status: 'sending' }), failed: await count({ status: 'failed' }) };
}

/** The requests of one channel: how many, and each one's reference at the medium (a Message-ID). */
async function inquiries(channel, withRefs) {
  const query = strapi.db.query('api::inquiry.inquiry');
  if (!withRefs) return { count: await query.count({ where: { channel } }) };
  const rows = await query.findMany({ where: { channel }, select: ['code', 'externalRef'] });
  return { count: rows.length, rows };
}

/** A channel's conversation rows and stored webhook items: citizens' messages kept, and what is left to process. */
async function conversation(channel) {
  const knex = strapi.db.connection;
  const count = async (query) => Number((await query.count({ n: '*' }).first()).n);
  return {
    inbound: await count(knex('channel_messages').where({ channel, direction: 'in' })),
    distinctInbound: Number((await knex('channel_messages').where({ channel, direction: 'in' }).countDistinct({ n: 'external_key' }).first()).n),
    outbound: await count(knex('channel_messages').where({ channel, direction: 'out' })),
    stored: await count(knex('channel_inbox').where({ channel })),
    unprocessed: await count(knex('channel_inbox').where({ channel }).whereNull('processed_at')),
  };
}

process.on('message', async (msg) => {
  try {
    if (msg.type === 'staff') process.send({ type: 'staff', staff: await createStaff(msg.role, msg.division, msg.count) });
    else if (msg.type === 'stats') process.send({ type: 'stats', ...(await stats(msg.channel ?? 'telegram')) });
    else if (msg.type === 'inquiries') process.send({ type: 'inquiries', ...(await inquiries(msg.channel, msg.withRefs)) });
    else if (msg.type === 'conversation') process.send({ type: 'conversation', ...(await conversation(msg.channel)) });
    else if (msg.type === 'limits') process.send({ type: 'limits', limits: strapi.plugin('sop-workflow').service('delivery').limits(msg.channel) });
    else if (msg.type === 'cursors') process.send({ type: 'cursors', count: Number((await strapi.db.connection('channel_cursors').count({ n: '*' }))[0].n) });
  } catch (error) {
    process.send({ type: 'error', message: String(error?.stack ?? error) });
  }
});

async function main() {
  strapi = await createStrapi({ appDir: CMS, distDir: path.join(CMS, 'dist') }).load();
  for (const plugin of ['sop-workflow', 'telegram-notifier', 'channels']) if (!strapi.plugin(plugin)) throw new Error(`the ${plugin} plugin is not loaded`);
  await strapi.listen();
  process.send({ type: 'ready', pid: process.pid });
}

main().catch((error) => {
  console.error('[bench] the CMS failed to start:', error);
  process.send?.({ type: 'failed', message: String(error?.message ?? error) });
  setTimeout(() => exit(1), 100);
});
