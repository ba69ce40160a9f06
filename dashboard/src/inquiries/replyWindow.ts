import { REPLY_WINDOW_WARNING_MINUTES } from '@layanan/config';
import type { Inquiry } from '../types';

export type ReplyWindowState = 'open' | 'closing' | 'closed';

/**
 * Where a chat medium's reply window stands (WhatsApp answers freely for 24 hours after the citizen's last
 * message): worth showing only while the answer has not gone yet. Amber from the officers' reminder on
 * (REPLY_WINDOW_WARNING_MINUTES before it shuts), so they answer in time; once shut, the answer needs the approved template or another channel.
 */
export function replyWindowOf(inquiry: Pick<Inquiry, 'replyWindowUntil' | 'status' | 'answeredAt'>, now: Date): ReplyWindowState | null {
  if (!inquiry.replyWindowUntil || inquiry.answeredAt || inquiry.status === 'closed') return null;
  const left = new Date(inquiry.replyWindowUntil).getTime() - now.getTime();
  if (left <= 0) return 'closed';
  return left <= REPLY_WINDOW_WARNING_MINUTES * 60_000 ? 'closing' : 'open';
}
