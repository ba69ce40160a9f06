#!/usr/bin/env node
// npm run proof:instances — two CMS processes on one PostgreSQL database, as behind a load balancer: cron on
// with a sweep every two seconds on both, the Telegram notifier on both against one fake Bot API in webhook
// mode, the clients' requests split across both. Then both clocks move to just after the step-2 reminders of
// the waiting requests (both sweeps race for every reminder), then three days ahead (they race for every
// breach). Audit: tracking codes unique, every acknowledged request there with its trail, each breach and each
// reminder marked once, each outbox key once, each Telegram alert delivered once.
// Options: --clients=20 --seconds=20 --no-compile.
import { randomBytes } from 'node:crypto';
import { compile, freePort, loadTestHelper, option } from './lib/bench.mjs';
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
  printRoutes,
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

const CLIENTS = Number(option('clients', 20));
const SECONDS = Number(option('seconds', 20));
const THREE_DAYS = 3 * 24 * 3600_000;
const DIVISION_CHAT = 710_001;

/** Event `type` (with its step) written more than once for one inquiry. */
function twiceOf(audit, type) {
  return audit.inquiries.filter((row) => {
    const marks = row.events.filter((e) => e.startsWith(type));
    return new Set(marks).size !== marks.length;
  }).length;
}

runProof(async (verdict) => {
  if (option('no-compile', 'false') !== 'true') compile();
  freshArtifacts('instances');
  const { FakeTelegram } = loadTestHelper('fake-telegram');
  const fake = await new FakeTelegram().start();
  const db = await tempDatabase('postgres', tempDir('instances'));
  const [portA, portB] = [await freePort(), await freePort()];
  // One address for Telegram's webhook, as a load balancer would give; here it is instance A's.
  const env = proofEnv({
    ...db.env,
    ...fake.env(),
    CRON_ENABLED: 'true',
    SOP_SWEEP_CRON: '*/2 * * * * *',
    TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${portA}/api/telegram/webhook`,
    TELEGRAM_WEBHOOK_SECRET: randomBytes(16).toString('hex'),
  });
  say('starting two instances on one PostgreSQL database …');
  const a = await startCms({ env, logFile: logFileOf('instances', 'cms-a'), port: portA });
  const b = await startCms({ env, logFile: logFileOf('instances', 'cms-b'), port: portB });
  const staff = await staffOf(a);
  await linkChat(a, fake, staff.dafduk, DIVISION_CHAT);
  const clients = [new Client(a.base), new Client(b.base)];
  const pii = newPii();
  const acked = new Map();

  say(`${CLIENTS} clients × ${SECONDS} s, split across both …`);
  const end = Date.now() + SECONDS * 1000;
  await loops(CLIENTS, () => Date.now() >= end, async (i) => {
    const client = clients[i % 2];
    if (i < 2) {
      // Two officers, one on each instance, route requests to the Bidang and leave them there.
      await walkInquiry(client, staff, makeApplicant(pii), acked, { steps: 1 });
      await sleep(1000);
      return;
    }
    const res = await client.call('public submit', 'POST', '/api/public/inquiries', { body: publicBody(makeApplicant(pii)) });
    if (res.status === 201) acked.set(res.json.data.code, ['created']);
  });
  const samples = clients.flatMap((c) => c.samples);
  console.log(`\nInstances: ${samples.length} requests, ${acked.size} inquiries created (A ${clients[0].samples.length}, B ${clients[1].samples.length} requests)`);
  printRoutes(samples);
  const bad = samples.filter((s) => s.status >= 400 || s.status === 0);
  verdict.check('every request answered without an error on either instance', bad.length === 0, `${bad.length} of ${samples.length}${bad.length ? ` (first: ${bad[0].route} ${bad[0].status})` : ''}`);

  const open = (audit) => audit.inquiries.filter((row) => ['received', 'triaged', 'coordinated'].includes(row.status));
  const time = (iso) => new Date(iso).getTime();

  // First both instances to just after the last reminder the waiting requests have pending, before any of their
  // deadlines: both sweeps race for every reminder (once a deadline has passed, the breach alert replaces it).
  let audit = await a.rpc('audit', {}, 300_000);
  // The requests waiting to be sorted (step 2): their reminders fall due minutes before their deadlines.
  const waitingRows = audit.inquiries.filter((row) => row.status === 'received' && row.reminderDueAt);
  const lastReminder = Math.max(...waitingRows.map((row) => time(row.reminderDueAt)));
  const firstDeadline = Math.min(...waitingRows.map((row) => time(row.dueAt.triage)));
  const reminderTarget = lastReminder + 1000;
  const reminderOk = waitingRows.length > 0 && reminderTarget < firstDeadline;
  if (reminderOk) {
    const offsetMs = reminderTarget - Date.now();
    await Promise.all([a.rpc('clock', { offsetMs }), b.rpc('clock', { offsetMs })]);
    const reminded = (row) => row.events.some((e) => e.startsWith('reminded'));
    const remindedAt = Date.now();
    while (Date.now() - remindedAt < 60_000) {
      audit = await a.rpc('audit', {}, 300_000);
      if (waitingRows.every((w) => reminded(audit.inquiries.find((row) => row.code === w.code)))) break;
      await sleep(500);
    }
    const count = audit.inquiries.filter(reminded).length;
    verdict.check('both sweeps together remind every waiting request, each once', count === waitingRows.length && twiceOf(audit, 'reminded') === 0, `${waitingRows.length} reminders due, ${count} requests reminded, ${twiceOf(audit, 'reminded')} twice`);
  } else {
    verdict.check('the run leaves requests with a reminder due before their deadline', false, `${waitingRows.length} with a reminder pending; last at ${new Date(lastReminder).toISOString()}, first deadline ${new Date(firstDeadline).toISOString()}`);
  }

  // Then three days on: both sweeps race for the same breaches.
  await Promise.all([a.rpc('clock', { offsetMs: THREE_DAYS }), b.rpc('clock', { offsetMs: THREE_DAYS })]);
  const started = Date.now();
  const unmarked = (audit) => open(audit).filter((row) => !Object.values(row.breached).some(Boolean)).length;
  audit = await a.rpc('audit', {}, 300_000);
  while ((unmarked(audit) > 0 || audit.notifications.some((n) => n.status === 'pending' || n.status === 'sending')) && Date.now() - started < 180_000) {
    await sleep(1000);
    audit = await a.rpc('audit', {}, 300_000);
  }
  verdict.check('both sweeps together mark every breach', unmarked(audit) === 0, `${open(audit).length} open, ${unmarked(audit)} unmarked after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  auditInquiries(verdict, audit, acked);
  const breaches = audit.inquiries.reduce((n, row) => n + row.events.filter((e) => e.startsWith('breached')).length, 0);
  const reminders = audit.inquiries.reduce((n, row) => n + row.events.filter((e) => e.startsWith('reminded')).length, 0);
  verdict.check('each breach marked once', twiceOf(audit, 'breached') === 0, `${breaches} breach events, ${twiceOf(audit, 'breached')} inquiries with one twice`);
  verdict.check('each reminder marked once', twiceOf(audit, 'reminded') === 0, `${reminders} reminder events, ${twiceOf(audit, 'reminded')} inquiries with one twice`);
  const waiting = audit.notifications.filter((n) => n.status === 'pending' || n.status === 'sending').length;
  verdict.check('the outbox drains', waiting === 0, `${audit.notifications.length} rows, ${waiting} still waiting`);
  await sleep(1500);
  const sentRows = audit.notifications.filter((n) => n.channel === 'telegram' && n.status === 'sent');
  // The chat's greeting on linking is the bot's reply, not an outbox row.
  const messages = fake.delivered().filter((m) => String(m.chatId) === String(DIVISION_CHAT)).slice(1);
  const twice = sentTwice(messages);
  // A digest is one message for several rows, which share its message id.
  const standsFor = messages.reduce((n, m) => n + alertsIn(m.text), 0);
  const ids = new Set(sentRows.map((n) => n.externalId)).size;
  verdict.check(
    'each alert sent once',
    twice === 0 && ids === messages.length && standsFor === sentRows.length,
    `${sentRows.length} alert rows sent as ${ids} messages; the chat received ${messages.length} standing for ${standsFor} alerts, ${twice} twice`,
  );
  keepForScan('instances', pii, telegramTexts(fake));
  await Promise.all([a.kill(), b.kill()]);
  await fake.stop();
});
