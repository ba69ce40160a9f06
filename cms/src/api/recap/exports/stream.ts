import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Between pages: first a turn of the event loop, so that compression (zlib runs on the thread pool and
 * reports back through the loop) and the socket catch up, and other requests get served; then, while
 * the reader is behind, a wait for it, so that a slow download never piles the report up in memory.
 */
export async function drained(out: Writable): Promise<void> {
  await nextTurn();
  while (out.writableNeedDrain && !out.destroyed) await once(out, 'drain');
}
