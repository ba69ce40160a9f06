import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createTestDatabase, type TestApp, type TestDatabase } from '../../helpers/strapi';
import { IT_ADMIN, serveAdminPanel } from '../../helpers/admin-panel';
import { launchChromium, type HeadlessBrowser } from '../../helpers/browser';
import { FakeImap } from '../../helpers/fake-imap';
import { FakeSmtp, SMTP_PASS, SMTP_USER } from '../../helpers/fake-smtp';
import { FakeLapor } from '../../helpers/fake-lapor';
import { ensureAdminBuild } from '../../helpers/admin-build';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'screenshots');
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 360, height: 740 };

/**
 * The IT staff connect the Dinas mailbox from Pengaturan → Kanal at their desk (no server file, no restart),
 * test it, send a test mail, and later find the channel dead after the mail admin changed the password; on
 * a phone the same page reads in one column.
 */
describe('Pengaturan → Kanal in Chromium', () => {
  let db: TestDatabase;
  let app: TestApp;
  let chromium: HeadlessBrowser;
  let imap: FakeImap;
  let smtp: FakeSmtp;
  let lapor: FakeLapor;
  let base: string;

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${base}/admin/auth/login`);
    await page.fill('input[name="email"]', IT_ADMIN.email);
    await page.fill('input[name="password"]', IT_ADMIN.password);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.includes('/auth/'));
    await page.goto(`${base}/admin/settings/kanal`);
    await page.getByRole('heading', { name: 'Kanal', exact: true }).waitFor();
  }

  beforeAll(async () => {
    ensureAdminBuild();
    mkdirSync(ARTIFACTS, { recursive: true });
    imap = await new FakeImap().start();
    smtp = await new FakeSmtp().start();
    lapor = await new FakeLapor().start();
    db = await createTestDatabase('sqlite');
    ({ app, base } = await serveAdminPanel(db, { MAIL_TLS_VERIFY: 'false', MAIL_POLL_SECONDS: '1', ...lapor.env() }));
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
    await imap?.stop();
    await smtp?.stop();
    await lapor?.stop();
    await db?.drop();
  });

  it('the IT staff connect the mailbox, test it, send a test mail, and see it mati after the password changed', async () => {
    const desk = await chromium.browser.newContext({ viewport: DESKTOP, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await desk.newPage();
    await signIn(page);
    const email = page.getByTestId('channel-email');
    await email.getByTestId('channel-state').filter({ hasText: 'Belum diatur' }).waitFor();
    // LAPOR! is set in the server's environment: its settings are shown so, and cannot be typed over.
    const laporCard = page.getByTestId('channel-lapor_sp4n');
    await laporCard.getByRole('button', { name: 'Ubah pengaturan' }).click();
    await expect(laporCard.getByLabel('Token API SP4N-LAPOR!').isDisabled()).resolves.toBe(true);
    await laporCard.getByText('Diatur di server (LAPOR_API_TOKEN)', { exact: false }).waitFor();
    await laporCard.getByRole('button', { name: 'Tutup pengaturan' }).click();

    await email.getByRole('button', { name: 'Ubah pengaturan' }).click();
    const form = page.getByTestId('settings-email');
    const type = (label: string, value: string) => form.getByLabel(label, { exact: true }).fill(value);
    await type('Server IMAP (surat masuk)', '127.0.0.1');
    await type('Port IMAP', String(imap.port));
    await type('IMAP memakai TLS langsung', 'false');
    await type('Nama pengguna IMAP', 'testuser');
    await type('Kata sandi IMAP', 'testpass');
    await type('Server SMTP (surat keluar)', '127.0.0.1');
    await type('Port SMTP', 'bukan-angka');
    await type('SMTP memakai TLS langsung', 'false');
    await type('Nama pengguna SMTP', SMTP_USER);
    await type('Kata sandi SMTP', SMTP_PASS);
    await type('Alamat pengirim', 'Layanan Informasi <layanan@disdukcapil.probolinggokota.go.id>');
    await form.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await form.getByRole('alert').filter({ hasText: 'Port SMTP: isi dengan angka.' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'channel-settings-refused-desktop.png'), fullPage: true });

    await type('Port SMTP', String(smtp.port));
    await form.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await form.getByRole('status').filter({ hasText: 'Pengaturan disimpan' }).waitFor();
    // Secrets come back only as "tersimpan".
    await expect(form.getByLabel('Kata sandi IMAP', { exact: true }).inputValue()).resolves.toBe('');
    await form.getByText('Tersimpan terenkripsi.', { exact: false }).first().waitFor();
    expect(await page.content()).not.toContain('testpass');

    await email.getByRole('button', { name: 'Tes koneksi' }).click();
    await email.getByTestId('probe-steps').filter({ hasText: 'Login IMAP berhasil' }).filter({ hasText: 'Login SMTP berhasil' }).waitFor();
    await email.getByTestId('channel-state').filter({ hasText: 'Berjalan' }).waitFor();

    const before = smtp.received.length;
    await email.getByLabel('Kirim pesan uji ke alamat e-mail').fill('admin.it@dinas.test');
    await email.getByRole('button', { name: 'Kirim pesan uji' }).click();
    await email.getByText('Pesan uji terkirim ke admin.it@dinas.test.').waitFor();
    expect(smtp.received.length).toBe(before + 1);
    await email.getByText(/Pengiriman terakhir yang berhasil: \d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB/).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'channel-settings-desktop.png'), fullPage: true });

    // The mail admin changes the password: the test says so, the channel is mati, and what to do is written.
    imap.setPassword('sandi-baru-dari-admin-surat');
    imap.dropConnections();
    await email.getByRole('button', { name: 'Tes koneksi' }).click();
    await email.getByTestId('channel-state').filter({ hasText: 'Mati' }).waitFor();
    await email.getByText('Periksa kata sandi IMAP/SMTP di Pengaturan → Kanal, lalu tekan Tes koneksi.').waitFor();
    await email.getByText('Galat terakhir', { exact: false }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'channel-settings-mati-desktop.png'), fullPage: true });
    await desk.close();

    const phone = await chromium.browser.newContext({ viewport: PHONE, locale: 'id-ID', timezoneId: 'Asia/Jakarta', isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    await signIn(small);
    await small.getByTestId('channel-email').getByTestId('channel-state').filter({ hasText: 'Mati' }).waitFor();
    await small.screenshot({ path: path.join(ARTIFACTS, 'channel-settings-phone.png') });
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await small.getByTestId('channel-email').getByRole('button', { name: 'Ubah pengaturan' }).click();
    await small.getByTestId('settings-email').scrollIntoViewIfNeeded();
    await small.screenshot({ path: path.join(ARTIFACTS, 'channel-settings-form-phone.png') });
    await phone.close();
  });
});
