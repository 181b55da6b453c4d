/** Turns driver connection errors into one line a person can act on, without the password. */

export interface ConnectionTarget {
  host: string;
  port: string;
  database?: string;
}

const CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the server running and listening on that port?)',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset by the server',
};

/** The cause in a few words: a socket error code, a PostgreSQL message, or a timeout. */
function causeOf(error: unknown): string {
  const e = error as { code?: string; message?: string; errors?: unknown[] } | undefined;
  if (e?.code && CAUSES[e.code]) return CAUSES[e.code];
  // Node reports "connect ECONNREFUSED" for every address of a host as an AggregateError.
  if (Array.isArray(e?.errors) && e.errors.length) return causeOf(e.errors[0]);
  const message = e?.message ?? String(error);
  if (/timeout/i.test(message)) return 'connection timed out';
  return message.split('\n')[0] || 'unknown error';
}

export class ConnectionError extends Error {
  readonly code = 'connection-failed';
  /** `sqlState`: set when a PostgreSQL server answered (with an error), so something listens there. */
  constructor(message: string, readonly target: ConnectionTarget, readonly sqlState?: string) {
    super(message);
  }
}

/** The same words for a refused, filtered or unreachable port and an unknown host (see `connectionFailureForClient`). */
export function cannotConnect(target: ConnectionTarget): string {
  return `cannot connect to ${target.host}:${target.port}`;
}

/**
 * What a failed connection tells whoever asked for it over HTTP (adding or testing a target). The
 * studio connects from where it runs, so telling "refused" from "timed out", "host unreachable" or
 * "no such host" would let anyone who can add targets map which ports of which hosts are open from
 * there: everything that failed before a PostgreSQL server answered reads `cannot connect to
 * host:port`. An answer from PostgreSQL (a wrong password, a missing database or role, a refused
 * pg_hba entry) is reported: the user needs it to fix the URL, and it tells no more than that
 * PostgreSQL listens there, which a target that works tells anyway. The full cause stays in the
 * error's own message, for the CLI and the studio's start-up (the store), where the person reading
 * it runs the studio.
 */
export function connectionFailureForClient(error: ConnectionError): string {
  return error.sqlState !== undefined ? error.message : cannotConnect(error.target);
}

export function connectionFailure(error: unknown, target: ConnectionTarget): ConnectionError {
  const where = `${target.host}:${target.port}${target.database ? `/${target.database}` : ''}`;
  const sqlState = (error as { code?: string })?.code;
  const isSqlState = typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState);
  return new ConnectionError(`cannot connect to PostgreSQL at ${where}: ${causeOf(error)}`, target, isSqlState ? sqlState : undefined);
}

/** A socket-level failure on an open connection (the server went away): the one-line cause, or undefined. */
export function lostConnectionCause(error: unknown): string | undefined {
  const code = (error as { code?: string } | null)?.code;
  if (code && CAUSES[code]) return CAUSES[code];
  const message = (error as Error | null)?.message ?? '';
  if (/Connection terminated|connection timeout|terminating connection/i.test(message)) return message.split('\n')[0];
  return undefined;
}
