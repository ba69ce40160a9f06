/**
 * The read model of the content API: which relations a request may reach, and what a well-formed Strapi
 * query looks like. Deny by default: a relation is readable (populate, filters, sort) only when it is
 * listed here for the content type the route serves. Requests, their events, the outbox and the ratings
 * are reachable through no relation at all; only the inquiry routes read inquiries, and they apply the
 * division scope and the masking themselves.
 */
export const READABLE_RELATIONS: Readonly<Record<string, readonly string[]>> = {
  'api::inquiry.inquiry': ['applicant', 'division', 'faqEntry'],
  'api::faq-entry.faq-entry': ['division', 'keywords'],
  'plugin::users-permissions.user': ['division'],
};

/**
 * Personal data a list shows masked (UU 27/2022): the applicant's identifiers, and the free texts a citizen or
 * staff may have typed them into. A filter may name such a value whole (`$eq`), but never compare a part of it
 * or its order: `$startsWith=3574`, `$containsi`, `$gt` or a sort would let a caller who sees only the mask read
 * the number out of the list, digit by digit. The staff search (`q`, read by the inquiry controller) is the
 * way to find a request by them.
 */
const MASKED_FREE_TEXT = ['message', 'divisionInformation', 'answer', 'notes', 'closeReason'] as const;
export const WHOLE_VALUE_ONLY: Readonly<Record<string, readonly string[]>> = {
  'inquiry.applicant': ['nik', 'phone', 'email', 'replyAddress'],
  'api::inquiry.inquiry': ['subject', ...MASKED_FREE_TEXT],
};
/** Sorting by the subject orders the list as its column does; by the rest it would spell them out. */
const UNSORTABLE: Readonly<Record<string, readonly string[]>> = {
  'inquiry.applicant': WHOLE_VALUE_ONLY['inquiry.applicant'],
  'api::inquiry.inquiry': MASKED_FREE_TEXT,
};

/** Routes under /api that serve a plugin's content type rather than an api:: one. */
export const ROUTE_MODELS: Readonly<Record<string, string>> = {
  users: 'plugin::users-permissions.user',
};

export interface Attribute {
  type: string;
  private?: boolean;
  target?: string;
  component?: string;
  relation?: string;
}

export interface Model {
  uid: string;
  attributes: Record<string, Attribute>;
}

export type ModelOf = (uid: string) => Model | undefined;

export class QueryRefused extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

const NUMERIC = new Set(['integer', 'biginteger', 'float', 'decimal']);
const TEXTUAL = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration', 'password', 'blocks']);
const TEMPORAL = new Set(['date', 'datetime', 'time', 'timestamp']);
const TEXT_OPERATORS = new Set(['$contains', '$notContains', '$containsi', '$notContainsi', '$startsWith', '$startsWithi', '$endsWith', '$endsWithi', '$eqi', '$nei']);
const VALUE_OPERATORS = new Set(['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', ...TEXT_OPERATORS]);
const LIST_OPERATORS = new Set(['$in', '$notIn', '$between']);
const PRESENCE_OPERATORS = new Set(['$null', '$notNull']);
const IMPLICIT: Record<string, Attribute> = { id: { type: 'integer' }, documentId: { type: 'string' } };
const own = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);
/** PostgreSQL's integer column; a larger id is no id at all, and must not reach the database as one. */
const MAX_INTEGER = 2_147_483_647;
const MAX_VALUE_LENGTH = 500;
const MAX_LIST = 100;
const MAX_DEPTH = 4;
const SORT_TERM = /^[A-Za-z_][\w.]*(?::(?:asc|desc))?$/i;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** qs turns `[0]`…`[20]` into an array and larger indices into an object with numeric keys. */
function asList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => /^\d+$/.test(key))) return Object.values(value);
  return null;
}

function attributeOf(model: Model, name: string, path: string): Attribute {
  // Own properties only: `__proto__` or `constructor` are no field of any model.
  const attribute = own(IMPLICIT, name) ? IMPLICIT[name] : own(model.attributes, name) ? model.attributes[name] : undefined;
  if (!attribute || attribute.private) throw new QueryRefused(path, `isian "${name}" tidak dikenal.`);
  return attribute;
}

function isLink(attribute: Attribute): boolean {
  return ['relation', 'component', 'media', 'dynamiczone'].includes(attribute.type);
}

/** The model behind a relation or component the read model allows from this one, or a refusal. */
function linked(modelOf: ModelOf, model: Model, name: string, attribute: Attribute, path: string): Model {
  const allowed = READABLE_RELATIONS[model.uid] ?? [];
  const target = attribute.type === 'component' ? attribute.component : attribute.target;
  const next = allowed.includes(name) && target ? modelOf(target) : undefined;
  if (!next) throw new QueryRefused(path, `relasi "${name}" tidak dapat dibaca lewat rute ini.`);
  return next;
}

