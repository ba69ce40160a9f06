import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildPublicInquiry, createStaff } from '../helpers/builders';

const POLICY = 'api::sop-policy.sop-policy';
/** Monday 2 November 2026, 11:50 WIB. */
const MONDAY_1150 = new Date('2026-11-02T04:50:00Z');

const row = (day: string, opensAt: string, closesAt: string) => ({ day, opensAt: `${opensAt}:00.000`, closesAt: `${closesAt}:00.000` });
const WEEKDAYS = ['senin', 'selasa', 'rabu', 'kamis', 'jumat'];

async function policyOf(app: TestApp) {
  return app.strapi.db.query(POLICY).findOne({ populate: { officeHours: true } }) as Promise<{
    documentId: string;
    revision: number;
    officeHours: { day: string; opensAt: string; closesAt: string }[];
  }>;
}
const hoursOf = (policy: Awaited<ReturnType<typeof policyOf>>) => policy.officeHours.map((r) => `${r.day} ${r.opensAt.slice(0, 5)}-${r.closesAt.slice(0, 5)}`);

describe.each(databases())('office hours kept as rows of day, opening and closing time, on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    app.strapi.plugin('sop-workflow').service('clock').use(() => MONDAY_1150);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('start as the SOP’s Monday to Friday, 08.00 to 16.00, and the dashboard reads them with the policy', async () => {
    expect(hoursOf(await policyOf(app))).toEqual(WEEKDAYS.map((day) => `${day} 08:00-16:00`));
    const officer = await createStaff(app, 'officer');
    const res = await app.http.get('/api/sop-policy').set(officer.auth).expect(200);
    expect(res.body.data.officeHours.map((r: { day: string }) => r.day)).toEqual(WEEKDAYS);
  });

  it('a lunch break is two rows on one day, and the clock stops between them', async () => {
    const policy = await policyOf(app);
    const split = WEEKDAYS.flatMap((day) => [row(day, '08:00', '12:00'), row(day, '13:00', '16:00')]);
    await app.strapi.documents(POLICY).update({ documentId: policy.documentId, data: { officeHours: split } as never });
    const res = await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
    // 10 minutes before the break, 5 after it: 15 working minutes.
    expect(res.body.data.triageDueAt).toBe('2026-11-02T06:05:00.000Z');
  });

  it.each([
    ['closing before opening', [row('senin', '16:00', '08:00')], 'Jam kantor Senin (baris 1): jam tutup 08.00 harus setelah jam buka 16.00.'],
    [
      'two sessions that overlap',
      [row('senin', '08:00', '12:00'), row('selasa', '08:00', '16:00'), row('senin', '11:00', '16:00')],
      'Jam kantor Senin: sesi 08.00–12.00 (baris 1) dan 11.00–16.00 (baris 3) tumpang tindih.',
    ],
    ['no row at all', [], 'Jam kantor harus berisi paling sedikit satu baris: hari, jam buka dan jam tutup.'],
  ])('refuses %s with a message the editor understands, and writes nothing', async (_what, officeHours, message) => {
    const before = await policyOf(app);
    await expect(app.strapi.documents(POLICY).update({ documentId: before.documentId, data: { officeHours } as never })).rejects.toThrow(
      expect.objectContaining({ name: 'ValidationError', message }),
    );
    const after = await policyOf(app);
    expect(hoursOf(after)).toEqual(hoursOf(before));
    expect(after.revision).toBe(before.revision);
  });

  it('refuses overlapping rows saved from the admin panel with a 400', async () => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
    const email = `jam-${kind}@uji.local`;
    await app.strapi.service('admin::user').create({ email, firstname: 'Editor', password: 'Uji-Jam-2026!', isActive: true, roles: [role.id] });
    const login = await app.http.post('/admin/login').send({ email, password: 'Uji-Jam-2026!' }).expect(200);
    const before = await policyOf(app);
    const res = await app.http
      .put(`/content-manager/single-types/${POLICY}`)
      .set('Authorization', `Bearer ${login.body.data.token}`)
      .send({ officeHours: [row('jumat', '07:30', '11:30'), row('jumat', '11:00', '16:00')] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Jam kantor Jumat: sesi 07.30–11.30 (baris 1) dan 11.00–16.00 (baris 2) tumpang tindih.');
    expect(hoursOf(await policyOf(app))).toEqual(hoursOf(before));

    const view = await app.http.get('/content-manager/components/sop.office-hours/configuration').set('Authorization', `Bearer ${login.body.data.token}`).expect(200);
    const labels = Object.fromEntries(Object.entries(view.body.data.component.metadatas as Record<string, { edit: { label: string } }>).map(([name, m]) => [name, m.edit.label]));
    expect(labels).toMatchObject({ day: 'Hari', opensAt: 'Jam buka', closesAt: 'Jam tutup' });
  });

  describe('tell the public site whether the office is open now, and when a request sent now starts to be timed', () => {
    const clock = () => app.strapi.plugin('sop-workflow').service('clock');
    const statusAt = async (at: string) => {
      clock().use(() => new Date(at));
      return (await app.http.get('/api/public/office/status').expect(200)).body.data;
    };
    afterAll(() => clock().use(() => MONDAY_1150));

    it('open on a Monday morning', async () => {
      expect(await statusAt('2026-11-02T02:00:00Z')).toEqual({ open: true });
    });

    it('closed on a Saturday: timed from Monday’s opening', async () => {
      // Saturday 5 December 2026, 10.00 WIB → Monday 7 December, 08.00 WIB.
      expect(await statusAt('2026-12-05T03:00:00Z')).toEqual({ open: false, resumesAt: '2026-12-07T01:00:00.000Z', holiday: null });
    });

    it('closed after hours on a working day: timed from the next morning', async () => {
      // Tuesday 8 December 2026, 17.30 WIB → Wednesday 9 December, 08.00 WIB.
      expect(await statusAt('2026-12-08T10:30:00Z')).toEqual({ open: false, resumesAt: '2026-12-09T01:00:00.000Z', holiday: null });
    });

    it('closed on a holiday from the editors’ list, named, and timed from the first working day after it', async () => {
      const holidays = app.strapi.documents('api::holiday.holiday');
      const anniversary = await holidays.create({ data: { date: '2026-12-11', name: 'Hari Jadi Kota Probolinggo', kind: 'local' } as never });
      const bridge = await holidays.create({ data: { date: '2026-12-14', name: 'Cuti bersama Hari Jadi', kind: 'local' } as never });
      try {
        // Friday 11 December 2026, 09.00 WIB → Tuesday 15 December, 08.00 WIB (Monday is a day off too).
        expect(await statusAt('2026-12-11T02:00:00Z')).toEqual({ open: false, resumesAt: '2026-12-15T01:00:00.000Z', holiday: 'Hari Jadi Kota Probolinggo' });
      } finally {
        await holidays.delete({ documentId: anniversary.documentId });
        await holidays.delete({ documentId: bridge.documentId });
      }
    });
  });
});

