/**
 * The part of a Telegram update the citizen medium reads. Declared here rather than imported: the bot (and
 * its library) belongs to the notifier, which hands updates over; these fields are the Bot API's own.
 */
export interface TelegramUpdate {
  update_id: number;
  message?: {
    message_id: number;
    date: number;
    chat: { id: number | string; type: string };
    from?: { first_name?: string; last_name?: string } | null;
    text?: string;
    caption?: string;
  };
}

/** A citizen's message as it is stored in the inbox: only what becomes the inquiry, not the whole update. */
export interface CitizenMessage {
  chatId: string;
  messageId: number;
  name: string | null;
  text: string;
  /** When Telegram received it, epoch milliseconds. */
  at: number;
}

export type Parsed = { kind: 'message'; message: CitizenMessage } | { kind: 'no-text' } | { kind: 'not-citizen' };

const SUBJECT_MAX = 80;

/** Citizens write to the bot in a private chat; a group or a channel is never a citizen. */
export function parseUpdate(update: TelegramUpdate): Parsed {
  const message = update.message;
  if (!message || message.chat.type !== 'private') return { kind: 'not-citizen' };
  const text = (message.text ?? message.caption ?? '').trim();
  if (!text) return { kind: 'no-text' };
  const name = [message.from?.first_name, message.from?.last_name].filter(Boolean).join(' ').trim();
  return { kind: 'message', message: { chatId: String(message.chat.id), messageId: message.message_id, name: name || null, text, at: message.date * 1000 } };
}

/** The message's first line, shortened at a word: what the board shows as the subject. */
export function subjectOf(text: string): string {
  const line = text.split('\n').find((l) => l.trim())?.trim() ?? '';
  if (Array.from(line).length <= SUBJECT_MAX) return line;
  const cut = Array.from(line).slice(0, SUBJECT_MAX - 1).join('');
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > SUBJECT_MAX / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}
