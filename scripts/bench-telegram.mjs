#!/usr/bin/env node
// npm run bench:telegram — the Telegram notifier against a local fake Bot API server (tests/helpers/fake-telegram.ts).
//
// 1. Drain: 50 staff of one Bidang link their chats; 20 requests are routed to that Bidang at once, so the
//    outbox holds 1,000 alerts for 50 chats. Reported: the time from the first routing to the last alert
//    Telegram accepted, against the least time Telegram's limits allow (30 messages a second overall, one a
//    second per chat), as a ratio; lost and duplicated alerts (each chat must get each request exactly once);
//    and any breach of the limits the fake observed.
// 2. Latency: with the queue idle, an officer routes a request to a Bidang with one linked chat; reported:
//    the time from sending the routing request (HTTP) to the fake receiving sendMessage, p50 and p99.
//
// Goals: drain within 10 % of the limit; p99 under 1 s. It is a measurement, not a test: it exits 0 whether
// the goals are met or not (1 only if it could not run). Options: --samples=100 --no-compile.
// Every server it starts listens on a free port.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { throwawayEnv } from './lib/throwaway-env.js';
import { nextMessage } from './lib/child.mjs';
import { ROOT, childBaseEnv, compile, freePort, loadTestHelper, option, percentile } from './lib/bench.mjs';

const CHATS = 50;
const REQUESTS = 20;
const LIMITS = { perSecond: 30, perChatMs: 1000 };
const SAMPLES = Number(option('samples', 100));
const COMPILE = option('no-compile', 'false') !== 'true';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'layanan-bench-telegram-'));
let child = null;
let fake = null;
let base = '';
function cleanup() {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function request(type, payload = {}, timeoutMs = 120_000) {
  const reply = nextMessage(child, type, timeoutMs);
  if (type !== 'ready') child.send({ type, ...payload });
  return reply;
}

async function startServer() {
  const port = await freePort();
  base = `http://127.0.0.1:${port}/api`;
  child = fork(path.join(ROOT, 'scripts', 'bench', 'serve-app.mjs'), [], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: {
      ...childBaseEnv(),
      ...throwawayEnv({ PORT: String(port), DATABASE_FILENAME: path.join(tmp, 'data.db'), PUBLIC_URL: 'https://layanan.probolinggokota.example', ...fake.env() }),
    },
  });
  await request('ready', {}, 240_000);
}

