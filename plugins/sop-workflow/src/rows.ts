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

interface Model {
  tableName: string;
  attributes: Record<string, Attribute>;
}

/**
 * One INSERT for a row of a content type, plus one per relation it points to, on the current transaction.
 * The query engine's `create` also reads every new row back and resolves its relations generically; the
 * audit and outbox rows each intake writes need neither, and that work was most of an intake's extra cost.
 * Columns, defaults (the documentId) and link tables come from Strapi's own metadata, so a schema change
 * follows, and the model's lifecycle subscribers hear of the row as they would of a query-engine create
 * (the notifier wakes its worker on afterCreate). Relations here are plain links to one row by id: a link
 * table with ordering is refused.
 *
 * With `ignoreConflictOn`, a row that would break that unique column is skipped and null is returned.
 */
export async function insertRow(
  strapi: Core.Strapi,
  uid: string,
  data: Record<string, unknown>,
  options: { ignoreConflictOn?: string } = {},
): Promise<number | null> {
  const model = strapi.db.metadata.get(uid as never) as unknown as Model;
  const at = new Date();
  const row: Record<string, unknown> = {};
  const links: { table: JoinTable; targetId: number }[] = [];
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (attribute.type === 'relation') {
      if (data[name] == null) continue;
      const table = attribute.joinTable;
      if (!table || table.orderColumnName || table.inverseOrderColumnName) throw new Error(`insertRow: ${uid}.${name} is not a plain link`);
      links.push({ table, targetId: Number(data[name]) });
      continue;
    }
    if (!attribute.columnName) continue;
    let value = name === 'createdAt' || name === 'updatedAt' ? (data[name] ?? at) : data[name];
    if (value === undefined && attribute.default !== undefined) value = typeof attribute.default === 'function' ? attribute.default() : attribute.default;
    if (value === undefined) continue;
    row[attribute.columnName] = attribute.type === 'json' && value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
  }

  return strapi.db.transaction(async ({ trx }) => {
    let insert = trx(model.tableName).insert(row);
    if (options.ignoreConflictOn) {
      const column = model.attributes[options.ignoreConflictOn]?.columnName;
      if (!column) throw new Error(`insertRow: ${uid} has no column ${options.ignoreConflictOn}`);
      insert = insert.onConflict(column).ignore() as typeof insert;
    }
    const [inserted] = (await insert.returning('id')) as ({ id: number } | number)[];
    if (inserted === undefined) return null;
    const id = typeof inserted === 'object' ? inserted.id : inserted;
    for (const { table, targetId } of links) {
      await trx(table.name).insert({ [table.joinColumn.name]: id, [table.inverseJoinColumn.name]: targetId });
    }
    await strapi.db.lifecycles.run('afterCreate', uid as never, { params: { data }, result: { id, ...data } });
    return id;
  });
}
