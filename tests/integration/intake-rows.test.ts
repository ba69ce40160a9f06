import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';

const INQUIRY = 'api::inquiry.inquiry';
const PUBLIC = { type: 'public', name: 'Pemohon' };

interface Workflow {
  create(input: Record<string, unknown>, actor: typeof PUBLIC): Promise<{ inquiry: { id: number; documentId: string; code: string } }>;
}

describe.each(databases())('a request written straight to its tables by the workflow, on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  const workflow = () => app.strapi.plugin('sop-workflow').service('workflow') as unknown as Workflow;
  const counts = async () =>
    Promise.all([INQUIRY, 'api::inquiry-event.inquiry-event', 'api::notification.notification', 'inquiry.applicant'].map((uid) => app.strapi.db.query(uid as never).count({})));

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('reads back through the document service exactly as one the admin panel creates', async () => {
    const { inquiry } = await workflow().create(
      { kind: 'complaint', channel: 'email', subject: 'KK belum jadi', message: 'Sudah dua minggu KK saya belum jadi.', applicant: { name: 'Rudi Hartono', email: 'rudi@contoh.id' } },
      PUBLIC,
    );
    const fromAdmin = (await app.strapi.documents(INQUIRY).create({
      data: { kind: 'information', channel: 'walk_in', subject: 'Syarat KIA', message: 'Apa syarat KIA?', applicant: { name: 'Sri Wahyuni', phone: '+6281234567001' } } as never,
    })) as unknown as { documentId: string };

    const read = (documentId: string) => app.strapi.documents(INQUIRY).findOne({ documentId, populate: ['applicant'] }) as unknown as Promise<Record<string, unknown>>;
    const ours = await read(inquiry.documentId);
    const theirs = await read(fromAdmin.documentId);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    expect(ours).toMatchObject({
      documentId: inquiry.documentId,
      code: inquiry.code,
      kind: 'complaint',
      status: 'received',
      serviceCategory: 'lainnya',
      triageBreached: false,
      applicant: expect.objectContaining({ name: 'Rudi Hartono', email: 'rudi@contoh.id', nik: null }),
      publishedAt: expect.any(String),
      createdAt: expect.any(String),
    });
    expect(inquiry.documentId).toMatch(/^[a-z0-9]{24}$/);
    expect(String(ours.triageDueAt)).toBe(new Date(String(ours.triageDueAt)).toISOString());
    // The admin's list (published entries only) and the audit trail have it.
    expect(await app.strapi.documents(INQUIRY).count({ filters: { documentId: inquiry.documentId } } as never)).toBe(1);
    expect(await app.strapi.db.query('api::inquiry-event.inquiry-event').count({ where: { inquiry: { id: inquiry.id }, type: 'created' } })).toBe(1);
  });

  it('refuses a field its schema refuses with a 400-class error naming it, writes nothing and uses no number', async () => {
    const ask = (overrides: Record<string, unknown>, applicant: Record<string, unknown> = { name: 'Ani' }) =>
      workflow().create({ kind: 'information', channel: 'email', subject: 'Syarat akta', message: 'Apa syaratnya?', applicant, ...overrides }, PUBLIC);
    const first = await ask({});
    const before = await counts();

    await expect(ask({ subject: 'x'.repeat(201) })).rejects.toMatchObject({ name: 'ValidationError', message: 'subject must be at most 200 characters' });
    await expect(ask({ channel: 'merpati' })).rejects.toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/^channel must be one of the following values: walk_in, phone, website/) });
    await expect(ask({ message: '' })).rejects.toMatchObject({ name: 'ValidationError', message: 'message must be defined.' });
    await expect(ask({}, { name: 'Ani', email: 'bukan alamat' })).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'applicant.email must be a valid email',
      details: { errors: [{ path: ['applicant', 'email'], message: 'applicant.email must be a valid email', name: 'ValidationError' }] },
    });
    await expect(ask({}, { name: 'A'.repeat(121), nik: '1'.repeat(17) })).rejects.toMatchObject({ name: 'ValidationError', message: '2 errors occurred' });
    expect(await counts()).toEqual(before);

    const next = await ask({});
    const sequence = (code: string) => Number(code.split('-').at(-1));
    expect(sequence(next.inquiry.code)).toBe(sequence(first.inquiry.code) + 1);
  });
});