async function api(method, url, jwt, body) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json.error ?? json)}`);
  return json.data;
}

async function link(staff, chatId) {
  const { code } = await api('POST', '/telegram/link-code', staff.jwt);
  await fake.userSends(chatId, `/start ${code}`);
}

async function intake(officer, subject) {
  return api('POST', '/inquiries', officer.jwt, {
    data: { kind: 'information', channel: 'phone', subject, message: 'Pertanyaan warga melalui telepon tentang syarat layanan.', applicant: { name: 'Warga Bench' } },
  });
}

async function main() {
  if (COMPILE) compile();
  const { FakeTelegram } = loadTestHelper('fake-telegram');
  fake = await new FakeTelegram().start();
  console.log('[bench] starting the CMS with the notifier …');
  await startServer();

  const [officer] = (await request('staff', { role: 'officer', count: 1 })).staff;
  const dafduk = (await request('staff', { role: 'division_staff', division: 'DAFDUK', count: CHATS })).staff;
  const [capil] = (await request('staff', { role: 'division_staff', division: 'CAPIL', count: 1 })).staff;
  const divisionList = await api('GET', '/divisions', officer.jwt);
  const divisionOf = Object.fromEntries(divisionList.map((d) => [d.code, d.documentId]));

  const dafdukChats = dafduk.map((_, i) => 800_001 + i);
  const capilChat = 900_001;
  for (let i = 0; i < dafduk.length; i += 1) await link(dafduk[i], dafdukChats[i]);
  await link(capil, capilChat);
  await fake.consumed(60_000);
  const greeted = () => fake.delivered().filter((m) => m.text.startsWith('Halo')).length;
  for (let waited = 0; greeted() < CHATS + 1 && waited < 30_000; waited += 50) await sleep(50);
  console.log(`[bench] ${greeted()} chats linked.`);
  await sleep(1100); // every chat's own one-second gap after its greeting

  // ---------------------------------------------------------------- 1. drain
  const requests = [];
  for (let i = 0; i < REQUESTS; i += 1) requests.push(await intake(officer, `Permohonan bench ${i + 1}`));
  const codes = new Set(requests.map((r) => r.code));
  const codeOf = (text) => /<b>((?:INF|ADU)-\d{4}-\d{5})<\/b>/.exec(String(text))?.[1];
  const isAlert = (m) => codes.has(codeOf(m.text));
  const before = fake.calls.length;
  const expected = REQUESTS * CHATS;
  console.log(`[bench] routing ${REQUESTS} requests to ${CHATS} linked chats: ${expected} alerts …`);
  // Counted as they arrive (no polling), so the fake answers and timestamps each request without delay.
  let arrived = 0;
  const allArrived = fake.waitFor('sendMessage', (c) => c.outcome === 'ok' && codes.has(codeOf(c.params.text)) && ++arrived >= expected, 300_000);
  const started = Date.now();
  for (const r of requests) await api('POST', `/inquiries/${r.documentId}/triage`, officer.jwt, { data: { division: divisionOf.DAFDUK } });
  await allArrived.catch((error) => {
    throw new Error(`${error.message}: ${arrived} of ${expected} alerts arrived`);
  });
  await sleep(1500); // anything sent twice would arrive now
  const alerts = fake.delivered(undefined, before).filter(isAlert);
  const finished = Math.max(...alerts.map((m) => m.at));
  const pairs = new Map();
  for (const m of alerts) {
    const code = codeOf(m.text);
    const key = `${m.chatId}:${code}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  const lost = expected - pairs.size;
  const duplicated = [...pairs.values()].reduce((sum, n) => sum + n - 1, 0);
  const drainS = (finished - started) / 1000;
  const perChat = expected / CHATS;
  const minimumS = Math.max((expected - 1) / LIMITS.perSecond, ((perChat - 1) * LIMITS.perChatMs) / 1000);
  const spanS = (finished - Math.min(...alerts.map((m) => m.at))) / 1000;
  const violations = fake.violations(undefined, before);
  // The bot answers commands (the greetings of the /start burst above) at once, outside the paced outbox.
  const replyViolations = fake.violations().length - violations.length;
  const arrivals = alerts.map((m) => m.at).sort((a, b) => a - b);
  let busiestSecond = 0;
  for (let i = 0, j = 0; i < arrivals.length; i += 1) {
    while (arrivals[i] - arrivals[j] >= 1000) j += 1;
    busiestSecond = Math.max(busiestSecond, i - j + 1);
  }
  const db = await request('stats');

  // ---------------------------------------------------------------- 2. latency
  console.log(`[bench] latency: ${SAMPLES} requests routed one by one to a Bidang with one linked chat …`);
  const latencies = [];
  let lastSent = 0;
  for (let i = 0; i < SAMPLES; i += 1) {
    const inquiry = await intake(officer, `Latensi ${i + 1}`);
    const gap = lastSent + 1050 - Date.now();
    if (gap > 0) await sleep(gap);
    const t0 = Date.now();
    await api('POST', `/inquiries/${inquiry.documentId}/triage`, officer.jwt, { data: { division: divisionOf.CAPIL } });
    const call = await fake.waitFor('sendMessage', (c) => String(c.params.chat_id) === String(capilChat) && String(c.params.text).includes(inquiry.code), 10_000);
    latencies.push(call.at - t0);
    lastSent = call.at;
  }
  const p50 = percentile(latencies, 50);
  const p90 = percentile(latencies, 90);
  const p99 = percentile(latencies, 99);

  const ratio = drainS / minimumS;
  console.log('');
  console.log('Telegram notifier benchmark (fake Bot API on this machine)');
  console.log(`  drain: ${expected} alerts to ${CHATS} chats in ${drainS.toFixed(2)} s from the first routing (first to last send ${spanS.toFixed(2)} s)`);
  console.log(`         least time Telegram's limits allow: ${minimumS.toFixed(2)} s (${LIMITS.perSecond}/s overall, 1/s per chat)`);
  console.log(`         ratio ${ratio.toFixed(3)}  (goal ≤ 1.10: ${ratio <= 1.1 ? 'met' : 'NOT met'})`);
  console.log(`         lost ${lost}, duplicated ${duplicated}; limit breaches among the alerts seen by the fake: ${violations.length} (busiest second ${busiestSecond}); outbox: ${db.sent} sent, ${db.pending} pending, ${db.sending} sending, ${db.failed} failed`);
  console.log(`  latency, routing (HTTP) → sendMessage at the fake, ${latencies.length} samples: p50 ${p50} ms, p90 ${p90} ms, p99 ${p99} ms, max ${Math.max(...latencies)} ms  (goal p99 < 1000 ms: ${p99 < 1000 ? 'met' : 'NOT met'})`);
  if (violations.length) console.log(`  first breaches among the alerts: ${violations.slice(0, 3).join('; ')}`);
  if (replyViolations > 0) {
    console.log(`  (the bot's ${CHATS + 1} link greetings, answered at once when the chats sent /start together, crossed 30 a second ${replyViolations} times: replies to commands are not paced)`);
  }
  await fake.stop();
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(`[bench] could not run: ${error?.stack ?? error}`);
    process.exit(1);
  });
