/**
 * What both drivers implement: the `SqlClient` and `SqlSession` interfaces and the one rule they
 * share (`restoresEncoding`). Kept apart from `sql-client.ts`, which opens a driver, so the PGlite
 * driver can implement the contract without importing the module that imports it.
 */
export type Row = Record<string, unknown>;

/** What runs SQL: the client itself, or one connection inside a transaction. */
export interface SqlSession {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (simple protocol, no parameters). */
  exec(script: string): Promise<void>;
  /**
   * Runs a script of several read statements (simple protocol, no parameters) and hands over each
   * row as it arrives: the server goes on with the next statements meanwhile, without waiting for
   * the client. An error thrown by `onRow` ends the reading; it is thrown once the script is done.
   */
  streamRows(script: string, onRow: (row: Row) => void): Promise<void>;
}

export interface TransactionOptions {
  /** Roll back instead of committing when the callback succeeds (a dry run). */
  rollback?: boolean;
}

export interface SqlClient extends SqlSession {
  readonly kind: 'postgres' | 'pglite';
  /** The URL with any password replaced by `***`: safe to show and to log. */
  readonly displayUrl: string;
  /** Runs `fn` on one connection between BEGIN and COMMIT; any error rolls back and rethrows. */
  transaction<T>(fn: (tx: SqlSession) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * A session of its own, kept until `close()`, for state that must live exactly as long as this
   * process: a session-level advisory lock that proves the process is alive (see `journal-owner.ts`).
   * PGlite has one session, which lives as long as the process does.
   */
  reserveSession(): Promise<SqlSession>;
  close(): Promise<void>;
}

/**
 * Both drivers speak UTF-8 only: a script that sets another client encoding (adventureworks sets
 * `latin1`) would make every later result unreadable, so the session is put back to UTF-8.
 */
export function restoresEncoding(script: string): string | undefined {
  return /client_encoding/i.test(script) ? "SET client_encoding = 'UTF8'" : undefined;
}
