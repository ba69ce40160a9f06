import type { MonitoredChannel } from '@layanan/config';

/** Where a setting lives in the plugin's configuration: the e-mail, Meta or LAPOR! map of variables. */
export type SettingGroup = 'mail' | 'meta' | 'lapor' | 'telegram';

export interface SettingField {
  /** The environment variable it stands for; the environment, where set, wins over the stored value. */
  name: string;
  group: SettingGroup;
  label: string;
  /** Write-only: stored encrypted, never sent back to the browser. */
  secret?: boolean;
  type?: 'text' | 'number' | 'boolean' | 'url';
  hint?: string;
  /** Set only in the server's environment (read-only here). */
  serverOnly?: boolean;
}

const mail = (name: string, label: string, extra: Partial<SettingField> = {}): SettingField => ({ name, group: 'mail', label, ...extra });
const meta = (name: string, label: string, extra: Partial<SettingField> = {}): SettingField => ({ name, group: 'meta', label, ...extra });
const lapor = (name: string, label: string, extra: Partial<SettingField> = {}): SettingField => ({ name, group: 'lapor', label, ...extra });

const META_SHARED = [
  meta('META_APP_SECRET', 'App secret Meta (dipakai WhatsApp, Facebook dan Instagram)', { secret: true }),
  meta('META_VERIFY_TOKEN', 'Verify token webhook Meta (sama untuk ketiganya)', { secret: true }),
];

/**
 * What Pengaturan → Kanal lets the IT staff set, per channel. Telegram's bot token stays in the server's
 * environment (`serverOnly`): the officers' alerts ride on the same bot, so a wrong token typed here would
 * silence the very alert that says a channel is down.
 */
export const CHANNEL_FIELDS: Partial<Record<MonitoredChannel, SettingField[]>> = {
  email: [
    mail('MAIL_IMAP_HOST', 'Server IMAP (surat masuk)', { hint: 'mail.dinas.go.id' }),
    mail('MAIL_IMAP_PORT', 'Port IMAP', { type: 'number', hint: '993' }),
    mail('MAIL_IMAP_SECURE', 'IMAP memakai TLS langsung', { type: 'boolean', hint: 'true (port 993) atau false' }),
    mail('MAIL_IMAP_USER', 'Nama pengguna IMAP'),
    mail('MAIL_IMAP_PASS', 'Kata sandi IMAP', { secret: true }),
    mail('MAIL_IMAP_MAILBOX', 'Kotak surat', { hint: 'INBOX' }),
    mail('MAIL_SMTP_HOST', 'Server SMTP (surat keluar)'),
    mail('MAIL_SMTP_PORT', 'Port SMTP', { type: 'number', hint: '587' }),
    mail('MAIL_SMTP_SECURE', 'SMTP memakai TLS langsung', { type: 'boolean', hint: 'true (port 465) atau false (587, STARTTLS)' }),
    mail('MAIL_SMTP_USER', 'Nama pengguna SMTP'),
    mail('MAIL_SMTP_PASS', 'Kata sandi SMTP', { secret: true }),
    mail('MAIL_FROM', 'Alamat pengirim', { hint: 'Layanan Informasi <layanan@dinas.go.id>' }),
  ],
  whatsapp: [
    meta('WHATSAPP_PHONE_NUMBER_ID', 'Phone number ID WhatsApp'),
    meta('WHATSAPP_ACCESS_TOKEN', 'Token akses WhatsApp', { secret: true }),
    meta('WHATSAPP_ANSWER_TEMPLATE', 'Templat jawaban yang disetujui'),
    ...META_SHARED,
  ],
  facebook: [meta('MESSENGER_PAGE_ID', 'ID Halaman Facebook'), meta('MESSENGER_PAGE_TOKEN', 'Token akses Halaman', { secret: true }), ...META_SHARED],
  instagram: [meta('INSTAGRAM_ACCOUNT_ID', 'ID akun Instagram'), meta('INSTAGRAM_ACCESS_TOKEN', 'Token akses Instagram', { secret: true }), ...META_SHARED],
  telegram: [{ name: 'TELEGRAM_BOT_TOKEN', group: 'telegram', label: 'Token bot Telegram', secret: true, serverOnly: true }],
  lapor_sp4n: [
    lapor('LAPOR_API_ROOT', 'Alamat API SP4N-LAPOR!', { type: 'url' }),
    lapor('LAPOR_API_TOKEN', 'Token API SP4N-LAPOR!', { secret: true }),
    lapor('LAPOR_REPORT_URL', 'Tautan laporan ({id} diganti nomor laporan)', { type: 'url' }),
  ],
};

export const ALL_FIELDS: SettingField[] = [...new Map(Object.values(CHANNEL_FIELDS).flat().map((field) => [field.name, field])).values()];
export const fieldNamed = (name: string) => ALL_FIELDS.find((field) => field.name === name);
