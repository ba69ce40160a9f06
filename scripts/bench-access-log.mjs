#!/usr/bin/env node
// npm run bench:access-log — what the access log (UU 27/2022 Pasal 31) costs the staff's screens: with demo
// requests seeded, the board's list and the request page are timed with the log recording and with its
// recording switched off, sample beside sample on the same server, and the medians compared.
// A measurement, not a test: it exits 0 whatever the figures (1 only if it could not run).
//
// Options: --inquiries=300 --rounds=6 --requests=60
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { CMS, compile, log, median, option } from './lib/bench.mjs';
import { throwawayEnv } from './lib/throwaway-env.js';

const require = createRequire(import.meta.url);
const INQUIRIES = Number(option('inquiries', 300));
const ROUNDS = Number(option('rounds', 6));
const REQUESTS = Number(option('requests', 60));

compile();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'layanan-bench-access-'));
Object.assign(process.env, throwawayEnv({ DATABASE_FILENAME: path.join(tmp, 'data.db'), DEMO_DATA: 'true', DEMO_INQUIRIES: String(INQUIRIES), LOG_LEVEL: 'error' }));
delete process.env.DATABASE_URL;
const { createStrapi } = require('@strapi/strapi');
const strapi = await createStrapi({ appDir: CMS, distDir: path.join(CMS, 'dist') }).load();
try {
  strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
  const { jwt } = await fetch(`${base}/api/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier: 'petugas@demo.local', password: 'Layanan2026!' }) }).then((r) => r.json());
  const auth = { authorization: `Bearer ${jwt}` };
  const board = `${base}/api/inquiries?filters[status][$in][0]=received&filters[status][$in][1]=triaged&filters[status][$in][2]=coordinated&pagination[pageSize]=100&populate[applicant]=true&populate[division]=true`;
  const ids = (await fetch(`${base}/api/inquiries?pagination[pageSize]=${REQUESTS}&fields[0]=documentId`, { headers: auth }).then((r) => r.json())).data.map((row) => row.documentId);

  const service = strapi.plugin('sop-workflow').service('accessLog');
  const record = service.record;
  const timed = async (url) => {
    const started = performance.now();
    const res = await fetch(url, { headers: auth });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return performance.now() - started;
  };
  const samples = { on: { board: [], page: [] }, off: { board: [], page: [] } };
  // Each sample with the log on is taken right beside one with it off, so the machine's load weighs on both alike.
  // A minute passes between two showings, so every "on" sample writes its row (none is one showing with the last).
  const clock = strapi.plugin('sop-workflow').service('clock');
  let now = Date.now();
  clock.use(() => new Date(now));
  const pair = async (kind, url) => {
    now += 61_000;
    for (const mode of ['on', 'off']) {
      service.record = mode === 'on' ? record : () => undefined;
      samples[mode][kind].push(await timed(url));
    }
  };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let i = 0; i < 10; i += 1) await pair('board', board);
    for (const id of ids) await pair('page', `${base}/api/inquiries/${id}?populate[applicant]=true`);
  }
  service.record = record;
  await service.flush();
  const written = await strapi.db.query('api::access-log.access-log').count({});
  const ms = (values) => `${median(values).toFixed(1)} ms`;
  log(`${INQUIRIES} requests seeded; ${ROUNDS} rounds, each sample on beside one off; ${written} access-log rows written`);
  log(`board list (100 open requests): log on ${ms(samples.on.board)}, off ${ms(samples.off.board)} (median of ${samples.on.board.length})`);
  log(`request page: log on ${ms(samples.on.page)}, off ${ms(samples.off.page)} (median of ${samples.on.page.length})`);
} finally {
  await strapi.destroy();
  rmSync(tmp, { recursive: true, force: true });
}
