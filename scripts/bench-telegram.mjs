#!/usr/bin/env node
// npm run bench:telegram — the Telegram notifier against a local fake Bot API server (tests/helpers/fake-telegram.ts).
//
// 1. Drain: 50 staff of one Bidang link their chats (their /start commands sent at once); 20 requests are
//    routed to that Bidang at once, so the outbox holds 1,000 alerts for 50 chats. Reported: the time from the
//    first routing to the last alert Telegram accepted, against the least time Telegram's limits allow (30
//    messages a second overall, one a second per chat), as a ratio; lost and duplicated alerts (each chat must
//    get each request exactly once); and, while the queue drains, how long the bot takes to answer a command
//    from an idle chat.
// 2. Latency: with the queue idle, an officer routes a request to a Bidang with one linked chat (four such
//    Bidang take turns, so no chat waits for its own one-second gap); reported: the time from sending the
//    routing request (HTTP) to the fake receiving sendMessage, p50, p99, p99.9 and max, and the slowest samples
//    split into the routing request's own time and the rest.
// 3. Budget: the most messages (alerts and the bot's replies together) the fake received in any one second
//    of the whole run, and every breach of the per-second and per-chat limits.
//
// Goals: drain within 10 % of the limit; latency p99 under 1 s and max under 2 s; at most 30 messages in any
// second and none closer than a second in one chat. It is a measurement, not a test: it exits 0 whether the
// goals are met or not (1 only if it could not run). Options: --samples=1000 --no-compile.
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
const SAMPLES = Number(option('samples', 1000));
/** Bidang with one linked chat each, taking turns in the latency samples. */
const LATENCY_DIVISIONS = 4;
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
      ...throwawayEnv({ PORT: String(port), DATABASE_FILENAME: path.join(tmp, 'data.db'), PUBLIC_URL: 'https://layanan.dinas.example', ...fake.env() }),
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

async function intake(officer, subject) {
  return api('POST', '/inquiries', officer.jwt, {
    data: { kind: 'information', channel: 'phone', subject, message: 'Pertanyaan warga melalui telepon tentang syarat layanan.', applicant: { name: 'Warga Bench' } },
  });
}

const met = (ok) => (ok ? 'met' : 'NOT met');

