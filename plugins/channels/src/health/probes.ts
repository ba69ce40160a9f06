import type { Core } from '@strapi/strapi';
import { ImapFlow } from 'imapflow';
import { type ErrorKind, type MonitoredChannel } from '@layanan/config';
import { getService } from '../utils';
import { createSmtpSender, classify as classifySmtp, describe as describeSmtp } from '../email/smtp';
import { imapFailure } from '../email/failures';
import { createLaporApi, describeLaporError } from '../lapor/api';

/** One check of a connection test: the part tried (imap, smtp, graph, bot, webhook, api), and what came back, in an officer's words. */
export interface ProbeStep {
  name: string;
  ok: boolean;
  detail: string;
  error?: ErrorKind;
}

const TIMEOUT_MS = 15_000;
const UNCHECKED_TLS = { rejectUnauthorized: false };

const ok = (name: string, detail: string): ProbeStep => ({ name, ok: true, detail });
const failed = (name: string, error: ErrorKind, detail: string): ProbeStep => ({ name, ok: false, error, detail });

async function imapLogin(strapi: Core.Strapi): Promise<ProbeStep> {
  const config = getService(strapi, 'email').configured();
  const imap = config.inbound!;
  const client = new ImapFlow({
    host: imap.host, port: imap.port, secure: imap.secure, auth: { user: imap.user, pass: imap.pass }, logger: false,
    connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS,
    ...(config.tlsVerify ? {} : { tls: UNCHECKED_TLS }),
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const mailbox = await client.mailboxOpen(imap.mailbox, { readOnly: true });
    return ok('imap', `Login IMAP berhasil; kotak ${imap.mailbox} berisi ${mailbox.exists} surat.`);
  } catch (error) {
    const failure = imapFailure(error);
    return failed('imap', failure.error, failure.message);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

async function smtpLogin(strapi: Core.Strapi): Promise<ProbeStep> {
  const config = getService(strapi, 'email').configured();
  const sender = createSmtpSender(config.outbound!, { ...(config.tlsVerify ? {} : { tls: UNCHECKED_TLS }), maxConnections: 1, timeoutsMs: { connection: TIMEOUT_MS, greeting: TIMEOUT_MS, socket: TIMEOUT_MS } });
  try {
    await sender.verify();
    return ok('smtp', 'Login SMTP berhasil.');
  } catch (error) {
    return failed('smtp', classifySmtp(error).kind === 'auth' ? 'credential' : 'transient', `SMTP: ${describeSmtp(error)}`);
  } finally {
    sender.close();
  }
}

/** The token's own account: `GET /{version}/me` answers for a Page or Instagram token, and for a system user's. */
async function graphToken(strapi: Core.Strapi, channel: 'whatsapp' | 'facebook' | 'instagram'): Promise<ProbeStep> {
  const meta = getService(strapi, 'meta').configured();
  const token = channel === 'whatsapp' ? meta.whatsapp?.token : channel === 'facebook' ? meta.messenger?.token : meta.instagram?.token;
  try {
    const response = await fetch(`${meta.apiRoot}/${meta.graphVersion}/me?fields=id,name`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const body = (await response.json().catch(() => null)) as { error?: { code?: number; message?: string } } | null;
    if (response.ok) return ok('graph', 'Token akses Meta diterima (GET /me).');
    const code = body?.error?.code;
    if (response.status === 401 || code === 190 || code === 102) return failed('graph', 'credential', `Meta ${code ?? response.status}: token akses kedaluwarsa atau dicabut.`);
    return failed('graph', 'transient', `Meta menjawab ${response.status}${code ? ` (kode ${code})` : ''}.`);
  } catch (error) {
    return failed('graph', 'transient', `Graph API tidak dapat dihubungi (${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name}).`);
  }
}

async function telegramBot(strapi: Core.Strapi): Promise<ProbeStep[]> {
  const config = strapi.config.get('plugin::telegram-notifier') as { token: string; apiRoot: string; webhookUrl: string };
  const call = async (method: string) => {
    const response = await fetch(`${config.apiRoot}/bot${config.token}/${method}`, { method: 'POST', signal: AbortSignal.timeout(TIMEOUT_MS) });
    return { status: response.status, body: (await response.json().catch(() => null)) as { ok?: boolean; result?: Record<string, unknown>; description?: string } | null };
  };
  try {
    const me = await call('getMe');
    if (me.status === 401 || me.status === 404) return [failed('bot', 'credential', `Telegram ${me.status}: token bot ditolak.`)];
    if (!me.body?.ok) return [failed('bot', 'transient', `Telegram menjawab ${me.status}.`)];
    const steps = [ok('bot', `Bot @${String(me.body.result?.username ?? '')} aktif.`)];
    if (!config.webhookUrl) return [...steps, ok('webhook', 'Bot membaca pembaruan dengan long polling (tanpa webhook).')];
    const info = await call('getWebhookInfo');
    const url = String(info.body?.result?.url ?? '');
    if (url !== config.webhookUrl) return [...steps, failed('webhook', 'transient', url ? 'Webhook Telegram menunjuk ke alamat lain.' : 'Webhook Telegram tidak terpasang: pesan warga tidak sampai.')];
    const lastError = info.body?.result?.last_error_message;
    return [...steps, lastError ? failed('webhook', 'transient', `Telegram gagal mengirim ke webhook: ${String(lastError)}`) : ok('webhook', 'Webhook Telegram terpasang.')];
  } catch (error) {
    return [failed('bot', 'transient', `Telegram tidak dapat dihubungi (${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name}).`)];
  }
}

async function laporApi(strapi: Core.Strapi, at: Date): Promise<ProbeStep> {
  const api = getService(strapi, 'lapor').configured().api!;
  try {
    await createLaporApi(api).listNew(at, AbortSignal.timeout(TIMEOUT_MS));
    return ok('api', 'API SP4N-LAPOR! menjawab.');
  } catch (error) {
    const status = (error as { status?: number | null }).status;
    return failed('api', status === 401 || status === 403 ? 'credential' : 'transient', describeLaporError(error));
  }
}

/** *Tes koneksi*: logs in to the channel's service the way its adapter does, without sending anything to a citizen. */
export async function probeChannel(strapi: Core.Strapi, channel: MonitoredChannel, at: Date): Promise<ProbeStep[]> {
  switch (channel) {
    case 'email': {
      const config = getService(strapi, 'email').configured();
      return [...(config.inbound ? [await imapLogin(strapi)] : []), ...(config.outbound ? [await smtpLogin(strapi)] : [])];
    }
    case 'whatsapp':
    case 'facebook':
    case 'instagram':
      return [await graphToken(strapi, channel)];
    case 'telegram':
      return telegramBot(strapi);
    case 'lapor_sp4n':
      return [await laporApi(strapi, at)];
    case 'website':
      return [ok('website', 'Formulir website dilayani server ini.')];
  }
}
