import type { EnvLike } from '../email/config';

/**
 * SP4N-LAPOR!'s settings. Without LAPOR_API_ROOT and LAPOR_API_TOKEN the adapter is `manual`: reports come
 * in by the officer's paste, a file import or LAPOR!'s notification mails, and follow-ups are uploaded by
 * hand. With both, it is `api`: follow-ups are posted through the outbox. LAPOR_MAIL_SENDERS names the
 * addresses (or `@domain`s) whose mail in the Dinas mailbox is a LAPOR! notification.
 */
export interface LaporConfig {
  mode: 'manual' | 'api';
  api: { root: string; token: string; timeoutMs: number } | null;
  /** Lower-case addresses, or domains written `@lapor.go.id`. */
  mailSenders: string[];
  /** Where an officer opens a report: `{id}` is replaced by its tracking number. */
  reportUrl: string;
}

export class LaporConfigError extends Error {
  override name = 'LaporConfigError';
  constructor(readonly problems: string[]) {
    super(`SP4N-LAPOR! settings are incomplete or invalid:\n- ${problems.join('\n- ')}`);
  }
}

const DEFAULTS = { mailSenders: ['@lapor.go.id'], reportUrl: 'https://www.lapor.go.id/laporan/detil/{id}', timeoutMs: 30_000 };
const SENDER = /^(?:[^\s@<>()[\]",;:]+)?@[^\s@<>()[\]",;:]+\.[^\s@<>()[\]",;:]+$/;

function read(env: EnvLike): { config: LaporConfig; problems: string[] } {
  const problems: string[] = [];
  const text = (key: string) => env[key]?.trim() ?? '';
  const root = text('LAPOR_API_ROOT').replace(/\/+$/, '');
  const token = text('LAPOR_API_TOKEN');
  if (Boolean(root) !== Boolean(token)) problems.push(`${root ? 'LAPOR_API_TOKEN' : 'LAPOR_API_ROOT'} is not set, but ${root ? 'LAPOR_API_ROOT' : 'LAPOR_API_TOKEN'} is: set both to post follow-ups through the LAPOR! API, or neither to upload them by hand`);
  if (root && !/^https?:\/\/[^\s/]+/.test(root)) problems.push(`LAPOR_API_ROOT must be an http(s) URL, got ${JSON.stringify(root)}`);
  const senders = text('LAPOR_MAIL_SENDERS') ? text('LAPOR_MAIL_SENDERS').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) : DEFAULTS.mailSenders;
  for (const sender of senders) if (!SENDER.test(sender)) problems.push(`LAPOR_MAIL_SENDERS must list addresses or @domains separated by commas, got ${JSON.stringify(sender)}`);
  const reportUrl = text('LAPOR_REPORT_URL') || DEFAULTS.reportUrl;
  if (!/^https?:\/\/\S+$/.test(reportUrl) || !reportUrl.includes('{id}')) problems.push(`LAPOR_REPORT_URL must be an http(s) URL with {id} where the tracking number goes, got ${JSON.stringify(reportUrl)}`);
  const api = root && token ? { root, token, timeoutMs: DEFAULTS.timeoutMs } : null;
  return { config: { mode: api ? 'api' : 'manual', api, mailSenders: senders, reportUrl }, problems };
}

export function validateLaporEnv(env: EnvLike): void {
  const { problems } = read(env);
  if (problems.length > 0) throw new LaporConfigError(problems);
}

export function readLaporConfig(env: EnvLike): LaporConfig {
  validateLaporEnv(env);
  return read(env).config;
}

/** A mail from one of LAPOR_MAIL_SENDERS (an exact address, or any address of a listed domain). */
export function isLaporSender(address: string, senders: readonly string[]): boolean {
  const from = address.trim().toLowerCase();
  return senders.some((sender) => (sender.startsWith('@') ? from.endsWith(sender) : from === sender));
}
