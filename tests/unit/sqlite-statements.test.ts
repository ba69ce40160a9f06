import Database from 'better-sqlite3';
import { reusePreparedStatements } from '../../cms/config/database';

describe('prepared statements reused on SQLite', () => {
  it('gives the same statement for the same SQL, and results stay right when the schema changes under it', () => {
    const db = new Database(':memory:');
    reusePreparedStatements(db);
    db.prepare('CREATE TABLE inquiries (id INTEGER PRIMARY KEY, subject TEXT)').run();
    const insert = 'INSERT INTO inquiries (subject) VALUES (?)';
    expect(db.prepare(insert)).toBe(db.prepare(insert));
    db.prepare(insert).run('KTP-el');
    expect(db.prepare('SELECT * FROM inquiries ORDER BY id').all()).toEqual([{ id: 1, subject: 'KTP-el' }]);
    db.prepare('ALTER TABLE inquiries ADD COLUMN channel TEXT').run();
    db.prepare(insert).run('Akta kelahiran');
    expect(db.prepare('SELECT * FROM inquiries ORDER BY id').all()).toEqual([
      { id: 1, subject: 'KTP-el', channel: null },
      { id: 2, subject: 'Akta kelahiran', channel: null },
    ]);
    db.close();
  });

  it('keeps at most the given number, dropping the least recently used', () => {
    const db = new Database(':memory:');
    reusePreparedStatements(db, 2);
    const one = db.prepare('SELECT 1');
    const two = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(one); // now the most recent
    db.prepare('SELECT 3'); // drops SELECT 2
    expect(db.prepare('SELECT 1')).toBe(one);
    expect(db.prepare('SELECT 2')).not.toBe(two);
    db.close();
  });
});
