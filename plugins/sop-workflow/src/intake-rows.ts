import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from './utils';
import { columnsOf, insertRows, type Model } from './rows';

type Data = Record<string, unknown>;

interface SchemaAttribute {
  type: string;
  required?: boolean;
  maxLength?: number;
  minLength?: number;
  enum?: readonly string[];
  component?: string;
}

interface ComponentLink {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/** A plain check of an address's shape; the mail server decides the rest. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TEXT_TYPES = new Set(['string', 'text', 'email', 'uid', 'richtext']);

/** One field's value against its schema attribute: the first reason it is refused, if any. */
function refusalOf(name: string, attribute: SchemaAttribute, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return attribute.required ? `${name} must be defined.` : null;
  if (TEXT_TYPES.has(attribute.type)) {
    if (typeof value !== 'string') return `${name} must be a \`string\` type.`;
    if (attribute.maxLength !== undefined && value.length > attribute.maxLength) return `${name} must be at most ${attribute.maxLength} characters`;
    if (attribute.minLength !== undefined && value.length < attribute.minLength) return `${name} must be at least ${attribute.minLength} characters`;
    if (attribute.type === 'email' && !EMAIL.test(value)) return `${name} must be a valid email`;
  }
  if (attribute.type === 'enumeration' && !attribute.enum?.includes(String(value))) return `${name} must be one of the following values: ${attribute.enum?.join(', ')}`;
  return null;
}

/** The fields given, checked against the content type's schema as Strapi's validator checks them; a 400 naming each refusal. */
function validate(attributes: Record<string, SchemaAttribute>, data: Data, prefix = ''): { path: string[]; message: string; name: string }[] {
  const refusals: { path: string[]; message: string; name: string }[] = [];
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.type === 'component' || attribute.type === 'relation' || attribute.type === 'media') continue;
    const message = refusalOf(`${prefix}${name}`, attribute, data[name]);
    if (message) refusals.push({ path: [...(prefix ? [prefix.slice(0, -1)] : []), name], message, name: 'ValidationError' });
  }
  return refusals;
}

/**
 * A new inquiry's row, its applicant's component row and their link, written straight to the tables in the
 * caller's transaction. The document service would do the same writes and, around them, build and clone a
 * validation schema of every field, read the rows back twice and read the entry again with its relations to
 * announce it: most of an intake's cost, for a row whose every value is already known here. The fields are
 * checked against the schema as that validator checks them (required, lengths, e-mail shape, enumerations)
 * and refused with the same error; columns, defaults and the link table come from Strapi's own metadata.
 * Returns the row as the workflow reads it.
 */
export async function insertInquiry(strapi: Core.Strapi, given: Data): Promise<Data & { id: number; documentId: string }> {
  const contentType = strapi.contentType(UID.inquiry as never) as unknown as { attributes: Record<string, SchemaAttribute> };
  const { applicant, ...fields } = given as Data & { applicant?: Data | null };
  const applicantAttribute = contentType.attributes.applicant;
  const componentUid = applicantAttribute.component!;
  const componentSchema = strapi.components[componentUid as never] as unknown as { attributes: Record<string, SchemaAttribute> };
  const withDefaults = Object.fromEntries(
    Object.entries(contentType.attributes)
      .filter(([name, attribute]) => fields[name] === undefined && (attribute as { default?: unknown }).default !== undefined)
      .map(([name, attribute]) => [name, (attribute as { default?: unknown }).default]),
  );
  const data: Data = { ...withDefaults, ...fields };
  const refusals = [...validate(contentType.attributes, data), ...(applicant ? validate(componentSchema.attributes, applicant, 'applicant.') : [])];
  if (refusals.length > 0) {
    throw new errors.ValidationError(refusals.length > 1 ? `${refusals.length} errors occurred` : refusals[0].message, { errors: refusals });
  }

  return strapi.db.transaction(async ({ trx }) => {
    const at = new Date();
    const model = strapi.db.metadata.get(UID.inquiry as never) as unknown as { attributes: Record<string, { default?: () => string; joinTable?: ComponentLink }> };
    // The document's id as Strapi makes one (its metadata's default), so the row need not be read back for it.
    const documentId = model.attributes.documentId.default!();
    const [id] = await insertRows(strapi, UID.inquiry, [{ ...data, documentId, publishedAt: at }]);
    if (applicant) {
      const component = strapi.db.metadata.get(componentUid as never) as unknown as Model;
      const { row: componentRow } = columnsOf(componentUid, component, applicant, at);
      const [inserted] = (await trx(component.tableName).insert(componentRow).returning('id')) as ({ id: number } | number)[];
      const componentId = typeof inserted === 'object' ? inserted.id : inserted;
      const link = model.attributes.applicant.joinTable!;
      await trx(link.name).insert({ [link.joinColumn.name]: id, [link.inverseJoinColumn.name]: componentId, field: 'applicant', component_type: componentUid });
    }
    return { ...data, id: id!, documentId, applicant: applicant ?? null };
  });
}
