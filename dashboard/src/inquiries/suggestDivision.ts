import type { Division, FaqEntry } from '../types';

/** A topic or keyword counts when it stands as a whole word (or words) in the text. */
function mentions(text: string, term: string): boolean {
  const needle = term.trim().toLowerCase();
  if (!needle) return false;
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}

/** An FAQ match weighs more than a single topic word: it is a whole question the Bidang already answered. */
const FAQ_WEIGHT = 2;

/**
 * The Bidang that most likely handles a request: each active Bidang scores a point per topic of its own
 * found in the text, and two per FAQ entry of its own whose keyword is found. Null when nothing matches.
 */
export function suggestDivision(text: string, divisions: readonly Division[], faqEntries: readonly FaqEntry[] = []): Division | null {
  const haystack = text.toLowerCase();
  let best: Division | null = null;
  let bestScore = 0;
  for (const division of divisions) {
    if (division.active === false) continue;
    let score = (division.topics ?? []).filter((topic) => mentions(haystack, topic)).length;
    for (const entry of faqEntries) {
      if (entry.division?.documentId === division.documentId && (entry.keywords ?? []).some((keyword) => mentions(haystack, keyword))) score += FAQ_WEIGHT;
    }
    if (score > bestScore) {
      best = division;
      bestScore = score;
    }
  }
  return best;
}
