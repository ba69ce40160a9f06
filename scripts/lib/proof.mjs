// What the proofs (scripts/proof-*.mjs) share: their checks and summary line, throw-away databases (SQLite
// files, PostgreSQL databases of their own), CMS processes from cms/dist with their logs kept for the PII scan,
// an HTTP client that times each call, and the personal data a run made up.
import { fork } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { throwawayEnv } from './throwaway-env.js';
import { nextMessage } from './child.mjs';
import { Client, ROOT, childBaseEnv, freePort, loops, routeFigures, sleep } from './bench.mjs';
import { createDatabase, dropDatabase } from './postgres.mjs';

const require = createRequire(import.meta.url);
export const POSTGRES_URL = process.env.PROOF_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Where each proof leaves its logs, the fake's messages and the personal data it made up, for proof:pii. */
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'proof');

export { Client, loops, routeFigures, sleep };
export const say = (...args) => console.log('[proof]', ...args);

/** The checks of one proof, printed as they are made, and its final `N passed, N failed` line. */
export class Verdict {
  passed = 0;
  failed = 0;
  check(name, ok, detail = '') {
    if (ok) this.passed += 1;
    else this.failed += 1;
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
    return ok;
  }
  /** An error that stopped the proof counts as one failed check. */
  crashed(error) {
    this.check('the proof ran to its end', false, String(error?.stack ?? error));
  }
  finish() {
    console.log(`${this.passed} passed, ${this.failed} failed`);
    process.exitCode = this.failed > 0 ? 1 : 0;
  }
}

/** A temp directory removed at exit, and whatever else `onExit` registers (servers, databases). */
const cleanups = [];
export function onExit(fn) {
  cleanups.push(fn);
}
let cleaned = false;
export async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const fn of cleanups.reverse()) await Promise.resolve().then(fn).catch(() => {});
}
process.on('exit', () => {
  for (const fn of cleanups) if (fn.sync) fn();
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cleanup().then(() => process.exit(130)));

export function tempDir(name) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `layanan-proof-${name}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  remove.sync = true;
  onExit(remove);
  return dir;
}

/**
 * A database of the proof's own: a SQLite file in a temp directory, or a PostgreSQL database `proof_<random>`
 * created on the machine's server and dropped at the end. `env` is what a CMS needs to use it.
 */
export async function tempDatabase(kind, dir) {
  if (kind === 'sqlite') return { kind, env: { DATABASE_FILENAME: path.join(dir, 'data.db') } };
  const { name, url } = await createDatabase(POSTGRES_URL, 'proof');
  onExit(() => dropDatabase(POSTGRES_URL, name));
  return { kind, name, env: { DATABASE_URL: url, DATABASE_POOL_MAX: '10' } };
}

/** The environment shared by every CMS of a proof: fresh secrets once, so a restarted server accepts old logins. */
export function proofEnv(overrides = {}) {
  return throwawayEnv({ LOG_LEVEL: 'http', PUBLIC_RATE_LIMIT: '1000000', TRACK_RATE_LIMIT: '1000000', PUBLIC_URL: 'https://layanan.dinas.example', ...overrides });
}

/**
 * The compiled CMS (scripts/bench/serve-app.mjs) in a child process on a free port, its stdout and stderr
 * appended to `logFile`. `rpc(type, payload)` asks it over IPC; `kill()` is SIGKILL, as a crash would be.
 */
export async function startCms({ env, logFile, port }) {
  port ??= await freePort();
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = fork(path.join(ROOT, 'scripts', 'bench', 'serve-app.mjs'), [], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...childBaseEnv(), ...env, PORT: String(port) },
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  stop.sync = true;
  onExit(stop);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const cms = {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    rpc(type, payload = {}, timeoutMs = 120_000) {
      const reply = nextMessage(child, type, timeoutMs);
      child.send({ type, ...payload });
      return reply;
    },
    async kill() {
      stop();
      await exited;
      await new Promise((resolve) => log.end(resolve));
    },
  };
  await nextMessage(child, 'ready', 240_000);
  return cms;
}

export function printRoutes(samples) {
  for (const r of routeFigures(samples)) {
    console.log(`  ${r.route.padEnd(26)} ${String(r.count).padStart(6)} calls  p50 ${r.p50.toFixed(0).padStart(5)} ms  p99 ${r.p99.toFixed(0).padStart(5)} ms  5xx ${r.serverErrors}  no answer ${r.failures}`);
  }
}

/** A citizen the run makes up, with a valid NIK (Kota Probolinggo), a +62 mobile number and an e-mail address. */
export function makeApplicant(pii) {
  const day = String(randomInt(1, 29)).padStart(2, '0');
  const month = String(randomInt(1, 13)).padStart(2, '0');
  const year = String(randomInt(50, 100)).padStart(2, '0');
  const nik = `357401${day}${month}${year}${String(randomInt(1, 10000)).padStart(4, '0')}`;
  const phone = `+62812${String(randomInt(10_000_000, 100_000_000))}`;
  const email = `warga.${randomBytes(5).toString('hex')}@contoh.id`;
  pii.niks.add(nik);
  pii.phones.add(phone);
  pii.emails.add(email);
  return { name: `Warga ${randomBytes(3).toString('hex')}`, nik, phone, email };
}

export const newPii = () => ({ niks: new Set(), phones: new Set(), emails: new Set() });

/** Leaves what a proof made up and what the fake saw where proof:pii scans. */
export function keepForScan(name, pii, texts = []) {
  const dir = path.join(ARTIFACTS, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'pii.json'), JSON.stringify({ niks: [...pii.niks], phones: [...pii.phones], emails: [...pii.emails] }));
  writeFileSync(path.join(dir, 'telegram.txt'), texts.join('\n'));
  return dir;
}

export function logFileOf(name, label) {
  const dir = path.join(ARTIFACTS, name);
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${label}.log`);
}

