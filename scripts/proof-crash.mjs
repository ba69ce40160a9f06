#!/usr/bin/env node
// npm run proof:crash — 20 clients (public submissions, and an officer walking fresh inquiries through triage →
// coordinate → answer) keep working while the CMS is killed with SIGKILL and restarted on the same database,
// --rounds times, on SQLite and then on PostgreSQL, with the Telegram notifier on against the fake Bot API.
// Then the server is killed once more and comes back three days later (its clock moved ahead), so every open
// request's deadline fell due while it was down. Audit: every 201 is there with its events and due times, no
// half-written inquiry, no outbox key twice, the sweep marks every breach that fell due, the Bidang's alerts
// all arrive and none twice.
// Options: --rounds=3 --round-seconds=12 --clients=20 --db=sqlite,postgres --no-compile.
import { compile, loadTestHelper, option } from './lib/bench.mjs';
import {
  Client,
  auditInquiries,
  freshArtifacts,
  keepForScan,
  linkChat,
  logFileOf,
  makeApplicant,
  newPii,
  proofEnv,
  publicBody,
  runProof,
  say,
  sentTwice,
  sleep,
  staffOf,
  startCms,
  telegramTexts,
  tempDatabase,
  tempDir,
  walkInquiry,
} from './lib/proof.mjs';

const ROUNDS = Number(option('rounds', 3));
const ROUND_SECONDS = Number(option('round-seconds', 12));
const CLIENTS = Number(option('clients', 20));
const DATABASES = option('db', 'sqlite,postgres').split(',');
const THREE_DAYS = 3 * 24 * 3600_000;
const DIVISION_CHAT = 700_001;

/** Open requests whose running step's deadline has passed without its breach flag: what the sweep still owes. */
function owedBreaches(audit) {
  const running = { received: 'triage', triaged: 'coordination', coordinated: 'answer' };
  return audit.inquiries.filter((row) => {
    const step = running[row.status];
    return step && row.dueAt[step] && new Date(row.dueAt[step]) < new Date(audit.now) && !row.breached[step];
  }).length;
}

