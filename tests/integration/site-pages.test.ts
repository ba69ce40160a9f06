import { SITE_PAGES } from '@layanan/config';
import { bootApp, createTestDatabase, type TestApp, type TestDatabase } from '../helpers/strapi';

/** Each page of the public site with its parameters filled in, as a citizen opens it from a message. */
const VISITS = Object.values(SITE_PAGES).map((page) => page.replace(/:[A-Za-z]+/g, 'INF-2611-00042'));

describe('the citizen’s pages opened directly, not from within the site', () => {
  let db: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    app = await bootApp(db);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('a survey link from the answer message opens the survey page, not a 404', async () => {
    const res = await app.http.get('/survei/INF-2611-00042').query({ token: 'abc123' }).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('Ajukan permohonan informasi atau pengaduan');
  });

  it.each(VISITS)('%s is the public site’s page', async (path) => {
    const res = await app.http.get(path).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('Ajukan permohonan informasi atau pengaduan');
  });

  it.each(['/survei', '/survei/INF-2611-00042/lagi', '/lacak/a/b'])('%s is no page of the site', async (path) => {
    await app.http.get(path).expect(404);
  });
});
