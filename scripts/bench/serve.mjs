// One benchmark target: the compiled CMS (cms/dist) booted in this process and served on PORT.
// Started by scripts/bench-intake.mjs and scripts/bench-recap.mjs with fork() (IPC channel); not meant to be
// run by hand.
//
// BENCH_BASELINE=true: the sop-workflow plugin is disabled (cms/config/plugins.ts) and Strapi's core
// REST create of the inquiry content type is served to the public on POST /api/bench/core-create. Otherwise the app is served as in production and the
// bench hits POST /api/public/inquiries.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// The CommonJS build, as the app and the tests load it (Strapi's ESM build cannot be imported by Node).
const require = createRequire(import.meta.url);
const { createStrapi, factories } = require('@strapi/strapi');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CMS = path.join(ROOT, 'cms');
const INQUIRY = 'api::inquiry.inquiry';
const baseline = process.env.BENCH_BASELINE === 'true';
const role = baseline ? 'baseline' : 'intake';

let strapi;
let exiting = false;
function exit(code) {
  if (exiting) return;
  exiting = true;
  // The database is a throw-away temp file: no need to wait for a graceful destroy.
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => exit(0));
process.on('disconnect', () => exit(0)); // the parent went away
process.on('unhandledRejection', (error) => {
  console.error(`[bench ${role}] unhandled rejection:`, error);
});

/** SQL statements and their durations, switched on by the parent for the profile pass only. */
const profile = { on: false, queries: 0, sqlMs: 0, statements: [], cpu: null };

/**
 * Strapi's own REST create for the content type, as a public client reaches it: the users-permissions
 * check of the public role (allowed to create here), then the core controller's validation and
 * sanitisation of the input, the document service's create, and the sanitised response.
 */
async function serveCoreCreate() {
  const action = `${INQUIRY}.create`;
  const publicRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: publicRole.id } });
  const core = factories.createCoreController(INQUIRY)({ strapi });
  // Routes added after the start are not tagged as content API, so the route names its strategy itself:
  // the users-permissions one, from the plugin's build (a bundler wrapper, hence __require).
  const plugin = path.dirname(require.resolve('@strapi/plugin-users-permissions/strapi-server'));
  const usersPermissions = require(path.join(plugin, 'strategies', 'users-permissions.js')).__require();
  strapi.server.routes([
    {
      method: 'POST',
      path: '/api/bench/core-create',
      handler: (ctx) => core.create(ctx),
      config: { auth: { strategies: [usersPermissions], scope: [action] } },
    },
  ]);
}

async function main() {
  strapi = await createStrapi({ appDir: CMS, distDir: path.join(CMS, 'dist') }).load();

  const hasPlugin = Boolean(strapi.plugin('sop-workflow'));
  if (baseline === hasPlugin) {
    throw new Error(`${role} instance: sop-workflow plugin is ${hasPlugin ? 'loaded' : 'missing'}; expected ${baseline ? 'missing' : 'loaded'}`);
  }

  if (baseline) await serveCoreCreate();

  const knex = strapi.db.connection;
  // Every statement (BEGIN and COMMIT included) passes through the dialect client's _query, on the main
  // client and on transaction clients alike (they share its prototype). Timed only during the profile pass.
  const proto = Object.getPrototypeOf(knex.client);
  const runQuery = proto._query;
  proto._query = async function timedQuery(connection, obj) {
    if (!profile.on) return runQuery.call(this, connection, obj);
    const at = performance.now();
    try {
      return await runQuery.call(this, connection, obj);
    } finally {
      const ms = performance.now() - at;
      profile.queries += 1;
      profile.sqlMs += ms;
      if (profile.statements.length < 200) profile.statements.push({ sql: String(obj?.sql ?? obj), ms });
    }
  };

  await strapi.listen();
  process.send({ type: 'ready', role, hasPlugin, pid: process.pid });
}

async function count(uid) {
  try {
    return await strapi.db.query(uid).count({});
  } catch {
    return null;
  }
}

process.on('message', async (msg) => {
  try {
    if (msg.type === 'staff') {
      // A signed-in account of the given role, for benchmarks that call staff routes.
      const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: msg.role } });
      const user = await strapi.plugin('users-permissions').service('user').add({
        username: `bench-${msg.role}-${Date.now()}`,
        email: `bench-${msg.role}-${Date.now()}@bench.local`,
        password: 'Bench-2026!',
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: role.id,
      });
      process.send({ type: 'staff', jwt: strapi.plugin('users-permissions').service('jwt').issue({ id: user.id }) });
    } else if (msg.type === 'memory') {
      process.send({ type: 'memory', ...process.memoryUsage() });
    } else if (msg.type === 'stats') {
      process.send({
        type: 'stats',
        inquiries: await count(INQUIRY),
        events: await count('api::inquiry-event.inquiry-event'),
        notifications: await count('api::notification.notification'),
      });
    } else if (msg.type === 'profile-start') {
      Object.assign(profile, { on: true, queries: 0, sqlMs: 0, statements: [], cpu: process.cpuUsage() });
      process.send({ type: 'profile-started' });
    } else if (msg.type === 'profile-stop') {
      profile.on = false;
      const cpu = process.cpuUsage(profile.cpu);
      process.send({ type: 'profile', queries: profile.queries, sqlMs: profile.sqlMs, cpuMs: (cpu.user + cpu.system) / 1000, statements: profile.statements });
    }
  } catch (error) {
    process.send({ type: 'error', message: String(error?.stack ?? error) });
  }
});

main().catch((error) => {
  console.error(`[bench ${role}] failed to start:`, error);
  try {
    process.send?.({ type: 'failed', message: String(error?.message ?? error) });
  } finally {
    setTimeout(() => exit(1), 100);
  }
});
