#!/usr/bin/env node
// npm run proof:pii — personal data never leaves unmasked. Runs its own short scenario (public submissions and
// officer intakes with NIK, phone and e-mail, routed so Telegram alerts go out, answered, the Rekap Informasi
// exported as XLSX, CSV and PDF), then scans every proof's leftovers under test-artifacts/proof/ (the CMS logs,
// the Telegram fake's messages, the exports) for every NIK, phone number (+62…, 62…, 0…) and e-mail address
// any of the runs made up. Any hit fails. Options: --inquiries=20 --no-compile.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, compile, loadTestHelper, option } from './lib/bench.mjs';
import { ARTIFACTS, Client, freshArtifacts, keepForScan, linkChat, logFileOf, makeApplicant, newPii, proofEnv, publicBody, runProof, say, sleep, staffOf, startCms, telegramTexts, tempDatabase, tempDir, walkInquiry } from './lib/proof.mjs';

const require = createRequire(import.meta.url);
const INQUIRIES = Number(option('inquiries', 20));

async function scenario() {
  freshArtifacts('pii');
  const { FakeTelegram } = loadTestHelper('fake-telegram');
  const fake = await new FakeTelegram().start();
  const db = await tempDatabase('sqlite', tempDir('pii'));
  const cms = await startCms({ env: proofEnv({ ...db.env, ...fake.env() }), logFile: logFileOf('pii', 'cms') });
  const staff = await staffOf(cms);
  await linkChat(cms, fake, staff.dafduk, 730_001);
  await linkChat(cms, fake, staff.officer, 730_002);
  const client = new Client(cms.base);
  const pii = newPii();
  const acked = new Map();
  for (let i = 0; i < INQUIRIES; i += 1) {
    if (i % 2) await client.call('public submit', 'POST', '/api/public/inquiries', { body: publicBody(makeApplicant(pii)) });
    else await walkInquiry(client, staff, makeApplicant(pii), acked, { steps: i % 4 === 0 ? 3 : 1 });
  }
  // Every kind of read a person makes, so the request log holds them all.
  const list = await client.call('officer list', 'GET', '/api/inquiries?pagination[pageSize]=100', { jwt: staff.officer.jwt });
  for (const row of (list.json?.data ?? []).slice(0, 5)) {
    await client.call('officer get', 'GET', `/api/inquiries/${row.documentId}`, { jwt: staff.officer.jwt });
    await client.call('events', 'GET', `/api/inquiries/${row.documentId}/events`, { jwt: staff.officer.jwt });
  }
  const [nik] = pii.niks;
  await client.call('filter by NIK', 'GET', `/api/inquiries?filters[applicant][nik][$eq]=${nik}`, { jwt: staff.officer.jwt });
  const [email] = pii.emails;
  await client.call('login with an e-mail', 'POST', '/api/auth/local', { body: { identifier: email, password: 'salah-sekali' } });
  const today = new Date().toISOString().slice(0, 10);
  for (const format of ['xlsx', 'csv', 'pdf']) {
    const res = await fetch(`${cms.base}/api/recap/export?from=${today.slice(0, 8)}01&to=${today}&format=${format}`, { headers: { authorization: `Bearer ${staff.officer.jwt}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`export ${format}: ${res.status} ${bytes.toString().slice(0, 200)}`);
    writeFileSync(path.join(ARTIFACTS, 'pii', `recap.${format}`), bytes);
  }
  await sleep(3000);
  keepForScan('pii', pii, telegramTexts(fake));
  await cms.kill();
  await fake.stop();
}

/** The text a reader of the file sees: cell values of a workbook, the words of a PDF, a log as it is. */
async function readable(file) {
  if (file.endsWith('.xlsx')) {
    const ExcelJS = require(require.resolve('exceljs', { paths: [path.join(ROOT, 'cms')] }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const cells = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? cell.value)))));
    return cells.join('\n');
  }
  if (file.endsWith('.pdf')) {
    const out = spawnSync(process.execPath, [path.join(ROOT, 'tests', 'helpers', 'pdf-text.mjs')], { input: readFileSync(file), cwd: path.join(ROOT, 'tests') });
    return JSON.parse(out.stdout.toString()).text.join('\n');
  }
  return readFileSync(file, 'utf8');
}

/** A phone number in the spellings a log or a message might use. */
const spellings = (phone) => [phone, phone.slice(1), `0${phone.slice(3)}`];

runProof(async (verdict) => {
  if (option('no-compile', 'false') !== 'true') compile();
  say(`a scenario of ${INQUIRIES} requests with personal data, then a scan of every proof's logs, messages and exports …`);
  await scenario();
  const runs = readdirSync(ARTIFACTS).filter((dir) => existsSync(path.join(ARTIFACTS, dir, 'pii.json')));
  const needles = [];
  for (const dir of runs) {
    const made = JSON.parse(readFileSync(path.join(ARTIFACTS, dir, 'pii.json'), 'utf8'));
    needles.push(...made.niks.map((v) => ['NIK', v]), ...made.phones.flatMap((v) => spellings(v).map((s) => ['phone', s])), ...made.emails.map((v) => ['e-mail', v]));
  }
  const files = runs.flatMap((dir) => readdirSync(path.join(ARTIFACTS, dir)).filter((f) => f !== 'pii.json').map((f) => path.join(ARTIFACTS, dir, f)));
  let bytes = 0;
  for (const file of files) {
    const text = await readable(file);
    bytes += text.length;
    const hits = needles.filter(([, value]) => text.includes(value));
    const where = path.relative(ROOT, file);
    verdict.check(`no personal data in ${where}`, hits.length === 0, hits.length ? `${hits.length} hits, e.g. a ${hits[0][0]} ${hits[0][1].slice(0, 4)}…` : `${(text.length / 1024).toFixed(0)} KB`);
  }
  console.log(`\nPII scan: ${needles.length} values made up by ${runs.length} proof runs (${runs.join(', ')}), searched in ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB of text`);
  verdict.check('the scan saw logs, Telegram messages and all three exports', ['cms.log', 'telegram.txt', 'recap.xlsx', 'recap.csv', 'recap.pdf'].every((f) => existsSync(path.join(ARTIFACTS, 'pii', f))) && needles.length > 0);
});
