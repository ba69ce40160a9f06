import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildPublicInquiry, createStaff } from '../helpers/builders';
import { signInAdmin, signInEditor } from '../helpers/admin';
import { FakeImap } from '../helpers/fake-imap';
import { FakeSmtp, SMTP_PASS } from '../helpers/fake-smtp';
import { FakeTelegram } from '../helpers/fake-telegram';
import { FakeMeta } from '../helpers/fake-meta';
import { engine, linkChat, virtualClock } from '../helpers/telegram';
import { channelAlerts } from '../helpers/channel-alerts';
import { waitFor } from '../helpers/wait';

const OFFICER_CHAT = 1001;
const DIVISION_CHAT = 2001;
const MINUTE = 60_000;
const NEW_IMAP_PASSWORD = 'sandi-baru-dari-admin-surat';

interface ChannelStatus {
  channel: string;
  enabled: boolean;
  state: string;
  lastError: string | null;
  lastPolledAt: string | null;
  errorCount: number;
}

describe.each(databases())('when a channel breaks, the officers hear it once, on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let imap: FakeImap;
  let smtp: FakeSmtp;
  let telegram: FakeTelegram;
  let meta: FakeMeta;
  let clock: ReturnType<typeof virtualClock>;
  let admin: { Authorization: string };
  let officerAuth: { Authorization: string };

  const states = async () => (await app.http.get('/channels/settings/states').set(admin).expect(200)).body.data as ChannelStatus[];
  const stateOf = async (channel: string) => (await states()).find((item) => item.channel === channel)!;
  const untilState = (channel: string, state: string) => waitFor(async () => (await stateOf(channel)).state === state, 20_000, `${channel} to be ${state}`);
  let alerts: ReturnType<typeof channelAlerts>;
  const newAlerts = (minutes = 1) => alerts.next(minutes);
  const health = async () => {
    await app.strapi.plugin('sop-workflow').service('sweep').recordRun(new Date(clock.ms));
    return (await app.http.get('/api/health').expect(200)).body.status as string;
  };

  beforeAll(async () => {
    imap = await new FakeImap().start();
    smtp = await new FakeSmtp().start();
    telegram = await new FakeTelegram({ now: () => clock?.ms ?? 0 }).start();
    meta = await new FakeMeta().start();
    db = await createTestDatabase(kind);
    app = await bootApp(db, { ...imap.env(), ...smtp.env(), ...telegram.env(), ...meta.env(), MAIL_POLL_SECONDS: '1', CRON_ENABLED: 'false', PUBLIC_URL: 'https://layanan.example.go.id' });
    await engine(app).stop();
    const officer = await createStaff(app, 'officer');
    officerAuth = officer.auth;
    const since = Date.parse((await app.http.get('/api/health/details').set(officerAuth).expect(200)).body.data.checks.scheduler.since);
    clock = virtualClock(app, new Date(since + MINUTE));
    meta.clock = () => clock.ms;
    await linkChat(app, telegram, officer, OFFICER_CHAT);
    await linkChat(app, telegram, await createStaff(app, 'division_staff', 'DAFDUK'), DIVISION_CHAT);
    alerts = channelAlerts(app, clock, telegram);
    admin = await signInAdmin(app);
  });
  afterAll(async () => {
    await app?.stop();
    await imap?.stop();
    await smtp?.stop();
    await telegram?.stop();
    await meta?.stop();
    await db?.drop();
  });

  it('a mailbox password changed by the mail admin makes the e-mail channel mati at once, and the officers get one alert saying what to do', async () => {
    await waitFor(async () => (await stateOf('email')).lastPolledAt !== null, 20_000, 'the mailbox read once');
    // The mail admin changes the password; the server ends the sessions open with the old one.
    imap.setPassword(NEW_IMAP_PASSWORD);
    imap.dropConnections();
    await untilState('email', 'mati');
    const email = await stateOf('email');
    expect(email.lastError).toContain('AUTHENTICATIONFAILED');
    expect(JSON.stringify(email)).not.toContain(NEW_IMAP_PASSWORD);

    const alerts = await newAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(new RegExp(`^${OFFICER_CHAT}: 🔴 <b>Kanal E-mail mati</b>`));
    expect(alerts[0]).toContain('Periksa kata sandi IMAP/SMTP di Pengaturan → Kanal');
    expect(alerts[0]).not.toContain('testuser');

    // The mailbox is still tried (with backoff): each refusal is counted, and nobody is told twice.
    await waitFor(async () => (await stateOf('email')).errorCount >= 3, 20_000, 'two more refused logins');
    expect(await newAlerts()).toEqual([]);
  });

  it('the health check says degraded while a channel is mati, and names it to staff', async () => {
    expect(await health()).toBe('degraded');
    const details = (await app.http.get('/api/health/details').set(officerAuth).expect(200)).body.data;
    expect(details.checks.channels.state).toBe('degraded');
    expect(details.checks.channels.items.find((item: ChannelStatus) => item.channel === 'email')).toMatchObject({ state: 'mati', enabled: true });
    expect(details.checks.channels.items.find((item: ChannelStatus) => item.channel === 'lapor_sp4n')).toMatchObject({ state: 'belum_diatur', enabled: false });
  });

  it('Tes koneksi in Pengaturan → Kanal shows the refused login; once the password is right it turns the channel ok and the officers get one "pulih"', async () => {
    const editor = await signInEditor(app);
    await app.http.post('/channels/settings/email/test').set(editor).expect(403);
    await app.http.post('/channels/settings/email/test').expect(401);
    await app.http.post('/channels/settings/fax/test').set(admin).expect(404);

    const refused = (await app.http.post('/channels/settings/email/test').set(admin).expect(200)).body.data;
    expect(refused.ok).toBe(false);
    expect(refused.steps).toEqual([
      expect.objectContaining({ name: 'imap', ok: false, error: 'credential' }),
      expect.objectContaining({ name: 'smtp', ok: true }),
    ]);

    imap.setPassword('testpass');
    const passed = (await app.http.post('/channels/settings/email/test').set(admin).expect(200)).body.data;
    expect(passed).toMatchObject({ ok: true, state: { state: 'ok', errorCount: 0 } });
    const alerts = await newAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(new RegExp(`^${OFFICER_CHAT}: 🟢 <b>Kanal E-mail pulih</b>`));

    await app.http.post('/channels/settings/email/test').set(admin).expect(200);
    expect(await newAlerts()).toEqual([]);
    expect(await health()).toBe('ok');
  });

  it('Kirim pesan uji sends one mail to the address the admin typed, and refuses a bad address in Indonesian', async () => {
    const before = smtp.received.length;
    const res = await app.http.post('/channels/settings/email/test-message').set(admin).send({ data: { to: 'admin.it@dinas.test' } }).expect(200);
    expect(res.body.data).toMatchObject({ ok: true });
    expect(smtp.received.slice(before).map((mail) => mail.envelope.rcptTo.map((to) => to.address))).toEqual([['admin.it@dinas.test']]);
    const bad = await app.http.post('/channels/settings/email/test-message').set(admin).send({ data: { to: 'bukan alamat' } }).expect(400);
    expect(bad.body.error.message).toBe('Alamat e-mail tujuan tidak valid.');
  });

  it('an SMTP password changed on the server (535 on a receipt) makes the e-mail channel mati; the mailbox still being read does not hide it', async () => {
    smtp.setPassword('sandi-smtp-baru');
    await app.http.post('/api/public/inquiries').send(buildPublicInquiry({ applicant: { name: 'Siti Aminah', email: 'siti.aminah@contoh.id' } })).expect(201);
    const alerts = await newAlerts();
    const email = await stateOf('email');
    expect(email.state).toBe('mati');
    expect(email.lastError).toContain('535');
    expect(email.lastError).not.toContain('siti.aminah@contoh.id');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('Kanal E-mail mati');

    // The mailbox goes on being read every second; only SMTP's own success (or a test) clears SMTP's refusal.
    await waitFor(async () => Date.parse((await stateOf('email')).lastPolledAt ?? '') >= clock.ms - MINUTE, 20_000, 'a successful poll');
    expect((await stateOf('email')).state).toBe('mati');

    smtp.setPassword(SMTP_PASS);
    // The held receipt goes out at the next probe of the channel, within its backoff.
    const restored = await newAlerts(30);
    expect((await stateOf('email')).state).toBe('ok');
    expect(restored).toHaveLength(1);
    expect(restored[0]).toContain('Kanal E-mail pulih');
  });

  it('a Meta access token that expired (OAuth 190) makes WhatsApp mati; Meta’s webhooks still arriving do not hide it', async () => {
    meta.fail({ kind: 'error', status: 401, code: 190, message: 'Error validating access token: Session has expired', remaining: 1000 });
    const webhook = () => app.http.post('/api/channels/meta/webhook').set('content-type', 'application/json');
    const raw = meta.webhook('whatsapp_business_account', meta.waMessage({ from: '+6281234500001', text: 'Syarat KIA apa saja?' }));
    await webhook().set('x-hub-signature-256', meta.sign(raw)).send(raw).expect(200);
    await app.strapi.plugin('channels').service('meta').processPending();
    const alerts = await newAlerts();
    const whatsapp = await stateOf('whatsapp');
    expect(whatsapp.state).toBe('mati');
    expect(whatsapp.lastError).toContain('Meta 190');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('Kanal WhatsApp mati');
    expect(alerts[0]).toContain('Periksa token akses Meta (WhatsApp)');
    expect(alerts[0]).not.toContain('6281234500001');

    const again = meta.webhook('whatsapp_business_account', meta.waMessage({ from: '+6281234500002', text: 'Halo' }));
    await webhook().set('x-hub-signature-256', meta.sign(again)).send(again).expect(200);
    expect((await stateOf('whatsapp')).state).toBe('mati');

    // The token renewed: the held receipt goes out at the next probe, and WhatsApp is back.
    meta.clearFaults();
    expect(await newAlerts(30)).toEqual([expect.stringContaining('Kanal WhatsApp pulih')]);
    expect((await stateOf('whatsapp')).state).toBe('ok');
  });

  it('a mailbox that stops answering is mati once no poll has succeeded for CHANNEL_STALE_MINUTES, and comes back by itself', async () => {
    await untilState('email', 'ok');
    imap.freeze();
    // Once the watcher waits on the server, no poll is left under way to succeed late.
    await waitFor(() => imap.waitingClients() > 0, 20_000, 'the watcher waiting on the hung server');
    await app.strapi.plugin('channels').service('channelHealth').settled();
    const lastPolled = Date.parse((await stateOf('email')).lastPolledAt!);
    clock.set(new Date(lastPolled + 9 * MINUTE));
    await app.strapi.plugin('channels').service('channelHealth').sweep();
    expect((await stateOf('email')).state).toBe('ok');

    clock.set(new Date(lastPolled + 11 * MINUTE));
    await app.strapi.plugin('channels').service('channelHealth').sweep();
    const email = await stateOf('email');
    expect(email).toMatchObject({ state: 'mati', lastError: 'Tidak ada pembacaan yang berhasil selama lebih dari 10 menit.' });
    const alerts = await newAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('Kanal E-mail mati');

    imap.thaw();
    await untilState('email', 'ok');
    expect(await newAlerts()).toEqual([expect.stringContaining('Kanal E-mail pulih')]);
  });
});
