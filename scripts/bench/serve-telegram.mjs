// The benchmark target of scripts/bench-telegram.mjs: the compiled CMS (cms/dist) booted in this process,
// with the Telegram notifier pointed at the bench's fake Bot API server, served on PORT. Started with fork()
// (IPC channel); not meant to be run by hand.
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

async function stats() {
  const count = (where) => strapi.db.query('api::notification.notification').count({ where: { channel: 'telegram', ...where } });
  return { sent: await count({ status: 'sent' }), pending: await count({ status: 'pending' }), sending: await count({ status: 'sending' }), failed: await count({ status: 'failed' }) };
}

process.on('message', async (msg) => {
  try {
    if (msg.type === 'staff') process.send({ type: 'staff', staff: await createStaff(msg.role, msg.division, msg.count) });
    else if (msg.type === 'stats') process.send({ type: 'stats', ...(await stats()) });
  } catch (error) {
    process.send({ type: 'error', message: String(error?.stack ?? error) });
  }
});

async function main() {
  strapi = await createStrapi({ appDir: CMS, distDir: path.join(CMS, 'dist') }).load();
  if (!strapi.plugin('telegram-notifier')) throw new Error('the telegram-notifier plugin is not loaded');
  await strapi.listen();
  process.send({ type: 'ready', pid: process.pid });
}

main().catch((error) => {
  console.error('[bench telegram] failed to start:', error);
  process.send?.({ type: 'failed', message: String(error?.message ?? error) });
  setTimeout(() => exit(1), 100);
});
