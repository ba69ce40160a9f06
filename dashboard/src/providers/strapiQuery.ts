import { stringify } from './queryString';

/** Where the CMS's API answers, on the dashboard's own origin. */
export const API_URL = '/api';

/**
 * What each resource brings along. ra-strapi asks for `populate=*`, one level deep and for every
 * relation (an inquiry would drag its whole event log); here each resource names what it shows.
 */
export const POPULATE: Record<string, Record<string, unknown>> = {
  inquiries: { applicant: true, division: { fields: ['documentId', 'name', 'code'] }, faqEntry: { fields: ['documentId', 'question'] } },
  'faq-entries': { division: { fields: ['documentId', 'name', 'code'] } },
};

/** Fields the `q` full-text search looks in, per resource. */
export const SEARCH_FIELDS: Record<string, readonly string[]> = {
  divisions: ['name', 'code'],
};

/**
 * Resources whose server reads `q` itself: the requests are found by the applicant's name, NIK or phone
 * number too, which a client's filters may not reach; the FAQ is searched by the search engine.
 */
export const SERVER_SEARCH: ReadonlySet<string> = new Set(['inquiries', 'faq-entries']);

/** Of those, the ones answered best match first: a sort would undo the ranking. */
export const RANKED_SEARCH: ReadonlySet<string> = new Set(['faq-entries']);

/** Longest suffixes first, so `_containsi` is never read as `_contains` plus a stray letter. */
const OPERATORS: readonly [string, string][] = (
  [
    ['_ncontainsi', '$notContainsi'],
    ['_containsi', '$containsi'],
    ['_ncontains', '$notContains'],
    ['_contains', '$contains'],
    ['_startswithi', '$startsWithi'],
    ['_startswith', '$startsWith'],
    ['_endswithi', '$endsWithi'],
    ['_endswith', '$endsWith'],
    ['_isnotnull', '$notNull'],
    ['_isnull', '$null'],
    ['_between', '$between'],
    ['_eqi', '$eqi'],
    ['_nei', '$nei'],
    ['_nin', '$notIn'],
    ['_gte', '$gte'],
    ['_lte', '$lte'],
    ['_eq', '$eq'],
    ['_ne', '$ne'],
    ['_gt', '$gt'],
    ['_lt', '$lt'],
    ['_in', '$in'],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

type Filters = Record<string, unknown>;

function operatorOf(key: string): { path: string; operator: string | null } {
  for (const [suffix, operator] of OPERATORS) {
    if (key.endsWith(suffix) && key.length > suffix.length) return { path: key.slice(0, -suffix.length), operator };
  }
  return { path: key, operator: null };
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Sets `value` at a dotted path (`division.code`) as nested objects, merging with what is there. */
function setPath(target: Filters, path: string, value: Filters): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    node = node[part] = next && typeof next === 'object' && !Array.isArray(next) ? (next as Filters) : {};
  }
  const last = parts[parts.length - 1];
  const existing = node[last];
  node[last] = existing && typeof existing === 'object' && !Array.isArray(existing) ? { ...(existing as Filters), ...value } : value;
}

/**
 * react-admin filters → Strapi 5 filters. `field_op` suffixes become operators, dotted paths become
 * nested relations, a list without an operator means `$in`, `q` becomes an `$or` of `$containsi` over
 * the resource's search fields, and keys that already are Strapi operators (`$or`, `$and`) pass through.
 */
export function strapiFilters(resource: string, filter: Filters = {}): Filters {
  const result: Filters = {};
  const and: Filters[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (isEmpty(value)) continue;
    if (key.startsWith('$')) {
      and.push({ [key]: value });
      continue;
    }
    if (key === 'q') {
      if (RANKED_SEARCH.has(resource)) continue;
      const words = String(value).trim();
      const fields = SEARCH_FIELDS[resource] ?? [];
      if (words && fields.length) and.push({ $or: fields.map((field) => ({ [field]: { $containsi: words } })) });
      continue;
    }
    const { path, operator } = operatorOf(key);
    let condition: Filters;
    if (operator === '$null' || operator === '$notNull') condition = { [operator]: value !== false && value !== 'false' };
    else if (operator) condition = { [operator]: value };
    else condition = Array.isArray(value) ? { $in: value } : { $eq: value };
    setPath(result, path, condition);
  }
  if (and.length === 0) return result;
  if (Object.keys(result).length === 0 && and.length === 1) return and[0];
  return { $and: [...(Object.keys(result).length ? [result] : []), ...and] };
}

export interface ListQuery {
  filter?: Filters;
  sort?: { field: string; order: string };
  pagination?: { page: number; perPage: number };
  fields?: readonly string[];
  /** Replaces the resource's usual populate for this request. */
  populate?: Record<string, unknown>;
}

/** The query string of a list request: filters, sort, page, populate and (optionally) the fields to return. */
export function listQueryString(resource: string, { filter, sort, pagination, fields, populate }: ListQuery): string {
  const query: Record<string, unknown> = {};
  const { q, ...rest } = filter ?? {};
  const serverSearch = SERVER_SEARCH.has(resource);
  const filters = strapiFilters(resource, serverSearch ? rest : filter);
  const searched = serverSearch && typeof q === 'string' && q.trim() !== '';
  if (searched) query.q = q.trim();
  if (Object.keys(filters).length) query.filters = filters;
  if (sort?.field && !(searched && RANKED_SEARCH.has(resource))) query.sort = [`${sort.field === 'id' ? 'id' : sort.field}:${sort.order === 'ASC' ? 'asc' : 'desc'}`];
  if (pagination) query.pagination = { page: pagination.page, pageSize: pagination.perPage };
  const related = populate ?? POPULATE[resource];
  if (related) query.populate = related;
  if (fields?.length) query.fields = fields;
  return stringify(query, { encodeValuesOnly: true });
}

export function detailQueryString(resource: string): string {
  return POPULATE[resource] ? stringify({ populate: POPULATE[resource] }, { encodeValuesOnly: true }) : '';
}

/** Strapi caps a page at 100 rows: ids are asked for in chunks of that size. */
export const MAX_PAGE_SIZE = 100;

export function chunks<T>(items: readonly T[], size = MAX_PAGE_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
