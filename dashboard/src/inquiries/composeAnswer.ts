export interface Composed {
  text: string;
  /** Where the cursor goes: right after what was inserted. */
  cursor: number;
}

const PARAGRAPH = '\n\n';

/**
 * Puts `insertion` into `text` between `start` and `end` (the selection, or the cursor when they are equal),
 * as its own paragraph: what the officer wrote around it stays. A selection is replaced, as typing would.
 */
export function insertAt(text: string, insertion: string, start = text.length, end = start): Composed {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const before = text.slice(0, from);
  const after = text.slice(to);
  const lead = before.trim() === '' ? '' : before.endsWith(PARAGRAPH) ? '' : before.endsWith('\n') ? '\n' : PARAGRAPH;
  const trail = after.trim() === '' ? '' : after.startsWith(PARAGRAPH) ? '' : after.startsWith('\n') ? '\n' : PARAGRAPH;
  const head = before.trim() === '' ? '' : before + lead;
  const inserted = head + insertion.trim();
  return { text: inserted + trail + (after.trim() === '' ? '' : after), cursor: inserted.length };
}