async function crashRun(verdict, kind, FakeTelegram, pii) {
  console.log(`\nCrash on ${kind}: ${ROUNDS} × SIGKILL under ${CLIENTS} clients`);
  const fake = await new FakeTelegram().start();
  const db = await tempDatabase(kind, tempDir(`crash-${kind}`));
  const env = proofEnv({ ...db.env, ...fake.env(), CRON_ENABLED: 'true', SOP_SWEEP_CRON: '*/2 * * * * *' });
  const logFile = logFileOf('crash', `cms-${kind}`);
  let cms = await startCms({ env, logFile });
  const port = cms.port;
  const staff = await staffOf(cms);
  await linkChat(cms, fake, staff.dafduk, DIVISION_CHAT);
  const client = new Client(cms.base);
  const acked = new Map();
  let up = true;
  let stop = false;
  let refused = 0;

  const submitter = async () => {
    while (!stop) {
      if (!up) {
        await sleep(100);
        continue;
      }
      const res = await client.call('public submit', 'POST', '/api/public/inquiries', { body: publicBody(makeApplicant(pii)) });
      if (res.status === 201) acked.set(res.json.data.code, ['created']);
      else if (res.status >= 400) refused += 1;
      else await sleep(100);
    }
  };
  // One officer at a human pace, so the Bidang's chat (one message a second at Telegram) keeps up.
  const officer = async () => {
    while (!stop) {
      if (up) await walkInquiry(client, staff, makeApplicant(pii), acked);
      await sleep(1500);
    }
  };
  const workers = [officer(), ...Array.from({ length: CLIENTS - 1 }, submitter)];

  const crash = async (extraEnv = {}) => {
    up = false;
    await cms.kill();
    cms = await startCms({ env: { ...env, ...extraEnv }, logFile, port });
    up = true;
  };
  for (let round = 1; round <= ROUNDS; round += 1) {
    await sleep(ROUND_SECONDS * 1000 * (0.5 + Math.random() / 2));
    const before = acked.size;
    await crash();
    say(`round ${round}: killed and restarted (${before} acknowledged so far)`);
  }
  await sleep(ROUND_SECONDS * 500);
  stop = true;
  await Promise.all(workers);
  const serverErrors = client.samples.filter((s) => s.status >= 500).length;
  verdict.check(`${kind}: no 5xx around the crashes`, serverErrors === 0, `${serverErrors} of ${client.samples.length}`);
  verdict.check(`${kind}: no request refused`, refused === 0, `${refused} 4xx`);

  // Down over a long weekend: back three days later, every open deadline passed while nothing ran.
  const breaches = (a) => a.inquiries.reduce((sum, row) => sum + Object.values(row.breached).filter(Boolean).length, 0);
  const open = (a) => a.inquiries.filter((row) => ['received', 'triaged', 'coordinated'].includes(row.status)).length;
  const beforeDown = await cms.rpc('audit', {}, 300_000);
  await crash({ PROOF_CLOCK_OFFSET_MS: String(THREE_DAYS) });
  const catchUp = Date.now();
  let audit = await cms.rpc('audit', {}, 300_000);
  while (owedBreaches(audit) > 0 && Date.now() - catchUp < 120_000) {
    await sleep(1000);
    audit = await cms.rpc('audit', {}, 300_000);
  }
  const owed = owedBreaches(audit);
  const marked = breaches(audit) - breaches(beforeDown);
  verdict.check(
    `${kind}: the sweep catches up on breaches that fell due while down`,
    owed === 0 && marked >= open(beforeDown),
    `${open(beforeDown)} open requests, ${marked} breaches marked after the restart, ${owed} left after ${((Date.now() - catchUp) / 1000).toFixed(1)} s`,
  );
  auditInquiries(verdict, audit, acked, `${kind}: `);
  const doubled = audit.inquiries.filter((row) => new Set(row.events.filter((e) => e.startsWith('breached'))).size !== row.events.filter((e) => e.startsWith('breached')).length).length;
  verdict.check(`${kind}: each breach marked once`, doubled === 0, `${doubled} inquiries with a breach event twice`);

  // Delivery resumes after every crash: each Bidang alert of the run reaches the chat, none twice.
  const alertsOwed = () => audit.notifications.filter((n) => n.channel === 'telegram' && n.recipient === String(DIVISION_CHAT) && n.status !== 'sent' && n.status !== 'failed').length;
  const deliveryStart = Date.now();
  while (alertsOwed() > 0 && Date.now() - deliveryStart < 120_000) {
    await sleep(1000);
    audit = await cms.rpc('audit', {}, 300_000);
  }
  const routed = audit.notifications.filter((n) => n.channel === 'telegram' && n.topic === 'inquiry.triaged').length;
  verdict.check(`${kind}: every Bidang alert delivered after the crashes`, alertsOwed() === 0, `${routed} routing alerts, ${alertsOwed()} still waiting`);
  await sleep(1500);
  const messages = fake.delivered();
  const twice = sentTwice(messages);
  verdict.check(`${kind}: no Telegram message sent twice`, twice === 0, `${messages.length} messages, ${twice} twice`);
  console.log(`  ${kind}: ${acked.size} acknowledged over ${ROUNDS + 1} kills; ${client.samples.length} requests; ${audit.inquiries.length} inquiries`);
  await cms.kill();
  await fake.stop();
  return telegramTexts({ delivered: () => messages });
}

runProof(async (verdict) => {
  if (option('no-compile', 'false') !== 'true') compile();
  freshArtifacts('crash');
  const { FakeTelegram } = loadTestHelper('fake-telegram');
  const pii = newPii();
  const texts = [];
  for (const kind of DATABASES) texts.push(...(await crashRun(verdict, kind, FakeTelegram, pii)));
  keepForScan('crash', pii, texts);
});
