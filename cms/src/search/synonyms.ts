import { stem, tokenise } from './text';

/** A word as it was written and as its stem: two words match when they share either. */
export type Forms = readonly string[];

export function formsOf(word: string): Forms {
  const stemmed = stem(word);
  return stemmed === word ? [word] : [word, stemmed];
}

const meets = (a: Forms, b: Forms) => a.some((form) => b.includes(form));

interface Phrase {
  words: Forms[];
  group: number;
}

/** The editors' groups of words with one meaning, ready to find in a text's words. */
export interface SynonymTable {
  /** Phrases by each form of their first word, longest first. */
  byFirstWord: Map<string, Phrase[]>;
  /** Every form of every word in a group: a word found here is no typo. */
  words: Set<string>;
}

/**
 * Groups that share a phrase are one group: equivalence is transitive ("kk, kartu keluarga" and
 * "kartu keluarga, kk baru" give one meaning to all three).
 */
export function compileSynonyms(groups: readonly (readonly string[])[]): SynonymTable {
  const parent = groups.map((_group, index) => index);
  const root = (index: number): number => (parent[index] === index ? index : (parent[index] = root(parent[index])));
  const owner = new Map<string, number>();
  const phrases: { tokens: string[]; group: number }[] = [];
  groups.forEach((group, index) => {
    for (const phrase of group) {
      const tokens = tokenise(phrase);
      if (tokens.length === 0) continue;
      const key = tokens.join(' ');
      const earlier = owner.get(key);
      if (earlier === undefined) owner.set(key, index);
      else parent[root(earlier)] = root(index);
      phrases.push({ tokens, group: index });
    }
  });
  const table: SynonymTable = { byFirstWord: new Map(), words: new Set() };
  for (const { tokens, group } of phrases) {
    const phrase: Phrase = { words: tokens.map(formsOf), group: root(group) };
    for (const forms of phrase.words) forms.forEach((form) => table.words.add(form));
    for (const form of phrase.words[0]) table.byFirstWord.set(form, [...(table.byFirstWord.get(form) ?? []), phrase]);
  }
  for (const list of table.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return table;
}

export interface ConceptMatch {
  start: number;
  length: number;
  group: number;
}

/** Where the text's words say one of the groups' phrases, left to right, the longest phrase first, no overlap. */
export function findConcepts(table: SynonymTable, words: readonly Forms[]): ConceptMatch[] {
  const found: ConceptMatch[] = [];
  let start = 0;
  while (start < words.length) {
    const candidates = new Set(words[start].flatMap((form) => table.byFirstWord.get(form) ?? []));
    const phrase = [...candidates]
      .sort((a, b) => b.words.length - a.words.length)
      .find((p) => p.words.length <= words.length - start && p.words.every((forms, offset) => meets(forms, words[start + offset])));
    if (phrase) {
      found.push({ start, length: phrase.words.length, group: phrase.group });
      start += phrase.words.length;
    } else start += 1;
  }
  return found;
}
