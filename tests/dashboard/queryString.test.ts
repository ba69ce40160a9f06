import * as qs from 'qs';
import { stringify } from '../../dashboard/src/providers/queryString';

/**
 * The staff app writes its query strings without the `qs` package (it is replaced in the build by this module,
 * for ra-strapi too): Strapi must read them exactly as before, so they are compared with what `qs` writes.
 */
const CASES: [string, Record<string, unknown>, { encodeValuesOnly?: boolean; skipNulls?: boolean }][] = [
  [
    'a list request: nested filters, $or arrays, sort and pagination, readable keys',
    { filters: { status: { $eq: 'triaged' }, $or: [{ subject: { $containsi: "akta (anak)! 'x' *" } }, { code: null }] }, sort: ['dueAt:asc', 'code:desc'], pagination: { page: 1, pageSize: 100 } },
    { encodeValuesOnly: true },
  ],
  [
    'a recap request: dates, nulls left out, booleans, zero, empty lists and objects, non-ASCII text',
    { from: new Date('2026-01-02T03:04:05Z'), to: null, kind: undefined, closed: true, n: 0, channels: [], empty: {}, q: 'Ä é 漢 ~-._ &=' },
    { skipNulls: true },
  ],
  ['escaped keys and nested arrays', { from: new Date('2026-01-02T03:04:05Z'), to: null, kind: 'x', nested: { a: [1, [2, 3]] } }, {}],
  ['a populate clause', { populate: { applicant: 'true', division: { fields: ['documentId', 'name'] } } }, { encodeValuesOnly: true }],
];

describe('query strings', () => {
  it.each(CASES)('%s: the same string as qs writes', (_name, query, options) => {
    expect(stringify(query, options)).toBe(qs.stringify(query, options));
  });
});
