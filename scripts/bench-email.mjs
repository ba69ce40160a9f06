#!/usr/bin/env node
// npm run bench:email — the e-mail channel against the tests' own protocol servers: hoodiecrow as the Dinas
// mailbox (IMAP, IDLE) and smtp-server as the outgoing server, both in this process on free ports.
//
// 1,000 citizens' mails (each from its own address) are dropped into the mailbox at once while the CMS is
// watching it. Reported: the time until every mail is an inquiry (intake rate, goal ≥ 20 mails/s), the time
// until every receipt was accepted by the SMTP server against the least time the SMTP sender's own pacing
// allows, and losses and duplicates on both sides (goal 0 and 0: one inquiry per mail, one receipt per
// inquiry, threaded to the citizen's mail). A measurement, not a test: it exits 0 whether the goals are met
// or not (1 only if it could not run). Options: --mails=1000 --no-compile.
import { compile, loadTestHelper, log, option, sleep, startApp, until } from './lib/bench.mjs';

const MAILS = Number(option('mails', 1000));
const COMPILE = option('no-compile', 'false') !== 'true';
const GOAL_RATE = 20;

const citizen = (i) => ({
  address: `warga.${String(i).padStart(4, '0')}@mail.example`,
  messageId: `<bench-${i}.${process.pid}@mail.example>`,
});

async function main() {
  if (COMPILE) compile();
  const { FakeImap } = loadTestHelper('fake-imap');
  const { FakeSmtp } = loadTestHelper('fake-smtp');
  const { question } = loadTestHelper('mails');
  const mailbox = await new FakeImap().start();
  const smtp = await new FakeSmtp().start();

  log('starting the CMS with the e-mail channel …');
  const { ask } = await startApp('email', { ...mailbox.env(), ...smtp.env() });
  // The watcher is in the mailbox once it has stored its first cursor (the empty mailbox's rescan).
  await until(async () => (await ask('cursors')).count > 0, 'the mailbox watcher');
  const { limits } = await ask('limits', { channel: 'smtp' });

  const mails = Array.from({ length: MAILS }, (_, i) => {
    const { address, messageId } = citizen(i);
    return question({
      from: `Warga ${i} <${address}>`,
      messageId,
      subject: `Pertanyaan nomor ${i}: syarat akta kelahiran`,
      text: `Selamat pagi,\n\nSaya warga nomor ${i}. Apa saja syarat membuat akta kelahiran anak?\n\nTerima kasih.\n`,
    });
  });
  log(`dropping ${MAILS} mails into the mailbox at once …`);
  const started = Date.now();
  for (const raw of mails) mailbox.deliver(raw, new Date());

  const intakeDone = await until(async () => (await ask('inquiries', { channel: 'email' })).count >= MAILS, `${MAILS} inquiries`);
  const receiptsDone = await until(() => smtp.received.length >= MAILS, `${MAILS} receipts`);
  await sleep(3000); // anything created or sent twice would show now

  const { rows } = await ask('inquiries', { channel: 'email', withRefs: true });
  const refs = new Map();
  for (const row of rows) refs.set(row.externalRef, (refs.get(row.externalRef) ?? 0) + 1);
  const expectedRefs = new Set(Array.from({ length: MAILS }, (_, i) => citizen(i).messageId));
  const lostInquiries = [...expectedRefs].filter((ref) => !refs.has(ref)).length;
  const duplicateInquiries = [...refs.values()].reduce((sum, n) => sum + n - 1, 0);

  const receipts = new Map();
  let unthreaded = 0;
  for (const mail of smtp.received) {
    const head = mail.raw.toString('utf8').split(/\r?\n\r?\n/)[0];
    const inReplyTo = /^In-Reply-To:\s*(<[^>]+>)/im.exec(head)?.[1];
    if (!inReplyTo || !expectedRefs.has(inReplyTo)) unthreaded += 1;
    for (const to of mail.envelope.rcptTo) receipts.set(to.address, (receipts.get(to.address) ?? 0) + 1);
  }
  const lostReceipts = Array.from({ length: MAILS }, (_, i) => citizen(i).address).filter((a) => !receipts.has(a)).length;
  const duplicateReceipts = [...receipts.values()].reduce((sum, n) => sum + n - 1, 0);
  const outbox = await ask('stats', { channel: 'smtp' });

  const intakeS = (intakeDone - started) / 1000;
  const receiptsS = (receiptsDone - started) / 1000;
  const rate = MAILS / intakeS;
  const leastS = Math.max((MAILS - 1) / limits.globalPerSecond, 0);
  console.log('');
  console.log(`E-mail channel benchmark (hoodiecrow IMAP and smtp-server on this machine, SQLite)`);
  console.log(`  intake: ${MAILS} mails → ${rows.length} inquiries in ${intakeS.toFixed(1)} s: ${rate.toFixed(1)} mails/s  (goal ≥ ${GOAL_RATE}: ${rate >= GOAL_RATE ? 'met' : 'NOT met'})`);
  console.log(`          lost ${lostInquiries}, duplicated ${duplicateInquiries}  (goal 0 and 0: ${lostInquiries + duplicateInquiries === 0 ? 'met' : 'NOT met'})`);
  console.log(`  receipts: ${smtp.received.length} accepted by the SMTP server ${receiptsS.toFixed(1)} s after the drop; the sender's pace (${limits.globalPerSecond}/s, ${limits.concurrency ?? '∞'} at a time) allows ${leastS.toFixed(1)} s at least`);
  console.log(`          lost ${lostReceipts}, duplicated ${duplicateReceipts}, not threaded to the citizen's mail ${unthreaded}  (goal 0, 0, 0: ${lostReceipts + duplicateReceipts + unthreaded === 0 ? 'met' : 'NOT met'})`);
  console.log(`          outbox: ${outbox.sent} sent, ${outbox.pending} pending, ${outbox.sending} sending, ${outbox.failed} failed`);
  await mailbox.stop();
  await smtp.stop();
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(`[bench] could not run: ${error?.stack ?? error}`);
    process.exit(1);
  });
