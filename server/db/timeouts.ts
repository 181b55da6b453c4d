/**
 * The lock and statement timeouts of an apply. A request (HTTP body, CLI flag) may set them; else the
 * environment (`SCHEMATA_LOCK_TIMEOUT_MS`, `SCHEMATA_STATEMENT_TIMEOUT_MS`) gives the defaults of a
 * studio or a CI job; else the built-in ones. Milliseconds; 0 means no timeout, as in PostgreSQL.
 */

export interface ApplyTimeouts {
  lockTimeoutMs: number;
  statementTimeoutMs: number;
}

export const BUILT_IN_TIMEOUTS: ApplyTimeouts = { lockTimeoutMs: 5_000, statementTimeoutMs: 300_000 };

/** The most each may be (the same bounds as the HTTP API): an hour of waiting for a lock, a day of running. */
export const TIMEOUT_MAX: ApplyTimeouts = { lockTimeoutMs: 3_600_000, statementTimeoutMs: 86_400_000 };

export const TIMEOUT_ENV: Record<keyof ApplyTimeouts, string> = {
  lockTimeoutMs: 'SCHEMATA_LOCK_TIMEOUT_MS',
  statementTimeoutMs: 'SCHEMATA_STATEMENT_TIMEOUT_MS',
};

/** `text` as a whole number of milliseconds within bounds, or an error naming `where` (a flag or a variable). */
export function parseTimeoutMs(text: string, where: string, max: number): number {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || value > max) {
    throw new Error(`${where} must be a whole number of milliseconds from 0 to ${max} (0: no timeout), not "${text}"`);
  }
  return value;
}

/** The defaults from the environment, falling back to the built-in ones; a bad value is an error. */
export function timeoutDefaults(env: Record<string, string | undefined>): ApplyTimeouts {
  const read = (key: keyof ApplyTimeouts) => {
    const text = env[TIMEOUT_ENV[key]];
    return text === undefined || text.trim() === '' ? BUILT_IN_TIMEOUTS[key] : parseTimeoutMs(text, TIMEOUT_ENV[key], TIMEOUT_MAX[key]);
  };
  return { lockTimeoutMs: read('lockTimeoutMs'), statementTimeoutMs: read('statementTimeoutMs') };
}

/**
 * Bounds on how long a dead or unreachable studio can keep an apply's session (and so the apply lock)
 * on a PostgreSQL server. A killed process closes its socket, but a backend busy waiting on a lock or
 * running a statement does not read the socket: `client_connection_check_interval` (PostgreSQL 14+)
 * makes it look every `CLIENT_CHECK_INTERVAL_MS`. A studio that hangs or vanishes between two
 * statements leaves the session idle in its transaction: `idle_in_transaction_session_timeout` ends it.
 * That bound is not the statement timeout plus a margin: a statement timeout bounds PostgreSQL's work
 * (and may be 0, no limit), while between two statements of an apply the studio only hashes and
 * compares in memory, which takes well under a second even for a large schema.
 */
export const CLIENT_CHECK_INTERVAL_MS = 1_000;
export const APPLY_IDLE_IN_TRANSACTION_MS = 60_000;
