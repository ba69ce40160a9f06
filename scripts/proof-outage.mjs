#!/usr/bin/env node
// npm run proof:outage — three services go down under load, each for --outage-seconds, a little apart: the
// Telegram fake refuses every send (502) and then leaves a few unanswered, while an officer keeps routing
// requests to two Bidang (one Bidang's chat has blocked the bot, 403); the SMTP server refuses every recipient
// for a while (451) while citizens submit the public form with their e-mail (each gets a receipt); the Graph
// API fake answers 503 to every WhatsApp send while citizens write on WhatsApp (each gets a receipt), then
// cuts off two sends after taking them. Afterwards, on each channel: every message delivered once and none
// twice, or parked as uncertain where the service never answered; the engine backed off (the gaps between one
// message's attempts grow); and the officers' failed list holds exactly the blocked chat's alerts and the
// uncertain sends. Options: --outage-seconds=15 --seconds=30 --no-compile.
import { compile, loadTestHelper, option } from './lib/bench.mjs';
import { Client, freshArtifacts, loops, publicBody, keepForScan, linkChat, logFileOf, makeApplicant, newPii, proofEnv, runProof, say, sentTwice, sleep, staffOf, startCms, telegramTexts, tempDatabase, tempDir, walkInquiry } from './lib/proof.mjs';

const OUTAGE_SECONDS = Number(option('outage-seconds', 15));
const SECONDS = Number(option('seconds', 30));
const WORKING_CHAT = 720_001;
const BLOCKED_CHAT = 720_002;
/** The outbox rows of messages to citizens on WhatsApp: the reply as the workflow queued it, and its send through the Graph API. */
const WHATSAPP_REPLY = 'citizen:whatsapp';
const WHATSAPP = 'whatsapp-api';
/** The engine's first backoff (its default): no message is retried sooner while its service is down. */
const BACKOFF_BASE_MS = 5000;

