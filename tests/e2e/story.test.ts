import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { bootApp, createTestDatabase, type TestApp, type TestDatabase } from '../helpers/strapi';
import { freePort, launchChromium, type HeadlessBrowser } from '../helpers/browser';
import { FakeTelegram } from '../helpers/fake-telegram';
import { FakeImap } from '../helpers/fake-imap';
import { FakeSmtp } from '../helpers/fake-smtp';
import { question } from '../helpers/mails';
import { waitFor } from '../helpers/wait';
import { parseMail } from '../../plugins/channels/src/email/parse';

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');
const PASSWORD = 'Layanan2026!';
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 360, height: 740 };

/** A morning's worth of open requests on several channels, so the board looks like an office's. */
async function seedOpenRequests({ strapi }: TestApp): Promise<void> {
  const workflow = strapi.plugin('sop-workflow').service('workflow');
  const officer = { type: 'system' as const, name: 'Rina Wulandari' };
  const divisions = Object.fromEntries(
    ((await strapi.db.query('api::division.division').findMany({ select: ['documentId', 'code'] })) as { documentId: string; code: string }[]).map((d) => [d.code, d.documentId]),
  );
  const requests = [
    { channel: 'whatsapp', kind: 'information', subject: 'Cara mengurus akta kelahiran anak', division: 'CAPIL', steps: 1 },
    { channel: 'walk_in', kind: 'complaint', subject: 'KTP-el belum tercetak sejak bulan lalu', division: 'DAFDUK', steps: 2 },
    { channel: 'lapor_sp4n', kind: 'complaint', subject: 'Antrean pelayanan terlalu lama', division: 'DAFDUK', steps: 0, externalRef: 'LAPOR-2611001' },
    { channel: 'phone', kind: 'information', subject: 'Syarat pindah datang dari luar kota', division: 'DAFDUK', steps: 1 },
    { channel: 'instagram', kind: 'information', subject: 'Jam layanan hari Sabtu', division: 'DAFDUK', steps: 0 },
    { channel: 'email', kind: 'information', subject: 'Perubahan nama pada akta', division: 'CAPIL', steps: 2 },
  ];
  for (const { steps, division, ...request } of requests) {
    const { inquiry } = await workflow.create({ ...request, message: `${request.subject}. Mohon informasinya.`, applicant: { name: 'Warga Kota Probolinggo' } }, officer);
    if (steps >= 1) await workflow.triage(inquiry.documentId, { division: divisions[division] }, officer);
    if (steps >= 2) await workflow.coordinate(inquiry.documentId, { information: 'Informasi dari bidang.' }, officer);
  }
}

/**
 * The SOP end to end in a real headless Chromium against the real CMS serving the built dashboard:
 * a citizen asks from a phone, the Bidang's staff member links Telegram, the officer routes the card by
 * dragging it and the alert reaches that chat, the Bidang gives its information, the officer answers,
 * the citizen reads the answer from the confirmation's link and rates the service, and the head of the
 * office reads the Rekap Informasi.
 */
