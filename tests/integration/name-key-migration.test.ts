import { bootApp, createTestDatabase, databases, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, createStaff } from '../helpers/builders';

const MIGRATION = '2026.12.07T00.00.00.applicant-name-key.js';

describe.each(databases())('a database from before the name search, on %s', (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('finds the requests recorded before the upgrade by the applicant’s name, accents and capitals aside', async () => {
    // An install of the previous version: applicants without the name key.
    const first = await bootApp(db);
    const officer = await createStaff(first, 'officer');
    const recorded = await first.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ applicant: { name: 'Stéfanus Nurhalizá' } })).expect(201);
    const knex = first.strapi.db.connection;
    await knex.schema.alterTable('components_inquiry_applicants', (table) => {
      table.dropColumn('name_key');
    });
    await knex('strapi_migrations').where({ name: MIGRATION }).delete();
    await first.stop();

    const upgraded = await bootApp(db);
    try {
      const again = await createStaff(upgraded, 'officer');
      const res = await upgraded.http.get('/api/inquiries').query({ q: 'stefanus NURHALIZA', 'fields[0]': 'code' }).set(again.auth).expect(200);
      expect(res.body.data.map((row: { code: string }) => row.code)).toEqual([recorded.body.data.code]);
    } finally {
      await upgraded.stop();
    }
  });
});
