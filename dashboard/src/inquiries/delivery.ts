import type { useTranslate } from 'react-admin';
import { CHANNEL_MEDIA, isSpokenAnswer, type MessageState } from '@layanan/config';
import type { DeliveryPlan, Inquiry } from '../types';

type Translate = ReturnType<typeof useTranslate>;

/** "e-mail", "WhatsApp": the medium an adapter sends through, or the channel's own name when it has no word of its own. */
export function mediumLabel(medium: string | null, channel: string, translate: Translate): string {
  const channelName = translate(`layanan.channel.${channel}`, { _: channel });
  return medium ? translate(`layanan.delivery.medium.${medium}`, { _: channelName }) : channelName;
}

/** What the answer form tells the officer beforehand: where the answer will go once sent. */
export function planMessage(plan: DeliveryPlan, translate: Translate): string {
  if (plan.mode === 'adapter') {
    const medium = mediumLabel(plan.medium, plan.channel, translate);
    return plan.address
      ? translate('layanan.delivery.plan.adapter', { medium, address: plan.address })
      : translate('layanan.delivery.plan.adapter_no_address', { medium });
  }
  if (plan.mode === 'tracking') return translate('layanan.delivery.plan.tracking');
  if (isSpokenAnswer(plan.channel)) return translate(`layanan.delivery.plan.spoken.${plan.channel}`);
  return translate('layanan.delivery.plan.officer', { channel: translate(`layanan.channel.${plan.channel}`) });
}

/** An answer that has not reached the citizen and will not by itself: the officer's task, or a failed send. */
export function awaitsDelivery(inquiry: Pick<Inquiry, 'answerDelivery'>): boolean {
  return inquiry.answerDelivery === 'officer_task' || inquiry.answerDelivery === 'failed';
}

/** "Sampaikan jawaban lewat telepon ke +6281*******32"; at the counter or on air, no contact is named. */
export function taskMessage(inquiry: Pick<Inquiry, 'channel'>, plan: DeliveryPlan | null | undefined, translate: Translate): string {
  if (inquiry.channel === 'phone') {
    return plan?.address ? translate('layanan.delivery.task_spoken.phone', { contact: plan.address }) : translate('layanan.delivery.task_spoken.phone_no_contact');
  }
  if (isSpokenAnswer(inquiry.channel)) return translate(`layanan.delivery.task_spoken.${inquiry.channel}`);
  const channel = translate(`layanan.channel.${inquiry.channel}`);
  return plan?.address ? translate('layanan.delivery.task', { channel, contact: plan.address }) : translate('layanan.delivery.task_no_contact', { channel });
}

/** The chip of a message we sent: where it is on its way; a citizen's own message has none. */
export function statusChip(status: MessageState, cause: string | null, translate: Translate): { label: string; tone: 'default' | 'success' | 'error' } | null {
  if (status === 'received') return null;
  if (status === 'failed') return { label: cause ? translate('layanan.conversation.failed_cause', { cause }) : translate('layanan.conversation.status.failed'), tone: 'error' };
  return { label: translate(`layanan.conversation.status.${status}`), tone: status === 'delivered' || status === 'read' ? 'success' : 'default' };
}

/** The answer's delivery state as the officer says it: a spoken answer was handed over (tersampaikan), not sent. */
export function deliveryLabel(inquiry: Pick<Inquiry, 'channel' | 'answerDelivery'>, translate: Translate): string {
  if (inquiry.answerDelivery === 'delivered' && isSpokenAnswer(inquiry.channel)) return translate('layanan.delivery.handed_over');
  return translate(`layanan.answerDelivery.${inquiry.answerDelivery}`);
}

/**
 * Whether the officer delivers this answer: the channel has no way to send it (the counter, the telephone, LAPOR!
 * by hand …) or its routing already said so. Right after the answer the routing has not run yet, so the channel
 * decides.
 */
export function officerDelivers(inquiry: Pick<Inquiry, 'channel' | 'answerDelivery'>): boolean {
  return inquiry.answerDelivery === 'officer_task' || CHANNEL_MEDIA[inquiry.channel]?.answer === 'officer';
}

/** What the officer is told once the answer is recorded: where nothing is sent, that it is theirs to deliver. */
export function answerDoneMessage(inquiry: Pick<Inquiry, 'channel' | 'answerDelivery'>): string {
  return officerDelivers(inquiry) ? 'layanan.actions.done.answer_officer' : 'layanan.actions.done.answer';
}
