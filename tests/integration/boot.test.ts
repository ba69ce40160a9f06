import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';

describe.each(databases())('the CMS on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('loads the sop-workflow plugin, so the SOP rules are in force', () => {
    expect(Object.keys(app.strapi.plugins)).toContain('sop-workflow');
    expect(app.strapi.plugin('sop-workflow').service('workflow')).toBeDefined();
  });

  it('seeds the two Bidang of the SOP and the default timings 15/60/60', async () => {
    const divisions = await app.strapi.db.query('api::division.division').findMany({ select: ['code'] });
    expect(divisions.map((d: { code: string }) => d.code).sort()).toEqual(['CAPIL', 'DAFDUK']);
    const policy = await app.strapi.db.query('api::sop-policy.sop-policy').findOne({});
    expect([policy.triageMinutes, policy.coordinationMinutes, policy.answerMinutes]).toEqual([15, 60, 60]);
  });
});
