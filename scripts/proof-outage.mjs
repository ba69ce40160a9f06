#!/usr/bin/env node
// npm run proof:outage — the Telegram fake refuses every send (502) for --outage-seconds, then leaves a few
// sends unanswered, while an officer keeps routing requests to two Bidang; one Bidang's chat has blocked the
// bot (403). Afterwards: every alert to a working chat delivered once and none twice, the engine backed off
// (the gaps between one alert's attempts grow), and the officers' failed list holds exactly the blocked
// chat's alerts. Options: --outage-seconds=15 --seconds=30 --no-compile.
import { compile, loadTestHelper, option } from './lib/bench.mjs';
import { Client, freshArtifacts, keepForScan, linkChat, logFileOf, makeApplicant, newPii, proofEnv, runProof, say, sentTwice, sleep, staffOf, startCms, telegramTexts, tempDatabase, tempDir, walkInquiry } from './lib/proof.mjs';

const OUTAGE_SECONDS = Number(option('outage-seconds', 15));
const SECONDS = Number(option('seconds', 30));
const WORKING_CHAT = 720_001;
const BLOCKED_CHAT = 720_002;

runProof(async (verdict) => {
  if (option('no-compile', 'false') !== 'true') compile();
  freshArtifacts('outage');
  const { FakeTelegram } = loadTestHelper('fake-telegram');
  const fake = await new FakeTelegram().start();
  const db = await tempDatabase('sqlite', tempDir('outage'));
  const cms = await startCms({ env: proofEnv({ ...db.env, ...fake.env(), TELEGRAM_REQUEST_TIMEOUT: '2', TELEGRAM_MAX_ATTEMPTS: '50' }), logFile: logFileOf('outage', 'cms') });
  const staff = await staffOf(cms);
  await linkChat(cms, fake, staff.dafduk, WORKING_CHAT);
  await linkChat(cms, fake, staff.capil, BLOCKED_CHAT);
  fake.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user', chatId: BLOCKED_CHAT }, Number.POSITIVE_INFINITY);
  const client = new Client(cms.base);
  const pii = newPii();
  const acked = new Map();
  const routed = { DAFDUK: 0, CAPIL: 0 };

  const outageFrom = Date.now() + 2000;
  const outageTo = outageFrom + OUTAGE_SECONDS * 1000;
  fake.failWhile('sendMessage', () => Date.now() >= outageFrom && Date.now() < outageTo, { status: 502, description: 'Bad Gateway' });
  setTimeout(() => fake.hangNext('sendMessage', 3), outageTo - Date.now());
  say(`routing for ${SECONDS} s; Telegram down from 2 s for ${OUTAGE_SECONDS} s, then 3 sends left unanswered …`);
  const end = Date.now() + SECONDS * 1000;
  for (let i = 0; Date.now() < end; i += 1) {
    const division = i % 3 === 2 ? 'CAPIL' : 'DAFDUK';
    const walked = await walkInquiry(client, staff, makeApplicant(pii), acked, { division, steps: 1 });
    if (walked && acked.get(walked.code).includes('triaged')) routed[division] += 1;
    await sleep(1200);
  }
  const errors = client.samples.filter((s) => s.status >= 400 || s.status === 0).length;
  verdict.check('the officer is never held up by the outage', errors === 0, `${client.samples.length} requests, ${errors} failed`);

  const started = Date.now();
  let audit = await cms.rpc('audit');
  const waiting = () => audit.notifications.filter((n) => n.status === 'pending' || n.status === 'sending').length;
  while (waiting() > 0 && Date.now() - started < 120_000) {
    await sleep(1000);
    audit = await cms.rpc('audit');
  }
  verdict.check('the outbox drains after the outage', waiting() === 0, `${audit.notifications.length} rows, ${waiting()} waiting ${((Date.now() - started) / 1000).toFixed(0)} s after the load`);
  await sleep(1500);
  const toWorking = audit.notifications.filter((n) => n.channel === 'telegram' && n.recipient === String(WORKING_CHAT));
  const delivered = fake.delivered(WORKING_CHAT).filter((m) => !m.text.startsWith('Halo'));
  const twice = sentTwice(delivered);
  // A send Telegram never answered may have arrived: it is parked for an officer to check, never sent again.
  const uncertain = toWorking.filter((n) => n.status === 'failed' && /Tidak pasti terkirim/.test(n.lastError ?? ''));
  const sent = toWorking.filter((n) => n.status === 'sent');
  verdict.check(
    'every alert to a working chat delivered once, or parked as uncertain when Telegram never answered',
    sent.length + uncertain.length === toWorking.length && delivered.length === sent.length && twice === 0 && toWorking.length >= routed.DAFDUK && uncertain.length <= 3,
    `${routed.DAFDUK} routed, ${toWorking.length} alerts, ${delivered.length} delivered, ${uncertain.length} uncertain (3 sends hung), ${twice} twice`,
  );

  const attemptsOf = new Map();
  for (const call of fake.callsOf('sendMessage').filter((c) => String(c.params.chat_id) === String(WORKING_CHAT))) {
    const key = String(call.params.text);
    attemptsOf.set(key, [...(attemptsOf.get(key) ?? []), call.at]);
  }
  const longest = [...attemptsOf.values()].sort((x, y) => y.length - x.length)[0] ?? [];
  const gaps = longest.slice(1).map((at, i) => at - longest[i]);
  const grows = gaps.length >= 2 && gaps.every((gap, i) => i === 0 || gap > gaps[i - 1]);
  const failedCalls = fake.callsOf('sendMessage').filter((c) => c.outcome !== 'ok').length;
  verdict.check('the engine backs off during the outage', grows, `${failedCalls} refused or unanswered sends; one alert's ${longest.length} attempts, gaps ${gaps.map((g) => `${(g / 1000).toFixed(1)} s`).join(', ')}`);

  const list = await client.call(null, 'GET', '/api/notifications/failed?pagination[pageSize]=100', { jwt: staff.officer.jwt });
  const failed = list.json?.data ?? [];
  const blockedRows = audit.notifications.filter((n) => n.channel === 'telegram' && n.recipient === String(BLOCKED_CHAT));
  const expected = blockedRows.length + uncertain.length;
  const explained = failed.every((row) => (row.recipient === String(BLOCKED_CHAT) && /403/.test(row.lastError)) || (row.recipient === String(WORKING_CHAT) && /Tidak pasti/.test(row.lastError)));
  verdict.check("the officers' failed list holds the blocked chat's alert and the uncertain ones, and nothing else", list.status === 200 && failed.length === expected && explained, `${failed.length} listed, ${blockedRows.length} blocked + ${uncertain.length} uncertain expected`);
  verdict.check('a chat that blocked the bot gets no further alerts', blockedRows.length === 1 && routed.CAPIL >= 1, `${routed.CAPIL} routed to its Bidang, ${blockedRows.length} alert queued for it`);
  keepForScan('outage', pii, telegramTexts(fake));
  await cms.kill();
  await fake.stop();
});