describe.each(databases())('a database from before office hours were rows, on %s', (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('keeps its office hours, Saturday morning included, and its revision, after the upgrade', async () => {
    // An install of the previous version: the policy's hours in a JSON column, minutes after midnight.
    const first = await bootApp(db);
    const { documentId } = await policyOf(first);
    const knex = first.strapi.db.connection;
    const workday = [{ start: 450, end: 720 }, { start: 780, end: 960 }];
    const week = [[], workday, workday, workday, workday, [{ start: 450, end: 660 }], [{ start: 480, end: 720 }]];
    await knex.schema.alterTable('sop_policies', (table) => {
      table.jsonb('office_hours');
    });
    await knex('sop_policies').update({ office_hours: JSON.stringify(week), revision: 4 });
    await knex('sop_policies_cmps').delete();
    await knex('components_sop_office_hours').delete();
    await knex('strapi_migrations').where({ name: '2026.12.01T00.00.00.office-hours-as-rows.js' }).delete();
    await first.stop();

    const upgraded = await bootApp(db);
    try {
      const policy = await policyOf(upgraded);
      expect(policy.documentId).toBe(documentId);
      expect(policy.revision).toBe(4);
      expect(hoursOf(policy)).toEqual([
        ...['senin', 'selasa', 'rabu', 'kamis'].flatMap((day) => [`${day} 07:30-12:00`, `${day} 13:00-16:00`]),
        'jumat 07:30-11:00',
        'sabtu 08:00-12:00',
      ]);
      // Saturday 7 November 2026, 11:50 WIB: ten minutes before closing, then Monday from 07.30.
      upgraded.strapi.plugin('sop-workflow').service('clock').use(() => new Date('2026-11-07T04:50:00Z'));
      const res = await upgraded.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
      expect(res.body.data.triageDueAt).toBe('2026-11-09T00:35:00.000Z');
      expect(await upgraded.strapi.db.connection.schema.hasTable('sop_policy_office_hours_json')).toBe(false);
    } finally {
      await upgraded.stop();
    }
  });
});