describe('a request from the public ask page to the answer, in Chromium', () => {
  let db: TestDatabase;
  let app: TestApp;
  let chromium: HeadlessBrowser;
  let telegram: FakeTelegram;
  let imap: FakeImap;
  let smtp: FakeSmtp;
  let base: string;
  let code: string;
  let trackingUrl: string;
  const subject = 'Syarat membuat KTP-el pertama kali';
  const dafdukChat = 5_550_101;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    db = await createTestDatabase('sqlite');
    const port = await freePort();
    telegram = await new FakeTelegram().start();
    imap = await new FakeImap().start();
    smtp = await new FakeSmtp().start();
    const mail = { ...imap.env(), ...smtp.env(), MAIL_POLL_SECONDS: '1' };
    app = await bootApp(db, { DEMO_DATA: 'true', DEMO_INQUIRIES: '12', HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...telegram.env(), ...mail });
    // Strapi's start-up banner says nothing a test reader needs.
    const banner = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await app.strapi.listen().finally(() => banner.mockRestore());
    const address = app.strapi.server.httpServer.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
    await seedOpenRequests(app);
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
    await telegram?.stop();
    await imap?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  async function context(viewport = DESKTOP): Promise<BrowserContext> {
    return chromium.browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta', isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
  }
  const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });

  async function signIn(email: string): Promise<Page> {
    const page = await (await context()).newPage();
    await page.goto(`${base}/dashboard/login`);
    await page.fill('input[name="username"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    return page;
  }

  it('takes the citizen’s request on a 360 px phone and gives a tracking code and link', async () => {
    const desktop = await (await context()).newPage();
    await desktop.goto(`${base}/`);
    await desktop.getByRole('heading', { name: /Ajukan permohonan/ }).waitFor();
    await shot(desktop, 'public-ask-desktop');
    await desktop.context().close();

    const phone = await (await context(PHONE)).newPage();
    await phone.goto(`${base}/`);
    await shot(phone, 'public-ask-phone', true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await phone.getByRole('button', { name: 'Kirim permohonan' }).click();
    await phone.getByText('Nama wajib diisi, minimal 2 huruf.').waitFor();

    await phone.selectOption('select[name="serviceCategory"]', 'ktp_el');
    await phone.fill('input[name="subject"]', subject);
    await phone.fill('textarea[name="message"]', 'Selamat pagi, anak saya baru berusia 17 tahun. Apa saja syarat membuat KTP-el untuk pertama kali?');
    await phone.fill('input[name="name"]', 'Siti Aminah');
    await phone.fill('input[name="phone"]', '0812 3456 7890');
    await phone.getByRole('button', { name: 'Kirim permohonan' }).click();

    code = (await phone.getByTestId('tracking-code').textContent())!.trim();
    expect(code).toMatch(/^INF-\d{4}-\d{5}$/);
    const href = await phone.getByTestId('tracking-link').getAttribute('href');
    expect(href).toMatch(new RegExp(`^/lacak/${code}\\?token=.+`));
    trackingUrl = `${base}${href}`;
    await shot(phone, 'public-confirmation-phone', true);
    await phone.context().close();
  });

  it('lets a Bidang staff member link Telegram from the queue page, and shows the link in the profile', async () => {
    const page = await signIn('dafduk@demo.local');
    await page.getByTestId('division-queue').waitFor();
    await page.getByRole('button', { name: 'Hubungkan Telegram' }).click();
    const command = (await page.getByTestId('telegram-command').textContent())!;
    expect(command).toMatch(/^\/start [A-HJ-NP-Z2-9]{10}$/);
    await expect(page.getByTestId('telegram-open').getAttribute('href')).resolves.toBe(`https://t.me/LayananInfoBot?start=${command.slice('/start '.length)}`);
    await shot(page, 'telegram-link');

    await telegram.userSends(dafdukChat, command);
    await page.getByText('Telegram terhubung. Notifikasi akan dikirim ke obrolan tersebut.').waitFor();
    await page.getByTestId('telegram-link').waitFor({ state: 'detached' });
    expect(telegram.delivered(dafdukChat).map((m) => m.text).join('\n')).toContain('Agus Santoso');

    await page.getByRole('menuitem', { name: 'Profil & Telegram' }).click();
    await expect(page.getByTestId('telegram-linked').textContent()).resolves.toMatch(/^Terhubung ke obrolan pribadi Telegram sejak .+ WIB\.$/);
    await shot(page, 'profile');
    await page.context().close();
  });

  it('shows the request on the officer’s board, who routes it by dragging the card to "Dipilah"', async () => {
    const page = await signIn('petugas@demo.local');
    await page.locator('[data-testid="board"][data-ready="true"]').waitFor();
    const card = page.locator(`[data-status="received"] [data-code="${code}"]`);
    await card.waitFor();
    await shot(page, 'board');

    await page.fill('input[name="board-search"]', code);
    await page.locator('[data-testid="inquiry-card"]').nth(1).waitFor({ state: 'detached' });
    const from = (await card.boundingBox())!;
    const to = (await page.locator('[data-status="triaged"] .board-column__cards').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 25 });
    await page.mouse.up();

    const dialog = page.getByRole('dialog');
    await dialog.getByText('Saran: Bidang Pendaftaran Penduduk').waitFor();
    await expect(dialog.getByRole('combobox').textContent()).resolves.toBe('Bidang Pendaftaran Penduduk');
    await page.locator(`[data-status="triaged"] [data-code="${code}"]`).waitFor();
    await dialog.getByRole('button', { name: 'Teruskan ke bidang' }).click();
    await page.getByText(`Permohonan ${code} dipindahkan ke "Dipilah".`).waitFor();
    await expect(page.locator(`[data-status="triaged"] [data-code="${code}"]`).getByText('DAFDUK').count()).resolves.toBe(1);
    await page.context().close();

    const alert = await telegram.waitFor('sendMessage', (call) => String(call.params.chat_id) === String(dafdukChat) && String(call.params.text).includes(code));
    expect(String(alert.params.text)).toContain(subject);
    expect(String(alert.params.text)).not.toMatch(/Siti Aminah|0812|3456 7890/);
  });

  it('puts it in the queue of Pendaftaran Penduduk, whose staff give the information', async () => {
    const page = await signIn('dafduk@demo.local');
    await page.getByTestId('division-queue').waitFor();
    const item = page.locator(`[data-testid="division-queue"] .MuiCard-root[data-code="${code}"]`);
    await item.getByRole('button', { name: 'Berikan informasi' }).click();
    await page.fill('textarea[name="information"]', 'Syarat KTP-el pemula: berusia 17 tahun, membawa Kartu Keluarga asli, datang sendiri untuk perekaman biometrik.');
    await page.getByRole('button', { name: 'Kirim informasi' }).click();
    await page.getByText('Informasi bidang tersimpan.').waitFor();
    await item.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('lets the officer answer from the inquiry page with an FAQ entry, edited, and records every step', async () => {
    const page = await signIn('petugas@demo.local');
    await page.locator('[data-testid="board"][data-ready="true"]').waitFor();
    await page.locator(`[data-status="coordinated"] [data-code="${code}"]`).click();
    await page.getByTestId('inquiry-page').waitFor();
    await page.getByRole('button', { name: 'Jawab' }).click();
    await page.fill('input[name="faq-search"]', 'KTP-el pertama');
    await page.getByRole('button', { name: 'Sisipkan' }).first().click();
    const answer = page.locator('textarea[name="answer"]');
    await expect(answer.inputValue()).resolves.toContain('KTP-el');
    await answer.fill(`${await answer.inputValue()}\n\nLayanan perekaman buka Senin–Jumat pukul 08.00–15.00 WIB.`);
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByText('Jawaban dikirim melalui kanal pemohon.').waitFor();
    await page.locator('[data-testid="inquiry-page"][data-status="answered"]').waitFor();
    await expect(page.getByTestId('inquiry-status').textContent()).resolves.toBe('Dijawab');

    const timeline = page.getByTestId('timeline');
    await timeline.locator('[data-event="answered"]').waitFor();
    const steps = await timeline.locator('[data-event]').evaluateAll((items) => items.map((item) => [item.getAttribute('data-event'), item.textContent]));
    const story = steps.filter(([type]) => ['created', 'triaged', 'coordinated', 'answered'].includes(type!));
    expect(story.map(([type]) => type)).toEqual(['created', 'triaged', 'coordinated', 'answered']);
    expect(story[0][1]).toContain('Pemohon');
    expect(story[1][1]).toContain('Rina Wulandari');
    expect(story[1][1]).toContain('Bidang Pendaftaran Penduduk');
    expect(story[2][1]).toContain('Agus Santoso');
    expect(story[3][1]).toContain('Rina Wulandari');
    await shot(page, 'inquiry', true);
    await page.context().close();
  });

  it('shows the citizen the answer on the tracking page from the confirmation link', async () => {
    const phone = await (await context(PHONE)).newPage();
    await phone.goto(trackingUrl);
    await expect(phone.getByTestId('tracking-status').textContent()).resolves.toBe('Dijawab');
    await expect(phone.getByTestId('tracking-answer').textContent()).resolves.toContain('Senin–Jumat pukul 08.00–15.00 WIB');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(phone, 'public-tracking-phone', true);
    await phone.goto(`${base}/faq`);
    await phone.fill('input[type="search"]', 'KTP hilang');
    await phone.locator('details').first().click();
    await shot(phone, 'public-faq-phone', true);
    await phone.context().close();

    const desktop = await (await context()).newPage();
    await desktop.goto(trackingUrl);
    await desktop.getByTestId('tracking-answer').waitFor();
    await shot(desktop, 'public-tracking-desktop');
    await desktop.context().close();
  });

  it('lets the citizen rate the answered request once, from the tracking page', async () => {
    const phone = await (await context(PHONE)).newPage();
    await phone.goto(trackingUrl);
    await phone.getByTestId('survey-invite').getByRole('link', { name: 'Nilai layanan kami' }).click();
    await phone.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor();
    await phone.getByRole('button', { name: 'Kirim penilaian' }).click();
    await phone.getByText('Mohon jawab setiap pertanyaan yang ditandai.').waitFor();
    for (const element of ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9']) await phone.locator(`input[name="${element}"][value="${element === 'U3' ? 3 : 4}"]`).check({ force: true });
    await phone.fill('textarea#comment', 'Petugas ramah dan jawabannya jelas.');
    await shot(phone, 'public-survey-phone', true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await phone.getByRole('button', { name: 'Kirim penilaian' }).click();
    await phone.getByTestId('survey-thanks').waitFor();

    await phone.goto(trackingUrl);
    await phone.getByTestId('tracking-answer').waitFor();
    expect(await phone.getByTestId('survey-invite').count()).toBe(0);
    await phone.context().close();
  });

  it('answers a citizen who wrote to the Dinas mailbox, in their own mail thread, from the inquiry page', async () => {
    const messageId = '<story.akta@mail.gmail.com>';
    imap.deliver(question({ messageId, from: 'Dewi Lestari <dewi.lestari@gmail.com>', subject: 'Akta kelahiran hilang', text: 'Selamat siang, akta kelahiran anak saya hilang. Bagaimana cara membuat salinannya?\n\nDewi' }));
    const inquiries = app.strapi.db.query('api::inquiry.inquiry');
    await waitFor(async () => (await inquiries.count({ where: { externalRef: messageId } })) === 1, 20_000, 'the mail to become a request');
    const { code: mailCode } = (await inquiries.findOne({ where: { externalRef: messageId }, select: ['code'] })) as { code: string };
    const toDewi = () => smtp.received.filter((m) => m.envelope.rcptTo.some((r) => r.address === 'dewi.lestari@gmail.com'));
    await waitFor(() => toDewi().length === 1, 20_000, 'the receipt to reach the mail server');

    const page = await signIn('petugas@demo.local');
    await page.locator('[data-testid="board"][data-ready="true"]').waitFor();
    await page.locator(`[data-status="received"] [data-code="${mailCode}"]`).click();
    await page.getByTestId('inquiry-page').waitFor();
    const conversation = page.getByTestId('conversation');
    await conversation.getByText('akta kelahiran anak saya hilang', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Jawab' }).click();
    await page.getByText('Jawaban akan dikirim ke', { exact: false }).waitFor();
    await page.locator('textarea[name="answer"]').fill('Silakan datang ke loket Pencatatan Sipil membawa KK dan KTP-el orang tua untuk salinan akta.');
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.locator('[data-testid="inquiry-page"][data-status="answered"]').waitFor();

    await waitFor(() => toDewi().length === 2, 20_000, 'the answer to reach the mail server');
    const answered = await parseMail(toDewi()[1].raw, { attachmentMaxBytes: 0 });
    expect(answered.inReplyTo).toBe(messageId);
    expect(answered.subject).toBe(`Re: Akta kelahiran hilang [${mailCode}]`);
    expect(answered.text).toContain('membawa KK dan KTP-el orang tua');
    await page.reload();
    await page.getByTestId('conversation').getByText('membawa KK dan KTP-el orang tua', { exact: false }).waitFor();
    await shot(page, 'inquiry-email', true);
    await page.context().close();
  });

  it('opens the Rekap Informasi for the head of the office, with its KPI tiles, IKM and charts', async () => {
    const page = await signIn('pimpinan@demo.local');
    await page.waitForURL((url) => url.pathname.endsWith('/rekap'));
    const kpis = page.getByTestId('recap-kpis');
    await kpis.waitFor();
    await page.locator('.recap-card svg.recharts-surface').first().waitFor();
    const total = Number((await kpis.locator('[data-kpi="total"] [data-value]').textContent())!.replace(/\D/g, ''));
    expect(total).toBeGreaterThanOrEqual(1);
    await expect(kpis.locator('[data-kpi="ikm"] [data-value]').textContent()).resolves.toMatch(/^\d{2,3},\d{2} \([ABCD]\)$/);
    await shot(page, 'recap', true);
    await page.context().close();
  });
});
