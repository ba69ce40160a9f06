import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { getService as sop, tokenMatches } from '@layanan/sop-workflow';
import { opensInline } from '@layanan/config';
import { UID, getService, now } from '../utils';
import { maskAddress } from '../services/contacts';
import { MediaGone, MediaUnreachable } from '../meta/media';

type Context = Parameters<Core.ControllerHandler>[0];

const TEXT_MIN = 3;
const TEXT_MAX = 5000;
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>/i;

const masked = (address: string | null) => (address ? maskAddress(address) : null);

/**
 * The conversation of an inquiry as staff see it, where its answer will go, and the officer's message to the
 * citizen that is not the answer (asking for a missing detail) through the same channel; it changes no step.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function visible(ctx: Context) {
    const actor = await sop(strapi, 'staff').actorOf(ctx.state.user as { id: number } | undefined);
    const scope = sop(strapi, 'staff').scopeOf(actor);
    const inquiry = (await strapi.db.query(UID.inquiry).findOne({
      where: { documentId: String(ctx.params.id ?? ''), ...(scope ?? {}) },
      select: ['id', 'documentId', 'code', 'status'],
    })) as { id: number; documentId: string; code: string; status: string } | null;
    if (!inquiry) throw new errors.NotFoundError('Permohonan tidak ditemukan.');
    return { actor, inquiry };
  }

  return {
    async list(ctx: Context) {
      const { inquiry } = await visible(ctx);
      const rows = await getService(strapi, 'conversation').list(inquiry.id);
      return { data: rows.map(({ id: _id, ...row }) => row), meta: { total: rows.length } };
    },

    async plan(ctx: Context) {
      const { inquiry } = await visible(ctx);
      const plan = await getService(strapi, 'routing').plan(inquiry.id);
      // An answered LAPOR! request's delivery task is its follow-up, to upload on the report's page.
      const lapor = plan && (await getService(strapi, 'lapor').followUp(inquiry.id));
      return { data: plan && { ...plan, address: masked(plan.address), ...(lapor ? { lapor } : {}) } };
    },

    /** The citizen behind the inquiry on its channel, their other requests there, and look-alikes elsewhere. */
    async contact(ctx: Context) {
      const { inquiry } = await visible(ctx);
      return { data: await getService(strapi, 'contacts').forInquiry(inquiry.id) };
    },

    /**
     * A citizen's file (a photo of a KTP, a scanned letter) for staff who may read the inquiry: fetched from the
     * medium and passed through, never kept. Only a photo, PDF, sound or video opens in the browser; anything
     * else downloads, and the response may not run script or be stored by a proxy.
     */
    async attachment(ctx: Context) {
      const { actor, inquiry } = await visible(ctx);
      const index = Number(ctx.params.index);
      const found = Number.isSafeInteger(index) && index >= 0 ? await getService(strapi, 'conversation').attachment(inquiry.id, String(ctx.params.message ?? ''), index) : null;
      if (!found) throw new errors.NotFoundError('Lampiran tidak ditemukan.');
      let media;
      try {
        media = await getService(strapi, 'meta').openAttachment(found.channel, found.stored);
      } catch (error) {
        if (error instanceof MediaGone) throw new errors.NotFoundError(`${error.message} WhatsApp menyimpan berkas warga 7 hari; minta warga mengirim ulang bila perlu.`);
        if (error instanceof MediaUnreachable) throw createHttpError(502, `Berkas tidak dapat diambil sekarang: ${error.message} Coba lagi sebentar lagi.`);
        throw error;
      }
      const name = String(found.stored.filename ?? '').replace(/[^\w.\- ]+/g, '_').slice(0, 120) || `lampiran-${index + 1}`;
      sop(strapi, 'accessLog').record(actor, [{ inquiryCode: inquiry.code, kind: 'attachment', detail: `lampiran ${index + 1} pesan ${String(ctx.params.message ?? '').slice(0, 60)}` }], ctx.request.ip);
      ctx.set('Content-Disposition', `${opensInline(media.contentType) ? 'inline' : 'attachment'}; filename="${name}"`);
      ctx.set('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'");
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Cache-Control', 'private, no-store');
      if (media.size !== null) ctx.length = media.size;
      ctx.type = media.contentType;
      ctx.body = media.body;
    },

    async send(ctx: Context) {
      const { actor, inquiry } = await visible(ctx);
      const body = (ctx.request.body ?? {}) as { data?: { text?: unknown } };
      const text = typeof body.data?.text === 'string' ? body.data.text.trim() : '';
      if (text.length < TEXT_MIN || text.length > TEXT_MAX) throw new errors.ValidationError(`Pesan harus ${TEXT_MIN} sampai ${TEXT_MAX} karakter.`);
      if (MARKUP.test(text)) throw new errors.ValidationError('Pesan tidak boleh berisi kode HTML.');
      const contact = await getService(strapi, 'routing').contactOf(inquiry.id);
      const target = contact && getService(strapi, 'routing').mediumFor(contact, 'message');
      if (!target) throw createHttpError(409, 'Kanal permohonan ini tidak dapat mengirim pesan dari sistem; hubungi pemohon langsung.');
      const at = now(strapi);
      // The same text sent twice at once (a double click) is one message; two texts are two, whenever they go.
      const key = `message:${inquiry.documentId}:${at.getTime()}:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
      await strapi.db.transaction(async () => {
        await sop(strapi, 'outbox').enqueue({
          channel: target.medium.channel,
          topic: 'inquiry.message',
          recipient: target.address,
          idempotencyKey: key,
          inquiryId: inquiry.id,
          payload: { inquiry: inquiry.documentId, code: inquiry.code, purpose: 'message', text, by: actor.name ?? null },
          at,
        });
        await sop(strapi, 'events').record({ inquiryId: inquiry.id, type: 'message_sent', actor, at, detail: { channel: contact.channel } });
      });
      ctx.status = 202;
      return { data: { status: 'queued', channel: target.medium.channel, address: masked(target.address) } };
    },

    /**
     * The Tanda Terima the officer has open, sent to the citizen through the outbox: the same key as the printed
     * one (the page's token), so the paper and the message open the same link; a key replaced since is refused.
     */
    async sendReceipt(ctx: Context) {
      const { actor, inquiry } = await visible(ctx);
      const body = (ctx.request.body ?? {}) as { data?: { token?: unknown } };
      const token = typeof body.data?.token === 'string' ? body.data.token : '';
      const row = (await strapi.db.query(UID.inquiry).findOne({ where: { id: inquiry.id }, select: ['receiptTokenHash'] })) as { receiptTokenHash: string | null };
      if (!token) throw new errors.ValidationError('Buka tanda terimanya dulu, lalu kirim dari halaman itu.', { path: ['token'] });
      if (!tokenMatches(token, row.receiptTokenHash)) throw createHttpError(409, 'Tanda terima ini sudah diganti dengan yang lebih baru; buka lagi tanda terimanya lalu kirim.');
      const contact = await getService(strapi, 'routing').contactOf(inquiry.id);
      const target = contact && getService(strapi, 'routing').receiptTarget(contact);
      if (!target) {
        throw createHttpError(
          409,
          contact?.applicant?.email
            ? 'Pengiriman e-mail dari sistem belum disiapkan di server ini; serahkan tanda terima cetak.'
            : 'Pemohon tidak memberi alamat yang dapat dikirimi dari sistem (e-mail, atau WhatsApp/Telegram permohonan ini); serahkan tanda terima cetak.',
        );
      }
      const at = now(strapi);
      await strapi.db.transaction(async () => {
        await sop(strapi, 'outbox').enqueue({
          channel: target.medium.channel,
          topic: 'inquiry.received',
          recipient: target.address,
          idempotencyKey: `receipt:${inquiry.documentId}:${at.getTime()}`,
          inquiryId: inquiry.id,
          payload: { inquiry: inquiry.documentId, code: inquiry.code, purpose: 'receipt', trackingToken: token },
          at,
        });
        await sop(strapi, 'events').record({ inquiryId: inquiry.id, type: 'note', actor, at, detail: { receipt: 'sent', via: target.medium.channel } });
      });
      ctx.status = 202;
      return { data: { status: 'queued', channel: target.medium.channel, address: masked(target.address) } };
    },
  };
};
