import type { Core } from '@strapi/strapi';

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

interface Attribute {
  type: string;
  columnName?: string;
  default?: unknown;
  joinTable?: JoinTable;
}

export interface Model {
  tableName: string;
  attributes: Record<string, Attribute>;
}

/** The row's columns and its links, from Strapi's metadata (defaults and timestamps filled in). */
export function columnsOf(uid: string, model: Model, data: Record<string, unknown>, at: Date) {
  const row: Record<string, unknown> = {};
  const links: { table: JoinTable; targetId: number }[] = [];
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (attribute.type === 'relation') {
      if (data[name] == null) continue;
      const table = attribute.joinTable;
      if (!table || table.orderColumnName || table.inverseOrderColumnName) throw new Error(`insertRows: ${uid}.${name} is not a plain link`);
      links.push({ table, targetId: Number(data[name]) });
      continue;
    }
    if (!attribute.columnName) continue;
    let value = name === 'createdAt' || name === 'updatedAt' ? (data[name] ?? at) : data[name];
    if (value === undefined && attribute.default !== undefined) value = typeof attribute.default === 'function' ? attribute.default() : attribute.default;
    if (value === undefined) continue;
    row[attribute.columnName] = attribute.type === 'json' && value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
  }
  return { row, links };
}

/** Rows a multi-row INSERT carries at once: well below SQLite's and PostgreSQL's limits on bound values. */
const INSERT_CHUNK = 250;

/**
 * Rows of a content type written with one INSERT per chunk of rows, plus one per chunk of the links they
 * point to, on the current transaction. The query engine's `create` also reads every new row back and
 * resolves its relations generically; the audit and outbox rows each intake writes need neither, and that
 * work was most of an intake's extra cost; a sweep that marks thousands of breaches writes their events and
 * outbox rows in a few statements. Columns, defaults (the documentId) and link tables come from Strapi's own
 * metadata, so a schema change follows, and the model's lifecycle subscribers hear of each row as they would
 * of a query-engine create (the notifier wakes its worker on afterCreate). Relations here are plain links to
 * one row by id: a link table with ordering is refused.
 *
 * Returns each row's id in the order given; with `ignoreConflictOn`, a row that would break that unique
 * column is skipped and its id is null.
 */
export async function insertRows(
  strapi: Core.Strapi,
  uid: string,
  items: readonly Record<string, unknown>[],
  options: { ignoreConflictOn?: string } = {},
): Promise<(number | null)[]> {
  const model = strapi.db.metadata.get(uid as never) as unknown as Model;
  const at = new Date();
  const built = items.map((data) => columnsOf(uid, model, data, at));
  const conflictColumn = options.ignoreConflictOn ? model.attributes[options.ignoreConflictOn]?.columnName : undefined;
  if (options.ignoreConflictOn && !conflictColumn) throw new Error(`insertRows: ${uid} has no column ${options.ignoreConflictOn}`);
  const keyColumn = conflictColumn ?? model.attributes.documentId?.columnName;
  if (!keyColumn) throw new Error(`insertRows: ${uid} has no documentId`);

  return strapi.db.transaction(async ({ trx }) => {
    const ids: (number | null)[] = [];
    for (let start = 0; start < built.length; start += INSERT_CHUNK) {
      const chunk = built.slice(start, start + INSERT_CHUNK);
      let insert = trx(model.tableName).insert(chunk.map((b) => b.row));
      if (conflictColumn) insert = insert.onConflict(conflictColumn).ignore() as typeof insert;
      // RETURNING promises no order, and a skipped row returns nothing: rows are matched by a unique column.
      const returned = (await insert.returning(['id', keyColumn])) as Record<string, unknown>[];
      const byKey = new Map(returned.map((r) => [String(r[keyColumn]), Number(r.id)]));
      for (const b of chunk) ids.push(byKey.get(String(b.row[keyColumn])) ?? null);
    }
    const links = built.flatMap((b, i) => (ids[i] === null ? [] : b.links.map((link) => ({ ...link, id: ids[i]! }))));
    const byTable = new Map<JoinTable, Record<string, number>[]>();
    for (const { table, targetId, id } of links) {
      if (!byTable.has(table)) byTable.set(table, []);
      byTable.get(table)!.push({ [table.joinColumn.name]: id, [table.inverseJoinColumn.name]: targetId });
    }
    for (const [table, linkRows] of byTable) {
      for (let start = 0; start < linkRows.length; start += INSERT_CHUNK) await trx(table.name).insert(linkRows.slice(start, start + INSERT_CHUNK));
    }
    for (const [i, id] of ids.entries()) {
      if (id !== null) await strapi.db.lifecycles.run('afterCreate', uid as never, { params: { data: items[i] }, result: { id, ...items[i] } });
    }
    return ids;
  });
}
