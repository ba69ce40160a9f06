/** The part of better-sqlite3 (no typings installed) that the tests use. */
declare module 'better-sqlite3' {
  interface Statement {
    run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
    all(...params: unknown[]): unknown[];
    get(...params: unknown[]): unknown;
  }
  class Database {
    constructor(filename: string, options?: { readonly?: boolean; fileMustExist?: boolean });
    prepare(sql: string): Statement;
    transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
    pragma(statement: string): unknown;
    close(): void;
  }
  export = Database;
}
