import type { Core } from '@strapi/strapi';
import { CHANNEL_MEDIA, citizenOutboxChannel, type Channel } from '@layanan/config';
import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { OFFICE_MORNING, REAL } from '../helpers/clock';

interface SeededInquiry {
  id: number;
  documentId: string;
  code: string;
  channel: string;
  status: string;
  outcome: string | null;
  notes: string | null;
  answer: string | null;
  divisionInformation: string | null;
  answerDelivery: string | null;
  receivedAt: string;
  clockStartedAt: string;
  triagedAt: string | null;
  coordinatedAt: string | null;
  answeredAt: string | null;
  answerDeliveredAt: string | null;
  closedAt: string | null;
  directAnswer: boolean | null;
  division: { code: string } | null;
}

interface Row {
  id: number;
  channel: string;
  topic: string;
  status: string;
  idempotencyKey: string;
  payload: Record<string, unknown> | null;
  inquiry: { id: number } | null;
}

interface Event {
  type: string;
  at: string;
  inquiry: { id: number } | null;
}

interface Office {
  inquiries: SeededInquiry[];
  rows: Row[];
  events: Event[];
}

async function readOffice(strapi: Core.Strapi): Promise<Office> {
  const [inquiries, rows, events] = await Promise.all([
    strapi.db.query('api::inquiry.inquiry').findMany({ populate: { division: { select: ['code'] } }, orderBy: { id: 'asc' } }),
    strapi.db.query('api::notification.notification').findMany({ populate: { inquiry: { select: ['id'] } }, orderBy: { id: 'asc' } }),
    strapi.db.query('api::inquiry-event.inquiry-event').findMany({ select: ['type', 'at'], populate: { inquiry: { select: ['id'] } } }),
  ]);
  return { inquiries: inquiries as SeededInquiry[], rows: rows as Row[], events: events as Event[] };
}

const time = (value: string | null) => (value === null ? null : new Date(value).getTime());

/** What a request's record says that the SOP's state machine and the delivery engine could not have left. */
function problemsOf(inquiry: SeededInquiry, office: Office): string[] {
  const problems: string[] = [];
  const wrong = (what: string) => problems.push(`${inquiry.code} (${inquiry.status}, ${inquiry.channel}): ${what}`);
  const events = office.events.filter((e) => e.inquiry?.id === inquiry.id);
  const count = (type: string) => events.filter((e) => e.type === type).length;
  const rows = office.rows.filter((r) => r.inquiry?.id === inquiry.id);
  const has = (field: keyof SeededInquiry) => inquiry[field] !== null && inquiry[field] !== undefined;
  const rejected = inquiry.outcome === 'rejected';
  const answered = inquiry.outcome === 'answered';

  // The steps, in order, each with the timestamp and the event it leaves, none in the future.
  const steps = [inquiry.receivedAt, inquiry.triagedAt, inquiry.coordinatedAt, inquiry.answeredAt, inquiry.answerDeliveredAt].map(time).filter((t): t is number => t !== null);
  if (steps.some((t, i) => i > 0 && t < steps[i - 1])) wrong('steps out of order');
  if ([...steps, time(inquiry.closedAt) ?? 0].some((t) => t > new Date(OFFICE_MORNING).getTime())) wrong('a step in the future');
  if (count('created') !== 1) wrong(`${count('created')} "created" events`);
  // A visit, a call, a radio listener or a LAPOR! report is recorded by the officer, in office hours.
  if (CHANNEL_MEDIA[inquiry.channel as Channel].intake === 'officer' && time(inquiry.clockStartedAt) !== time(inquiry.receivedAt)) wrong('recorded by the officer outside office hours');
  const expected: Record<string, { set: (keyof SeededInquiry)[]; unset: (keyof SeededInquiry)[] }> = {
    received: { set: [], unset: ['triagedAt', 'answeredAt', 'closedAt', 'division'] },
    triaged: { set: ['triagedAt', 'division'], unset: ['coordinatedAt', 'answeredAt', 'closedAt'] },
    coordinated: { set: ['triagedAt', 'coordinatedAt', 'divisionInformation'], unset: ['answeredAt', 'closedAt'] },
    answered: { set: ['answeredAt', 'answer', 'answerDelivery'], unset: ['closedAt'] },
    closed: { set: ['closedAt'], unset: [] },
  };
  for (const field of expected[inquiry.status].set) if (!has(field)) wrong(`no ${field}`);
  for (const field of expected[inquiry.status].unset) if (has(field)) wrong(`${field} set`);
  if (inquiry.status === 'closed' && rejected === answered) wrong(`closed with outcome ${inquiry.outcome}`);
  if (rejected && (has('answeredAt') || count('rejected') !== 1)) wrong('a rejection with an answer, or without its event');
  if (has('triagedAt') && !inquiry.directAnswer && !rejected && count('triaged') !== 1) wrong('routed without a "triaged" event');
  if (has('coordinatedAt') !== (count('coordinated') === 1)) wrong('coordination and its event disagree');
  if (has('answeredAt') !== (count('answered') === 1)) wrong('the answer and its event disagree');
  if (inquiry.status === 'closed' && answered && count('closed') !== 1) wrong('closed without a "closed" event');

  // The answer's way to the citizen: its outbox row routed (done), and the request says where the answer stands.
  if (has('answeredAt')) {
    const answer = rows.filter((r) => r.idempotencyKey === `answered:${inquiry.documentId}`);
    if (answer.length !== 1 || answer[0].channel !== citizenOutboxChannel(inquiry.channel) || answer[0].status !== 'sent') wrong('the answer was never routed');
    if (!['delivered', 'officer_task'].includes(inquiry.answerDelivery ?? '')) wrong(`answer delivery "${inquiry.answerDelivery}" with nothing left to deliver it`);
    const delivered = inquiry.answerDelivery === 'delivered';
    if (delivered !== has('answerDeliveredAt') || delivered !== (count('answer_delivered') === 1)) wrong('delivery, its time and its event disagree');
    if (inquiry.status === 'closed' && !delivered) wrong('closed before the answer reached the citizen');
  } else if (has('answerDelivery') || count('answer_delivered') > 0) {
    wrong('a delivery without an answer');
  }
  if (!rows.some((r) => r.idempotencyKey === `received:${inquiry.documentId}` && r.status === 'sent')) wrong('the receipt was never routed');
  return problems;
}

