// The target of the Telegram and e-mail benches and of the proofs (scripts/proof-*.mjs): the compiled CMS
// (cms/dist) booted in this process as in production, its media pointed by the environment at the fake
// servers, served on PORT; it makes staff accounts and Bidang, counts rows and reads the audit over IPC. PROOF_CLOCK_OFFSET_MS
// moves the workflow's clock ahead, as if the server had been down that long. Started with fork() (IPC
// channel); not meant to be run by hand.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi');
const { SOP_STEP_TABLE, columnOf, perStep, SOP_STEP } = createRequire(import.meta.url)('@layanan/config');

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
      username: `bench-${role}-${process.pid}-${sequence}`,
      email: `bench-${role}-${process.pid}-${sequence}@bench.local`,
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

/** Bidang beside the seeded two, as an editor would add them: `<prefix>1` … `<prefix><count>`. */
async function createDivisions(prefix, count) {
  const codes = [];
  for (let i = 1; i <= count; i += 1) {
    const code = `${prefix}${i}`;
    await strapi.documents('api::division.division').create({ data: { code, name: `Bidang ${code}`, topics: [], active: true } });
    codes.push(code);
  }
  return codes;
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

/** Every inquiry with its due times and event types, and the outbox rows, for a proof's audit. */
async function audit() {
  const knex = strapi.db.connection;
  const link = strapi.db.metadata.get('api::inquiry-event.inquiry-event').attributes.inquiry.joinTable;
  const stepColumns = SOP_STEP_TABLE.flatMap((s) => [columnOf(s.dueField), columnOf(s.breachedField)]);
  const inquiryRows = await knex('inquiries').select('id', 'code', 'status', 'channel', ...stepColumns, 'reminder_due_at');
  const eventRows = await knex(link.name).join('inquiry_events', 'inquiry_events.id', `${link.name}.${link.joinColumn.name}`).select(`${link.name}.${link.inverseJoinColumn.name} as inquiry`, 'inquiry_events.type', 'inquiry_events.detail');
  const events = new Map();
  for (const e of eventRows) {
    const detail = typeof e.detail === 'string' ? JSON.parse(e.detail) : e.detail;
    if (!events.has(e.inquiry)) events.set(e.inquiry, []);
    events.get(e.inquiry).push(detail?.step ? `${e.type}:${detail.step}` : e.type);
  }
  const inquiries = inquiryRows.map((r) => ({
    code: r.code,
    status: r.status,
    channel: r.channel,
    due: perStep((step) => Boolean(r[columnOf(SOP_STEP[step].dueField)])),
    dueAt: perStep((step) => r[columnOf(SOP_STEP[step].dueField)]),
    breached: perStep((step) => Boolean(r[columnOf(SOP_STEP[step].breachedField)])),
    reminderDueAt: r.reminder_due_at ? new Date(r.reminder_due_at).toISOString() : null,
    events: events.get(r.id) ?? [],
  }));
  const notifications = await knex('notifications').select('channel', 'topic', 'recipient', 'idempotency_key as key', 'status', 'attempts', 'last_error as lastError', 'external_id as externalId');
  return { now: getClock().now().toISOString(), inquiries, notifications };
}

/** Rows per table, to tell that a refused request wrote nothing. */
async function counts() {
  const tables = ['inquiries', 'inquiry_events', 'notifications', 'survey_responses', 'up_users', 'divisions', 'faq_entries', 'holidays', 'telegram_links', 'channel_messages'];
  const out = {};
  for (const table of tables) {
    if (await strapi.db.connection.schema.hasTable(table)) out[table] = Number((await strapi.db.connection(table).count({ n: '*' }))[0].n);
  }
  return out;
}

/** What no response may ever show: tracking-token hashes, password hashes, reset tokens (one set on each account). */
async function secrets() {
  const knex = strapi.db.connection;
  for (const user of await knex('up_users').select('id').whereNull('reset_password_token')) {
    await knex('up_users').where({ id: user.id }).update({ reset_password_token: `reset${user.id}x${Math.random().toString(36).slice(2, 14)}` });
  }
  const users = await knex('up_users').select('password', 'reset_password_token as reset');
  const tokens = await knex('inquiries').whereNotNull('tracking_token_hash').pluck('tracking_token_hash');
  return [...tokens, ...users.flatMap((u) => [u.password, u.reset])].filter(Boolean);
}

const getClock = () => strapi.plugin('sop-workflow').service('clock');
function moveClock(offsetMs) {
  if (offsetMs) getClock().use(() => new Date(Date.now() + offsetMs));
}

process.on('message', async (msg) => {
  try {
    if (msg.type === 'staff') process.send({ type: 'staff', staff: await createStaff(msg.role, msg.division, msg.count) });
    else if (msg.type === 'divisions') process.send({ type: 'divisions', codes: await createDivisions(msg.prefix, msg.count) });
    else if (msg.type === 'stats') process.send({ type: 'stats', ...(await stats(msg.channel ?? 'telegram')) });
    else if (msg.type === 'inquiries') process.send({ type: 'inquiries', ...(await inquiries(msg.channel, msg.withRefs)) });
    else if (msg.type === 'conversation') process.send({ type: 'conversation', ...(await conversation(msg.channel)) });
    else if (msg.type === 'limits') process.send({ type: 'limits', limits: strapi.plugin('sop-workflow').service('delivery').limits(msg.channel) });
    else if (msg.type === 'audit') process.send({ type: 'audit', ...(await audit()) });
    else if (msg.type === 'counts') process.send({ type: 'counts', counts: await counts() });
    else if (msg.type === 'secrets') process.send({ type: 'secrets', secrets: await secrets() });
    else if (msg.type === 'clock') {
      moveClock(msg.offsetMs);
      process.send({ type: 'clock', offsetMs: msg.offsetMs });
    }
    else if (msg.type === 'sweep') {
      const started = performance.now();
      const result = await strapi.plugin('sop-workflow').service('sweep').run();
      process.send({ type: 'sweep', ...result, ms: performance.now() - started });
    } else if (msg.type === 'channels') process.send({ type: 'channels', channels: await strapi.plugin('channels').service('channelHealth').list() });
    else if (msg.type === 'cursors') process.send({ type: 'cursors', count: Number((await strapi.db.connection('channel_cursors').count({ n: '*' }))[0].n) });
  } catch (error) {
    process.send({ type: 'error', message: String(error?.stack ?? error) });
  }
});

async function main() {
  strapi = await createStrapi({ appDir: CMS, distDir: path.join(CMS, 'dist') }).load();
  for (const plugin of ['sop-workflow', 'telegram-notifier', 'channels']) if (!strapi.plugin(plugin)) throw new Error(`the ${plugin} plugin is not loaded`);
  moveClock(Number(process.env.PROOF_CLOCK_OFFSET_MS ?? 0));
  await strapi.listen();
  process.send({ type: 'ready', pid: process.pid });
}

main().catch((error) => {
  console.error('[bench] the CMS failed to start:', error);
  process.send?.({ type: 'failed', message: String(error?.message ?? error) });
  setTimeout(() => exit(1), 100);
});
