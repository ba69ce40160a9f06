/**
 * The query strings Strapi reads (`filters[status][$eq]=triaged&sort[0]=receivedAt:asc`), written as the `qs`
 * package writes them with its defaults (indexed arrays, RFC 3986 escaping, dates as ISO strings). `qs` brings
 * a parser and its polyfills into the staff app's first script; the dashboard only ever writes query strings.
 */
export interface StringifyOptions {
  /** Leave the keys' brackets readable (`filters[code][$eq]`), escaping only the values. */
  encodeValuesOnly?: boolean;
  /** Leave out null values instead of writing `key=`. */
  skipNulls?: boolean;
}

const escape = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function pairs(key: string, value: unknown, options: StringifyOptions): string[] {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return [];
  if (value === null) return options.skipNulls ? [] : [`${options.encodeValuesOnly ? key : escape(key)}=`];
  if (value instanceof Date) return pairs(key, value.toISOString(), options);
  if (Array.isArray(value)) return value.flatMap((item, index) => pairs(`${key}[${index}]`, item, options));
  if (typeof value === 'object') return Object.entries(value).flatMap(([inner, item]) => pairs(`${key}[${inner}]`, item, options));
  return [`${options.encodeValuesOnly ? key : escape(key)}=${escape(String(value))}`];
}

export function stringify(query: object, options: StringifyOptions = {}): string {
  return Object.entries(query)
    .flatMap(([key, value]) => pairs(key, value, options))
    .join('&');
}

/** For ra-strapi, which imports `qs` as a whole: the staff app's build points `qs` here (vite.config.ts). */
export default { stringify };
