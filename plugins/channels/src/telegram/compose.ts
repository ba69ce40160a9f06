/**
 * What the bot writes to a citizen. The receipt, the answer and the officer's messages are the chat media's
 * own texts (chat/compose.ts); Telegram only takes their bold differently, and has two words of its own:
 * the greeting after /start and the note for a message without text.
 */

export const greetingText = (office: string): string =>
  `Selamat datang di Layanan Informasi ${office}.\n\nSilakan tuliskan pertanyaan atau pengaduan Anda tentang layanan administrasi kependudukan (KTP-el, KK, KIA, akta, pindah-datang, dan lainnya) di chat ini. Kami mencatatnya, mengirimkan kode pelacakan, dan menjawab di chat ini juga.`;

export const TEXT_ONLY = 'Maaf, kami hanya dapat menerima pesan berupa teks. Silakan tuliskan pertanyaan Anda di chat ini.';

export interface BoldEntity {
  type: 'bold';
  /** In UTF-16 code units, as Telegram counts (and as JavaScript strings index). */
  offset: number;
  length: number;
}

/**
 * The chat texts mark the tracking code bold as WhatsApp does (`*code*`). Telegram gets plain text and the
 * bold as entities: its Markdown modes would trip over an underscore in a tracking token or an answer.
 */
export function withBoldCode(text: string, code: string): { text: string; entities: BoldEntity[] } {
  const marked = `*${code}*`;
  const entities: BoldEntity[] = [];
  let plain = '';
  let rest = text;
  for (let at = rest.indexOf(marked); at >= 0; at = rest.indexOf(marked)) {
    plain += rest.slice(0, at);
    entities.push({ type: 'bold', offset: plain.length, length: code.length });
    plain += code;
    rest = rest.slice(at + marked.length);
  }
  return { text: plain + rest, entities };
}
