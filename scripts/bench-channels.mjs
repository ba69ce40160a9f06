#!/usr/bin/env node
// npm run bench:channels — how long a broken credential goes unnoticed. The CMS runs against the tests'
// protocol-level fakes (hoodiecrow IMAP, smtp-server, a fake Graph API, a fake Telegram Bot API), one officer
// linked on Telegram. For each kind of breakage the credential is broken at the service, the channel is given
// the traffic that would meet it, and two times are measured from the break: until the channel's state is
// `mati`, and until the officer's Telegram chat holds the alert. Goal: both well inside the SOP's 15 minutes.
// A measurement, not a test: it exits 0 whether the goal is met or not. Options: --no-compile.
import { compile, loadTestHelper, log, option, sleep, startApp, until } from './lib/bench.mjs';

const COMPILE = option('no-compile', 'false') !== 'true';
const OFFICER_CHAT = 1001;
const GOAL_MS = 15 * 60_000;

async function main() {
  if (COMPILE) compile();
  const { FakeImap } = loadTestHelper('fake-imap');
  const { FakeSmtp, SMTP_PASS } = loadTestHelper('fake-smtp');
  const { FakeTelegram } = loadTestHelper('fake-telegram');
  const { FakeMeta } = loadTestHelper('fake-meta');
  const imap = await new FakeImap().start();
  const smtp = await new FakeSmtp().start();
  const telegram = await new FakeTelegram().start();
  const meta = await new FakeMeta().start();

  log('starting the CMS with e-mail, WhatsApp and the officers\' Telegram …');
  const { ask, base } = await startApp('channels', { ...imap.env(), ...smtp.env(), ...telegram.env(), ...meta.env(), MAIL_POLL_SECONDS: '30' });
  const stateOf = async (channel) => (await ask('channels')).channels.find((item) => item.channel === channel);
  const [officer] = (await ask('staff', { role: 'officer', count: 1 })).staff;
  const link = await (await fetch(`${base}/api/telegram/link-code`, { method: 'POST', headers: { authorization: `Bearer ${officer.jwt}` } })).json();
  await telegram.userSends(OFFICER_CHAT, `/start ${link.data.code}`);
  await until(() => telegram.delivered(OFFICER_CHAT).length > 0, 'the officer\'s chat linked');
  await until(async () => (await stateOf('email')).lastPolledAt !== null, 'the first poll of the mailbox');

  const figures = [];
  async function measure(name, channel, breakIt, traffic) {
    const seen = telegram.calls.length;
    const started = performance.now();
    await breakIt();
    await traffic?.();
    await until(async () => (await stateOf(channel)).state === 'mati', `${channel} mati`, GOAL_MS);
    const dead = performance.now() - started;
    await until(() => telegram.delivered(OFFICER_CHAT, seen).some((m) => m.text.startsWith('🔴')), `the alert for ${channel}`, GOAL_MS);
    const alerted = performance.now() - started;
    figures.push({ name, dead, alerted });
    log(`${name}: mati after ${(dead / 1000).toFixed(2)} s, officer alerted after ${(alerted / 1000).toFixed(2)} s`);
  }

  await measure('IMAP password changed (AUTHENTICATIONFAILED)', 'email', async () => {
    imap.setPassword('diganti-admin-surat');
    imap.dropConnections();
  });
  imap.setPassword('testpass');
  await until(async () => (await stateOf('email')).state === 'ok', 'e-mail back (next reconnect)', GOAL_MS);

  await measure('SMTP password changed (535 on a receipt)', 'email', async () => smtp.setPassword('diganti-admin-surat'), async () => {
    const body = { data: { kind: 'information', subject: 'Syarat KTP-el', message: 'Apa syarat membuat KTP-el baru?', serviceCategory: 'ktp_el', applicant: { name: 'Warga Uji', email: 'warga.uji@mail.example' } } };
    await fetch(`${base}/api/public/inquiries`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  });
  smtp.setPassword(SMTP_PASS);

  await measure('Meta token expired (OAuth 190 on a receipt)', 'whatsapp', async () => meta.fail({ kind: 'error', status: 401, code: 190, remaining: 1000 }), async () => {
    const raw = meta.webhook('whatsapp_business_account', meta.waMessage({ from: '+6281234509999', text: 'Syarat KIA apa saja?' }));
    await fetch(`${base}/api/channels/meta/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': meta.sign(raw) }, body: raw });
  });

  console.log('\nTime from a broken credential to the channel `mati` and to the officers\' Telegram alert');
  for (const { name, dead, alerted } of figures) {
    console.log(`  ${name.padEnd(48)} mati ${(dead / 1000).toFixed(2).padStart(6)} s   alert ${(alerted / 1000).toFixed(2).padStart(6)} s   ${alerted < GOAL_MS ? 'within 15 min ✓' : 'over 15 min ✗'}`);
  }
  console.log(`  A mailbox that hangs without an error is mati after CHANNEL_STALE_MINUTES (default 10) without a successful poll,\n  judged by the minute's sweep: at most 11 min, the alert a few seconds later.`);
  await Promise.all([imap.stop(), smtp.stop(), telegram.stop(), meta.stop()]);
  await sleep(100);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