/** Starts an artifacts folder afresh for a proof. */
export function freshArtifacts(name) {
  rmSync(path.join(ARTIFACTS, name), { recursive: true, force: true });
  mkdirSync(path.join(ARTIFACTS, name), { recursive: true });
}

/** Staff with login tokens, made by the CMS over IPC, and the Bidang's documentIds by code. */
export async function staffOf(cms) {
  const [officer] = (await cms.rpc('staff', { role: 'officer', count: 1 })).staff;
  const [dafduk] = (await cms.rpc('staff', { role: 'division_staff', division: 'DAFDUK', count: 1 })).staff;
  const [capil] = (await cms.rpc('staff', { role: 'division_staff', division: 'CAPIL', count: 1 })).staff;
  const [leadership] = (await cms.rpc('staff', { role: 'leadership', count: 1 })).staff;
  const res = await new Client(cms.base).call(null, 'GET', '/api/divisions', { jwt: officer.jwt });
  const divisions = Object.fromEntries(res.json.data.map((d) => [d.code, d.documentId]));
  return { officer, dafduk, capil, leadership, divisions };
}

/** A public submission, as the form sends it. */
export function publicBody(applicant, subject = 'Syarat pembuatan KTP-el') {
  return { data: { kind: 'information', subject, message: 'Mohon informasi syarat dan lama pembuatannya, terima kasih.', serviceCategory: 'ktp_el', applicant } };
}

/** The officer's intake of a telephone request. */
export function intakeBody(applicant, subject = 'Pertanyaan lewat telepon') {
  return { data: { kind: 'information', channel: 'phone', subject, message: 'Warga menanyakan syarat akta kelahiran lewat telepon.', applicant } };
}

/**
 * Officer actions on fresh inquiries: intake, then triage, coordinate and answer (`steps` of them). Returns the code and how far it got;
 * each step's 2xx is recorded in `acked` (code → steps acknowledged).
 */
export async function walkInquiry(client, staff, applicant, acked, { division = 'DAFDUK', steps: upTo = 3 } = {}) {
  const created = await client.call('officer intake', 'POST', '/api/inquiries', { jwt: staff.officer.jwt, body: intakeBody(applicant) });
  if (created.status !== 201) return null;
  const { documentId, code } = created.json.data;
  acked.set(code, ['created']);
  const steps = [
    ['triage', { division: staff.divisions[division] }, 'triaged'],
    ['coordinate', { information: 'Syaratnya fotokopi KK dan surat keterangan lahir.' }, 'coordinated'],
    ['answer', { answer: 'Silakan datang dengan fotokopi KK dan surat keterangan lahir.' }, 'answered'],
  ];
  for (const [action, data, event] of steps.slice(0, upTo)) {
    const res = await client.call(`officer ${action}`, 'POST', `/api/inquiries/${documentId}/${action}`, { jwt: staff.officer.jwt, body: { data } });
    if (res.status !== 200) return { code, documentId };
    acked.get(code).push(event);
  }
  return { code, documentId };
}

