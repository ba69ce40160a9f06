import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { bootApp, createTestDatabase, type TestApp, type TestDatabase } from '../../helpers/strapi';
import { freePort, launchChromium, type HeadlessBrowser } from '../../helpers/browser';
import { createStaff } from '../../helpers/builders';
import { FakeSmtp } from '../../helpers/fake-smtp';
import { parseMail } from '../../../plugins/channels/src/email/parse';

const ARTIFACTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'screenshots');
const PHONE = { width: 360, height: 740 };

/**
 * An officer who forgot the password, on a phone: from the sign-in page to the mailed link, a new password,
 * and the board, without asking the IT staff.
 */
describe('a staff member who forgot the password gets back in, in Chromium', () => {
  let db: TestDatabase;
  let app: TestApp;
  let chromium: HeadlessBrowser;
  let smtp: FakeSmtp;
  let base: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    db = await createTestDatabase('sqlite');
    smtp = await new FakeSmtp().start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = await bootApp(db, { HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: base, ...smtp.env() });
    const banner = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await app.strapi.listen().finally(() => banner.mockRestore());
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  it('asks for a link from the sign-in page, sets a new password from the mail, and signs in with it', async () => {
    const staff = await createStaff(app, 'officer');
    const { email } = (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: staff.id }, select: ['email'] })) as { email: string };
    const context = await chromium.browser.newContext({ viewport: PHONE, locale: 'id-ID' });
    const page = await context.newPage();

    await page.goto(`${base}/dashboard/login`);
    await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
    await page.getByRole('heading', { name: 'Lupa kata sandi' }).waitFor();
    await page.getByLabel('Alamat e-mail akun').fill(email);
    const sent = smtp.received.length;
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await page.getByRole('status').filter({ hasText: 'tautan untuk membuat kata sandi baru sudah dikirim' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'staff-password-requested-phone.png') });

    const mail = await parseMail((await smtp.waitForMail(sent + 1))[sent].raw, { attachmentMaxBytes: 1024 });
    const link = /https?:\/\/\S+\/atur-sandi\?code=\w+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    await page.goto(link!);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('pendek');
    await page.getByLabel('Ulangi kata sandi baru').fill('pendek');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByRole('alert').filter({ hasText: 'Kata sandi minimal 8 karakter.' }).waitFor();
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('Sandi-Baru-2026!');
    await page.getByLabel('Ulangi kata sandi baru').fill('Sandi-Baru-2026!');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByRole('status').filter({ hasText: 'Kata sandi baru sudah disimpan' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'staff-password-saved-phone.png') });

    await page.getByRole('link', { name: 'Masuk ke dasbor' }).click();
    await page.fill('input[name="username"]', email);
    await page.fill('input[name="password"]', 'Sandi-Baru-2026!');
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));

    // The link was for one use: opened again, it says so and offers a new one.
    const again = await context.newPage();
    await again.goto(link!);
    await again.getByLabel('Kata sandi baru', { exact: true }).fill('Sandi-Lain-2026!');
    await again.getByLabel('Ulangi kata sandi baru').fill('Sandi-Lain-2026!');
    await again.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await again.getByRole('alert').filter({ hasText: 'Tautan ini sudah dipakai atau tidak berlaku.' }).waitFor();
    expect(await again.getByRole('link', { name: 'Minta tautan baru' }).count()).toBe(1);
    await context.close();
  });
});
