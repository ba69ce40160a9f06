import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { keywordsOf, type KeywordRow } from '@layanan/config';
import { previewTokenValid } from '../../../utils/preview';
import { parseQuery, searchQuerySchema } from '../../../utils/validation';
import type { SearchService } from '../../search/services/search';

const UID = 'api::faq-entry.faq-entry';
const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;
/** An unknown entry, a wrong token and an expired one answer alike, so drafts cannot be probed. */
const NO_PREVIEW = 'Pratinjau tidak tersedia atau sudah kedaluwarsa. Buka lagi dari panel admin.';

interface DraftRow {
  documentId: string;
  question: string;
  answer: string;
  serviceCategory: string | null;
  keywords: KeywordRow[] | null;
  division: { name: string } | null;
}

interface Entry {
  documentId?: string;
  keywords?: KeywordRow[] | null;
}

type Context = Parameters<Core.ControllerHandler>[0];

/** How many ranked entries a search brings at most; a page is cut from them. */
const SEARCH_LIMIT = 100;

/** The page asked for (Strapi's `pagination[page]` and `pagination[pageSize]`), within the API's limits. */
function pageOf(query: Record<string, unknown>, maxLimit: number, defaultLimit: number): { page: number; pageSize: number } {
  const pagination = (typeof query.pagination === 'object' && query.pagination !== null ? query.pagination : {}) as Record<string, unknown>;
  const whole = (value: unknown, fallback: number) => (typeof value === 'string' && /^\d{1,6}$/.test(value) && Number(value) > 0 ? Number(value) : fallback);
  return { page: whole(pagination.page, 1), pageSize: Math.min(maxLimit, whole(pagination.pageSize, defaultLimit)) };
}

/** Editors keep keywords as rows; the FAQ search and the routing suggestion read them as a list of words. */
function withKeywordList<T extends Entry>(entry: T): Omit<T, 'keywords'> & { keywords: string[] } {
  return { ...entry, keywords: keywordsOf(entry.keywords) };
}

/** Every read brings the keyword rows along (the query guard has already checked what the client asked for). */
function populateKeywords(ctx: Parameters<Core.ControllerHandler>[0]): void {
  const query = ctx.query as Record<string, unknown>;
  const populate = typeof query.populate === 'object' && query.populate !== null ? query.populate : {};
  query.populate = { ...populate, keywords: { fields: ['keyword'] } };
}

export default factories.createCoreController(UID, ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The published FAQ; with `q`, only the entries the search engine finds for it, best first (a `sort` is
   * then ignored). Other filters, fields and the page apply as without it.
   */
  async find(ctx: Context) {
    populateKeywords(ctx);
    const query = ctx.query as Record<string, unknown>;
    if (query.q === undefined) {
      const result = (await super.find(ctx)) as { data: Entry[]; meta: unknown };
      return { ...result, data: result.data.map(withKeywordList) };
    }
    const { q } = parseQuery(searchQuerySchema, { q: query.q });
    const { page, pageSize } = pageOf(query, strapi.config.get('api.rest.maxLimit', 100) as number, strapi.config.get('api.rest.defaultLimit', 25) as number);
    const hits = await (strapi.service('api::search.search') as unknown as SearchService).faq(q, SEARCH_LIMIT);
    const rank = new Map(hits.map((hit, position) => [hit.document.id, position]));
    const filters = query.filters ? { $and: [query.filters, { documentId: { $in: [...rank.keys()] } }] } : { documentId: { $in: [...rank.keys()] } };
    // Every hit in one read (the filters may leave some out), in the engine's order, then the page is cut.
    const { q: _q, sort: _sort, ...rest } = query;
    ctx.query = { ...rest, filters, pagination: { page: 1, pageSize: SEARCH_LIMIT } };
    const found = rank.size === 0 ? [] : ((await super.find(ctx)) as { data: Entry[] }).data;
    found.sort((a, b) => (rank.get(a.documentId ?? '') ?? 0) - (rank.get(b.documentId ?? '') ?? 0));
    return {
      data: found.slice((page - 1) * pageSize, page * pageSize).map(withKeywordList),
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(found.length / pageSize), total: found.length } },
    };
  },

  async findOne(ctx: Parameters<Core.ControllerHandler>[0]) {
    populateKeywords(ctx);
    const result = (await super.findOne(ctx)) as { data: Entry | null; meta: unknown } | null;
    return result?.data ? { ...result, data: withKeywordList(result.data) } : result;
  },

  async preview(ctx: Parameters<Core.ControllerHandler>[0]) {
    const documentId = String(ctx.params.documentId ?? '');
    const secret = strapi.config.get('admin.auth.secret', '') as string;
    if (!DOCUMENT_ID.test(documentId) || !previewTokenValid(secret, documentId, ctx.query.token)) throw new errors.NotFoundError(NO_PREVIEW);
    const draft = (await strapi.documents(UID).findOne({
      documentId,
      status: 'draft',
      fields: ['question', 'answer', 'serviceCategory'],
      populate: { division: { fields: ['name'] }, keywords: { fields: ['keyword'] } },
    } as never)) as DraftRow | null;
    if (!draft) throw new errors.NotFoundError(NO_PREVIEW);
    ctx.set('Cache-Control', 'no-store');
    return {
      data: {
        documentId: draft.documentId,
        question: draft.question,
        answer: draft.answer,
        serviceCategory: draft.serviceCategory,
        keywords: keywordsOf(draft.keywords),
        division: draft.division?.name ?? null,
      },
    };
  },
}));
