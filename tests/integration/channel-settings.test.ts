import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { createStaff } from '../helpers/builders';
import { signInAdmin, signInEditor } from '../helpers/admin';
import { FakeImap } from '../helpers/fake-imap';
import { FakeSmtp, SMTP_PASS, SMTP_USER } from '../helpers/fake-smtp';
import { FakeTelegram } from '../helpers/fake-telegram';
import { FakeLapor, LAPOR_TOKEN } from '../helpers/fake-lapor';
import { question } from '../helpers/mails';
import { drain, engine, linkChat, virtualClock } from '../helpers/telegram';
import { channelAlerts } from '../helpers/channel-alerts';
import { waitFor } from '../helpers/wait';

const OFFICER_CHAT = 1001;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Tuesday 8 December 2026, 09.00 WIB: office hours. */
const TUESDAY_NINE = new Date('2026-12-08T02:00:00Z');

interface ChannelStatus {
  channel: string;
  enabled: boolean;
  state: string;
  lastError: string | null;
  lastPolledAt: string | null;
  lastInboundAt: string | null;
  errorCount: number;
}
interface SettingView {
  name: string;
  secret: boolean;
  source: 'server' | 'stored' | 'none';
  value: string | null;
  serverOnly: boolean;
}

describe.each(databases())('Pengaturan → Kanal: the IT staff set up and watch the channels, on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let imap: FakeImap;
  let smtp: FakeSmtp;
  let telegram: FakeTelegram;
  let lapor: FakeLapor;
  let clock: ReturnType<typeof virtualClock>;
  let admin: { Authorization: string };

  const health = () => app.strapi.plugin('channels').service('channelHealth');
  const states = async () => (await app.http.get('/channels/settings/states').set(admin).expect(200)).body.data as ChannelStatus[];
  const stateOf = async (channel: string) => (await states()).find((item) => item.channel === channel)!;
  const fieldsOf = async (channel: string) => ((await app.http.get('/channels/settings/fields').set(admin).expect(200)).body.data as Record<string, SettingView[]>)[channel];
  const field = (fields: SettingView[], name: string) => fields.find((item) => item.name === name)!;
  const storedSettings = async () => JSON.stringify(await app.strapi.db.query('strapi::core-store').findOne({ where: { key: 'plugin_channels_settings' } }));
  let alerts: ReturnType<typeof channelAlerts>;
  /** The alerts' texts since the last look, once what is due within `minutes` has gone out. */
  const newAlerts = async (minutes = 1) => (await alerts.next(minutes)).map((alert) => alert.slice(`${OFFICER_CHAT}: `.length));
  /** A successful poll of the mailbox at the virtual time now, so the stale check has nothing to say. */
  const polledNow = () => waitFor(async () => Date.parse((await stateOf('email')).lastPolledAt ?? '') >= clock.ms - MINUTE, 20_000, 'a poll at the current time');

  beforeAll(async () => {
    imap = await new FakeImap().start();
    smtp = await new FakeSmtp().start();
    telegram = await new FakeTelegram({ now: () => clock?.ms ?? 0 }).start();
    lapor = await new FakeLapor().start();
    db = await createTestDatabase(kind);
    app = await bootApp(db, { ...telegram.env(), ...lapor.env(), MAIL_POLL_SECONDS: '1', MAIL_TLS_VERIFY: 'false', CRON_ENABLED: 'false', CHANNEL_QUIET_HOURS: '2', PUBLIC_URL: 'https://layanan.example.go.id' });
    await engine(app).stop();
    const officer = await createStaff(app, 'officer');
    clock = virtualClock(app, TUESDAY_NINE);
    await linkChat(app, telegram, officer, OFFICER_CHAT);
    alerts = channelAlerts(app, clock, telegram);
    admin = await signInAdmin(app);
  });
  afterAll(async () => {
    await app?.stop();
    await imap?.stop();
    await smtp?.stop();
    await telegram?.stop();
    await lapor?.stop();
    await db?.drop();
  });

  it('the e-mail channel is set up in the admin without a restart; its passwords are stored sealed and never come back', async () => {
    expect(await stateOf('email')).toMatchObject({ enabled: false, state: 'belum_diatur' });
    const before = await fieldsOf('email');
    expect(field(before, 'MAIL_IMAP_PASS')).toMatchObject({ secret: true, source: 'none', value: null });
    // Set in the server's environment: shown so, and never as its value when it is a secret.
    expect(field(await fieldsOf('telegram'), 'TELEGRAM_BOT_TOKEN')).toMatchObject({ source: 'server', value: null, serverOnly: true });
    expect(field(await fieldsOf('lapor_sp4n'), 'LAPOR_API_ROOT')).toMatchObject({ source: 'server', value: lapor.root });

    const editor = await signInEditor(app);
    await app.http.put('/channels/settings/email').set(editor).send({ data: { MAIL_IMAP_HOST: 'x' } }).expect(403);

    const settings = {
      MAIL_IMAP_HOST: '127.0.0.1', MAIL_IMAP_PORT: String(imap.port), MAIL_IMAP_SECURE: 'false', MAIL_IMAP_USER: 'testuser', MAIL_IMAP_PASS: 'testpass',
      MAIL_SMTP_HOST: '127.0.0.1', MAIL_SMTP_PORT: String(smtp.port), MAIL_SMTP_SECURE: 'false', MAIL_SMTP_USER: SMTP_USER, MAIL_SMTP_PASS: SMTP_PASS,
      MAIL_FROM: 'Layanan Informasi <layanan@disdukcapil.probolinggokota.go.id>',
    };
    const saved = await app.http.put('/channels/settings/email').set(admin).send({ data: settings }).expect(200);
    expect(JSON.stringify(saved.body)).not.toContain('testpass');
    expect(JSON.stringify(saved.body)).not.toContain(SMTP_PASS);
    expect(field(saved.body.data.fields, 'MAIL_IMAP_PASS')).toMatchObject({ source: 'stored', value: null });
    expect(field(saved.body.data.fields, 'MAIL_IMAP_HOST')).toMatchObject({ source: 'stored', value: '127.0.0.1' });
    expect(saved.body.data.state).toMatchObject({ enabled: true });
    const atRest = await storedSettings();
    expect(atRest).not.toContain('testpass');
    expect(atRest).not.toContain(SMTP_PASS);

    // The mailbox is read at once, and the connection test logs in to both servers.
    await polledNow();
    const tested = (await app.http.post('/channels/settings/email/test').set(admin).expect(200)).body.data;
    expect(tested.steps).toEqual([expect.objectContaining({ name: 'imap', ok: true }), expect.objectContaining({ name: 'smtp', ok: true })]);
  });

  it('bad input is refused in Indonesian and writes nothing; a setting made on the server cannot be changed here', async () => {
    const atRest = await storedSettings();
    const port = await app.http.put('/channels/settings/email').set(admin).send({ data: { MAIL_IMAP_PORT: 'sembilan' } }).expect(400);
    expect(port.body.error.message).toBe('Pengaturan belum disimpan. Port IMAP: isi dengan angka.');
    const half = await app.http.put('/channels/settings/email').set(admin).send({ data: { MAIL_SMTP_USER: '' } }).expect(400);
    expect(half.body.error.message).toContain('Nama pengguna SMTP dan Kata sandi SMTP harus diisi bersama.');
    const unknown = await app.http.put('/channels/settings/email').set(admin).send({ data: { NODE_OPTIONS: '--inspect' } }).expect(400);
    expect(unknown.body.error.message).toBe('Pengaturan "NODE_OPTIONS" tidak dikenal untuk kanal ini.');
    const server = await app.http.put('/channels/settings/lapor_sp4n').set(admin).send({ data: { LAPOR_API_TOKEN: 'token-lain' } }).expect(400);
    expect(server.body.error.message).toBe('Token API SP4N-LAPOR! diatur di server (LAPOR_API_TOKEN) dan tidak dapat diubah di sini.');
    await app.http.put('/channels/settings/telegram').set(admin).send({ data: { TELEGRAM_BOT_TOKEN: '1:abc' } }).expect(400);
    await app.http.put('/channels/settings/email').set(admin).send({ data: 'MAIL_IMAP_HOST=x' }).expect(400);
    expect(await storedSettings()).toBe(atRest);
  });

  it('a secret left out is kept; a wrong one typed in is what the connection test refuses, and the right one mends it', async () => {
    await app.http.put('/channels/settings/email').set(admin).send({ data: { MAIL_IMAP_PASS: 'sandi-salah' } }).expect(200);
    const refused = (await app.http.post('/channels/settings/email/test').set(admin).expect(200)).body.data;
    expect(refused.steps).toEqual([expect.objectContaining({ name: 'imap', ok: false, error: 'credential' }), expect.objectContaining({ name: 'smtp', ok: true })]);
    expect(JSON.stringify(refused)).not.toContain('sandi-salah');

    await app.http.put('/channels/settings/email').set(admin).send({ data: { MAIL_IMAP_PASS: 'testpass' } }).expect(200);
    const passed = (await app.http.post('/channels/settings/email/test').set(admin).expect(200)).body.data;
    expect(passed).toMatchObject({ ok: true, state: { state: 'ok' } });
    // The mati and pulih of this change both fell inside the alert grace: nobody was told.
    expect(await newAlerts()).toEqual([]);
  });

  it('another instance, running on what it read before the save, takes the settings up at its next minute', async () => {
    const email = app.strapi.plugin('channels').service('email');
    const settings = app.strapi.plugin('channels').service('channelSettings');
    // As that instance stands: the environment only, and no mailbox.
    app.strapi.config.set('plugin::channels.mail', { MAIL_POLL_SECONDS: '1', MAIL_TLS_VERIFY: 'false' });
    await email.reload();
    expect((await stateOf('email')).enabled).toBe(false);

    expect(await settings.refresh()).toEqual(['mail']);
    await email.reload();
    expect((await stateOf('email')).enabled).toBe(true);
    expect((await app.http.post('/channels/settings/email/test').set(admin).expect(200)).body.data.ok).toBe(true);
    expect(await settings.refresh()).toEqual([]);
  });

  it('LAPOR! refusing once and answering 50 ms later tells nobody; a refusal that lasts past the grace is told once, and its end once', async () => {
    lapor.acceptedToken = 'token-yang-dicabut';
    expect((await app.http.post('/channels/settings/lapor_sp4n/test').set(admin).expect(200)).body.data.state.state).toBe('mati');
    await new Promise((resolve) => setTimeout(resolve, 50));
    lapor.acceptedToken = LAPOR_TOKEN;
    expect((await app.http.post('/channels/settings/lapor_sp4n/test').set(admin).expect(200)).body.data.state.state).toBe('ok');
    expect(await newAlerts()).toEqual([]);

    const downAlertsSent = () => telegram.calls.filter((call) => call.method === 'sendMessage' && String(call.params.text ?? '').startsWith('🔴')).length;
    const sentBefore = downAlertsSent();
    lapor.acceptedToken = 'token-yang-dicabut';
    await app.http.post('/channels/settings/lapor_sp4n/test').set(admin).expect(200);
    // 29 s later the alert still waits in the outbox; at 30 s it goes.
    await health().settled();
    await drain(app, clock, { until: clock.ms + 29_000, maxRounds: 500 });
    expect(downAlertsSent()).toBe(sentBefore);
    const down = await newAlerts();
    expect(down).toHaveLength(1);
    expect(down[0]).toContain('Kanal SP4N-LAPOR! mati');

    lapor.acceptedToken = LAPOR_TOKEN;
    await app.http.post('/channels/settings/lapor_sp4n/test').set(admin).expect(200);
    expect(await newAlerts()).toEqual([expect.stringContaining('Kanal SP4N-LAPOR! pulih')]);
  });

  it('Telegram refusing getUpdates reaches the channel state: a 409 is recorded, a refused token makes it mati and alerted, and the poll mends it', async () => {
    let refusal: 409 | 401 | null = 409;
    telegram.failWhile('getUpdates', () => refusal === 409, { status: 409, description: 'Conflict: terminated by other getUpdates request' });
    telegram.failWhile('getUpdates', () => refusal === 401, { status: 401, description: 'Unauthorized' });
    telegram.wakePollers();
    await waitFor(async () => ((await stateOf('telegram')).lastError ?? '').includes('409'), 30_000, 'the 409 recorded');
    expect((await stateOf('telegram')).lastError).toContain('dibaca oleh server lain');

    refusal = 401;
    telegram.wakePollers();
    await waitFor(async () => (await stateOf('telegram')).state === 'mati', 30_000, 'telegram mati');
    const dead = await stateOf('telegram');
    expect(dead.lastError).toBe('Telegram 401: token bot ditolak saat membaca pesan (getUpdates).');
    expect(JSON.stringify(dead)).not.toContain(telegram.token);
    // The officers' alerts ride on the bot's sends, which still work: they hear it once.
    const down = await newAlerts();
    expect(down).toHaveLength(1);
    expect(down[0]).toContain('Kanal Telegram mati');

    refusal = null;
    telegram.clearFaults();
    await waitFor(
      async () => {
        telegram.wakePollers();
        return (await stateOf('telegram')).state === 'ok';
      },
      45_000,
      'telegram ok again',
    );
    expect(await newAlerts()).toEqual([expect.stringContaining('Kanal Telegram pulih')]);
  });

  it('a mailbox that brought nothing in for CHANNEL_QUIET_HOURS of office hours is diam, told once; the next mail ends it', async () => {
    const ten = TUESDAY_NINE.getTime() + HOUR;
    expect(clock.ms).toBeLessThan(ten);
    clock.set(new Date(ten));
    await polledNow();
    imap.deliver(question({ messageId: '<sepi-1@gmail.com>', subject: 'Syarat KIA' }));
    await waitFor(async () => (await stateOf('email')).lastInboundAt !== null, 20_000, 'the mail read');
    await newAlerts();

    // 10.00 to 11.30: an hour and a half of office hours, not yet quiet.
    clock.set(new Date(ten + 90 * MINUTE));
    await polledNow();
    await health().sweep();
    expect((await stateOf('email')).state).toBe('ok');

    clock.set(new Date(ten + 5 * HOUR));
    await polledNow();
    await health().sweep();
    expect((await stateOf('email')).state).toBe('diam');
    const quiet = await newAlerts();
    expect(quiet).toHaveLength(1);
    expect(quiet[0]).toContain('Kanal E-mail diam');
    expect(quiet[0]).toContain('2 jam kerja');

    await polledNow();
    await health().sweep();
    expect((await stateOf('email')).state).toBe('diam');
    expect(await newAlerts()).toEqual([]);

    imap.deliver(question({ messageId: '<sepi-2@gmail.com>', subject: 'Syarat akta' }));
    await waitFor(async () => (await stateOf('email')).state === 'ok', 20_000, 'the next mail ends the quiet');
    expect(await newAlerts()).toEqual([]);
  });
});
