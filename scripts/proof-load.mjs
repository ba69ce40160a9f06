#!/usr/bin/env node
// npm run proof:load — mixed traffic against one real CMS (cms/dist, SQLite by default, --db=postgres for a temp
// PostgreSQL database), rate limits raised for the run: public submissions, tracking look-ups, officer list and
// get, officer intake → triage → coordinate → answer on fresh inquiries, and the Bidang's list. Prints
// throughput and p50/p99 per route, then audits the database: every 2xx-created inquiry there exactly once with
// its events and due times, codes unique, outbox rows once per key; and no 5xx at all.
// Options: --connections=50 --seconds=60 --db=sqlite|postgres --no-compile.
import { compile, option } from './lib/bench.mjs';
import {
  Client,
  auditInquiries,
  freshArtifacts,
  keepForScan,
  logFileOf,
  loops,
  makeApplicant,
  newPii,
  printRoutes,
  proofEnv,
  publicBody,
  runProof,
  say,
  staffOf,
  startCms,
  tempDatabase,
  tempDir,
  walkInquiry,
} from './lib/proof.mjs';

const CONNECTIONS = Number(option('connections', 50));
const SECONDS = Number(option('seconds', 60));
const DB = option('db', 'sqlite');

runProof(async (verdict) => {
  if (option('no-compile', 'false') !== 'true') compile();
  freshArtifacts('load');
  const db = await tempDatabase(DB, tempDir('load'));
  const cms = await startCms({ env: proofEnv(db.env), logFile: logFileOf('load', 'cms') });
  const staff = await staffOf(cms);
  const client = new Client(cms.base);
  const pii = newPii();
  const acked = new Map();
  const tracked = [];
  const documentIds = [];

  const actions = [
    [40, async () => {
      const res = await client.call('public submit', 'POST', '/api/public/inquiries', { body: publicBody(makeApplicant(pii)) });
      if (res.status === 201) {
        acked.set(res.json.data.code, ['created']);
        tracked.push(res.json.data);
      }
    }],
    [20, async () => {
      const one = tracked[Math.floor(Math.random() * tracked.length)];
      if (one) await client.call('public track', 'GET', `/api/public/track/${one.code}?token=${encodeURIComponent(one.trackingToken)}`);
    }],
    [15, async () => {
      const res = await client.call('officer list', 'GET', '/api/inquiries?sort=triageDueAt:asc&pagination[pageSize]=25&filters[status][$eq]=received', { jwt: staff.officer.jwt });
      for (const row of res.json?.data ?? []) if (documentIds.length < 5000) documentIds.push(row.documentId);
    }],
    [10, async () => {
      const id = documentIds[Math.floor(Math.random() * documentIds.length)];
      if (id) await client.call('officer get', 'GET', `/api/inquiries/${id}`, { jwt: staff.officer.jwt });
    }],
    [10, () => walkInquiry(client, staff, makeApplicant(pii), acked)],
    [5, () => client.call('division list', 'GET', '/api/inquiries?pagination[pageSize]=25', { jwt: staff.dafduk.jwt })],
  ];
  const total = actions.reduce((sum, [weight]) => sum + weight, 0);
  const pick = () => {
    let r = Math.random() * total;
    for (const [weight, run] of actions) if ((r -= weight) < 0) return run;
    return actions[0][1];
  };

  say(`${CONNECTIONS} connections × ${SECONDS} s of mixed traffic on ${DB} …`);
  const started = Date.now();
  const end = started + SECONDS * 1000;
  await loops(CONNECTIONS, () => Date.now() >= end, () => pick()());
  const elapsed = (Date.now() - started) / 1000;

  const samples = client.samples;
  console.log(`\nLoad: ${samples.length} requests in ${elapsed.toFixed(1)} s = ${(samples.length / elapsed).toFixed(0)} req/s, ${acked.size} inquiries created`);
  printRoutes(samples);
  const serverErrors = samples.filter((s) => s.status >= 500);
  verdict.check('no 5xx under load', serverErrors.length === 0, `${serverErrors.length} of ${samples.length}`);
  const unanswered = samples.filter((s) => s.status === 0);
  verdict.check('every request answered', unanswered.length === 0, `${unanswered.length} without an answer`);
  const refused = samples.filter((s) => s.status >= 400 && s.status < 500);
  verdict.check('no request refused (rate limits raised, steps on fresh inquiries)', refused.length === 0, `${refused.length} 4xx${refused.length ? ` (first: ${refused[0].route} ${refused[0].status})` : ''}`);

  const audit = await cms.rpc('audit', {}, 300_000);
  auditInquiries(verdict, audit, acked);
  keepForScan('load', pii);
  await cms.kill();
});
