import { UNCERTAIN, WINDOW_CLOSED, createEngine } from '../../plugins/sop-workflow/src/delivery/engine';
import type { ChannelSender, OutboxRow, SendOutcome, SenderLimits } from '../../plugins/sop-workflow/src/delivery/types';
import { MemoryOutbox } from '../helpers/memory-outbox';
import { busiestSecond } from '../helpers/fake-telegram';

const START = new Date('2026-11-04T02:00:00Z').getTime();
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** A failure the fake sender throws: the outcome its classify will read from it. */
class Refused extends Error {
  constructor(readonly outcome: SendOutcome) {
    super(`refused: ${outcome.kind}`);
  }
}

interface Call {
  id: number;
  recipient: string | null;
  at: number;
  ok: boolean;
}

interface FakeSender extends ChannelSender {
  /** null: the send goes through; an outcome: it fails with that. */
  answer: (row: OutboxRow, call: number) => SendOutcome | null;
  describe: (error: unknown) => string;
}

/**
 * A sender whose answer to each send is decided by the test (`answer`), on the test's virtual clock. A send
 * takes one turn of the event loop, so sends launched in the same round overlap as real requests do.
 */
function fakeSender(channel: string, clock: { ms: number }, limits: Partial<SenderLimits> = {}) {
  const calls: Call[] = [];
  const failed: { row: OutboxRow; outcome: SendOutcome; error: unknown }[] = [];
  const concurrent = { now: 0, most: 0, perRecipient: new Map<string, number>(), mostPerRecipient: 0 };
  const sender: FakeSender = {
    channel,
    limits: { perRecipientIntervalMs: SECOND, globalPerSecond: 30, ...limits },
    answer: () => null,
    describe: (error: unknown) => (error as Error).message,
    async send(row: OutboxRow) {
      const recipient = row.recipient ?? '';
      concurrent.now += 1;
      concurrent.most = Math.max(concurrent.most, concurrent.now);
      concurrent.perRecipient.set(recipient, (concurrent.perRecipient.get(recipient) ?? 0) + 1);
      concurrent.mostPerRecipient = Math.max(concurrent.mostPerRecipient, concurrent.perRecipient.get(recipient)!);
      try {
        await new Promise((resolve) => setImmediate(resolve));
        const outcome = sender.answer(row, calls.length);
        calls.push({ id: row.id, recipient: row.recipient, at: clock.ms, ok: outcome === null });
        if (outcome) throw new Refused(outcome);
        return { externalId: `m-${row.id}` };
      } finally {
        concurrent.now -= 1;
        concurrent.perRecipient.set(recipient, concurrent.perRecipient.get(recipient)! - 1);
      }
    },
    classify: (error: unknown): SendOutcome => (error instanceof Refused ? error.outcome : { kind: 'uncertain' }),
    async afterFailed(row: OutboxRow, outcome: SendOutcome, error: unknown) {
      failed.push({ row, outcome, error });
    },
  };
  return { sender, calls, failed, concurrent };
}

function setUp() {
  const clock = { ms: START };
  const store = new MemoryOutbox();
  const log = { warn: jest.fn(), error: jest.fn() };
  const engine = createEngine({ store, now: () => new Date(clock.ms), log, settings: () => ({ pollIntervalMs: SECOND, shutdownGraceMs: 0 }) });
  const queue = (channel: string, recipient: string, count = 1) =>
    Array.from({ length: count }, () => store.add({ channel, recipient, at: new Date(clock.ms) }).id);

  /**
   * Round after round, moving the virtual clock to each wake-up the engine asks for, until nothing is due. A
   * round that changed something runs again at the same time, as a finished send wakes the engine at once.
   */
  async function drain(until = Number.POSITIVE_INFINITY): Promise<void> {
    for (let round = 0; round < 10_000; round += 1) {
      const writes = store.writes;
      const next = await engine.tick();
      await engine.settled();
      if (store.writes !== writes) continue;
      if (next === null || next > until) return;
      clock.ms = Math.max(clock.ms, next);
    }
    throw new Error('the engine did not drain');
  }

  return { clock, store, log, engine, queue, drain };
}

