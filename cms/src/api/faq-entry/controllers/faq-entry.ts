import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
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
  keywords: unknown;
  division: { name: string } | null;
}

export default factories.createCoreController(UID, ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(ctx: Parameters<Core.ControllerHandler>[0]) {
    const documentId = String(ctx.params.documentId ?? '');
    const secret = strapi.config.get('admin.auth.secret', '') as string;
    if (!DOCUMENT_ID.test(documentId) || !previewTokenValid(secret, documentId, ctx.query.token)) throw new errors.NotFoundError(NO_PREVIEW);
    const draft = (await strapi.documents(UID).findOne({
      documentId,
      status: 'draft',
      fields: ['question', 'answer', 'serviceCategory', 'keywords'],
      populate: { division: { fields: ['name'] } },
    } as never)) as DraftRow | null;
    if (!draft) throw new errors.NotFoundError(NO_PREVIEW);
    ctx.set('Cache-Control', 'no-store');
    return {
      data: {
        documentId: draft.documentId,
        question: draft.question,
        answer: draft.answer,
        serviceCategory: draft.serviceCategory,
        keywords: draft.keywords,
        division: draft.division?.name ?? null,
      },
    };
  },
}));