runProof(async (verdict) => {
  if (option('no-compile', 'false') !== 'true') compile();
  freshArtifacts('outage');
  const { FakeTelegram } = loadTestHelper('fake-telegram');
  const { FakeSmtp } = loadTestHelper('fake-smtp');
  const { FakeMeta } = loadTestHelper('fake-meta');
  const fake = await new FakeTelegram().start();
  const smtp = await new FakeSmtp().start();
  const meta = await new FakeMeta().start();
  const db = await tempDatabase('sqlite', tempDir('outage'));
  const cms = await startCms({
    env: proofEnv({ ...db.env, ...fake.env(), ...smtp.env(), ...meta.env(), TELEGRAM_REQUEST_TIMEOUT: '2', TELEGRAM_MAX_ATTEMPTS: '50' }),
    logFile: logFileOf('outage', 'cms'),
  });
  const staff = await staffOf(cms);
  await linkChat(cms, fake, staff.dafduk, WORKING_CHAT);
  await linkChat(cms, fake, staff.capil, BLOCKED_CHAT);
  fake.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user', chatId: BLOCKED_CHAT }, Number.POSITIVE_INFINITY);
  const client = new Client(cms.base);
  const pii = newPii();
  const acked = new Map();
  const routed = { DAFDUK: 0, CAPIL: 0 };
  // The alerts sent to the blocked chat (its greeting on linking aside).
  const blockedCalls = () => fake.callsOf('sendMessage').filter((c) => String(c.params.chat_id) === String(BLOCKED_CHAT) && !String(c.params.text).startsWith('Halo'));

  // The Bidang whose chat blocked the bot meets the 403 first, before any outage: every later alert for it
  // must then stay unqueued, whatever the outages do to the other sends.
  const first = await walkInquiry(client, staff, makeApplicant(pii), acked, { division: 'CAPIL', steps: 1 });
  if (first && acked.get(first.code).includes('triaged')) routed.CAPIL += 1;
  const learnedBy = Date.now() + 30_000;
  const blockedFailed = async () => (await cms.rpc('audit')).notifications.some((n) => n.channel === 'telegram' && n.recipient === String(BLOCKED_CHAT) && n.status === 'failed');
  while (!(blockedCalls().length > 0 && (await blockedFailed())) && Date.now() < learnedBy) await sleep(200);

  const outageFrom = Date.now() + 2000;
  const outageTo = outageFrom + OUTAGE_SECONDS * 1000;
  fake.failWhile('sendMessage', () => Date.now() >= outageFrom && Date.now() < outageTo, { status: 502, description: 'Bad Gateway' });
  setTimeout(() => fake.hangNext('sendMessage', 3), outageTo - Date.now());
  // SMTP down a second after Telegram, the Graph API a second after that: three outages overlapping.
  const within = (from) => () => Date.now() >= outageFrom + from && Date.now() < outageTo + from;
  setTimeout(() => smtp.fail({ kind: 'refuse-recipient', code: 451, remaining: Number.POSITIVE_INFINITY }), outageFrom + 1000 - Date.now());
  setTimeout(() => smtp.clearFaults(), outageTo + 1000 - Date.now());
  setTimeout(() => meta.fail({ kind: 'error', status: 503, code: 2, message: 'Service temporarily unavailable', remaining: Number.POSITIVE_INFINITY }), outageFrom + 2000 - Date.now());
  setTimeout(() => {
    meta.clearFaults();
    meta.fail({ kind: 'reset-after', remaining: 2 });
  }, outageTo + 2000 - Date.now());
  say(`for ${SECONDS} s: routing, public submissions with e-mail, WhatsApp messages; Telegram down from 2 s for ${OUTAGE_SECONDS} s (then 3 sends unanswered), SMTP from 3 s, the Graph API from 4 s (then 2 sends cut off) …`);
  const end = Date.now() + SECONDS * 1000;
  const emails = [];
  const whatsapp = [];
  const webhook = { posted: 0, refused: 0 };
  await Promise.all([
    (async () => {
      for (let i = 0; Date.now() < end; i += 1) {
        const division = i % 3 === 2 ? 'CAPIL' : 'DAFDUK';
        const walked = await walkInquiry(client, staff, makeApplicant(pii), acked, { division, steps: 1 });
        if (walked && acked.get(walked.code).includes('triaged')) routed[division] += 1;
        await sleep(1200);
      }
    })(),
    loops(1, () => Date.now() >= end, async () => {
      const applicant = makeApplicant(pii);
      const res = await client.call('public submit', 'POST', '/api/public/inquiries', { body: publicBody(applicant) });
      if (res.status === 201) emails.push(applicant.email);
      await sleep(700);
    }),
    loops(1, () => Date.now() >= end, async () => {
      const from = makeApplicant(pii).phone.replace(/^\+/, '');
      const raw = meta.webhook('whatsapp_business_account', meta.waMessage({ from, name: 'Warga', text: 'Selamat pagi, apa syarat membuat KIA untuk anak saya?' }));
      const res = await client.call('whatsapp webhook', 'POST', '/api/channels/meta/webhook', { raw, headers: { 'content-type': 'application/json', 'x-hub-signature-256': meta.sign(raw) } });
      webhook.posted += 1;
      if (res.status === 200) whatsapp.push(from);
      else webhook.refused += 1;
      await sleep(900);
    }),
  ]);
  const errors = client.samples.filter((s) => s.status >= 400 || s.status === 0).length;
  verdict.check('officers and citizens are never held up by the outages', errors === 0, `${client.samples.length} requests (${emails.length} public submissions, ${whatsapp.length} WhatsApp messages), ${errors} failed`);

  const started = Date.now();
  let audit = await cms.rpc('audit');
  const delivered = new Set(['staff', 'telegram', 'smtp', WHATSAPP_REPLY, WHATSAPP]);
  const waiting = () => audit.notifications.filter((n) => delivered.has(n.channel) && (n.status === 'pending' || n.status === 'sending')).length;
  while (waiting() > 0 && Date.now() - started < 120_000) {
    await sleep(1000);
    audit = await cms.rpc('audit');
  }
  verdict.check('the outbox drains after the outage', waiting() === 0, `${audit.notifications.length} rows, ${waiting()} waiting ${((Date.now() - started) / 1000).toFixed(0)} s after the load`);
  await sleep(1500);
  const toWorking = audit.notifications.filter((n) => n.channel === 'telegram' && n.recipient === String(WORKING_CHAT));
  const toChat = fake.delivered(WORKING_CHAT).filter((m) => !m.text.startsWith('Halo'));
  const twice = sentTwice(toChat);
  // A send Telegram never answered may have arrived: it is parked for an officer to check, never sent again.
  const uncertain = toWorking.filter((n) => n.status === 'failed' && /Tidak pasti terkirim/.test(n.lastError ?? ''));
  const sent = toWorking.filter((n) => n.status === 'sent');
  verdict.check(
    'every alert to a working chat delivered once, or parked as uncertain when Telegram never answered',
    sent.length + uncertain.length === toWorking.length && toChat.length === sent.length && twice === 0 && toWorking.length >= routed.DAFDUK && uncertain.length <= 3,
    `${routed.DAFDUK} routed, ${toWorking.length} alerts, ${toChat.length} delivered, ${uncertain.length} uncertain (3 sends hung), ${twice} twice`,
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

  // E-mail: each citizen's receipt accepted once by the SMTP server, after the server refused it for a while.
  const receiptRows = audit.notifications.filter((n) => n.channel === 'smtp');
  const mailsTo = new Map();
  for (const mail of smtp.received) for (const to of mail.envelope.rcptTo) mailsTo.set(to.address, (mailsTo.get(to.address) ?? 0) + 1);
  const mailedTwice = [...mailsTo.values()].filter((n) => n > 1).length;
  const unmailed = emails.filter((address) => !mailsTo.has(address)).length;
  verdict.check(
    'every e-mail receipt accepted by the SMTP server once, none twice',
    receiptRows.length === emails.length && receiptRows.every((n) => n.status === 'sent') && unmailed === 0 && mailedTwice === 0,
    `${emails.length} submissions, ${receiptRows.length} receipt rows, ${smtp.received.length} mails accepted, ${smtp.refused.length} refusals (451) during the outage, ${unmailed} missing, ${mailedTwice} twice`,
  );
  // WhatsApp: each citizen's receipt sent once, or parked as uncertain where Meta took it and cut the connection.
  const waRows = audit.notifications.filter((n) => n.channel === WHATSAPP);
  const waUncertain = waRows.filter((n) => n.status === 'failed' && /Tidak pasti terkirim/.test(n.lastError ?? ''));
  const waSent = waRows.filter((n) => n.status === 'sent');
  const waTo = new Map();
  for (const call of meta.sent()) waTo.set(String(call.body.to), (waTo.get(String(call.body.to)) ?? 0) + 1);
  const waTwice = [...waTo.values()].filter((n) => n > 1).length;
  const waCut = meta.calls.filter((c) => c.outcome === 'reset').length;
  verdict.check(
    'every WhatsApp receipt sent once, or parked as uncertain when Meta cut the connection after taking it',
    webhook.refused === 0 && waRows.length === whatsapp.length && audit.notifications.filter((n) => n.channel === WHATSAPP_REPLY).length === whatsapp.length && waSent.length + waUncertain.length === waRows.length && waSent.length === meta.sent().length && waTwice === 0 && waUncertain.length === waCut,
    `${whatsapp.length} messages in, ${waRows.length} receipt rows, ${meta.sent().length} accepted by the Graph API, ${waUncertain.length} uncertain (${waCut} cut off), ${waTwice} twice`,
  );
  // A short outage leaves room for two attempts only: then the one gap must be the backoff at least.
  const growing = (times) => {
    const steps = times.slice(1).map((at, i) => at - times[i]);
    return { steps, grows: steps.length >= 1 && steps.every((step, i) => step >= BACKOFF_BASE_MS * 0.9 && (i === 0 || step > steps[i - 1])) };
  };
  // While a channel is down one message at a time probes it (whichever waits longest): the probes' times,
  // the sends of the first round (before the engine knew) counted as one.
  const probes = (times) => times.sort((a, b) => a - b).filter((at, i, all) => i === 0 || at - all[i - 1] > 500);
  const graphRefused = meta.calls.filter((c) => c.outcome === 'error');
  for (const [label, refused] of [
    ['SMTP', smtp.refused.map((r) => r.at)],
    ['the Graph API', graphRefused.map((c) => c.at)],
  ]) {
    const attempts = probes(refused);
    const { steps, grows } = growing(attempts);
    verdict.check(`the engine backs off while ${label} is down`, grows, `${refused.length} refused sends, ${attempts.length} rounds of them, gaps ${steps.map((g) => `${(g / 1000).toFixed(1)} s`).join(', ')}`);
  }

  const list = await client.call(null, 'GET', '/api/notifications/failed?pagination[pageSize]=100', { jwt: staff.officer.jwt });
  const failed = list.json?.data ?? [];
  const blockedRows = audit.notifications.filter((n) => n.channel === 'telegram' && n.recipient === String(BLOCKED_CHAT));
  const expected = blockedRows.length + uncertain.length + waUncertain.length;
  const explained = failed.every(
    (row) =>
      (row.channel === 'telegram' && row.recipient === String(BLOCKED_CHAT) && /403/.test(row.lastError)) ||
      (row.channel === 'telegram' && row.recipient === String(WORKING_CHAT) && /Tidak pasti/.test(row.lastError)) ||
      (row.channel === WHATSAPP && /Tidak pasti/.test(row.lastError)),
  );
  verdict.check(
    "the officers' failed list holds the blocked chat's alert and the uncertain sends, and nothing else",
    list.status === 200 && failed.length === expected && explained,
    `${failed.length} listed, ${blockedRows.length} blocked + ${uncertain.length} uncertain on Telegram + ${waUncertain.length} uncertain on WhatsApp expected`,
  );
  verdict.check(
    'a chat that blocked the bot gets no further alerts',
    blockedRows.length === 1 && blockedCalls().length === 1 && routed.CAPIL >= 2,
    `${routed.CAPIL} routed to its Bidang, ${blockedRows.length} alert queued for it, ${blockedCalls().length} send to it`,
  );
  keepForScan('outage', pii, telegramTexts(fake));
  await cms.kill();
  await fake.stop();
  await smtp.stop();
  await meta.stop();
});
