import { parse } from 'qs';
import { listQueryString, strapiFilters } from '../../dashboard/src/providers/strapiQuery';

describe('react-admin filters become Strapi 5 filters', () => {
  it.each([
    ['subject_containsi', 'ktp', { subject: { $containsi: 'ktp' } }],
    ['subject_ncontainsi', 'ktp', { subject: { $notContainsi: 'ktp' } }],
    ['subject_contains', 'KTP', { subject: { $contains: 'KTP' } }],
    ['subject_ncontains', 'KTP', { subject: { $notContains: 'KTP' } }],
    ['code_startswithi', 'inf', { code: { $startsWithi: 'inf' } }],
    ['code_endswithi', '42', { code: { $endsWithi: '42' } }],
    ['receivedAt_gte', '2026-11-01', { receivedAt: { $gte: '2026-11-01' } }],
    ['receivedAt_lt', '2026-12-01', { receivedAt: { $lt: '2026-12-01' } }],
    ['status_nin', ['closed'], { status: { $notIn: ['closed'] } }],
    ['status_in', ['received', 'triaged'], { status: { $in: ['received', 'triaged'] } }],
    ['answeredAt_isnull', true, { answeredAt: { $null: true } }],
    ['status', 'received', { status: { $eq: 'received' } }],
    ['channel', ['whatsapp', 'email'], { channel: { $in: ['whatsapp', 'email'] } }],
  ])('%s = %j', (key, value, expected) => {
    expect(strapiFilters('inquiries', { [key]: value })).toEqual(expected);
  });

  it('nests a dotted path into the relation and merges conditions on it', () => {
    expect(strapiFilters('inquiries', { 'division.code': 'DAFDUK', 'division.name_containsi': 'penduduk' })).toEqual({
      division: { code: { $eq: 'DAFDUK' }, name: { $containsi: 'penduduk' } },
    });
  });

  it('turns q into a case-insensitive search over the resource’s fields', () => {
    expect(strapiFilters('divisions', { q: 'capil' })).toEqual({
      $or: [{ name: { $containsi: 'capil' } }, { code: { $containsi: 'capil' } }],
    });
  });

  it('combines q with the other filters under $and', () => {
    expect(strapiFilters('divisions', { q: 'capil', active: true })).toEqual({
      $and: [{ active: { $eq: true } }, { $or: [{ name: { $containsi: 'capil' } }, { code: { $containsi: 'capil' } }] }],
    });
  });

  it('leaves out empty values, as a cleared filter input sends them', () => {
    expect(strapiFilters('inquiries', { q: '', channel: undefined, status: [] })).toEqual({});
  });
});

describe('a list request', () => {
  it('names what an inquiry brings along instead of populate=*', () => {
    const query = parse(listQueryString('inquiries', { pagination: { page: 2, perPage: 50 }, sort: { field: 'receivedAt', order: 'ASC' } }));
    expect(query.populate).toEqual({ applicant: 'true', division: { fields: ['documentId', 'name', 'code'] }, faqEntry: { fields: ['documentId', 'question'] } });
    expect(query.pagination).toEqual({ page: '2', pageSize: '50' });
    expect(query.sort).toEqual(['receivedAt:asc']);
  });

  it('sends the FAQ search to the server’s engine as it was typed, ranked by it rather than sorted', () => {
    const query = parse(listQueryString('faq-entries', { filter: { q: 'akte kelahiran', serviceCategory: 'akta_kelahiran' }, sort: { field: 'question', order: 'ASC' } }));
    expect(query.q).toBe('akte kelahiran');
    expect(query.filters).toEqual({ serviceCategory: { $eq: 'akta_kelahiran' } });
    expect(query.sort).toBeUndefined();
    expect(parse(listQueryString('faq-entries', { filter: { q: ' ' }, sort: { field: 'question', order: 'ASC' } })).sort).toEqual(['question:asc']);
  });

  it('asks only for the fields a view shows', () => {
    const query = parse(listQueryString('inquiries', { fields: ['code', 'status'] }));
    expect(query.fields).toEqual(['code', 'status']);
  });

  it('sends a request search as q for the server, beside the other filters', () => {
    const query = parse(listQueryString('inquiries', { filter: { q: '  Siti Nurhaliza ', status: 'received' } }));
    expect(query.q).toBe('Siti Nurhaliza');
    expect(query.filters).toEqual({ status: { $eq: 'received' } });
  });

  it('keeps list indices in the query string, which Strapi needs for $in and $or', () => {
    expect(listQueryString('inquiries', { filter: { status_in: ['received', 'triaged'] } })).toContain('filters[status][$in][0]=received&filters[status][$in][1]=triaged');
  });
});
