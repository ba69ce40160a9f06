import { compileSynonyms, findConcepts, formsOf, type Forms, type SynonymTable } from './synonyms';
import { STOPWORDS, tokenise, withinOneEdit } from './text';

/** What the engine indexes: a published FAQ entry, or a Bidang by its name, topics and description. */
export interface SearchDocument {
  id: string;
  kind: 'faq' | 'division';
  /** The Bidang that answers it (an FAQ entry's division; a Bidang's own id). */
  division: string | null;
  question: string;
  keywords: readonly string[];
  answer: string;
}

const FIELDS = ['question', 'keywords', 'answer'] as const;
type Field = (typeof FIELDS)[number];

/** The question and the keywords say what an entry is about; the answer only mentions things. */
export const FIELD_WEIGHTS: Record<Field, number> = { question: 3, keywords: 2.5, answer: 1 };
/** BM25's saturation and length normalisation, gentle for short fields. */
const K1 = 1.2;
const B = 0.5;
/** A stem-only match is a little weaker than the word itself; a corrected typo weaker still. */
const STEM_WEIGHT = 0.9;
const TYPO_WEIGHT = 0.8;
/** Words from 5 letters on may carry one typo; shorter ones (kk, kia, akta) must be right. */
const TYPO_MIN_LENGTH = 5;
/** A long request is read up to this many words. */
const MAX_QUERY_WORDS = 300;
/** Hits weaker than this share of the best one are noise. */
const MIN_SHARE = 0.15;

export interface SearchIndex {
  docs: readonly SearchDocument[];
  /** Per document, per field: how often each term occurs. */
  terms: Map<string, number>[][];
  lengths: number[][];
  averageLength: number[];
  /** In how many documents each term occurs. */
  documentFrequency: Map<string, number>;
  /** Per document, each keyword row as the keys of what it asks for (see unitKey). */
  keywordRows: string[][][];
  synonyms: SynonymTable;
}

const conceptTerm = (group: number) => `=${group}`;
const stemTerm = (stemmed: string) => `~${stemmed}`;

/** What a keyword row and a query share when they ask for the same thing: the group, or the word's stem. */
const unitKey = (unit: QueryUnit) => unit.alternatives[unit.alternatives.length - 1][0];

/** A text's terms: each word and its stem, and each synonym group it mentions. */
function termsOf(synonyms: SynonymTable, text: string): string[] {
  const words = tokenise(text).map(formsOf);
  const terms = words.flatMap(([word, stemmed]) => (stemmed === undefined ? [word, stemTerm(word)] : [word, stemTerm(stemmed)]));
  return [...terms, ...findConcepts(synonyms, words).map((match) => conceptTerm(match.group))];
}

export function buildIndex(docs: readonly SearchDocument[], synonymGroups: readonly (readonly string[])[]): SearchIndex {
  const synonyms = compileSynonyms(synonymGroups);
  const documentFrequency = new Map<string, number>();
  const terms: Map<string, number>[][] = [];
  const lengths: number[][] = [];
  for (const doc of docs) {
    const texts: Record<Field, readonly string[]> = { question: [doc.question], keywords: doc.keywords, answer: [doc.answer] };
    const perField = FIELDS.map((field) => {
      const counts = new Map<string, number>();
      // Each keyword is a text of its own: a phrase never runs from one keyword into the next.
      for (const term of texts[field].flatMap((text) => termsOf(synonyms, text))) counts.set(term, (counts.get(term) ?? 0) + 1);
      return counts;
    });
    for (const term of new Set(perField.flatMap((counts) => [...counts.keys()]))) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    terms.push(perField);
    lengths.push(perField.map((counts) => [...counts.values()].reduce((sum, n) => sum + n, 0)));
  }
  const keywordRows = docs.map((doc) => doc.keywords.map((keyword) => unitsOf(synonyms, keyword).map(unitKey)));
  const averageLength = FIELDS.map((_field, f) => Math.max(1, lengths.reduce((sum, l) => sum + l[f], 0) / Math.max(1, docs.length)));
  return { docs, terms, lengths, averageLength, documentFrequency, keywordRows, synonyms };
}

/** One thing the query asks for, as alternative terms with their weights; the best one found counts. */
export interface QueryUnit {
  alternatives: [term: string, weight: number][];
}

/** The closest known word one edit away, the most common first; null when there is none. */
function correction(index: SearchIndex, word: string): string | null {
  let best: string | null = null;
  let bestFrequency = 0;
  for (const [term, frequency] of index.documentFrequency) {
    if (term.startsWith('~') || term.startsWith('=') || Math.abs(term.length - word.length) > 1) continue;
    if (frequency > bestFrequency && withinOneEdit(word, term)) {
      best = term;
      bestFrequency = frequency;
    }
  }
  return best;
}

function known(index: SearchIndex, forms: Forms): boolean {
  return forms.some((form) => index.documentFrequency.has(form) || index.documentFrequency.has(stemTerm(form)) || index.synonyms.words.has(form));
}

/**
 * What a citizen's text asks for: typos of longer words corrected to a word the index knows, synonym
 * phrases read as their group, and the remaining words (without the stopwords) each with its stem.
 */
export function queryUnits(index: SearchIndex, text: string): QueryUnit[] {
  const words = tokenise(text)
    .slice(0, MAX_QUERY_WORDS)
    .map((word) => {
      const forms = formsOf(word);
      if (word.length < TYPO_MIN_LENGTH || /\d/.test(word) || STOPWORDS.has(word) || known(index, forms)) return { forms, weight: 1 };
      const corrected = correction(index, word);
      return corrected ? { forms: formsOf(corrected), weight: TYPO_WEIGHT } : { forms, weight: 1 };
    });
  return unitsOfWords(index.synonyms, words);
}