/** Nothing the delivery engine would still pick up, and no secret left behind in a row that has gone. */
function outboxProblems(office: Office): string[] {
  return office.rows.flatMap((r) => [
    ...(r.status === 'sent' ? [] : [`notification ${r.id} (${r.channel}, ${r.topic}) is ${r.status}`]),
    ...(r.payload && 'trackingToken' in r.payload ? [`notification ${r.id} (${r.channel}, ${r.topic}) keeps a tracking token`] : []),
  ]);
}

const stateOf = (office: Office) => ({
  inquiries: office.inquiries.map((i) => [i.code, i.status, i.answerDelivery, i.answerDeliveredAt]),
  rows: office.rows.map((r) => [r.id, r.status]),
});

describe.each(databases())('the demo office on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    // The seed lays the office's history out behind "now": only Date is fixed, for the boot that seeds it.
    jest.useFakeTimers({ now: new Date(OFFICE_MORNING), doNotFake: [...REAL] });
    try {
      app = await bootApp(db, { DEMO_DATA: 'true', DEMO_INQUIRIES: '60' });
    } finally {
      jest.useRealTimers();
    }
    app.strapi.plugin('sop-workflow').service('clock').use(() => new Date(OFFICE_MORNING));
  }, 600_000);
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('leaves every request where the SOP and the delivery of its answer could have brought it', async () => {
    const office = await readOffice(app.strapi);
    expect(office.inquiries).toHaveLength(60);
    expect(office.inquiries.flatMap((inquiry) => problemsOf(inquiry, office))).toEqual([]);
    expect(outboxProblems(office)).toEqual([]);
    expect(office.inquiries.filter((i) => i.answerDelivery === 'delivered').length).toBeGreaterThan(0);
  });

  it('leaves a request in the Bidang Pendaftaran Penduduk’s queue, with the officer’s note', async () => {
    const { inquiries } = await readOffice(app.strapi);
    const waiting = inquiries.filter((i) => i.status === 'triaged' && i.division?.code === 'DAFDUK' && i.notes);
    expect(waiting.length).toBeGreaterThanOrEqual(1);

    const signIn = await app.http.post('/api/auth/local').send({ identifier: 'dafduk@demo.local', password: 'Layanan2026!' }).expect(200);
    const queue = await app.http
      .get('/api/inquiries')
      .set('Authorization', `Bearer ${signIn.body.jwt}`)
      .query({ filters: { status: { $eq: 'triaged' } }, pagination: { pageSize: 100 } })
      .expect(200);
    expect(queue.body.data.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(waiting.map((i) => i.code)));
  });

  it('stays as it is once the delivery engine has gone through the outbox', async () => {
    const before = await readOffice(app.strapi);
    const delivery = app.strapi.plugin('sop-workflow').service('delivery');
    await delivery.tick();
    await delivery.settled();
    const after = await readOffice(app.strapi);
    expect(stateOf(after)).toEqual(stateOf(before));
    expect(after.inquiries.flatMap((inquiry) => problemsOf(inquiry, after))).toEqual([]);
    expect(outboxProblems(after)).toEqual([]);
  });
});
