import type { Core } from '@strapi/strapi';
import { parseQuery, searchQuerySchema } from '../../../utils/validation';
import type { SearchService } from '../services/search';

type Context = Parameters<Core.ControllerHandler>[0];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The Bidang to pre-fill at triage (SOP step 2) for a request's subject and message: `{data: {documentId, name, code} | null}`. */
  async divisionSuggestion(ctx: Context) {
    const { q } = parseQuery(searchQuerySchema, ctx.query);
    const documentId = await (strapi.service('api::search.search') as unknown as SearchService).division(q);
    const division = documentId
      ? await strapi.documents('api::division.division').findOne({ documentId, fields: ['name', 'code'] } as never)
      : null;
    return { data: division ? { documentId: division.documentId, name: division.name, code: division.code } : null };
  },
});