function unitsOf(synonyms: SynonymTable, text: string): QueryUnit[] {
  return unitsOfWords(synonyms, tokenise(text).map((word) => ({ forms: formsOf(word), weight: 1 })));
}

function unitsOfWords(synonyms: SynonymTable, words: { forms: Forms; weight: number }[]): QueryUnit[] {
  const units = new Map<string, QueryUnit>();
  const covered = new Set<number>();
  for (const match of findConcepts(synonyms, words.map((word) => word.forms))) {
    const weight = Math.min(...words.slice(match.start, match.start + match.length).map((word) => word.weight));
    units.set(conceptTerm(match.group), { alternatives: [[conceptTerm(match.group), weight]] });
    for (let i = match.start; i < match.start + match.length; i += 1) covered.add(i);
  }
  words.forEach(({ forms: [word, stemmed], weight }, position) => {
    if (covered.has(position) || word.length < 2 || STOPWORDS.has(word) || units.has(word)) return;
    units.set(word, { alternatives: [[word, weight], [stemTerm(stemmed ?? word), weight * STEM_WEIGHT]] });
  });
  return [...units.values()];
}

/** BM25F: a term's occurrences in the fields, weighted and length-normalised, then saturated, times its rarity. */
function termScore(index: SearchIndex, doc: number, term: string): number {
  if (!index.documentFrequency.has(term)) return 0;
  let weighted = 0;
  FIELDS.forEach((field, f) => {
    const count = index.terms[doc][f].get(term) ?? 0;
    if (count > 0) weighted += (FIELD_WEIGHTS[field] * count) / (1 - B + (B * index.lengths[doc][f]) / index.averageLength[f]);
  });
  if (weighted === 0) return 0;
  return (rarity(index, term) * weighted * (K1 + 1)) / (weighted + K1);
}

/** How telling a term is: the fewer documents have it, the more (BM25's idf); 0 for a term none has. */
function rarity(index: SearchIndex, term: string): number {
  const frequency = index.documentFrequency.get(term);
  return frequency ? Math.log(1 + (index.docs.length - frequency + 0.5) / (frequency + 0.5)) : 0;
}

export interface Hit {
  document: SearchDocument;
  score: number;
}

export interface SearchOptions {
  kind?: SearchDocument['kind'];
  limit?: number;
}

/** A match in the question or the keywords counts fully towards the share of the query found; one in the answer, half. */
const ANSWER_ONLY_SHARE = 0.5;
/** Per thing asked, how much a keyword row found whole in the query lifts its entry: the editors' own words. */
const KEYWORD_ROW_LIFT = 0.15;

function inHeadline(index: SearchIndex, doc: number, term: string): boolean {
  return index.terms[doc][0].has(term) || index.terms[doc][1].has(term);
}

/**
 * The documents that answer a text, best first. A document scores the sum of its best match for each
 * thing asked, times the share of what was asked it matches (each thing weighed by its rarity; a match in the
 * answer only counts half), lifted
 * when one of its keyword rows stands whole in the query: "ktp hilang" puts the lost KTP-el above every
 * other KTP-el entry and every other lost document.
 */
export function search(index: SearchIndex, text: string, { kind, limit = 100 }: SearchOptions = {}): Hit[] {
  const units = queryUnits(index, text);
  if (units.length === 0) return [];
  const asked = new Set(units.map(unitKey));
  // A rare word missed weighs more than a common one; a word no document has weighs nothing.
  const telling = units.map((unit) => Math.max(...unit.alternatives.map(([term]) => rarity(index, term))));
  const total = telling.reduce((sum, value) => sum + value, 0);
  if (total === 0) return [];
  const hits: Hit[] = [];
  index.docs.forEach((document, doc) => {
    if (kind && document.kind !== kind) return;
    let sum = 0;
    let found = 0;
    units.forEach((unit, u) => {
      let best = 0;
      let headline = false;
      for (const [term, weight] of unit.alternatives) {
        const score = weight * termScore(index, doc, term);
        if (score > 0) headline ||= inHeadline(index, doc, term);
        best = Math.max(best, score);
      }
      if (best > 0) {
        sum += best;
        found += telling[u] * (headline ? 1 : ANSWER_ONLY_SHARE);
      }
    });
    if (found === 0) return;
    const row = Math.max(0, ...index.keywordRows[doc].filter((keys) => keys.length > 0 && keys.every((key) => asked.has(key))).map((keys) => keys.length));
    hits.push({ document, score: ((sum * found) / total) * (1 + KEYWORD_ROW_LIFT * row) });
  });
  hits.sort((a, b) => b.score - a.score || a.document.question.localeCompare(b.document.question, 'id'));
  const floor = (hits[0]?.score ?? 0) * MIN_SHARE;
  return hits.filter((hit) => hit.score >= floor).slice(0, limit);
}

/** How many of the best hits vote for the Bidang of a request. */
const SUGGESTION_HITS = 5;

/**
 * The Bidang that most likely handles a request: the best FAQ entries and Bidang profiles for its text
 * each vote for their Bidang with their score. Null when nothing in the text is known.
 */
export function suggestDivision(index: SearchIndex, text: string): string | null {
  const votes = new Map<string, number>();
  for (const { document, score } of search(index, text, { limit: SUGGESTION_HITS })) {
    if (document.division) votes.set(document.division, (votes.get(document.division) ?? 0) + score);
  }
  let best: string | null = null;
  for (const [division, score] of votes) if (best === null || score > votes.get(best)!) best = division;
  return best;
}