function checkScalar(attribute: Attribute, value: unknown, path: string): void {
  if (value === null) return;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new QueryRefused(path, 'nilai penyaring harus berupa teks atau angka.');
  }
  const text = String(value);
  if (text.length > MAX_VALUE_LENGTH) throw new QueryRefused(path, `nilai penyaring maksimal ${MAX_VALUE_LENGTH} karakter.`);
  const type = attribute.type;
  if (NUMERIC.has(type)) {
    const number = Number(text);
    if (text.trim() === '' || !Number.isFinite(number)) throw new QueryRefused(path, 'nilai harus berupa angka.');
    if (type === 'integer' && (!Number.isInteger(number) || Math.abs(number) > MAX_INTEGER)) throw new QueryRefused(path, 'nilai harus berupa bilangan bulat.');
  } else if (type === 'boolean') {
    if (!['true', 'false', '1', '0'].includes(text)) throw new QueryRefused(path, 'nilai harus true atau false.');
  } else if (TEMPORAL.has(type)) {
    if (Number.isNaN(Date.parse(type === 'time' ? `1970-01-01T${text}` : text))) throw new QueryRefused(path, 'nilai harus berupa tanggal atau waktu.');
  } else if (!TEXTUAL.has(type)) {
    throw new QueryRefused(path, 'isian ini tidak dapat disaring.');
  }
}

function isWholeValueOnly(model: Model, name: string): boolean {
  return (WHOLE_VALUE_ONLY[model.uid] ?? []).includes(name);
}

function checkWholeValue(attribute: Attribute, value: unknown, path: string): void {
  const operators = isPlainObject(value) ? Object.keys(value) : [];
  if (operators.some((operator) => operator !== '$eq')) throw new QueryRefused(path, 'data pribadi hanya dapat dicari utuh dengan $eq, atau lewat pencarian q.');
  checkScalar(attribute, isPlainObject(value) ? value.$eq : value, path);
}

function checkOperators(attribute: Attribute, condition: Record<string, unknown>, path: string): void {
  for (const [operator, value] of Object.entries(condition)) {
    const at = `${path}[${operator}]`;
    if (operator === '$not') {
      if (isPlainObject(value)) checkOperators(attribute, value, at);
      else checkScalar(attribute, value, at);
    } else if (PRESENCE_OPERATORS.has(operator)) {
      checkScalar({ type: 'boolean' }, value, at);
    } else if (LIST_OPERATORS.has(operator)) {
      const list = asList(value) ?? [value];
      if (list.length > MAX_LIST) throw new QueryRefused(at, `maksimal ${MAX_LIST} nilai.`);
      if (operator === '$between' && list.length !== 2) throw new QueryRefused(at, 'harus berisi tepat dua nilai.');
      list.forEach((item, index) => checkScalar(attribute, item, `${at}[${index}]`));
    } else if (VALUE_OPERATORS.has(operator)) {
      if (TEXT_OPERATORS.has(operator) && !TEXTUAL.has(attribute.type)) throw new QueryRefused(at, 'operator teks hanya untuk isian teks.');
      checkScalar(attribute, value, at);
    } else {
      throw new QueryRefused(at, `operator "${operator}" tidak dikenal.`);
    }
  }
}

/** Throws QueryRefused unless `filters` is a well-formed filter of `model` that reaches only readable relations. */
export function checkFilters(modelOf: ModelOf, model: Model, filters: unknown, path = 'filters', depth = 0): void {
  if (!isPlainObject(filters)) throw new QueryRefused(path, 'penyaring harus berupa objek, misalnya filters[isian][$eq]=nilai.');
  if (depth > MAX_DEPTH) throw new QueryRefused(path, 'penyaring terlalu dalam.');
  for (const [key, value] of Object.entries(filters)) {
    const at = `${path}[${key}]`;
    if (key === '$and' || key === '$or') {
      const list = asList(value);
      if (!list) throw new QueryRefused(at, `harus berupa daftar, misalnya ${at}[0][isian]=nilai.`);
      list.forEach((item, index) => checkFilters(modelOf, model, item, `${at}[${index}]`, depth + 1));
    } else if (key === '$not') {
      checkFilters(modelOf, model, value, at, depth + 1);
    } else {
      const attribute = attributeOf(model, key, at);
      if (isLink(attribute)) {
        checkFilters(modelOf, linked(modelOf, model, key, attribute, at), value, at, depth + 1);
      } else if (isWholeValueOnly(model, key)) {
        checkWholeValue(attribute, value, at);
      } else if (isPlainObject(value)) {
        checkOperators(attribute, value, at);
      } else {
        (asList(value) ?? [value]).forEach((item) => checkScalar(attribute, item, at));
      }
    }
  }
}

/**
 * The populate of a request, checked against the read model and written out in full: `*` and `true` become
 * the readable relations of that level, so a client asking for everything gets everything it may read.
 */
