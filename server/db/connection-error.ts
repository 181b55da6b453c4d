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
  constructor(message: string, readonly target: ConnectionTarget, readonly sqlState?: string) {
    super(message);
  }
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
