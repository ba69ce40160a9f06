import type { Core } from '@strapi/strapi';
import type { ErrorKind } from '@layanan/config';
import { getService, officeOf } from '../utils';
import { createSmtpSender, classify, describe } from '../email/smtp';
import { formatWibLong } from '../lapor/draft';

const UNCHECKED_TLS = { rejectUnauthorized: false };

/** *Kirim pesan uji*: one plain mail from the channel's own address, through its own SMTP settings. */
export async function sendTestMail(strapi: Core.Strapi, to: string, at: Date): Promise<{ ok: boolean; detail: string; error?: ErrorKind }> {
  const config = getService(strapi, 'email').configured();
  const outbound = config.outbound!;
  const office = await officeOf(strapi);
  const sender = createSmtpSender(outbound, { ...(config.tlsVerify ? {} : { tls: UNCHECKED_TLS }), maxConnections: 1 });
  try {
    await sender.send({
      from: outbound.from,
      to,
      subject: 'Pesan uji kanal e-mail Layanan Informasi',
      text: `Pesan ini dikirim dari Pengaturan → Kanal untuk menguji pengiriman e-mail ${office.name} (${formatWibLong(at)}). Tidak perlu dibalas.`,
    });
    return { ok: true, detail: 'Pesan uji diterima server SMTP.' };
  } catch (error) {
    return { ok: false, detail: `SMTP: ${describe(error)}`, error: classify(error).kind === 'auth' ? 'credential' : 'transient' };
  } finally {
    sender.close();
  }
}
