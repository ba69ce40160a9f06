/**
 * What the citizen wrote this time, without the history their mail client quoted below (or above) it.
 * A convenience for the conversation view: the full text is always kept beside it, so a miss here loses
 * nothing. Recognised: the attribution line of Gmail and most clients in Indonesian and English
 * ("Pada Sel, 3 Nov 2026 pukul 09.12 Budi <budi@…> menulis:", "On … wrote:", wrapped over up to three
 * lines), Outlook's "-----Original Message-----" / "-----Pesan Asli-----" and its header block
 * ("Dari:/From:" followed by "Dikirim:/Terkirim:/Sent:/Tanggal:/Date:" and "Kepada:/To:/Subjek:/Subject:"),
 * and a trailing run of ">" lines. Interleaved answers (the citizen's lines between quoted ones) are kept
 * as they are, context included. Forwarded messages are not history and stay.
 */

const ATTRIBUTION_START = /^\s*(Pada|On)\s/i;
const ATTRIBUTION_END = /\b(menulis|wrote)\s*:\s*$/i;
const ORIGINAL_MESSAGE = /^\s*-{3,}\s*(Original Message|Pesan Asli|Pesan Asal|Pesan Awal)\s*-{3,}\s*$/i;
const OUTLOOK_FROM = /^\s*\*?(From|Dari)\s*:\*?\s+\S/i;
const OUTLOOK_SENT = /^\s*\*?(Sent|Date|Dikirim|Terkirim|Tanggal|Waktu)\s*:/i;
const OUTLOOK_TO = /^\s*\*?(To|Kepada|Subject|Subjek|Perihal|Cc)\s*:/i;
const SEPARATOR = /^\s*_{10,}\s*$/;

/** Where the quoted history starts and how many lines its header takes; null when there is none. */
function quoteHeader(lines: readonly string[]): { at: number; length: number } | null {
  for (let i = 0; i < lines.length; i += 1) {
    if (ATTRIBUTION_START.test(lines[i])) {
      for (let span = 1; span <= 3 && i + span <= lines.length; span += 1) {
        const joined = lines.slice(i, i + span).join(' ');
        if (joined.length <= 400 && ATTRIBUTION_END.test(joined)) return { at: i, length: span };
      }
    }
    if (ORIGINAL_MESSAGE.test(lines[i])) return { at: i, length: 1 };
    if (OUTLOOK_FROM.test(lines[i])) {
      const next = lines.slice(i + 1, i + 6);
      if (next.some((line) => OUTLOOK_SENT.test(line)) && next.some((line) => OUTLOOK_TO.test(line))) {
        const separated = i > 0 && SEPARATOR.test(lines[i - 1]);
        return { at: separated ? i - 1 : i, length: separated ? 2 : 1 };
      }
    }
  }
  return null;
}

const isQuoted = (line: string) => /^\s*>/.test(line);
const isBlank = (line: string) => line.trim() === '';

function dropTrailingQuote(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && (isBlank(lines[end - 1]) || isQuoted(lines[end - 1]))) end -= 1;
  return lines.slice(0, end);
}

export function stripQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const header = quoteHeader(lines);
  let kept = lines;
  if (header) {
    const before = lines.slice(0, header.at);
    // Top-posting: the reply is above the history. Bottom-posting: the history (as ">" lines) comes
    // first and the reply follows it.
    kept = before.some((line) => !isBlank(line)) ? before : lines.slice(header.at + header.length).filter((line) => !isQuoted(line));
  }
  const reply = dropTrailingQuote(kept).join('\n').trim();
  return reply === '' ? text.trim() : reply;
}
