import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { keywordsOf, type KeywordRow } from '@layanan/config';
import { previewTokenValid } from '../../../utils/preview';

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
  keywords?: KeywordRow[] | null;
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
  async find(ctx: Parameters<Core.ControllerHandler>[0]) {
    populateKeywords(ctx);
    const result = (await super.find(ctx)) as { data: Entry[]; meta: unknown };
    return { ...result, data: result.data.map(withKeywordList) };
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
