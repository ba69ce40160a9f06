import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { seedReference } from '../../cms/src/seed/reference';

const HOLIDAY = 'api::holiday.holiday';

describe.each(databases())('next year’s holidays, on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let now = new Date('2026-11-02T02:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    app.strapi.plugin('sop-workflow').service('clock').use(() => now);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  const outlook = async () => (await app.http.get('/api/holidays/outlook').expect(200)).body.data;
  const year2027 = { date: { $gte: '2027-01-01', $lte: '2027-12-31' } };

  it('are offered by the seed as national holidays; the cuti bersama wait for the SKB, and the board is told so from November', async () => {
    const seeded = await app.strapi.db.query(HOLIDAY).findMany({ where: year2027, select: ['kind'] });
    expect(seeded.length).toBeGreaterThan(10);
    expect(new Set(seeded.map((h: { kind: string }) => h.kind))).toEqual(new Set(['national']));
    expect(await outlook()).toEqual({ year: 2027, due: true, missing: ['cuti_bersama'] });
  });

  it('are asked for from midnight of 1 November in WIB, not before', async () => {
    now = new Date('2026-10-31T16:59:00Z');
    expect(await outlook()).toMatchObject({ year: 2027, due: false });
    now = new Date('2026-10-31T17:00:00Z');
    expect(await outlook()).toMatchObject({ year: 2027, due: true });
    now = new Date('2026-11-02T02:00:00Z');
  });

  it('once entered by an editor, are no longer asked for', async () => {
    const added = await app.strapi.documents(HOLIDAY).create({ data: { date: '2027-03-09', name: 'Cuti Bersama Hari Suci Nyepi', kind: 'cuti_bersama' } as never });
    expect(await outlook()).toEqual({ year: 2027, due: true, missing: [] });
    await app.strapi.documents(HOLIDAY).delete({ documentId: added.documentId });
  });

  it('are offered again to an office whose database has none for next year, and never on top of an editor’s own', async () => {
    await app.strapi.db.query(HOLIDAY).deleteMany({ where: year2027 });
    expect(await outlook()).toEqual({ year: 2027, due: true, missing: ['national', 'cuti_bersama'] });
    await seedReference(app.strapi);
    const offered = await app.strapi.db.query(HOLIDAY).count({ where: year2027 });
    expect(offered).toBeGreaterThan(10);
    expect(await outlook()).toEqual({ year: 2027, due: true, missing: ['cuti_bersama'] });

    await app.strapi.db.query(HOLIDAY).deleteMany({ where: year2027 });
    await app.strapi.documents(HOLIDAY).create({ data: { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'national' } as never });
    await seedReference(app.strapi);
    expect(await app.strapi.db.query(HOLIDAY).count({ where: year2027 })).toBe(1);
  });
});
