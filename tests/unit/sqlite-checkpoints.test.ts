import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startCheckpointer } from '../../cms/src/sqlite-checkpoints';

describe('the SQLite write-ahead log copied back by a worker thread', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'layanan-checkpoints-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const payload = (i: number) => `pesan ${String(i).padStart(4, '0')} `.repeat(40);

  /** The server's side: WAL, no checkpoint of its own, a few hundred pages written. */
  function serverConnection(file: string) {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.prepare('CREATE TABLE inbox (id INTEGER PRIMARY KEY, payload TEXT)').run();
    const insert = db.prepare('INSERT INTO inbox (payload) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i += 1) insert.run(payload(i));
    })();
    return db;
  }

  it('copies every frame the server wrote, and the server then starts the log over instead of growing it', async () => {
    const file = path.join(dir, 'data.db');
    const db = serverConnection(file);
    const walBytes = statSync(`${file}-wal`).size;
    expect(walBytes).toBeGreaterThan(500_000);

    const checkpointer = startCheckpointer(file, { everyMs: 10 });
    try {
      const [copied] = (await once(checkpointer, 'checkpoint')) as [{ log: number; checkpointed: number }];
      expect(copied.checkpointed).toBe(copied.log);
      expect(copied.log).toBeGreaterThan(200);

      // The next commit reuses the log from its start: after as many rows again, the file has not grown.
      const insert = db.prepare('INSERT INTO inbox (payload) VALUES (?)');
      db.transaction(() => {
        for (let i = 0; i < 2000; i += 1) insert.run(payload(i));
      })();
      expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(walBytes);
    } finally {
      await checkpointer.stop();
    }
    // Everything written is in the database file itself, read here without the log.
    db.close();
    const reader = new Database(file, { readonly: true });
    expect((reader.prepare('SELECT COUNT(*) AS n FROM inbox').get() as { n: number }).n).toBe(4000);
    reader.close();
  });

  it('says so when it cannot open the file, and ends', async () => {
    const checkpointer = startCheckpointer(path.join(dir, 'missing.db'), { everyMs: 10 });
    const [failed, gone] = [once(checkpointer, 'failed'), once(checkpointer, 'gone')];
    const [message] = (await failed) as [string];
    expect(message).toMatch(/unable to open|does not exist/i);
    await gone;
  });
});
