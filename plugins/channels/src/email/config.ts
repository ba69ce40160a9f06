/**
 * The e-mail channel's settings, read from the environment (issue 10, deliverable 8). Each side is off
 * (null) while its host is unset; a side that is half set up, or a value that cannot be right, is refused
 * at start with every problem named, so the Dinas never runs a mailbox that silently does nothing.
 */

export type EnvLike = Readonly<Record<string, string | undefined>>;

export interface MailAddressSetting {
  address: string;
  name: string;
}

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
  pollSeconds: number;
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  /** Empty: the relay takes mail without logging in. */
  user: string;
  pass: string;
  from: MailAddressSetting;
  /** The domain of MAIL_FROM, lower-cased: our own Message-IDs end in it. */
  domain: string;
}

export interface EmailConfig {
  inbound: ImapSettings | null;
  outbound: SmtpSettings | null;
  /** Our own addresses (MAIL_FROM, the mailbox login when it is an address): mail from them is a loop. */
  ownAddresses: string[];
  maxBytes: number;
  attachmentMaxBytes: number;
  rawRetentionDays: number;
  /**
   * MAIL_TLS_VERIFY=false accepts a mail server's certificate without checking who signed it (an internal
   * server with its own certificate); the default checks it, as it should.
   */
  tlsVerify: boolean;
}

export class EmailConfigError extends Error {
  override name = 'EmailConfigError';
  constructor(readonly problems: string[]) {
    super(`E-mail settings are incomplete or invalid:\n- ${problems.join('\n- ')}`);
  }
}

const MB = 1024 * 1024;
const DEFAULTS = { mailbox: 'INBOX', pollSeconds: 60, maxBytes: 10 * MB, attachmentMaxBytes: 5 * MB, rawRetentionDays: 30 };
const IMAP_KEYS = ['MAIL_IMAP_HOST', 'MAIL_IMAP_PORT', 'MAIL_IMAP_SECURE', 'MAIL_IMAP_USER', 'MAIL_IMAP_PASS', 'MAIL_IMAP_MAILBOX'];
const SMTP_KEYS = ['MAIL_SMTP_HOST', 'MAIL_SMTP_PORT', 'MAIL_SMTP_SECURE', 'MAIL_SMTP_USER', 'MAIL_SMTP_PASS', 'MAIL_FROM'];
const ADDRESS = /^[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.[^\s@<>()[\]",;:]+$/;

/** `Layanan Informasi <layanan@example.go.id>`, `"Name" <addr>` or a bare address; null when it is none of these. */
export function parseAddressSetting(value: string): MailAddressSetting | null {
  const trimmed = value.trim();
  const named = /^(?:"([^"]*)"|([^<>"]*?))\s*<([^<>\s]+)>$/.exec(trimmed);
  const address = named ? named[3] : trimmed;
  if (!ADDRESS.test(address)) return null;
  return { address: address.toLowerCase(), name: (named?.[1] ?? named?.[2] ?? '').trim() };
}