export function resolvePopulate(modelOf: ModelOf, model: Model, populate: unknown, path = 'populate', depth = 0): Record<string, unknown> {
  if (depth > MAX_DEPTH) throw new QueryRefused(path, 'relasi terlalu dalam.');
  const readable = READABLE_RELATIONS[model.uid] ?? [];
  if (populate === '*' || populate === true || populate === 'true') {
    return Object.fromEntries(readable.filter((name) => own(model.attributes, name)).map((name) => [name, true]));
  }
  const entries: [string, unknown][] =
    typeof populate === 'string'
      ? populate.split(',').map((name) => [name.trim(), true])
      : asList(populate)
        ? (asList(populate) as unknown[]).map((name) => [String(name), true])
        : isPlainObject(populate)
          ? Object.entries(populate)
          : [];
  if (entries.length === 0 && populate !== undefined && populate !== '') throw new QueryRefused(path, 'bentuk populate tidak dikenal.');
  const result: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    const at = `${path}[${name}]`;
    if (value === false || value === 'false') continue;
    const attribute = attributeOf(model, name, at);
    if (!isLink(attribute)) throw new QueryRefused(at, `"${name}" bukan relasi.`);
    const next = linked(modelOf, model, name, attribute, at);
    result[name] = isPlainObject(value) ? resolveNested(modelOf, next, value, at, depth + 1) : true;
  }
  return result;
}

function resolveNested(modelOf: ModelOf, model: Model, options: Record<string, unknown>, path: string, depth: number): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    const at = `${path}[${key}]`;
    if (key === 'populate') {
      const nested = resolvePopulate(modelOf, model, value, at, depth);
      if (Object.keys(nested).length > 0) resolved.populate = nested;
    } else if (key === 'fields') checkFields(model, value, at);
    else if (key === 'filters') checkFilters(modelOf, model, value, at, depth);
    else if (key === 'sort') checkSort(modelOf, model, value, at);
    else if (key !== 'count') throw new QueryRefused(at, `pilihan "${key}" tidak dikenal.`);
    if (key !== 'populate') resolved[key] = value;
  }
  return Object.keys(resolved).length > 0 ? resolved : (true as unknown as Record<string, unknown>);
}

export function checkFields(model: Model, fields: unknown, path = 'fields'): void {
  const names = typeof fields === 'string' ? fields.split(',') : asList(fields);
  if (!names) throw new QueryRefused(path, 'harus berupa daftar nama isian.');
  names.forEach((name, index) => {
    const attribute = attributeOf(model, String(name).trim(), `${path}[${index}]`);
    if (isLink(attribute)) throw new QueryRefused(`${path}[${index}]`, 'relasi dipilih dengan populate, bukan fields.');
  });
}

export function checkSort(modelOf: ModelOf, model: Model, sort: unknown, path = 'sort'): void {
  const terms: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') terms.push(...value.split(',').map((term) => term.trim()));
    else if (asList(value)) (asList(value) as unknown[]).forEach(collect);
    else if (isPlainObject(value)) for (const [field, order] of Object.entries(value)) terms.push(typeof order === 'string' ? `${field}:${order}` : `${field}:?`);
    else throw new QueryRefused(path, 'urutan harus berupa teks, misalnya sort=isian:asc.');
  };
  collect(sort);
  for (const term of terms) {
    if (!SORT_TERM.test(term)) throw new QueryRefused(path, `urutan "${term}" tidak dikenal; tulis isian:asc atau isian:desc.`);
    const names = term.split(':')[0].split('.');
    let current = model;
    names.forEach((name, index) => {
      const attribute = attributeOf(current, name, path);
      if ((UNSORTABLE[current.uid] ?? []).includes(name)) throw new QueryRefused(path, `urutan "${term}" tidak dapat dipakai: data pribadi.`);
      const last = index === names.length - 1;
      if (isLink(attribute) === last) throw new QueryRefused(path, `urutan "${term}" tidak dapat dipakai.`);
      if (!last) current = linked(modelOf, current, name, attribute, path);
    });
  }
}

const PAGINATION_KEYS = new Set(['page', 'pageSize', 'start', 'limit', 'withCount']);
const PAGE_NUMBER = /^\d{1,9}$/;

export function checkPagination(pagination: unknown, path = 'pagination'): void {
  if (!isPlainObject(pagination)) throw new QueryRefused(path, 'harus berupa objek, misalnya pagination[page]=1.');
  for (const [key, value] of Object.entries(pagination)) {
    const at = `${path}[${key}]`;
    if (!PAGINATION_KEYS.has(key)) throw new QueryRefused(at, 'pilihan halaman tidak dikenal.');
    if (key === 'withCount') checkScalar({ type: 'boolean' }, value, at);
    else if (typeof value !== 'string' && typeof value !== 'number') throw new QueryRefused(at, 'harus berupa angka.');
    else if (!PAGE_NUMBER.test(String(value))) throw new QueryRefused(at, 'harus berupa bilangan bulat antara 0 dan 999999999.');
  }
}
