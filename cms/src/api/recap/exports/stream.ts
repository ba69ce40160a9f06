import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Waits while the reader is behind, so that a slow download never piles the report up in memory. */
export async function drained(out: Writable): Promise<void> {
  while (out.writableNeedDrain && !out.destroyed) await once(out, 'drain');
}