/**
 * The audit every proof runs on its database: acknowledged inquiries there exactly once with their trail and
 * due times, no inquiry without its `created` event or its first deadline, codes unique, outbox keys unique.
 */
export function auditInquiries(verdict, audit, acked, prefix = '') {
  const check = (name, ok, detail) => verdict.check(`${prefix}${name}`, ok, detail);
  const byCode = new Map();
  for (const row of audit.inquiries) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
  const duplicated = [...byCode.values()].filter((rows) => rows.length > 1).length;
  check('tracking codes unique', duplicated === 0, `${audit.inquiries.length} inquiries, ${duplicated} codes twice`);
  const missing = [...acked.keys()].filter((code) => !byCode.has(code));
  check('every acknowledged inquiry is in the database', missing.length === 0, `${acked.size} acknowledged, ${missing.length} missing${missing.length ? ` (${missing.slice(0, 3).join(', ')})` : ''}`);
  const dueFor = { triaged: 'coordination', coordinated: 'answer' };
  const incomplete = [];
  for (const [code, steps] of acked) {
    const row = byCode.get(code)?.[0];
    if (!row) continue;
    const lacks = steps.filter((step) => !row.events.includes(step) || (dueFor[step] && !row.due[dueFor[step]]));
    if (lacks.length) incomplete.push(`${code} lacks ${lacks.join('+')}`);
  }
  check('each acknowledged step has its event and due time', incomplete.length === 0, `${incomplete.length} incomplete${incomplete.length ? ` (${incomplete.slice(0, 3).join('; ')})` : ''}`);
  const halfWritten = audit.inquiries.filter((row) => !row.events.includes('created') || !row.due.triage);
  check('no inquiry without its created event and triage deadline', halfWritten.length === 0, `${halfWritten.length} half-written${halfWritten.length ? ` (${halfWritten.slice(0, 3).map((r) => r.code).join(', ')})` : ''}`);
  const keys = new Map();
  for (const n of audit.notifications) keys.set(n.key, (keys.get(n.key) ?? 0) + 1);
  const twice = [...keys.values()].filter((n) => n > 1).length;
  check('outbox rows once per key', twice === 0, `${audit.notifications.length} rows, ${twice} keys twice`);
}

/** Each (chat, alert) pair the fake delivered more than once: a message sent twice. */
export function sentTwice(messages) {
  const seen = new Map();
  for (const m of messages) {
    const key = `${m.chatId}\u0000${m.text}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen.values()].filter((n) => n > 1).length;
}

/** The fake Telegram's delivered messages, as text lines for the PII scan. */
/** How many alerts one delivered message stands for: a digest says so in its first line; an alert is one. */
export const alertsIn = (text) => Number(/^\S+ <b>(\d+) permohonan /.exec(text)?.[1] ?? 1);

export const telegramTexts = (fake) => fake.delivered().map((m) => `${m.chatId}\t${m.text}`);

/** Links a staff member's chat through the bot, as a person would with /start <code>. */
export async function linkChat(cms, fake, member, chatId) {
  const res = await new Client(cms.base).call(null, 'POST', '/api/telegram/link-code', { jwt: member.jwt });
  if (res.status !== 201) throw new Error(`link-code: ${res.status} ${res.text}`);
  await fake.userSends(chatId, `/start ${res.json.data.code}`);
  for (let waited = 0; waited < 20_000; waited += 100) {
    const link = await new Client(cms.base).call(null, 'GET', '/api/telegram/link', { jwt: member.jwt });
    if (link.json?.data?.linked) return;
    await sleep(100);
  }
  throw new Error(`chat ${chatId} was not linked`);
}

/** Runs `main(verdict)` and ends with the summary line, whatever happened. */
export function runProof(main) {
  const verdict = new Verdict();
  main(verdict)
    .catch((error) => verdict.crashed(error))
    .finally(async () => {
      await cleanup();
      verdict.finish();
      process.exit(process.exitCode);
    });
}
