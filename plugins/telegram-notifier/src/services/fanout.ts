import type { Core } from '@strapi/strapi';
import { getService as sop, type ChannelFanout, type OutboxRow } from '@layanan/sop-workflow';
import type { ClockKey } from '@layanan/config';
import { STAFF_CHANNEL, TELEGRAM_CHANNEL, configOf, getService } from '../utils';
import type { AlertTopic } from './messages';

const TOPICS: readonly AlertTopic[] = ['inquiry.triaged', 'inquiry.reminder', 'inquiry.window_closing', 'inquiry.breached', 'inquiry.answered'];
/** A channel died, came back or went quiet (the channels plugin composes the text, with no personal data): the officers hear it. */
const CHANNEL_TOPICS: readonly string[] = ['channel.down', 'channel.restored', 'channel.quiet'];

/**
 * The `staff` rows of the outbox (a request routed, a reminder, a breach, an answer): each becomes one
 * `telegram` row per linked chat that should hear of it, keyed `<source key>:<chat id>`, with the alert's
 * text composed once. The engine runs this inside the transaction that marks the source row sent.
 */
export default ({ strapi }: { strapi: Core.Strapi }): ChannelFanout => {
  async function recipientsFor(topic: AlertTopic, payload: Record<string, unknown>, divisionOfInquiry: string | undefined): Promise<string[]> {
    const links = getService(strapi, 'links');
    const division = (documentId: string | undefined) => (documentId ? links.chatsOf({ role: 'division_staff', divisionDocumentId: documentId }) : Promise.resolve([]));
    const officers = () => links.chatsOf({ role: 'officer' });
    switch (topic) {
      case 'inquiry.triaged':
        return division((payload.division as string | undefined) ?? divisionOfInquiry);
      case 'inquiry.reminder':
        // A reminder goes to whoever owns the running step: the Bidang for step 3, the officers for 2 and 4.
        return payload.step === 'coordination' ? division(divisionOfInquiry) : officers();
      case 'inquiry.window_closing':
        // The officers send the answer: they are the ones who can still get it through the window.
        return officers();
      case 'inquiry.breached':
        // SP4N-LAPOR!'s verification and closure are the officers' alone; its follow-up waits on the Bidang too.
        if (payload.step === 'lapor_forwarding' || payload.step === 'lapor_closure') return officers();
        return [...new Set([...(await officers()), ...(await division(divisionOfInquiry))])];
      case 'inquiry.answered':
        return configOf(strapi).notifyAnswered ? division(divisionOfInquiry) : [];
    }
  }

  async function expandChannelAlert(row: OutboxRow, at: Date) {
    const text = row.payload?.text;
    if (typeof text !== 'string' || !text) return { refused: 'Peringatan kanal tanpa teks.' };
    const recipients = await getService(strapi, 'links').chatsOf({ role: 'officer' });
    for (const chatId of recipients) {
      await sop(strapi, 'outbox').enqueue({
        channel: TELEGRAM_CHANNEL,
        topic: row.topic,
        recipient: chatId,
        idempotencyKey: `${row.idempotencyKey}:${chatId}`,
        payload: { text, acknowledge: false, url: null, inquiry: '', code: '' },
        at,
      });
    }
    return { payload: { telegramRecipients: recipients.length } };
  }

  return {
    channel: STAFF_CHANNEL,

    async expand(row: OutboxRow, at: Date) {
      const payload = row.payload ?? {};
      if (CHANNEL_TOPICS.includes(row.topic)) return expandChannelAlert(row, at);
      const topic = row.topic as AlertTopic;
      if (!TOPICS.includes(topic)) return { refused: `Topik ${row.topic} tidak dikenal oleh notifikasi Telegram.` };
      const messages = getService(strapi, 'messages');
      const inquiry = await messages.load(String(payload.inquiry ?? ''));
      const recipients = inquiry ? await recipientsFor(topic, payload, inquiry.division?.documentId) : [];
      if (inquiry && recipients.length > 0) {
        const alert = messages.compose(topic, inquiry, { step: payload.step as ClockKey | undefined, dueAt: payload.dueAt as string | undefined });
        for (const chatId of recipients) {
          await sop(strapi, 'outbox').enqueue({
            channel: TELEGRAM_CHANNEL,
            topic,
            recipient: chatId,
            idempotencyKey: `${row.idempotencyKey}:${chatId}`,
            inquiryId: inquiry.id,
            payload: { ...alert },
            at,
          });
        }
      }
      return { payload: { telegramRecipients: recipients.length } };
    },
  };
};