describe('the delivery engine', () => {
  it('sends a row once and records the service’s message id', async () => {
    const { clock, store, engine, queue, drain } = setUp();
    const { sender, calls } = fakeSender('telegram', clock);
    engine.register(sender);
    const [id] = queue('telegram', '42');
    await drain();
    expect(calls).toHaveLength(1);
    expect(store.get(id)).toMatchObject({ status: 'sent', attempts: 1, externalId: `m-${id}`, lastError: null });
  });

  it('waits the time a retry-after asked for, without counting it as an attempt', async () => {
    const { clock, store, engine, queue, drain } = setUp();
    const { sender, calls } = fakeSender('telegram', clock);
    sender.answer = (_row, call) => (call === 0 ? { kind: 'retry-after', ms: 7 * SECOND } : null);
    engine.register(sender);
    const [first, second] = queue('telegram', '42', 2);
    await drain();
    expect(calls.map((c) => [c.id, c.ok])).toEqual([
      [first, false],
      [first, true],
      [second, true],
    ]);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(7 * SECOND);
    expect(store.get(first)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('retries a transient failure with doubling backoff, one probe at a time while the channel is down', async () => {
    const { clock, store, engine, queue, drain } = setUp();
    const { sender, calls } = fakeSender('telegram', clock);
    const upAgain = START + 100 * SECOND;
    sender.answer = () => (clock.ms < upAgain ? { kind: 'transient' } : null);
    engine.register(sender);
    const [id] = queue('telegram', '42');
    await drain();
    const gaps = calls.slice(1).map((c, i) => (c.at - calls[i].at) / SECOND);
    expect(gaps).toEqual([5, 10, 20, 40, 80]);
    expect(store.get(id)).toMatchObject({ status: 'sent', attempts: 6, lastError: null });
  });

  it('loses nothing in an hour’s outage and spends few attempts: every row goes out once after it', async () => {
    const { clock, store, engine, queue, drain } = setUp();
    const { sender, calls } = fakeSender('telegram', clock);
    const upAgain = START + HOUR;
    sender.answer = () => (clock.ms < upAgain ? { kind: 'transient' } : null);
    engine.register(sender);
    const ids = Array.from({ length: 20 }, (_, i) => queue('telegram', String(100 + i), 2)).flat();
    await drain();
    const failures = calls.filter((c) => !c.ok);
    const delivered = calls.filter((c) => c.ok);
    expect(new Set(delivered.map((c) => c.id)).size).toBe(40);
    expect(delivered).toHaveLength(40);
    expect(Math.min(...delivered.map((c) => c.at))).toBeGreaterThanOrEqual(upAgain);
    // The first round sends what the pacing allows at once; after its failures, one probe a round.
    expect(failures.filter((c) => c.at === START).length).toBeGreaterThan(1);
    const probes = failures.filter((c) => c.at > START);
    expect(probes.length).toBeLessThanOrEqual(15);
    expect(new Set(probes.map((c) => c.at)).size).toBe(probes.length);
    expect(ids.every((id) => store.get(id).status === 'sent')).toBe(true);
    expect(Math.max(...ids.map((id) => store.get(id).attempts ?? 0))).toBeLessThan(20);
  });

  it('parks a row still failing after the last attempt, with how many were made', async () => {
    const { clock, store, engine, queue, drain } = setUp();
    const { sender, calls, failed } = fakeSender('telegram', clock, { maxAttempts: 3 });
    sender.answer = () => ({ kind: 'transient' });
    engine.register(sender);
    const [id] = queue('telegram', '42');
    await drain();
    expect(calls).toHaveLength(3);
    expect(store.get(id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'Gagal setelah 3 percobaan. refused: transient' });
    expect(failed.map((f) => f.outcome)).toEqual([{ kind: 'transient' }]);
  });

  it('waits out wrong credentials like an outage, logging once and spending no attempt', async () => {
    const { clock, store, log, engine, queue, drain } = setUp();
    const { sender, calls } = fakeSender('telegram', clock);
    const fixed = START + 30 * MINUTE;
    sender.answer = () => (clock.ms < fixed ? { kind: 'auth' } : null);
    engine.register(sender);
    const ids = queue('telegram', '42', 3);
    await drain();
    expect(calls.filter((c) => !c.ok).length).toBeGreaterThan(3);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0][0]).toContain('telegram refuses our credentials');
    expect(ids.map((id) => [store.get(id).status, store.get(id).attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
      ['sent', 1],
    ]);
  });

  it('says which channel is held and why while its credentials are refused, and stops saying so once it sends again', async () => {
    const { clock, engine, queue, drain } = setUp();
    const { sender } = fakeSender('whatsapp-api', clock);
    const fixed = START + 30 * MINUTE;
    sender.answer = () => (clock.ms < fixed ? { kind: 'auth' } : null);
    engine.register(sender);
    queue('whatsapp-api', '+628123', 1);
    await drain(START + 10 * MINUTE);
    expect(engine.troubles()).toEqual([{ channel: 'whatsapp-api', kind: 'auth', since: new Date(START), cause: expect.any(String) }]);
    await drain();
    expect(engine.troubles()).toEqual([]);
  });

  it('parks a row the service refuses for good, and tells the sender', async () => {
    const { clock, store, engine, queue, drain } = setUp();
    const { sender, calls, failed } = fakeSender('telegram', clock);
    sender.answer = (row) => (row.recipient === '13' ? { kind: 'permanent' } : null);
    engine.register(sender);
    const [refused] = queue('telegram', '13');
    const [fine] = queue('telegram', '14');
    await drain();
    expect(calls).toHaveLength(2);
    expect(store.get(refused)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'refused: permanent' });
    expect(store.get(fine).status).toBe('sent');
    expect(failed).toEqual([{ row: expect.objectContaining({ id: refused }), outcome: { kind: 'permanent' }, error: expect.any(Refused) }]);
  });

  it('parks a row outside the service window with a cause the officer can act on', async () => {
    const { clock, store, engine, queue, drain } = setUp();
    const { sender } = fakeSender('whatsapp', clock);
    sender.answer = () => ({ kind: 'window-closed' });
    engine.register(sender);
    const [id] = queue('whatsapp', '6281200000000');
    await drain();
    expect(store.get(id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(store.get(id).lastError).toContain(WINDOW_CLOSED);
  });

  it('masks personal data in the cause before storing it', async () => {
    const { clock, store, engine, queue, drain } = setUp();
    const { sender } = fakeSender('email', clock);
    sender.answer = () => ({ kind: 'permanent' });
    sender.describe = () => '550 mailbox warga.probolinggo@contoh.id unavailable, call 081234567890';
    engine.register(sender);
    const [id] = queue('email', 'warga.probolinggo@contoh.id');
    await drain();
    expect(store.get(id).lastError).toContain('mailbox');
    expect(store.get(id).lastError).not.toContain('warga.probolinggo@contoh.id');
    expect(store.get(id).lastError).not.toContain('081234567890');
  });

  it('never resends a row whose send may have arrived: parked as uncertain', async () => {
    const { clock, store, engine, queue, drain } = setUp();
    const { sender, calls } = fakeSender('telegram', clock);
    sender.answer = (_row, call) => (call === 0 ? { kind: 'uncertain' } : null);
    engine.register(sender);
    const [uncertain, next] = queue('telegram', '42', 2);
    await drain();
    expect(calls.map((c) => c.id)).toEqual([uncertain, next]);
    expect(store.get(uncertain)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(store.get(uncertain).lastError).toContain(UNCERTAIN);
    expect(store.get(next).status).toBe('sent');
  });

  it('sends an uncertain row once more when the sender says a repeat is harmless, and never a third time', async () => {
    const { clock, store, engine, queue, drain } = setUp();
    const { sender, calls } = fakeSender('email', clock);
    const tries = (id: number) => calls.filter((c) => c.id === id).length;
    // Every send to a is cut off; only the first to b is.
    sender.answer = (row) => (row.recipient === 'a' || tries(row.id) === 0 ? { kind: 'uncertain', retryOnce: true } : null);
    engine.register(sender);
    const [twiceUncertain] = queue('email', 'a');
    const [secondArrives] = queue('email', 'b');
    await drain();
    expect(calls.filter((c) => c.id === twiceUncertain)).toHaveLength(2);
    expect(store.get(twiceUncertain)).toMatchObject({ status: 'failed', attempts: 2 });
    expect(store.get(twiceUncertain).lastError).toContain(UNCERTAIN);
    expect(calls.filter((c) => c.id === secondArrives).map((c) => c.ok)).toEqual([false, true]);
    expect(store.get(secondArrives)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('sends each recipient’s rows oldest first, one at a time, while other recipients go on', async () => {
    const { clock, engine, queue, drain } = setUp();
    const { sender, calls, concurrent } = fakeSender('telegram', clock);
    engine.register(sender);
    const a = queue('telegram', 'a', 5);
    const b = queue('telegram', 'b', 3);
    const c = queue('telegram', 'c', 1);
    await drain();
    expect(calls.filter((x) => x.recipient === 'a').map((x) => x.id)).toEqual(a);
    expect(calls.filter((x) => x.recipient === 'b').map((x) => x.id)).toEqual(b);
    expect(calls.filter((x) => x.recipient === 'c').map((x) => x.id)).toEqual(c);
    expect(concurrent.mostPerRecipient).toBe(1);
    expect(concurrent.most).toBe(3);
    // The longest backlog first: a's five messages set the pace of the whole burst.
    expect(calls[0].recipient).toBe('a');
    expect(Math.max(...calls.map((x) => x.at)) - START).toBe(4 * SECOND);
  });

  it('keeps to a sender’s concurrency', async () => {
    const { clock, engine, queue, drain } = setUp();
    const { sender, calls, concurrent } = fakeSender('email', clock, { concurrency: 2 });
    engine.register(sender);
    for (let i = 0; i < 6; i += 1) queue('email', `r${i}`);
    await drain();
    expect(calls).toHaveLength(6);
    expect(concurrent.most).toBe(2);
  });

  it('parks a row left "sending" past its lease (its process died mid-send) as uncertain, and sends it no more', async () => {
    const { clock, store, engine, drain } = setUp();
    const { sender, calls, failed } = fakeSender('telegram', clock, { leaseMs: 2 * MINUTE });
    engine.register(sender);
    const stale = store.add({ channel: 'telegram', recipient: '42', at: new Date(START - 5 * MINUTE), status: 'sending', claimedAt: new Date(START - 3 * MINUTE) });
    const recent = store.add({ channel: 'telegram', recipient: '43', at: new Date(START - MINUTE), status: 'sending', claimedAt: new Date(START - 30 * SECOND) });
    expect(await engine.tick()).toBe(START + 90 * SECOND);
    expect(store.get(stale.id)).toMatchObject({ status: 'failed', lastError: UNCERTAIN });
    expect(store.get(recent.id).status).toBe('sending');
    await drain();
    expect(store.get(recent.id)).toMatchObject({ status: 'failed', lastError: UNCERTAIN });
    expect(calls).toEqual([]);
    expect(failed.map((f) => [f.row.id, f.outcome, f.error])).toEqual([
      [stale.id, { kind: 'uncertain' }, undefined],
      [recent.id, { kind: 'uncertain' }, undefined],
    ]);
  });

  it('keeps channels apart: one channel’s outage does not delay another’s messages', async () => {
    const { clock, store, engine, queue, drain } = setUp();
    const down = fakeSender('telegram', clock);
    down.sender.answer = () => ({ kind: 'transient' });
    const up = fakeSender('email', clock, { globalPerSecond: 5 });
    engine.register(down.sender);
    engine.register(up.sender);
    for (let chat = 0; chat < 20; chat += 1) queue('telegram', `chat-${chat}`);
    const mail = ['a', 'b', 'c', 'd', 'e'].flatMap((to) => queue('email', to, 3));
    await drain(START + 10 * MINUTE);
    expect(mail.every((id) => store.get(id).status === 'sent')).toBe(true);
    // Five recipients, three each, one a second apart: done two seconds after the start.
    expect(Math.max(...up.calls.map((c) => c.at)) - START).toBe(2 * SECOND);
    expect(down.calls.every((c) => !c.ok)).toBe(true);
  });

  it('delivers only channels that have a registered handler', async () => {
    const { clock, store, engine, queue, drain } = setUp();
    const { sender, calls } = fakeSender('telegram', clock);
    engine.register(sender);
    const [website] = queue('website', 'citizen');
    const [alert] = queue('telegram', '42');
    await drain();
    expect(calls.map((c) => c.id)).toEqual([alert]);
    expect(store.get(website).status).toBe('pending');
    expect(engine.handles('website')).toBe(false);
    expect(() => engine.register(fakeSender('telegram', clock).sender)).toThrow(/already has a handler/);
  });

  it('keeps a send that went out when what follows it fails', async () => {
    const { clock, store, log, engine, queue, drain } = setUp();
    const { sender } = fakeSender('email', clock);
    engine.register({ ...sender, afterSent: async () => Promise.reject(new Error('conversation log unavailable')) });
    const [id] = queue('email', 'a');
    await drain();
    expect(store.get(id).status).toBe('sent');
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('conversation log unavailable'));
  });

  it('cuts off a send that does not answer in time and asks the sender what that means', async () => {
    const { clock, store, engine, queue, drain } = setUp();
    const { sender } = fakeSender('email', clock, { requestTimeoutMs: 20 });
    engine.register({ ...sender, send: () => new Promise<never>(() => undefined) });
    const [id] = queue('email', 'a');
    await drain();
    expect(store.get(id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(store.get(id).lastError).toContain(UNCERTAIN);
  });

  it('picks up a burst of new rows in one round instead of one round each', async () => {
    /** Citizens' receipts written one after another, each waking the engine, while it runs; how many rounds it took. */
    async function burst(wakeGatherMs: number): Promise<{ rounds: number; expanded: number }> {
      const store = new MemoryOutbox();
      // The engine runs by itself here, on the real clock.
      const engine = createEngine({ store, now: () => new Date(), log: { warn: jest.fn(), error: jest.fn() }, settings: () => ({ pollIntervalMs: HOUR, shutdownGraceMs: 0, wakeGatherMs }) });
      let expanded = 0;
      engine.registerFanout({
        channel: 'citizen:website',
        async expand() {
          expanded += 1;
          return { payload: { routedTo: 'none' } };
        },
      });
      engine.start();
      const rounds = jest.spyOn(store, 'due');
      for (let i = 0; i < 20; i += 1) {
        store.add({ channel: 'citizen:website', topic: 'inquiry.received', at: new Date() });
        engine.wakeSoon();
        // The engine may run between two rows, as it does between two requests.
        for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      }
      while (expanded < 20) await new Promise((resolve) => setTimeout(resolve, 5));
      await engine.stop();
      return { rounds: rounds.mock.calls.length, expanded };
    }
    const atOnce = await burst(0);
    const gathered = await burst(50);
    expect(gathered.expanded).toBe(20);
    expect(atOnce.expanded).toBe(20);
    expect(gathered.rounds).toBeLessThanOrEqual(3);
    expect(atOnce.rounds).toBeGreaterThan(gathered.rounds * 3);
  });

  it('refuses limits that cannot work', () => {
    const { clock, engine } = setUp();
    expect(() => engine.register(fakeSender('email', clock, { leaseMs: 1000, requestTimeoutMs: 30_000 }).sender)).toThrow(/leaseMs/);
    expect(() => engine.register(fakeSender('sms', clock, { globalPerSecond: 0 }).sender)).toThrow(/globalPerSecond/);
  });

  it('says what a registered channel is paced by, the defaults filled in', () => {
    const { clock, engine } = setUp();
    engine.register(fakeSender('smtp', clock, { globalPerSecond: 10, concurrency: 2 }).sender);
    expect(engine.limits('smtp')).toMatchObject({ globalPerSecond: 10, concurrency: 2, perRecipientIntervalMs: SECOND, maxAttempts: expect.any(Number) });
    expect(engine.limits('whatsapp')).toBeNull();
  });
});

describe('messages sent outside the outbox (the bot’s replies to commands)', () => {
  it('go before the rows waiting, and with them stay within the channel’s budget in every second', async () => {
    const { clock, engine, queue, drain } = setUp();
    const { sender, calls } = fakeSender('telegram', clock);
    engine.register(sender);
    for (let i = 0; i < 90; i += 1) queue('telegram', `staff-${i}`);
    const replies: number[] = [];
    const answered = Array.from({ length: 51 }, (_, i) =>
      engine.paced('telegram', `new-${i}`, async () => {
        replies.push(clock.ms);
      }),
    );
    await drain();
    await Promise.all(answered);
    expect(replies).toHaveLength(51);
    expect(calls).toHaveLength(90);
    // Every reply went before any alert that was waiting when it was asked for.
    expect(Math.max(...replies)).toBeLessThanOrEqual(Math.min(...calls.map((c) => c.at)));
    expect(busiestSecond([...replies, ...calls.map((c) => c.at)])).toBeLessThanOrEqual(30);
  });

  it('go to a recipient at once, the rows still queued for it waiting their interval after the reply', async () => {
    const { clock, engine, queue, drain } = setUp();
    const { sender, calls } = fakeSender('telegram', clock);
    engine.register(sender);
    queue('telegram', '42', 3);
    await engine.tick();
    await engine.settled();
    expect(calls).toHaveLength(1);
    clock.ms += 200;
    let replied = 0;
    await engine.paced('telegram', '42', async () => {
      replied = clock.ms;
    });
    expect(replied).toBe(START + 200);
    await drain();
    expect(calls).toHaveLength(3);
    expect(calls[1].at - replied).toBeGreaterThanOrEqual(SECOND);
  });

  it('go at once on a channel nobody delivers here', async () => {
    const { engine } = setUp();
    await expect(engine.paced('telegram', '42', async () => 'sent')).resolves.toBe('sent');
  });
});

describe('fan-out rows', () => {
  it('become rows of the delivering channel in one step with marking the source sent, once', async () => {
    const { clock, store, engine, queue, drain } = setUp();
    const { sender, calls } = fakeSender('telegram', clock);
    engine.register(sender);
    engine.registerFanout({
      channel: 'staff',
      async expand(row, at) {
        for (const chat of ['1', '2']) store.add({ channel: 'telegram', recipient: chat, at, payload: { from: row.id } });
        return { payload: { telegramRecipients: 2 } };
      },
    });
    const [source] = queue('staff', '');
    await drain();
    expect(store.get(source)).toMatchObject({ status: 'sent', payload: expect.objectContaining({ telegramRecipients: 2 }) });
    expect(calls.map((c) => c.recipient).sort()).toEqual(['1', '2']);
  });

  it('that can never be expanded are parked, and what the fan-out wrote is undone', async () => {
    const { clock, store, engine, queue, drain } = setUp();
    engine.registerFanout({
      channel: 'staff',
      async expand(_row, at) {
        store.add({ channel: 'telegram', recipient: '1', at });
        return { refused: 'Topik tidak dikenal.' };
      },
    });
    const [source] = queue('staff', '');
    await drain();
    expect(store.get(source)).toMatchObject({ status: 'failed', lastError: 'Topik tidak dikenal.' });
    expect(store.rows).toHaveLength(1);
  });

  it('are tried again later when expanding fails', async () => {
    const { clock, store, log, engine, queue } = setUp();
    let fail = true;
    engine.registerFanout({
      channel: 'staff',
      async expand() {
        if (fail) throw new Error('database busy');
      },
    });
    const [source] = queue('staff', '');
    const next = await engine.tick();
    expect(store.get(source)).toMatchObject({ status: 'pending', lastError: 'database busy' });
    expect(next).toBe(START + 5 * SECOND);
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('database busy'));
    fail = false;
    clock.ms = next!;
    await engine.tick();
    expect(store.get(source).status).toBe('sent');
  });
});

describe('digests', () => {
  /** The fake sender with a digest: breach rows of one step share a key; each digest sent is kept as its rows' ids. */
  function withDigest(clock: { ms: number }, after = 3, max = 100) {
    const fake = fakeSender('telegram', clock);
    const digests: number[][] = [];
    fake.sender.digest = {
      after,
      max,
      key: (row) => (row.topic === 'inquiry.breached' ? `breached:${row.payload?.step}` : null),
      async send(rows) {
        await new Promise((resolve) => setImmediate(resolve));
        const outcome = fake.sender.answer(rows[0], fake.calls.length);
        for (const row of rows) fake.calls.push({ id: row.id, recipient: row.recipient, at: clock.ms, ok: outcome === null });
        digests.push(rows.map((row) => row.id));
        if (outcome) throw new Refused(outcome);
        return { externalId: `digest-${rows[0].id}` };
      },
    };
    return { ...fake, digests };
  }
  const breaches = (store: MemoryOutbox, clock: { ms: number }, recipient: string, count: number, step = 'triage') =>
    Array.from({ length: count }, () => store.add({ channel: 'telegram', recipient, topic: 'inquiry.breached', at: new Date(clock.ms), payload: { step } }).id);

  it('sends more than a few alerts of one kind waiting for a chat as one message, each row recorded sent with its id once', async () => {
    const { clock, store, engine, drain } = setUp();
    const { sender, digests, calls } = withDigest(clock);
    engine.register(sender);
    const storm = breaches(store, clock, 'officers', 37);
    await drain();
    expect(digests).toEqual([storm]);
    expect(calls).toHaveLength(37);
    expect(storm.every((id) => store.get(id).status === 'sent' && store.get(id).externalId === `digest-${storm[0]}` && store.get(id).attempts === 1)).toBe(true);
  });

  it('sends a few alerts one by one, keeps other kinds apart, and caps a digest at its maximum', async () => {
    const { clock, store, engine, drain } = setUp();
    const { sender, digests, calls } = withDigest(clock, 3, 10);
    engine.register(sender);
    const few = breaches(store, clock, 'bidang', 3);
    const triage = breaches(store, clock, 'officers', 12, 'triage');
    const answer = breaches(store, clock, 'officers', 5, 'answer');
    const routed = store.add({ channel: 'telegram', recipient: 'officers', topic: 'inquiry.triaged', at: new Date(clock.ms) }).id;
    await drain();
    expect(calls.filter((c) => c.recipient === 'bidang').map((c) => c.id)).toEqual(few);
    expect(digests).toEqual(expect.arrayContaining([triage.slice(0, 10), answer]));
    // What the cap left of the triage storm (two) and the routing alert are too few for a digest: alone.
    expect(digests).toHaveLength(2);
    expect(calls.filter((c) => c.id === routed)).toHaveLength(1);
    expect(store.rows.every((row) => row.status === 'sent')).toBe(true);
    expect(new Set(calls.map((c) => c.id)).size).toBe(calls.length);
  });

  it('leaves out of a digest a row another instance claimed first: it is sent once, by that instance', async () => {
    const { clock, store, engine, drain } = setUp();
    const { sender, digests } = withDigest(clock);
    engine.register(sender);
    const storm = breaches(store, clock, 'officers', 8);
    const claimMany = store.claimMany.bind(store);
    store.claimMany = async (rows, at) => {
      await store.claim(store.get(storm[3]), at);
      return claimMany(rows, at);
    };
    await drain();
    expect(digests).toEqual([storm.filter((id) => id !== storm[3])]);
    expect(store.get(storm[3]).status).toBe('sending');
  });

  it('retries a digest the service refused as one, its rows together, the outage counted once', async () => {
    const { clock, store, engine, drain } = setUp();
    const { sender, digests } = withDigest(clock);
    const upAgain = START + 30 * SECOND;
    sender.answer = () => (clock.ms < upAgain ? { kind: 'transient' } : null);
    engine.register(sender);
    const storm = breaches(store, clock, 'officers', 20);
    await drain();
    const failedRounds = digests.length - 1;
    // Backoff 5, 10, 20 s: the fourth try, 35 s in, goes through.
    expect(failedRounds).toBe(3);
    expect(digests.every((ids) => ids.length === 20)).toBe(true);
    expect(storm.every((id) => store.get(id).status === 'sent' && store.get(id).attempts === 4)).toBe(true);
  });

  it('parks every row of a digest that may have arrived, for an officer to check, and resends none', async () => {
    const { clock, store, engine, drain } = setUp();
    const { sender, digests } = withDigest(clock);
    sender.answer = () => ({ kind: 'uncertain' });
    engine.register(sender);
    const storm = breaches(store, clock, 'officers', 6);
    await drain();
    expect(digests).toEqual([storm]);
    expect(storm.every((id) => store.get(id).status === 'failed' && store.get(id).lastError?.includes(UNCERTAIN))).toBe(true);
  });
});
