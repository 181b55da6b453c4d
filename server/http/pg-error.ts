/**
 * PostgreSQL errors (from `pg` or PGlite, which share the wire protocol's fields) as `ApiError`s:
 * SQLSTATE, message and hint as far as they may be shown (`error-disclosure.ts`: never the detail or
 * context, which quote rows and code, nor text user code raised), the names of the object concerned,
 * and the error's character position turned into the line and column of the SQL the request submitted.
 */
import type { ApiError, PostgresErrorDetails } from '../../shared/api/errors.ts';
import { disclosedHint, disclosedMessage } from '../db/error-disclosure.ts';

interface PgLikeError {
  code: string;
  message: string;
  severity?: string;
  detail?: string;
  hint?: string;
  position?: string | number;
  where?: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
}

/** True for an error raised by the PostgreSQL server (a five-character SQLSTATE and a severity). */
export function isPostgresError(error: unknown): error is PgLikeError {
  const e = error as Partial<PgLikeError> | null;
  return typeof e === 'object' && e !== null && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)
    && typeof e.severity === 'string';
}

/** PostgreSQL counts characters from 1; returns the 1-based line and column in `sql`. */
export function lineColumnAt(sql: string, position: number): { line: number; column: number } {
  const chars = Array.from(sql).slice(0, Math.max(0, position - 1));
  let line = 1;
  let column = 1;
  for (const char of chars) {
    if (char === '\n') {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
  }
  return { line, column };
}

// Classes that mean the database server is unavailable or broken, not that the request was wrong.
const SERVER_SIDE_CLASSES = new Set(['08', '53', '57', '58', 'XX']);

export function postgresErrorStatus(error: PgLikeError): number {
  return SERVER_SIDE_CLASSES.has(error.code.slice(0, 2)) ? 503 : 400;
}

/** `sql` is the text the request submitted, when it carried some; the position points into it. */
export function postgresApiError(error: PgLikeError, sql?: string): ApiError {
  const details: PostgresErrorDetails = { sqlstate: error.code };
  const hint = disclosedHint(error, sql);
  if (hint) details.hint = hint;
  for (const key of ['schema', 'table', 'column', 'constraint'] as const) {
    if (error[key]) details[key] = error[key];
  }
  const position = Number(error.position);
  const body: ApiError = { code: 'postgres-error', message: disclosedMessage(error, sql), details };
  if (sql !== undefined && Number.isInteger(position) && position > 0) body.position = lineColumnAt(sql, position);
  return body;
}