/** Reads the settings once, collecting problems instead of stopping at the first. */
function read(env: EnvLike): { config: EmailConfig; problems: string[] } {
  const problems: string[] = [];
  const text = (key: string) => env[key]?.trim() ?? '';
  const whole = (key: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = text(key);
    if (!raw) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${key} must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}, got ${JSON.stringify(raw)}`);
      return fallback;
    }
    return value;
  };
  const flag = (key: string): boolean | null => {
    const raw = text(key).toLowerCase();
    if (!raw) return null;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    problems.push(`${key} must be true or false, got ${JSON.stringify(text(key))}`);
    return null;
  };
  // Implicit TLS on the well-known port unless told otherwise; the port follows the choice when unset.
  const endpoint = (prefix: string, tlsPort: number, plainPort: number, secureByDefault: boolean) => {
    const portGiven = text(`${prefix}_PORT`) !== '';
    const port = whole(`${prefix}_PORT`, 0, 1, 65535);
    const secure = flag(`${prefix}_SECURE`) ?? (portGiven && port ? port === tlsPort : secureByDefault);
    return { host: text(`${prefix}_HOST`), port: port || (secure ? tlsPort : plainPort), secure };
  };
  const missing = (keys: string[], needed: string[], side: string) => {
    const set = keys.filter((key) => text(key));
    if (set.length === 0) return false;
    for (const key of needed.filter((key) => !text(key))) {
      problems.push(`${key} is not set, but ${set.join(', ')} ${set.length > 1 ? 'are' : 'is'}: set it too, or remove the ${side} settings to leave it off`);
    }
    return true;
  };

  let inbound: ImapSettings | null = null;
  const imap = endpoint('MAIL_IMAP', 993, 143, true);
  if (missing(IMAP_KEYS, ['MAIL_IMAP_HOST', 'MAIL_IMAP_USER', 'MAIL_IMAP_PASS'], 'MAIL_IMAP_* (e-mail intake)') && imap.host) {
    inbound = { ...imap, user: text('MAIL_IMAP_USER'), pass: env.MAIL_IMAP_PASS ?? '', mailbox: text('MAIL_IMAP_MAILBOX') || DEFAULTS.mailbox, pollSeconds: 0 };
  }
  const pollSeconds = whole('MAIL_POLL_SECONDS', DEFAULTS.pollSeconds, 1, 3600);
  if (inbound) inbound.pollSeconds = pollSeconds;

  let outbound: SmtpSettings | null = null;
  const smtp = endpoint('MAIL_SMTP', 465, 587, false);
  if (missing(SMTP_KEYS, ['MAIL_SMTP_HOST', 'MAIL_FROM'], 'MAIL_SMTP_* and MAIL_FROM (e-mail sending)') && smtp.host) {
    const from = text('MAIL_FROM') ? parseAddressSetting(text('MAIL_FROM')) : null;
    if (text('MAIL_FROM') && !from) problems.push(`MAIL_FROM must be an e-mail address, optionally with a name ("Layanan Informasi <layanan@example.go.id>"), got ${JSON.stringify(text('MAIL_FROM'))}`);
    if (Boolean(text('MAIL_SMTP_USER')) !== Boolean(env.MAIL_SMTP_PASS)) problems.push('MAIL_SMTP_USER and MAIL_SMTP_PASS go together: set both to log in, or neither for a relay that needs no login');
    if (from) outbound = { ...smtp, user: text('MAIL_SMTP_USER'), pass: env.MAIL_SMTP_PASS ?? '', from, domain: from.address.split('@')[1] };
  }

  const maxBytes = whole('MAIL_MAX_BYTES', DEFAULTS.maxBytes, 1024);
  const config: EmailConfig = {
    inbound,
    outbound,
    ownAddresses: [...new Set([outbound?.from.address, inbound && ADDRESS.test(inbound.user) ? inbound.user.toLowerCase() : undefined])].filter((a): a is string => Boolean(a)),
    maxBytes,
    attachmentMaxBytes: whole('MAIL_ATTACHMENT_MAX_BYTES', Math.min(DEFAULTS.attachmentMaxBytes, maxBytes), 1),
    rawRetentionDays: whole('MAIL_RAW_RETENTION_DAYS', DEFAULTS.rawRetentionDays, 1),
    tlsVerify: flag('MAIL_TLS_VERIFY') ?? true,
  };
  return { config, problems };
}

/** Throws an EmailConfigError naming every problem; returns quietly when the settings are usable (or all unset). */
export function validateEmailEnv(env: EnvLike): void {
  const { problems } = read(env);
  if (problems.length > 0) throw new EmailConfigError(problems);
}

/** The settings, validated first: `{inbound: null, outbound: null}` when nothing is set. */
export function readEmailConfig(env: EnvLike): EmailConfig {
  validateEmailEnv(env);
  return read(env).config;
}
