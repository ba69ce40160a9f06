import type { Modules } from '@strapi/strapi';
import { synonymWords, synonymsProblem } from '@layanan/config';
import { fieldRefusal } from '@layanan/sop-workflow';

const SYNONYM = 'api::search-synonym.search-synonym';

/**
 * Editors keep one group of words with the same meaning per entry, separated by commas: a group of fewer
 * than two words is refused with the reason; the words are kept trimmed, one comma between them.
 */
export const searchSynonymsGuard: Modules.Documents.Middleware.Middleware = async (ctx, next) => {
  if (ctx.uid !== SYNONYM || !['create', 'update'].includes(ctx.action)) return next();
  const params = ctx.params as { data?: { words?: unknown } };
  if (params.data && (ctx.action === 'create' || 'words' in params.data)) {
    const problem = synonymsProblem(params.data.words);
    if (problem) throw fieldRefusal('words', problem);
    params.data.words = synonymWords(params.data.words as string).join(', ');
  }
  return next();
};
