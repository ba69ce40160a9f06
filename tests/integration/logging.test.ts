import path from 'node:path';
import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, buildPublicInquiry, createStaff } from '../helpers/builders';

const CMS_DIST = path.resolve(__dirname, '..', '..', 'cms', 'dist');

describe.each(databases())('what reaches the logs on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db, { LOG_LEVEL: 'http' });
    for (const level of ['http', 'info', 'warn', 'error'] as const) {
      const original = app.strapi.log[level].bind(app.strapi.log);
      jest.spyOn(app.strapi.log, level).mockImplementation(((message: unknown) => {
        lines.push(String(message));
        return original(message as string);
      }) as never);
    }
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await app?.stop();
    await db?.drop();
  });

  it('keeps tracking tokens, NIKs and phone numbers out of the request log', async () => {
    const officer = await createStaff(app, 'officer');
    const asked = await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
    await app.http.get(`/api/public/track/${asked.body.data.code}?token=${asked.body.data.trackingToken}`).expect(200);
    await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry()).expect(201);
    await app.http.get('/api/inquiries?filters[applicant][nik][$eq]=3574011203900002&filters[applicant][phone][$eq]=%2B6281298765432').set(officer.auth).expect(200);

    const log = lines.join('\n');
    expect(log).toContain('GET /api/public/track/');
    expect(log).not.toContain(asked.body.data.trackingToken);
    expect(log).not.toContain('3574011203900002');
    expect(log).not.toMatch(/6281298765432|81234567890/);
  });

  it('masks a NIK typed where the tracking code belongs', async () => {
    await app.http.get('/api/public/track/3574014601755050?token=x').expect(404);
    const log = lines.join('\n');
    expect(log).toMatch(/GET \/api\/public\/track\/357401\*+50 /);
    expect(log).not.toContain('3574014601755050');
  });

  it('masks personal data in any line the console writes (the format of cms/config/logger.ts), whoever logs it', () => {
    const { maskLogLine } = require(path.join(CMS_DIST, 'src', 'utils', 'log-masking.js')) as { maskLogLine(info: object): { message: string } };
    const line = maskLogLine({ level: 'error', message: 'insert failed: value 3574011203900002, +6281298765432 or siti.aminah@contoh.id' });
    expect(line.message).not.toMatch(/3574011203900002|6281298765432|siti\.aminah@/);
    expect(line.message).toContain('insert failed');
  });
});
