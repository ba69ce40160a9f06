import type { Core, Modules } from '@strapi/strapi';
import { keywordRows, keywordsRefusal, type KeywordRow } from '@layanan/config';
import { fieldRefusal } from '@layanan/sop-workflow';

const FAQ = 'api::faq-entry.faq-entry';
/** Where the database migration (cms/database/migrations) kept the old JSON keyword lists, per row. */
const KEPT = 'faq_entry_keywords_json';

/** Editors add keywords as rows in the admin panel: an empty or repeated one is refused with the reason. */
export const faqKeywordsGuard: Modules.Documents.Middleware.Middleware = async (ctx, next) => {
  if (ctx.uid !== FAQ || !['create', 'update'].includes(ctx.action)) return next();
  const params = ctx.params as { data?: { keywords?: unknown } };
  if (params.data && 'keywords' in params.data) {
    const problem = keywordsRefusal(params.data.keywords);
    if (problem) throw fieldRefusal('keywords', problem);
    if (Array.isArray(params.data.keywords)) {
      params.data.keywords = (params.data.keywords as KeywordRow[]).map((row) => ({ ...row, keyword: row.keyword.trim() }));
    }
  }
  return next();
};

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName: string;
  morphColumn?: { typeColumn?: { name: string } };
}

function parsed(json: unknown): unknown[] {
  try {
    const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/**
 * Writes the keywords the old JSON lists held as rows, once, for the draft and the published version of
 * each entry alike (the document service would touch the draft only, and publishing would publish an
 * editor's unfinished draft). In one transaction: a crash leaves the kept table to the next start.
 */
export async function upgradeFaqKeywords(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(KEPT))) return;
  const attribute = strapi.db.metadata.get(FAQ).attributes.keywords as unknown as { joinTable: JoinTable; component?: string };
  const { name, joinColumn, inverseJoinColumn, orderColumnName, morphColumn } = attribute.joinTable;
  const cmpTable = strapi.db.metadata.get('faq.keyword').tableName;
  const kept = (await knex(KEPT).select('entry_id', 'keywords')) as { entry_id: number; keywords: unknown }[];
  await knex.transaction(async (trx) => {
    for (const { entry_id: entryId, keywords } of kept) {
      if ((await trx(name).where({ [joinColumn.name]: entryId, field: 'keywords' }).first()) !== undefined) continue;
      for (const [order, row] of keywordRows(parsed(keywords)).entries()) {
        const [inserted] = (await trx(cmpTable).insert(row, ['id'])) as { id: number }[];
        await trx(name).insert({
          [joinColumn.name]: entryId,
          [inverseJoinColumn.name]: inserted.id,
          [morphColumn?.typeColumn?.name ?? 'component_type']: 'faq.keyword',
          field: 'keywords',
          [orderColumnName]: order + 1,
        });
      }
    }
    await trx.schema.dropTable(KEPT);
  });
  strapi.log.info(`[faq] the keywords of ${kept.length} FAQ rows are rows now`);
}
