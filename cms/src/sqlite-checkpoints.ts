import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { Core } from '@strapi/strapi';

/** How often the write-ahead log is copied back into the database file. */
const EVERY_MS = 1000;

/**
 * The worker: its own connection to the file, a PASSIVE checkpoint on every tick (it never waits for the
 * writer nor holds it up: it copies what no reader still needs, and the writer starts the log over once all
 * of it is copied), the figures of each one that moved frames posted back.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// A file it cannot open ends the thread with that error, which reaches the server as the worker's
// 'error' event: unlike a message posted just before exiting, it cannot be lost on the way.
const open = () => {
  try {
    return new Database(workerData.filename, { fileMustExist: true });
  } catch (error) {
    // The driver's own error class does not cross threads: its message does, in a plain Error.
    throw new Error(String((error && error.message) || error));
  }
};
const db = open();
const tick = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result && result.checkpointed > 0) parentPort.postMessage({ type: 'checkpoint', log: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String((error && error.message) || error) });
  }
};
const timer = setInterval(tick, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  tick();
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer extends EventEmitter {
  stop(): Promise<void>;
}

/**
 * SQLite in WAL mode copies the log back into the database file itself, inside whichever commit crosses
 * the threshold: that commit, and with it the whole server, waits for the copy and the disk flush, which
 * took up to several hundred milliseconds under a burst of webhooks. The copy is done here instead, on a
 * worker thread with its own connection; the server's connection no longer checkpoints by itself.
 * Emits `checkpoint` ({ log, checkpointed } frames) after each copy that moved frames, `failed` (message), and
 * `gone` if the worker ended without being stopped.
 */
export function startCheckpointer(filename: string, { everyMs = EVERY_MS } = {}): Checkpointer {
  const events = new EventEmitter() as Checkpointer;
  const worker = new Worker(WORKER, { eval: true, workerData: { filename, everyMs, driver: require.resolve('better-sqlite3') } });
  worker.unref();
  worker.on('message', (message: { type: string; message?: string }) => events.emit(message.type === 'checkpoint' ? 'checkpoint' : 'failed', message.type === 'checkpoint' ? message : message.message));
  worker.on('error', (error: unknown) => events.emit('failed', String((error as Error)?.message ?? error)));
  let stopping = false;
  // Not events.once: that would reject on the worker's 'error', which is reported as `failed` instead.
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  void exited.then(() => {
    if (!stopping) events.emit('gone');
  });
  events.stop = async () => {
    stopping = true;
    worker.postMessage('stop');
    await exited;
  };
  return events;
}

/** For the server's SQLite file (nothing for PostgreSQL): its connection stops checkpointing and the worker starts. */
export async function checkpointInBackground(strapi: Core.Strapi): Promise<() => Promise<void>> {
  const connection = strapi.config.get('database.connection') as { client?: string; connection?: { filename?: string } };
  const filename = connection.client === 'sqlite' ? connection.connection?.filename : undefined;
  if (!filename || filename === ':memory:') return async () => {};
  const checkpointer = startCheckpointer(filename);
  checkpointer.on('failed', (message: string) => strapi.log.warn(`[sqlite] background checkpoint failed: ${message}`));
  // Without the worker the connection checkpoints by itself again, at SQLite's default threshold.
  checkpointer.on('gone', () => {
    strapi.log.warn('[sqlite] the background checkpoint stopped; the server checkpoints by itself again.');
    strapi.db.connection.raw('PRAGMA wal_autocheckpoint = 1000').catch(() => {});
  });
  await strapi.db.connection.raw('PRAGMA wal_autocheckpoint = 0');
  return () => checkpointer.stop();
}
