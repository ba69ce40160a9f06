import type { Core } from '@strapi/strapi';
import { keywordsOf, synonymWords, type KeywordRow } from '@layanan/config';
import { buildIndex, search, suggestDivision, type Hit, type SearchIndex } from '../../../search/engine';
import { divisionDocument, faqDocument, type DivisionSource } from '../../../search/documents';

const FAQ = 'api::faq-entry.faq-entry';
const DIVISION = 'api::division.division';
const SYNONYM = 'api::search-synonym.search-synonym';

interface FaqRow {
  documentId: string;
  question: string;
  answer: string;
  keywords: KeywordRow[] | null;
  division: { documentId: string } | null;
}

export interface SearchService {
  /** Published FAQ entries that answer the text, best first. */
  faq(text: string, limit?: number): Promise<Hit[]>;
  /** The documentId of the active Bidang most likely to handle a request's text, or null. */
  division(text: string): Promise<string | null>;
}

/**
 * Holds the one index of the published FAQ, the active Bidang and the editors' synonyms. Before each
 * search it reads the three tables' change marks (row count, last id, last update): whoever wrote — the
 * admin panel, the API, a script, another instance on the same database — the next search sees it, and
 * an unchanged index is not rebuilt. Searches that arrive during a rebuild wait for that one rebuild.
 */
export default ({ strapi }: { strapi: Core.Strapi }): SearchService => {
  let current: { mark: string; index: SearchIndex } | null = null;
  let pending: { mark: string; index: Promise<SearchIndex> } | null = null;

  async function changeMark(): Promise<string> {
    const knex = strapi.db.connection;
    const table = (uid: string) => strapi.db.metadata.get(uid as never).tableName;
    const marks = await Promise.all(
      [
        knex(table(FAQ)).whereNotNull('published_at'),
        knex(table(DIVISION)),
        knex(table(SYNONYM)),
      ].map((query) => query.count({ rows: '*' }).max({ last: 'id' }).max({ updated: 'updated_at' }).first()),
    );
    // PostgreSQL gives the last update as a Date, whose text would drop the milliseconds.
    const instant = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value ?? ''));
    return JSON.stringify(marks.map((mark) => [Number(mark?.rows ?? 0), Number(mark?.last ?? 0), instant(mark?.updated)]));
  }

  async function build(): Promise<SearchIndex> {
    const [entries, divisions, synonyms] = await Promise.all([
      strapi.documents(FAQ).findMany({
        status: 'published',
        fields: ['question', 'answer'],
        populate: { keywords: { fields: ['keyword'] }, division: { fields: ['documentId'] } },
      } as never) as unknown as Promise<FaqRow[]>,
      strapi.documents(DIVISION).findMany({ filters: { active: true }, fields: ['name', 'description', 'topics'] } as never) as unknown as Promise<DivisionSource[]>,
      strapi.documents(SYNONYM).findMany({ fields: ['words'] } as never) as unknown as Promise<{ words: string }[]>,
    ]);
    return buildIndex(
      [...entries.map((entry) => faqDocument({ ...entry, keywords: keywordsOf(entry.keywords) })), ...divisions.map(divisionDocument)],
      synonyms.map((synonym) => synonymWords(synonym.words)),
    );
  }

  async function index(): Promise<SearchIndex> {
    const mark = await changeMark();
    if (current?.mark === mark) return current.index;
    if (pending?.mark !== mark) {
      const started = { mark, index: build() };
      pending = started;
      started.index.then(
        (built) => {
          current = { mark, index: built };
          if (pending === started) pending = null;
        },
        () => {
          if (pending === started) pending = null;
        },
      );
    }
    return pending!.index;
  }

  return {
    async faq(text, limit) {
      return search(await index(), text, { kind: 'faq', limit });
    },
    async division(text) {
      return suggestDivision(await index(), text);
    },
  };
};
