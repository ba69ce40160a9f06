import type { Core } from '@strapi/strapi';
import { getService as sop, type ChannelSender, type OutboxRow, type SendOutcome } from '@layanan/sop-workflow';
import { UID, getService, now } from '../utils';
import type { FollowUpReceipt, LaporAdapter } from './adapter';
import { classifyLaporError, describeLaporError } from './api';

/** The outbox channel of the follow-ups posted through the LAPOR! API; answered `lapor_sp4n` requests are routed to it. */
export const LAPOR_API_CHANNEL = 'lapor-api';
const CHANNEL = 'lapor_sp4n';

/** A row that can never be posted (its request, its tracking number or its answer is gone): LAPOR! would not change that. */
class Unpostable extends Error {}

interface Posted {
  externalId: string | null;
  receipt: FollowUpReceipt;
  /** The follow-up as posted, for the conversation. */
  text: string;
}

/** Why a parked follow-up is now the officer's, in the words of the delivery task. */
function handOver(outcome: SendOutcome, cause: string): string {
  const why = outcome.kind === 'uncertain' ? `Belum pasti terunggah ke SP4N-LAPOR! (${cause}): periksa halaman laporan dulu.` : `Tidak terunggah otomatis ke SP4N-LAPOR!: ${cause}`;
  return `${why} Unggah tindak lanjut secara manual, lalu catat tanggalnya.`;
}

/**
 * The answer of a LAPOR! request posted as its follow-up (tindak lanjut) through the LAPOR! API, once: the
 * outbox row's idempotency key is the API's Idempotency-Key, so a repeat after an uncertain post answers the
 * first result. Posted, the answer is delivered and LAPOR!'s status recorded; given up on, the follow-up is
 * the officer's delivery task with the cause, so nothing is lost.
 */
export function laporSender(strapi: Core.Strapi, adapter: () => LaporAdapter): ChannelSender {
  const lapor = () => getService(strapi, 'lapor');
  const conversation = () => getService(strapi, 'conversation');

  async function send(row: OutboxRow, signal: AbortSignal): Promise<Posted> {
    const followUp = row.inquiry ? await lapor().followUp(row.inquiry) : null;
    if (!followUp || row.payload?.purpose !== 'answer') throw new Unpostable('Permohonan, nomor tiket LAPOR!, atau jawabannya tidak ditemukan.');
    // A row sent again by hand after the officer uploaded the follow-up themselves would post it twice.
    const delivery = (await strapi.db.query(UID.inquiry).findOne({ where: { id: row.inquiry }, select: ['answerDelivery'] })) as { answerDelivery: string | null } | null;
    if (delivery?.answerDelivery === 'delivered') throw new Unpostable('Tindak lanjut sudah tercatat terunggah ke SP4N-LAPOR!.');
    const receipt = await adapter().postFollowUp(followUp.trackingId, followUp.text, { idempotencyKey: row.idempotencyKey, signal });
    return { externalId: receipt.id, receipt, text: followUp.text };
  }

  async function afterSent(row: OutboxRow, result: { externalId: string | null }): Promise<void> {
    const inquiryId = row.inquiry;
    if (!inquiryId) return;
    const { receipt, text } = result as Posted;
    const at = now(strapi);
    await strapi.db.transaction(async () => {
      await conversation().record({
        inquiryId,
        direction: 'out',
        channel: CHANNEL,
        purpose: 'answer',
        status: 'sent',
        externalId: result.externalId,
        text,
        address: row.recipient,
        notification: row.id,
        at,
      });
      await sop(strapi, 'workflow').deliveryOutcome(inquiryId, { state: 'delivered', at, via: CHANNEL, note: `Tindak lanjut terunggah ke SP4N-LAPOR! #${row.recipient ?? ''}.` });
    });
    await lapor().statusAfterPost(inquiryId, receipt);
  }

  async function afterFailed(row: OutboxRow, outcome: SendOutcome, error: unknown): Promise<void> {
    const inquiryId = row.inquiry;
    if (!inquiryId) return;
    const at = now(strapi);
    const cause = error === undefined ? 'Tidak pasti terkirim.' : describe(error);
    await strapi.db.transaction(async () => {
      await conversation().record({ inquiryId, direction: 'out', channel: CHANNEL, purpose: 'answer', status: 'failed', address: row.recipient, notification: row.id, cause, at });
      await sop(strapi, 'workflow').deliveryOutcome(inquiryId, { state: 'officer_task', at, via: CHANNEL, note: handOver(outcome, cause) });
    });
  }

  const classify = (error: unknown): SendOutcome => (error instanceof Unpostable ? { kind: 'permanent' } : classifyLaporError(error));
  const describe = (error: unknown): string => (error instanceof Unpostable ? error.message : describeLaporError(error));

  return {
    channel: LAPOR_API_CHANNEL,
    limits: { globalPerSecond: 2, perRecipientIntervalMs: 1000, concurrency: 2 },
    send,
    classify,
    describe,
    afterSent,
    afterFailed,
  };
}
