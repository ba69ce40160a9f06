#!/usr/bin/env node
// npm run proof:crash — 20 clients (public submissions, and an officer walking fresh inquiries through triage →
// coordinate → answer) keep working while the CMS is killed with SIGKILL and restarted on the same database,
// --rounds times, on SQLite and then on PostgreSQL, with the Telegram notifier on against the fake Bot API.
// Then the server is killed once more and comes back three days later (its clock moved ahead), so every open
// request's deadline fell due while it was down. Audit: every 201 is there with its events and due times, no
// half-written inquiry, no outbox key twice, the sweep marks every breach that fell due, the Bidang's alerts
// all arrive and none twice.
// Then the alert storm, on each database afresh: --storm requests come in (a few routed to a Bidang), the server
// is killed and comes back three days later, so every one of them breached while it was down. One sweep run
// marks them all (time printed, against the one-minute sweep interval), and the officers' chat receives the
// alerts as a handful of digests: every alert row sent exactly once, each as part of one message it received.
// Options: --rounds=3 --round-seconds=12 --clients=20 --storm=5000 --db=sqlite,postgres --sections=crash,storm
// --no-compile.
import { compile, loadTestHelper, option } from './lib/bench.mjs';
import {
  Client,
  alertsIn,
  auditInquiries,
  freshArtifacts,
  keepForScan,
  linkChat,
  logFileOf,
  loops,
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
const STORM = Number(option('storm', 5000));
const SECTIONS = option('sections', 'crash,storm').split(',');
const SWEEP_INTERVAL_MS = 60_000;
const OFFICERS_CHAT = 700_101;
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

async function stormRun(verdict, kind, FakeTelegram, pii) {
  console.log(`\nAlert storm on ${kind}: ${STORM} requests breach while the server is down`);
  const fake = await new FakeTelegram().start();
  const db = await tempDatabase(kind, tempDir(`storm-${kind}`));
  const env = proofEnv({ ...db.env, ...fake.env() });
  const logFile = logFileOf('crash', `storm-${kind}`);
  let cms = await startCms({ env, logFile });
  const staff = await staffOf(cms);
  await linkChat(cms, fake, staff.officer, OFFICERS_CHAT);
  await linkChat(cms, fake, staff.dafduk, DIVISION_CHAT);
  const client = new Client(cms.base);
  const acked = new Map();
  // A few are routed to the Bidang, so step 3 breaches too (its chat hears of them); the rest wait for step 2.
  const toRoute = Math.min(20, Math.ceil(STORM / 50));
  let routed = 0;
  const intakeStarted = Date.now();
  await Promise.all([
    loops(CLIENTS, () => acked.size - routed >= STORM - toRoute, async () => {
      const res = await client.call('public submit', 'POST', '/api/public/inquiries', { body: publicBody(makeApplicant(pii)) });
      if (res.status === 201) acked.set(res.json.data.code, ['created']);
    }),
    loops(1, () => routed >= toRoute, async () => {
      const walked = await walkInquiry(client, staff, makeApplicant(pii), acked, { steps: 1 });
      if (walked && acked.get(walked.code)?.includes('triaged')) routed += 1;
    }),
  ]);
  say(`${acked.size} requests in ${((Date.now() - intakeStarted) / 1000).toFixed(0)} s (${routed} routed to the Bidang); killing the server for a long weekend`);
  const owed = acked.size;
  await cms.kill();
  const callsBefore = fake.calls.length;
  cms = await startCms({ env: { ...env, PROOF_CLOCK_OFFSET_MS: String(THREE_DAYS) }, logFile, port: cms.port });

  const swept = await cms.rpc('sweep', {}, 300_000);
  verdict.check(
    `${kind}: one sweep run marks the whole backlog within one sweep interval`,
    swept.breached === owed && swept.ms < SWEEP_INTERVAL_MS,
    `${swept.breached} of ${owed} breaches marked, their events and alerts queued, in ${(swept.ms / 1000).toFixed(1)} s (interval ${SWEEP_INTERVAL_MS / 1000} s)`,
  );
  verdict.check(`${kind}: no reminder for a step already breached`, swept.reminded === 0, `${swept.reminded} reminders`);

  const deliveryStarted = Date.now();
  let audit = await cms.rpc('audit', {}, 300_000);
  // Out means sent: the staff rows still to be fanned out to the chats wait as much as the chats' own rows.
  const waiting = () => audit.notifications.filter((n) => (n.channel === 'telegram' || n.channel === 'staff') && (n.status === 'pending' || n.status === 'sending')).length;
  while (waiting() > 0 && Date.now() - deliveryStarted < 300_000) {
    await sleep(1000);
    audit = await cms.rpc('audit', {}, 300_000);
  }
  const deliveredIn = (Date.now() - deliveryStarted) / 1000;
  await sleep(1500);
  const doubled = audit.inquiries.filter((row) => row.events.filter((e) => e.startsWith('breached')).length !== new Set(row.events.filter((e) => e.startsWith('breached'))).size).length;
  const unmarked = audit.inquiries.filter((row) => (row.status === 'received' && !row.breached.triage) || (row.status === 'triaged' && !row.breached.coordination)).length;
  verdict.check(`${kind}: every breach marked once, with its event`, doubled === 0 && unmarked === 0, `${audit.inquiries.length} inquiries, ${unmarked} unmarked, ${doubled} with a breach event twice`);

  for (const [chat, label] of [
    [OFFICERS_CHAT, "the officers' chat"],
    [DIVISION_CHAT, "the Bidang's chat"],
  ]) {
    const rows = audit.notifications.filter((n) => n.channel === 'telegram' && n.topic === 'inquiry.breached' && n.recipient === String(chat));
    const messages = fake.delivered(chat, callsBefore).filter((m) => /permohonan melewati tenggat|TERLAMBAT/.test(m.text));
    const sentRows = rows.filter((n) => n.status === 'sent');
    const digests = messages.filter((m) => alertsIn(m.text) > 1);
    const accounted = messages.reduce((sum, m) => sum + alertsIn(m.text), 0);
    const expected = chat === OFFICERS_CHAT ? owed : routed;
    verdict.check(
      `${kind}: ${label} gets its ${expected} breach alerts as ${messages.length} messages, each alert in exactly one`,
      rows.length === expected && sentRows.length === rows.length && accounted === rows.length && new Set(sentRows.map((n) => n.externalId)).size === messages.length && sentTwice(messages) === 0,
      `${rows.length} alert rows, ${sentRows.length} sent, ${messages.length} messages (${digests.length} digests, ${messages.length - digests.length} single) standing for ${accounted} alerts, all out ${deliveredIn.toFixed(0)} s after the restart`,
    );
  }
  auditInquiries(verdict, audit, acked, `${kind} storm: `);
  const texts = telegramTexts(fake);
  await cms.kill();
  await fake.stop();
  return texts;
}

runProof(async (verdict) => {
  if (option('no-compile', 'false') !== 'true') compile();
  freshArtifacts('crash');
  const { FakeTelegram } = loadTestHelper('fake-telegram');
  const pii = newPii();
  const texts = [];
  for (const kind of DATABASES) {
    if (SECTIONS.includes('crash')) texts.push(...(await crashRun(verdict, kind, FakeTelegram, pii)));
    if (SECTIONS.includes('storm') && STORM > 0) texts.push(...(await stormRun(verdict, kind, FakeTelegram, pii)));
  }
  keepForScan('crash', pii, texts);
});
