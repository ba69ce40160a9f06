import { redactFreeText } from '@layanan/config';
import { Pacer, type Slot } from './pacer';
import { DEFAULT_LIMITS, backoff, limitsOf, limitsProblem } from './limits';
import type { Head, OutboxStore, StoredRow } from './store';
import type { ChannelFanout, ChannelSender, SendOutcome, SenderLimits } from './types';

/** A failure after which the service may or may not have delivered the message. */
export const UNCERTAIN =
  'Tidak pasti terkirim: pengiriman terputus sebelum layanan tujuan menjawab. Tidak dikirim ulang otomatis agar tidak ganda; periksa dengan penerima lalu kirim ulang bila perlu.';

/** WhatsApp (and Meta's other channels) take free text only within 24 hours of the citizen's last message. */
export const WINDOW_CLOSED =
  'Di luar jendela 24 jam: kanal ini hanya menerima pesan dalam 24 jam sejak pemohon terakhir menulis. Sampaikan lewat kanal lain, atau kirim ulang setelah pemohon menghubungi lagi.';

export const gaveUp = (attempts: number) => `Gagal setelah ${attempts} percobaan.`;

export interface EngineSettings {
  /** How often the engine looks for rows written by other instances; this instance's own rows wake it at once. */
  pollIntervalMs: number;
  /** On shutdown, how long sends already under way may finish before they are cut off. */
  shutdownGraceMs: number;
  /**
   * New rows wake the engine this long after the first of them (wakeSoon): a burst of requests is picked up by
   * one round instead of one round each. 0 wakes at once.
   */
  wakeGatherMs?: number;
}

export interface EngineLog {
  warn(message: string): void;
  error(message: string): void;
}

export interface EngineDeps {
  store: OutboxStore;
  now: () => Date;
  log: EngineLog;
  settings: () => EngineSettings;
}

/** One registered sender and what the engine keeps for it: each channel is paced and fails on its own. */
interface Lane {
  readonly sender: ChannelSender;
  pacer: Pacer;
  /** Consecutive failures that point at the service rather than the message, and when to probe again. */
  readonly outage: { failures: number; until: number };
  /** Recipients with a send under way: one head per recipient. */
  readonly busy: Set<string>;
  authLogged: boolean;
  /** Why the whole channel is held (its credentials refused, its service down), since when; null when it sends. */
  trouble: ChannelTrouble | null;
  /** Messages sent outside the outbox (paced()) waiting for the channel's budget, oldest first; they go before rows. */
  readonly waiting: Waiter[];
  /** Wakes the waiting messages when the next of them may go. */
  timer: NodeJS.Timeout | null;
}

interface Waiter {
  recipient: string;
  go(slot: Slot): void;
}

/** What one send came to, for whoever watches a channel's health (the channels plugin): the row's own fate aside. */
export interface SendReport {
  channel: string;
  outcome: 'sent' | SendOutcome['kind'];
  /** The sender's words for a failure, redacted. */
  cause: string | null;
  at: Date;
}

/** A channel that cannot send at all right now: its rows wait, and the officers are told. */
export interface ChannelTrouble {
  channel: string;
  kind: 'auth' | 'outage';
  since: Date;
  cause: string;
}

const EXPAND_BATCH = 50;
const UNPACED: Slot = { answered() {}, release() {} };
/** Sends still "sending" past their lease are looked for at most this often. */
const SETTLE_EVERY_MS = 1000;
const CAUSE_LENGTH = 1000;

function time(value: string | Date | null | undefined): number {
  return value ? new Date(value).getTime() : 0;
}