async function main() {
  if (COMPILE) compile();
  const { FakeTelegram, busiestSecond } = loadTestHelper('fake-telegram');
  fake = await new FakeTelegram().start();
  console.log('[bench] starting the CMS with the notifier …');
  await startServer();

  const [officer] = (await request('staff', { role: 'officer', count: 1 })).staff;
  const dafduk = (await request('staff', { role: 'division_staff', division: 'DAFDUK', count: CHATS })).staff;
  const { codes: latencyCodes } = await request('divisions', { prefix: 'LAT', count: LATENCY_DIVISIONS });
  const latencyStaff = [];
  for (const code of latencyCodes) latencyStaff.push(...(await request('staff', { role: 'division_staff', division: code, count: 1 })).staff);
  const divisionList = await api('GET', '/divisions?pagination[pageSize]=100', officer.jwt);
  const divisionOf = Object.fromEntries(divisionList.map((d) => [d.code, d.documentId]));

  const dafdukChats = dafduk.map((_, i) => 800_001 + i);
  const latencyChats = latencyStaff.map((_, i) => 900_001 + i);
  // Every chat sends its /start at once, as a room of staff following the same instructions would.
  const linkCodes = [];
  for (const staff of [...dafduk, ...latencyStaff]) linkCodes.push((await api('POST', '/telegram/link-code', staff.jwt)).code);
  const allChats = [...dafdukChats, ...latencyChats];
  await Promise.all(allChats.map((chatId, i) => fake.userSends(chatId, `/start ${linkCodes[i]}`)));
  await fake.consumed(60_000);
  const greeted = () => fake.delivered().filter((m) => m.text.startsWith('Halo')).length;
  for (let waited = 0; greeted() < allChats.length && waited < 60_000; waited += 50) await sleep(50);
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
  // A staff member of an idle chat asks the bot something while the queue is full: the reply goes first.
  await sleep(2000);
  const commandChat = latencyChats[0];
  const commandReply = fake.waitFor('sendMessage', (c) => String(c.params.chat_id) === String(commandChat) && String(c.params.text).includes('sudah terhubung'), 30_000);
  const commandSent = Date.now();
  await fake.userSends(commandChat, '/start');
  const replyMs = (await commandReply).at - commandSent;
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
  const db = await request('stats');

  // ---------------------------------------------------------------- 2. latency
  console.log(`[bench] latency: ${SAMPLES} requests routed one by one to a Bidang with one linked chat (${LATENCY_DIVISIONS} such Bidang in turn) …`);
  const samples = [];
  const lastSent = new Map();
  for (let i = 0; i < SAMPLES; i += 1) {
    const turn = i % LATENCY_DIVISIONS;
    const chatId = latencyChats[turn];
    const inquiry = await intake(officer, `Latensi ${i + 1}`);
    const gap = (lastSent.get(chatId) ?? 0) + 1100 - Date.now();
    if (gap > 0) await sleep(gap);
    const arrives = fake.waitFor('sendMessage', (c) => String(c.params.chat_id) === String(chatId) && String(c.params.text).includes(inquiry.code), 30_000);
    const t0 = Date.now();
    await api('POST', `/inquiries/${inquiry.documentId}/triage`, officer.jwt, { data: { division: divisionOf[latencyCodes[turn]] } });
    const answered = Date.now();
    const call = await arrives;
    samples.push({ i, total: call.at - t0, http: answered - t0 });
    lastSent.set(chatId, call.at);
  }
  const latencies = samples.map((s) => s.total);
  const [p50, p99, p999] = [50, 99, 99.9].map((p) => percentile(latencies, p));
  const max = Math.max(...latencies);

  // ---------------------------------------------------------------- 3. budget
  const everything = fake.delivered();
  const busiest = busiestSecond(everything.map((m) => m.at));
  const breaches = fake.violations();
  const greetings = fake.delivered().filter((m) => m.text.startsWith('Halo'));
  const greetingsBusiest = busiestSecond(greetings.map((m) => m.at));

  const ratio = drainS / minimumS;
  console.log('');
  console.log('Telegram notifier benchmark (fake Bot API on this machine)');
  console.log(`  drain: ${expected} alerts to ${CHATS} chats in ${drainS.toFixed(2)} s from the first routing (first to last send ${spanS.toFixed(2)} s)`);
  console.log(`         least time Telegram's limits allow: ${minimumS.toFixed(2)} s (${LIMITS.perSecond}/s overall, 1/s per chat)`);
  console.log(`         ratio ${ratio.toFixed(3)}  (goal ≤ 1.10: ${met(ratio <= 1.1)})`);
  console.log(`         lost ${lost}, duplicated ${duplicated}  (goal 0 and 0: ${met(lost + duplicated === 0)}); outbox: ${db.sent} sent, ${db.pending} pending, ${db.sending} sending, ${db.failed} failed`);
  console.log(`         a command from an idle chat during the drain was answered after ${replyMs} ms`);
  console.log(`  latency, routing (HTTP) → sendMessage at the fake, ${latencies.length} samples: p50 ${p50} ms, p99 ${p99} ms, p99.9 ${p999} ms, max ${max} ms`);
  console.log(`         goal p99 < 1000 ms: ${met(p99 < 1000)}; goal max < 2000 ms: ${met(max < 2000)}`);
  const slowest = [...samples].sort((a, b) => b.total - a.total).slice(0, 3);
  console.log(`         slowest: ${slowest.map((s) => `#${s.i + 1} ${s.total} ms (routing request ${s.http} ms)`).join(', ')}`);
  console.log(`  budget: ${everything.length} messages (alerts and the bot's replies); the most in any one second: ${busiest} (goal ≤ ${LIMITS.perSecond}: ${met(busiest <= LIMITS.perSecond)})`);
  console.log(`         the ${greetings.length} link greetings, asked for at once: at most ${greetingsBusiest} in one second; breaches of the per-second or per-chat limits: ${breaches.length} (goal 0: ${met(breaches.length === 0)})`);
  if (breaches.length) console.log(`         first breaches: ${breaches.slice(0, 3).join('; ')}`);
  await fake.stop();
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(`[bench] could not run: ${error?.stack ?? error}`);
    process.exit(1);
  });
