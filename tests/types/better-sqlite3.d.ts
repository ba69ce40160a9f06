/** The part of better-sqlite3 (no typings installed) that the tests use. */
declare module 'better-sqlite3' {
  interface Statement {
    run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
    all(...params: unknown[]): unknown[];
  }
  class Database {
    constructor(filename: string);
    prepare(sql: string): Statement;
    pragma(statement: string): unknown;
    close(): void;
  }
  export = Database;
}