/** The send, or the abort's reason as soon as the signal fires, whether or not the sender heeds it. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Delivers the outbox: every row of a channel that has a registered sender, and every row of a channel that
 * has a registered fan-out. Rows of other channels stay as they are until a handler for them is registered.
 *
 * Fan-out: each pending row of a fan-out channel (a `staff` row: a request routed, a reminder, a breach, an
 * answer) becomes rows of a delivering channel (one `telegram` row per chat, keyed `<source key>:<chat id>`),
 * in one transaction with marking the source row sent. The source row is claimed by a conditional update
 * first, so of two instances one expands it and the other finds it taken; the keys make a repeated expansion
 * a no-op.
 *
 * Delivery, at most once per row: a row is claimed (pending → sending, with its claim time) by a conditional
 * update just before its send, and the answer (sent with the service's message id, or the failure) is
 * written in one statement right after. A service without an idempotency key and no way to ask whether a
 * message arrived (Telegram) leaves a row found still "sending" after the lease (the process died or lost the
 * database between the send and the record) indistinguishable from one that never left: it is parked as
 * failed with UNCERTAIN, shown to officers, and never resent by itself. The same holds for a send cut off
 * without an answer (our timeout, a reset connection), unless the sender says a second try is harmless (an
 * e-mail with the same Message-ID), and then only once. Failures the service reports (429, 5xx) or
 * connections that never opened are retried with backoff; while a channel is down one message at a time
 * probes it, so a long outage costs the queue nothing and no message runs out of attempts while waiting, and
 * the other channels go on as before. Rows are sent oldest first per (channel, recipient), one head per
 * recipient, paced by the channel's own Pacer.
 *
 * Digests: when more rows of one kind (the sender's digest key) wait for one recipient than its digest
 * allows, they are claimed together and go as one message; each keeps its own row, recorded sent with that
 * message's id, or failed with the others, so every row is accounted for once.
 */
