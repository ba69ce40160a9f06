/**
 * The production server, as systemd starts it (deploy/layanan-informasi.service) and `npm start` after its
 * build: the compiled CMS (cms/dist, from `npm run build`) run as `strapi start` runs it, from cms/ (relative
 * paths in the environment are read from there), with a clean stop on SIGTERM or SIGINT:
 *   1. the port is closed: no new connection is taken (a load balancer moves on to another instance);
 *   2. requests under way finish (up to REQUEST_GRACE_MS), each connection closed once its answer is out;
 *   3. Strapi is destroyed: every plugin stops its timers, pollers and outbox workers and gives its leases
 *      back, the database pool closes; then the process exits 0.
 * If all that takes longer than STOP_DEADLINE_MS the process exits 1 anyway, before systemd's own kill.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { CMS } from './lib/env-file.mjs';

const REQUEST_GRACE_MS = 4000;
const STOP_DEADLINE_MS = 9500;

process.chdir(CMS);
const { createStrapi } = createRequire(path.join(CMS, 'package.json'))('@strapi/strapi');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Closes the port, then each keep-alive connection as it goes idle; true once all are closed, false after `ms`. */
async function drain(server, ms) {
  let closed = false;
  server.close(() => (closed = true));
  const deadline = performance.now() + ms;
  while (!closed && performance.now() < deadline) {
    server.closeIdleConnections();
    await sleep(50);
  }
  return closed;
}

const strapi = createStrapi({ appDir: CMS, distDir: path.join(CMS, 'dist') });

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  setTimeout(() => {
    console.error(`[serve] not stopped within ${STOP_DEADLINE_MS / 1000} s after ${signal}: exiting anyway.`);
    process.exit(1);
  }, STOP_DEADLINE_MS).unref();
  strapi.log.info(`[serve] ${signal}: taking no new requests, finishing those under way …`);
  const server = strapi.server?.httpServer;
  if (server?.listening) {
    const drained = await drain(server, REQUEST_GRACE_MS);
    if (!drained) strapi.log.warn(`[serve] requests still open after ${REQUEST_GRACE_MS / 1000} s are cut off.`);
  }
  await strapi.destroy();
  process.exit(0);
}

// createStrapi listens for both already, to destroy at once: open connections cut, requests under way lost.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.removeAllListeners(signal);
  process.on(signal, () => void stop(signal));
}
await strapi.start();
