import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestApp, type TestDatabase } from '../../helpers/strapi';
import { IT_ADMIN, serveAdminPanel } from '../../helpers/admin-panel';
import { launchChromium, type HeadlessBrowser } from '../../helpers/browser';
import { FakeSmtp } from '../../helpers/fake-smtp';
import { parseMail } from '../../../plugins/channels/src/email/parse';
import { ensureAdminBuild } from '../../helpers/admin-build';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'screenshots');
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 360, height: 740 };

/** The list the IT staff saved from Excel (Indonesian locale: `;`, UTF-8 with BOM): two new officers and a typo. */
const STAFF_CSV = '\ufeffnama;email;peran;bidang\r\nSari Rahmawati;sari.rahmawati@dinas.test;petugas;\r\nAgus Salim;agus.salim@dinas.test;bidang;DAFDUK\r\nSalah Ketik;salah-ketik;petugas;\r\n';

/**
 * New staff without a developer: the IT staff import a CSV in the admin panel at their desk; a new officer
 * opens the invitation on a phone, sets a password and reaches the board.
 */
describe('staff accounts from a CSV, invited by mail, in Chromium', () => {
  let db: TestDatabase;
  let app: TestApp;
  let chromium: HeadlessBrowser;
  let smtp: FakeSmtp;
  let base: string;

  beforeAll(async () => {
    ensureAdminBuild();
    mkdirSync(ARTIFACTS, { recursive: true });
    db = await createTestDatabase('sqlite');
    smtp = await new FakeSmtp().start();
    ({ app, base } = await serveAdminPanel(db, { ...smtp.env() }));
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  it('the IT staff import the list; Sari opens her invitation on her phone, sets a password and sees the board', async () => {
    const desk = await chromium.browser.newContext({ viewport: DESKTOP, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const admin = await desk.newPage();
    await admin.goto(`${base}/admin/auth/login`);
    await admin.fill('input[name="email"]', IT_ADMIN.email);
    await admin.fill('input[name="password"]', IT_ADMIN.password);
    await admin.click('button[type="submit"]');
    await admin.waitForURL((url) => !url.pathname.includes('/auth/'));
    await admin.goto(`${base}/admin/settings/akun-staf`);
    await admin.getByRole('heading', { name: 'Akun Staf' }).waitFor();

    const file = path.join(os.tmpdir(), `akun-staf-${process.pid}.csv`);
    writeFileSync(file, STAFF_CSV, 'utf8');
    const users = await app.strapi.db.query('plugin::users-permissions.user').count({});
    await admin.setInputFiles('#staff-csv', file);
    const summary = admin.getByTestId('staff-import-summary');
    await summary.filter({ hasText: '2 akun baru, 0 sudah ada (dilewati), 1 baris salah' }).waitFor();
    await admin.getByText('Alamat e-mail "salah-ketik" tidak valid.').waitFor();
    await admin.screenshot({ path: path.join(ARTIFACTS, 'staff-import-preview-desktop.png'), fullPage: true });
    // Nothing is written before the IT staff confirm.
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({})).toBe(users);

    const sent = smtp.received.length;
    await admin.getByRole('button', { name: 'Buat 2 akun dan kirim undangan' }).click();
    await summary.filter({ hasText: '2 akun dibuat dan diundang' }).waitFor();
    await admin.screenshot({ path: path.join(ARTIFACTS, 'staff-import-done-desktop.png'), fullPage: true });
    await desk.close();

    const mails = await Promise.all((await smtp.waitForMail(sent + 2)).slice(sent).map((mail) => parseMail(mail.raw, { attachmentMaxBytes: 1024 })));
    const invitation = mails.find((mail) => mail.to[0].address === 'sari.rahmawati@dinas.test')!;
    expect(invitation.subject).toBe('Undangan akun Layanan Informasi');
    const link = /https?:\/\/\S+\/atur-sandi\?code=[\w-]+/.exec(invitation.text)?.[0];
    expect(link).toBeDefined();

    const phone = await chromium.browser.newContext({ viewport: PHONE, locale: 'id-ID', timezoneId: 'Asia/Jakarta', isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(link!);
    await page.getByRole('heading', { name: 'Selamat datang, buat kata sandi Anda' }).waitFor();
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('Sandi-Sari-2026!');
    await page.getByLabel('Ulangi kata sandi baru').fill('Sandi-Sari-2026!');
    await page.screenshot({ path: path.join(ARTIFACTS, 'staff-invitation-phone.png') });
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByRole('status').filter({ hasText: 'Kata sandi baru sudah disimpan' }).waitFor();

    await page.getByRole('link', { name: 'Masuk ke dasbor' }).click();
    await page.fill('input[name="username"]', 'sari.rahmawati@dinas.test');
    await page.fill('input[name="password"]', 'Sandi-Sari-2026!');
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    await page.locator('[data-testid="board"][data-ready="true"]').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'staff-invitation-board-phone.png') });

    // The invitation was for one use: opened again, it says so.
    const again = await phone.newPage();
    await again.goto(link!);
    await again.getByLabel('Kata sandi baru', { exact: true }).fill('Sandi-Lain-2026!');
    await again.getByLabel('Ulangi kata sandi baru').fill('Sandi-Lain-2026!');
    await again.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await again.getByRole('alert').filter({ hasText: 'Undangan ini sudah dipakai' }).waitFor();
    await phone.close();
  });
});
