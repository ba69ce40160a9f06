import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MONITORED_CHANNELS, type MonitoredChannel } from '@layanan/config';
import { getService, now } from '../utils';
import { probeChannel } from '../health/probes';
import { sendTestMail } from '../health/test-message';
import { reloadChannels } from '../settings/reload';

type Context = Parameters<Core.ControllerHandler>[0];

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

function channelOf(ctx: Context): MonitoredChannel {
  const channel = String((ctx.params as { channel?: string }).channel ?? '');
  if (!(MONITORED_CHANNELS as readonly string[]).includes(channel)) throw new errors.NotFoundError(`Kanal "${channel.slice(0, 40)}" tidak dikenal.`);
  return channel as MonitoredChannel;
}

/**
 * Pengaturan → Kanal in the admin panel: each channel's state, *Tes koneksi* (which records what it found,
 * so a fixed password turns the channel ok at once) and *Kirim pesan uji*. Admin routes, behind the
 * plugin's own permissions.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const health = () => getService(strapi, 'channelHealth');

  return {
    async list(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await health().list() };
    },

    /** Each channel's settings as the form shows them: secrets only as "tersimpan", the server's as "diatur di server". */
    async fields(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await getService(strapi, 'channelSettings').describe() };
    },

    /** Saves a channel's settings and starts the channel again on them, without a restart. */
    async update(ctx: Context) {
      const channel = channelOf(ctx);
      const data = (ctx.request as { body?: { data?: unknown } }).body?.data;
      if (!data || typeof data !== 'object' || Array.isArray(data)) throw new errors.ValidationError('Isian pengaturan tidak terbaca.');
      const groups = await getService(strapi, 'channelSettings').update(channel, data as Record<string, unknown>);
      await reloadChannels(strapi, groups);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: { channel, fields: (await getService(strapi, 'channelSettings').describe())[channel] ?? [], state: (await health().list()).find((item) => item.channel === channel) } };
    },

    async test(ctx: Context) {
      const channel = channelOf(ctx);
      const [status] = (await health().list()).filter((item) => item.channel === channel);
      if (!status.enabled) throw new errors.ValidationError('Kanal ini belum diatur di server: isi pengaturannya dulu.');
      const steps = await probeChannel(strapi, channel, now(strapi));
      const failure = steps.find((step) => !step.ok);
      const at = now(strapi);
      await health().report(channel, failure ? { kind: 'failed', at, via: failure.name, error: failure.error ?? 'transient', message: failure.detail } : { kind: 'tested', at });
      ctx.body = { data: { channel, ok: !failure, steps, state: (await health().list()).find((item) => item.channel === channel) } };
    },

    async sendTest(ctx: Context) {
      const channel = channelOf(ctx);
      const to = String(((ctx.request as { body?: { data?: { to?: unknown } } }).body?.data?.to ?? '')).trim();
      if (channel !== 'email') throw new errors.ValidationError('Pesan uji baru tersedia untuk kanal e-mail; untuk kanal lain gunakan Tes koneksi.');
      if (!getService(strapi, 'email').configured().outbound) throw new errors.ValidationError('SMTP belum diatur di server: pesan uji tidak dapat dikirim.');
      if (!EMAIL.test(to) || to.length > 254) throw new errors.ValidationError('Alamat e-mail tujuan tidak valid.');
      const at = now(strapi);
      const result = await sendTestMail(strapi, to, at);
      await health().report(channel, result.ok ? { kind: 'sent', at, via: 'smtp' } : { kind: 'failed', at, via: 'smtp', error: result.error ?? 'transient', message: result.detail });
      ctx.body = { data: { channel, ok: result.ok, detail: result.detail, state: (await health().list()).find((item) => item.channel === channel) } };
    },
  };
};
