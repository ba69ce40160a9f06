import { synonymWords } from '../../config/src/search';
import { divisionDocument, faqDocument } from '../../cms/src/search/documents';
import { buildIndex, type SearchIndex } from '../../cms/src/search/engine';
import { DIVISIONS } from '../../cms/src/seed/data/divisions';
import { FAQ_ENTRIES } from '../../cms/src/seed/data/faq';
import { SYNONYM_GROUPS } from '../../cms/src/seed/data/synonyms';

/** The engine's index over the demo FAQ, the two Bidang and the default synonyms, as the CMS builds it after the seed. */
export function seededIndex(extraSynonyms: readonly string[] = []): SearchIndex {
  return buildIndex(
    [
      ...FAQ_ENTRIES.map((entry) => faqDocument({ ...entry, documentId: entry.question, division: { documentId: entry.division } })),
      ...DIVISIONS.map((division) => divisionDocument({ ...division, documentId: division.code })),
    ],
    [...SYNONYM_GROUPS, ...extraSynonyms].map(synonymWords),
  );
}
