import type { SearchDocument } from './engine';

export interface FaqSource {
  documentId: string;
  question: string;
  answer: string;
  keywords: readonly string[];
  division: { documentId: string } | null;
}

export interface DivisionSource {
  documentId: string;
  name: string;
  description: string | null;
  topics: unknown;
}

export const faqDocument = (entry: FaqSource): SearchDocument => ({
  id: entry.documentId,
  kind: 'faq',
  division: entry.division?.documentId ?? null,
  question: entry.question,
  keywords: entry.keywords,
  answer: entry.answer,
});

/** A Bidang is found by its name as a question, its topics as keywords and its description as an answer. */
export const divisionDocument = (division: DivisionSource): SearchDocument => ({
  id: division.documentId,
  kind: 'division',
  division: division.documentId,
  question: division.name,
  keywords: Array.isArray(division.topics) ? division.topics.filter((topic): topic is string => typeof topic === 'string') : [],
  answer: division.description ?? '',
});
