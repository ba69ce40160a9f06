import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { QueryRefused, ROUTE_MODELS, checkFields, checkFilters, checkPagination, checkSort, resolvePopulate, type Model, type ModelOf } from '../utils/read-model';

interface QueryContext {
  method: string;
  path: string;
  url: string;
  query: Record<string, unknown>;
}

/** Parameters that reach the query engine; a route that serves no content type takes none of them. */
const ENGINE_PARAMETERS = ['filters', 'populate', 'sort', 'fields'] as const;
const NUL = /%00|\0/i;

/** `/api/<pluralName>/…` (or a single type's singularName) → the content type the route serves. */
function routeModels(strapi: Core.Strapi): Map<string, string> {
  const models = new Map(Object.entries(ROUTE_MODELS));
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    if (!uid.startsWith('api::')) continue;
    const { info, kind } = contentType as unknown as { info: { pluralName: string; singularName: string }; kind: string };
    models.set(kind === 'singleType' ? info.singularName : info.pluralName, uid);
  }
  return models;
}

/**
 * Every content-API request passes the read model (utils/read-model.ts) before a controller sees it:
 * relations only where the model lists them, filters that fit their fields' types (the database would
 * answer a 500 to `id=abc` or `1e400`), bounded pages, published entries only. A NUL byte anywhere in
 * the address is refused too: PostgreSQL cannot store or compare it.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let models: Map<string, string> | null = null;
  const modelOf: ModelOf = (uid) => strapi.getModel(uid as never) as unknown as Model | undefined;

  function check(ctx: QueryContext): void {
    const { query } = ctx;
    models ??= routeModels(strapi);
    const uid = models.get(ctx.path.split('/')[2] ?? '');
    if (query.pagination !== undefined) checkPagination(query.pagination);
    if (!uid) {
      const given = ENGINE_PARAMETERS.find((name) => query[name] !== undefined);
      if (given) throw new QueryRefused(given, 'parameter ini tidak dikenal di rute ini.');
      return;
    }
    const model = modelOf(uid)!;
    if (query.filters !== undefined) checkFilters(modelOf, model, query.filters);
    if (query.sort !== undefined) checkSort(modelOf, model, query.sort);
    if (query.fields !== undefined) checkFields(model, query.fields);
    if (query.populate !== undefined) {
      // Mutated in place: assigning ctx.query would re-serialise it with Node's flat querystring.
      const populate = resolvePopulate(modelOf, model, query.populate);
      if (Object.keys(populate).length > 0) query.populate = populate;
      else delete query.populate;
    }
    if ((strapi.contentTypes[uid as never] as { options?: { draftAndPublish?: boolean } }).options?.draftAndPublish) {
      // Drafts are the editors' work in progress, read in the admin panel only.
      query.status = 'published';
      delete query.hasPublishedVersion;
    }
  }

  return async (ctx: QueryContext, next: () => Promise<void>) => {
    if (!ctx.path.startsWith('/api/')) return next();
    if (NUL.test(ctx.url)) throw new errors.ValidationError('Alamat permintaan berisi karakter yang tidak diizinkan.');
    try {
      check(ctx);
    } catch (error) {
      if (error instanceof QueryRefused) throw new errors.ValidationError(error.message, { path: error.path });
      throw error;
    }
    await next();
  };
};