export function createEngine({ store, now, log, settings }: EngineDeps) {
  const lanes = new Map<string, Lane>();
  const fanouts = new Map<string, ChannelFanout>();
  const inFlight = new Map<number, Promise<void>>();
  /** Messages sent outside the outbox (paced()) under way. */
  const outside = new Set<Promise<unknown>>();
  let lastSettle: { at: number; next: number | null } = { at: Number.NEGATIVE_INFINITY, next: null };
  let abort = new AbortController();
  let running = false;
  let loop: Promise<void> | null = null;
  let woken = false;
  let interrupt: (() => void) | null = null;
  let ticking: Promise<number | null> | null = null;
  let gathering: NodeJS.Timeout | null = null;
  const observers: ((report: SendReport) => void)[] = [];

  function report(channel: string, outcome: SendReport['outcome'], cause: string | null): void {
    for (const observer of observers) {
      try {
        observer({ channel, outcome, cause, at: now() });
      } catch (error) {
        log.error(`[delivery] a send observer of ${channel} failed: ${redactFreeText(String((error as Error)?.message ?? error))}`);
      }
    }
  }

  const nowMs = () => now().getTime();
  const newLane = (sender: ChannelSender): Lane => ({
    sender,
    pacer: new Pacer(limitsOf(sender)),
    outage: { failures: 0, until: 0 },
    busy: new Set(),
    authLogged: false,
    trouble: null,
    waiting: [],
    timer: null,
  });

  /**
   * The waiting messages get the channel's next slots, oldest first, and the lane's timer is set for the
   * next one; while the budget waits for an answer, the answer serves them. Returns when the next one may
   * go, if any waits. A reply is someone's answer now: it keeps to the channel's budget but not to the
   * recipient's interval (Telegram allows a chat short bursts); the rows for that recipient wait their
   * interval after it.
   */
  function serveWaiting(lane: Lane): number | null {
    const at = nowMs();
    while (lane.waiting.length > 0 && lane.pacer.nextGlobal(at) <= at) {
      const waiter = lane.waiting.shift()!;
      waiter.go(settling(lane, lane.pacer.take(waiter.recipient, at)));
    }
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = null;
    if (lane.waiting.length === 0) return null;
    const next = lane.pacer.nextGlobal(at);
    if (Number.isFinite(next)) {
      lane.timer = setTimeout(() => serveWaiting(lane), Math.max(1, next - at));
      lane.timer.unref?.();
    }
    return next;
  }

  /** The slot, whose answer (or release) may let a waiting message go. */
  function settling(lane: Lane, slot: Slot): Slot {
    return {
      answered(at) {
        slot.answered(at);
        if (lane.waiting.length > 0) serveWaiting(lane);
      },
      release() {
        slot.release();
        if (lane.waiting.length > 0) serveWaiting(lane);
      },
    };
  }


  function causeOf(sender: ChannelSender, error: unknown): string {
    let described: string;
    try {
      described = sender.describe(error);
    } catch {
      described = String((error as Error)?.message ?? error);
    }
    return redactFreeText(described).slice(0, CAUSE_LENGTH);
  }

  async function hook(row: StoredRow, name: string, run: () => Promise<void> | undefined): Promise<void> {
    try {
      await run();
    } catch (error) {
      log.error(`[delivery] ${name} of notification ${row.id} (${row.channel}) failed: ${redactFreeText(String((error as Error)?.message ?? error))}`);
    }
  }

  async function park(lane: Lane, row: StoredRow, lastError: string, outcome: SendOutcome, error: unknown): Promise<void> {
    await store.park(row.id, lastError);
    await hook(row, 'afterFailed', () => lane.sender.afterFailed?.(row, outcome, error));
  }

  /** The channel failed as a whole: the next probe waits the backoff of this many failures in a row. */
  function failOutage(lane: Lane, limits: SenderLimits, at: number, kind: ChannelTrouble['kind'], cause: string): number {
    lane.trouble = { channel: lane.sender.channel, kind, since: lane.trouble?.since ?? new Date(at), cause };
    lane.outage.failures += 1;
    lane.outage.until = at + backoff(limits, lane.outage.failures);
    return lane.outage.until - at;
  }

  /** What a failed send means for its rows (one, or a digest's): the channel's state changes once, each row's own. */
  async function record(lane: Lane, rows: StoredRow[], error: unknown): Promise<void> {
    const { sender } = lane;
    const limits = limitsOf(sender);
    const at = nowMs();
    const outcome = sender.classify(error);
    const cause = causeOf(sender, error);
    report(sender.channel, outcome.kind, cause);
    const each = async (write: (row: StoredRow, attempts: number) => Promise<void>) => {
      for (const row of rows) await write(row, (row.attempts ?? 0) + 1);
    };
    switch (outcome.kind) {
      case 'retry-after':
        lane.pacer.hold(rows[0].recipient ?? '', at + outcome.ms);
        await each((row) => store.reschedule(row.id, { attempts: row.attempts ?? 0, nextAttemptAt: new Date(at + outcome.ms), lastError: cause }));
        return;
      case 'auth': {
        const wait = failOutage(lane, limits, at, 'auth', cause);
        if (!lane.authLogged) {
          lane.authLogged = true;
          log.error(`[delivery] ${sender.channel} refuses our credentials (${cause}); its messages wait, next try in ${Math.round(wait / 1000)} s`);
        }
        await each((row) => store.reschedule(row.id, { attempts: row.attempts ?? 0, nextAttemptAt: new Date(lane.outage.until), lastError: cause }));
        return;
      }
      case 'transient': {
        const wait = failOutage(lane, limits, at, 'outage', cause);
        await each((row, attempts) =>
          attempts >= limits.maxAttempts
            ? park(lane, row, `${gaveUp(attempts)} ${cause}`, outcome, error)
            : store.reschedule(row.id, { nextAttemptAt: new Date(at + backoff(limits, attempts)), lastError: cause }),
        );
        log.warn(`[delivery] ${sender.channel} unavailable (${cause}); next try in ${Math.round(wait / 1000)} s`);
        return;
      }
      case 'permanent':
        await each((row) => park(lane, row, cause, outcome, error));
        return;
      case 'window-closed':
        await each((row) => park(lane, row, `${WINDOW_CLOSED} (${cause})`, outcome, error));
        return;
      case 'uncertain':
        await each((row, attempts) =>
          outcome.retryOnce && !row.uncertainAt && attempts < limits.maxAttempts
            ? store.reschedule(row.id, { nextAttemptAt: new Date(at + backoff(limits, attempts)), lastError: cause, uncertainAt: new Date(at) })
            : park(lane, row, `${UNCERTAIN} (${cause})`, outcome, error),
        );
    }
  }

  /** One message: a row alone, or the rows of a digest, which share its fate and its message id. */
  async function deliver(lane: Lane, rows: StoredRow[], timeoutMs: number, slot: Slot): Promise<void> {
    const shutdown = abort.signal;
    const signal = AbortSignal.any([shutdown, AbortSignal.timeout(timeoutMs)]);
    const { sender } = lane;
    let result: { externalId: string | null };
    try {
      const send = rows.length > 1 && sender.digest ? sender.digest.send(rows, signal) : sender.send(rows[0], signal);
      result = await untilAborted(send, signal).finally(() => slot.answered(nowMs()));
    } catch (error) {
      // Cut off by shutdown: the outcome is unknown and the rows stay "sending" for the lease to settle.
      if (shutdown.aborted) return;
      await record(lane, rows, error);
      return;
    }
    lane.outage.failures = 0;
    lane.authLogged = false;
    lane.trouble = null;
    report(sender.channel, 'sent', null);
    await store.sent(rows.map((row) => row.id), now(), result.externalId);
    for (const row of rows) await hook(row, 'afterSent', () => sender.afterSent?.(row, result));
  }

  function launch(lane: Lane, rows: StoredRow[], limits: SenderLimits, slot: Slot): void {
    const recipient = rows[0].recipient ?? '';
    lane.busy.add(recipient);
    const done = deliver(lane, rows, limits.requestTimeoutMs, slot)
      .catch((error) => {
        const which = rows.length > 1 ? `notifications ${rows[0].id} and ${rows.length - 1} more` : `notification ${rows[0].id}`;
        log.error(`[delivery] recording ${which} (${rows[0].channel}) failed: ${(error as Error).message}`);
      })
      .finally(() => {
        for (const row of rows) inFlight.delete(row.id);
        lane.busy.delete(recipient);
        wake();
      });
    for (const row of rows) inFlight.set(row.id, done);
  }

  /**
   * What goes out for a recipient's head row, claimed: the head alone, or, when more than the sender's
   * digest allows wait of its kind, up to its maximum of them (the head first) as one digest. Each row is
   * claimed by the same conditional update as a single one, so a row another instance took is not in it.
   */
  async function claimFor(lane: Lane, { row, waiting }: Head, at: Date): Promise<StoredRow[]> {
    const { digest } = lane.sender;
    const key = digest && waiting > digest.after ? digest.key(row) : null;
    if (digest && key !== null) {
      const kin = (await store.pendingFor(row, at, digest.max)).filter((other) => digest.key(other) === key);
      if (kin.length > digest.after) return store.claimMany(kin, at);
    }
    return (await store.claim(row, at)) ? [row] : [];
  }

  /** Fan-out rows due now are expanded; returns when the next one falls due, if any is pending. */
  async function expandDue(at: Date): Promise<number | null> {
    if (fanouts.size === 0) return null;
    const channels = [...fanouts.keys()];
    const due = await store.due(channels, at, EXPAND_BATCH);
    for (const row of due) {
      const fanout = fanouts.get(row.channel);
      if (!fanout) continue;
      try {
        const result = await store.expand(row, at, () => fanout.expand(row, at));
        if (typeof result === 'object') log.warn(`[delivery] notification ${row.id} (${row.channel}) parked: ${result.refused}`);
      } catch (error) {
        const message = redactFreeText((error as Error).message).slice(0, CAUSE_LENGTH);
        log.error(`[delivery] expanding notification ${row.id} (${row.channel}) failed: ${message}`);
        await store.reschedule(row.id, { nextAttemptAt: new Date(at.getTime() + DEFAULT_LIMITS.backoffBaseMs), lastError: message });
      }
    }
    if (due.length === EXPAND_BATCH) return at.getTime();
    return store.nextDue(channels);
  }

  /** Rows another life of this process (or another instance) left "sending" past the lease. */
  async function settleStale(at: number): Promise<number | null> {
    if (at >= lastSettle.at && at - lastSettle.at < SETTLE_EVERY_MS) return lastSettle.next;
    let next: number | null = null;
    const sending = lanes.size > 0 ? await store.sending([...lanes.keys()]) : [];
    for (const { id, channel, claimedAt } of sending) {
      const lane = lanes.get(channel);
      if (!lane || inFlight.has(id)) continue;
      const expires = time(claimedAt) + limitsOf(lane.sender).leaseMs;
      if (expires > at) {
        next = next === null ? expires : Math.min(next, expires);
        continue;
      }
      const parked = await store.parkStale(id, UNCERTAIN);
      if (parked) await hook(parked, 'afterFailed', () => lane.sender.afterFailed?.(parked, { kind: 'uncertain' }, undefined));
    }
    lastSettle = { at, next };
    return next;
  }

  /**
   * The oldest pending row of each (channel, recipient): messages to one recipient go out in order, and no
   * recipient starves another. The longest backlog (in time its pacing needs) goes first: a Telegram group
   * allowed 20 a minute is the bottleneck of a burst, so it takes a free global slot before private chats
   * that will be done within seconds anyway. A channel that is down sends one probe at a time, after its
   * backoff; its rows do not hold up any other channel's.
   */
  async function dispatch(at: Date): Promise<number | null> {
    const atMs = at.getTime();
    let next: number | null = null;
    // An unanswered send holds up what waits for it (Infinity); its answer wakes the engine.
    const consider = (t: number) => {
      if (Number.isFinite(t)) next = next === null ? t : Math.min(next, t);
    };
    for (const lane of lanes.values()) {
      if (lane.waiting.length > 0) consider(serveWaiting(lane) ?? Number.POSITIVE_INFINITY);
    }
    // A channel whose probe is under way waits for its answer, which wakes the engine.
    const open = [...lanes.values()].filter((lane) => lane.outage.failures === 0 || lane.busy.size === 0);
    if (open.length === 0) return null;
    const heads = (await store.heads(open.map((lane) => lane.sender.channel)))
      .map((head) => ({ ...head, lane: lanes.get(head.row.channel) }))
      .filter((head): head is typeof head & { lane: Lane } => head.lane !== undefined)
      .map((head) => ({ ...head, backlog: head.waiting * head.lane.pacer.gapFor(head.row.recipient ?? '') }))
      .sort((a, b) => b.backlog - a.backlog || a.row.id - b.row.id);
    const probing = new Set<Lane>();
    for (const head of heads) {
      const { row, lane } = head;
      if (lane.outage.failures > 0) {
        if (probing.has(lane)) continue;
        if (atMs < lane.outage.until) {
          consider(lane.outage.until);
          continue;
        }
      }
      const recipient = row.recipient ?? '';
      if (lane.busy.has(recipient)) continue;
      const limits = limitsOf(lane.sender);
      if (limits.concurrency !== undefined && lane.busy.size >= limits.concurrency) continue;
      const due = time(row.nextAttemptAt);
      if (due > atMs) {
        consider(due);
        continue;
      }
      // A message sent outside the outbox (a reply to a command) goes first.
      const pacedAt = Math.max(atMs, nowMs());
      if (lane.waiting.length > 0 && serveWaiting(lane) !== null) {
        consider(lane.pacer.nextGlobal(pacedAt));
        continue;
      }
      const free = lane.pacer.nextFor(recipient, pacedAt);
      if (free > pacedAt) {
        consider(free);
        continue;
      }
      // Taken before the claim's write, so nothing else takes it meanwhile; the budget counts the send until
      // its answer, so taking it early costs nothing.
      const slot = settling(lane, lane.pacer.take(recipient, pacedAt));
      const rows = await claimFor(lane, head, at).catch((error: unknown) => {
        slot.release();
        throw error;
      });
      if (rows.length === 0) {
        slot.release();
        continue;
      }
      launch(lane, rows, limits, slot);
      if (lane.outage.failures > 0) probing.add(lane);
    }
    return next;
  }

  async function runTick(): Promise<number | null> {
    const at = now();
    const times = [await expandDue(at), await settleStale(at.getTime()), await dispatch(at)].filter((t): t is number => t !== null);
    return times.length ? Math.min(...times) : null;
  }

  function wake(): void {
    woken = true;
    interrupt?.();
  }

  /** For rows just written: one wake-up for all those written within `wakeGatherMs` of the first. */
  function wakeSoon(): void {
    const gather = settings().wakeGatherMs ?? 0;
    if (gather <= 0) return wake();
    gathering ??= setTimeout(() => {
      gathering = null;
      wake();
    }, gather);
  }

  /** One round: expands due fan-out rows, settles stale claims and sends what the limits allow now. */
  function tick(): Promise<number | null> {
    ticking ??= runTick().finally(() => {
      ticking = null;
    });
    return ticking;
  }

  async function background(): Promise<void> {
    while (running) {
      woken = false;
      let next: number | null = null;
      try {
        next = await tick();
      } catch (error) {
        log.error(`[delivery] delivery round failed: ${(error as Error).message}`);
      }
      if (!running) break;
      if (woken) continue;
      // With nothing registered there is nothing to look for: registering a handler wakes the loop.
      const idle = lanes.size === 0 && fanouts.size === 0;
      const { pollIntervalMs } = settings();
      const wait = next === null ? pollIntervalMs : Math.min(pollIntervalMs, Math.max(0, next - nowMs()));
      await new Promise<void>((resolve) => {
        const timer = idle ? undefined : setTimeout(resolve, wait);
        interrupt = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      interrupt = null;
    }
  }

  /** A lane that stops pacing: its waiting messages go at once. */
  function release(lane: Lane): void {
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = null;
    for (const waiter of lane.waiting.splice(0)) waiter.go(UNPACED);
  }

  function claimChannel(channel: string): void {
    if (lanes.has(channel) || fanouts.has(channel)) throw new Error(`delivery: the channel "${channel}" already has a handler`);
  }

  return {
    /** Delivers the sender's channel from now on, paced and failing on its own. */
    register(sender: ChannelSender): void {
      claimChannel(sender.channel);
      const problem = limitsProblem(limitsOf(sender));
      if (problem) throw new Error(`delivery: the limits of "${sender.channel}" do not work: ${problem}`);
      lanes.set(sender.channel, newLane(sender));
      wake();
    },

    /** Told of every send's outcome, on every channel, after the engine has classified it. */
    observe(observer: (report: SendReport) => void): void {
      observers.push(observer);
    },

    registerFanout(fanout: ChannelFanout): void {
      claimChannel(fanout.channel);
      fanouts.set(fanout.channel, fanout);
      wake();
    },

    /** The channel's rows wait from now on; sends already under way finish and are recorded. */
    unregister(channel: string): void {
      const lane = lanes.get(channel);
      lanes.delete(channel);
      fanouts.delete(channel);
      if (lane) release(lane);
    },

    /**
     * Sends a message outside the outbox (the bot's answer to a command, which cannot wait in a queue) within
     * the channel's limits, ahead of the rows waiting for their slot: `send` runs when the message may go, and
     * its answer is counted as a row's is. Without a sender registered for the channel it runs at once.
     */
    async paced<T>(channel: string, recipient: string, send: () => Promise<T>): Promise<T> {
      const lane = lanes.get(channel);
      if (!lane) return send();
      const slot = await new Promise<Slot>((go) => {
        lane.waiting.push({ recipient, go });
        serveWaiting(lane);
      });
    const sending = send().finally(() => {
        slot.answered(nowMs());
        outside.delete(sending);
        wake();
      });
      outside.add(sending);
      return sending;
    },

    /** Whether rows of this channel are delivered here (a sender or a fan-out is registered for it). */
    handles(channel: string): boolean {
      return lanes.has(channel) || fanouts.has(channel);
    },

    /** The channels this instance cannot send through right now, and why (for the officers' board). */
    troubles(): ChannelTrouble[] {
      return [...lanes.values()].flatMap((lane) => (lane.trouble ? [{ ...lane.trouble }] : []));
    },

    /** The limits a registered sender is paced by (with the engine's defaults filled in), or null. */
    limits(channel: string): SenderLimits | null {
      const lane = lanes.get(channel);
      return lane ? limitsOf(lane.sender) : null;
    },

    tick,
    wake,
    wakeSoon,

    /**
     * Expands the fan-out rows due by `at` and sends nothing: for writing requests of the past (the demo's
     * history) with the engine stopped, each routed at its own time as the running engine would have.
     */
    async fanOut(at: Date): Promise<void> {
      while ((await expandDue(at)) === at.getTime());
    },

    /** Resolves when every send under way (rows, and messages sent outside the outbox) has been answered and recorded. */
    async settled(): Promise<void> {
      while (inFlight.size > 0 || outside.size > 0) await Promise.allSettled([...inFlight.values(), ...outside]);
    },

    start(): void {
      if (running) return;
      running = true;
      for (const lane of lanes.values()) lane.pacer = new Pacer(limitsOf(lane.sender));
      loop = background();
    },

    /** Stops the loop; sends under way get the grace period to finish, then are cut off (their rows stay "sending"). */
    async stop(): Promise<void> {
      running = false;
      if (gathering) clearTimeout(gathering);
      gathering = null;
      for (const lane of lanes.values()) release(lane);
      interrupt?.();
      await loop;
      loop = null;
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, settings().shutdownGraceMs);
        });
        await Promise.race([Promise.allSettled([...inFlight.values()]), grace]);
        clearTimeout(timer);
      }
      abort.abort();
      await Promise.allSettled([...inFlight.values()]);
      abort = new AbortController();
    },
  };
}

export type DeliveryEngine = ReturnType<typeof createEngine>;
