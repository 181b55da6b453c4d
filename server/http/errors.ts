/**
 * The one error middleware and the typed errors routes throw. Every failure leaves the server as an
 * `ApiError` (`shared/api.ts`); a stack trace never does.
 */
import type { ErrorRequestHandler, Response } from 'express';
import type { ApiError, ApiErrorCode, ApiProblem } from '../../shared/api.ts';
import { isPostgresError, postgresApiError, postgresErrorStatus } from './pg-error.ts';

/** An error with an HTTP status and an `ApiError` body; throw it from a route. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: ApiErrorCode, message: string, readonly details?: unknown) {
    super(message);
  }
}

export const invalidRequest = (message: string, problems: ApiProblem[] = []) =>
  new HttpError(400, 'invalid-request', message, problems.length ? problems : undefined);
export const notFound = (message: string) => new HttpError(404, 'not-found', message);
export const conflict = (message: string, details?: unknown) => new HttpError(409, 'conflict', message, details);
export const forbiddenOrigin = (message: string) => new HttpError(403, 'forbidden-origin', message);

/**
 * A route that runs SQL the user submitted records it here, so a PostgreSQL error position can be
 * reported as a line and column of that text. A string `sql` field of the body counts too.
 */
export function noteSubmittedSql(res: Response, sql: string): void {
  res.locals.submittedSql = sql;
}

/** Errors from express.json(): malformed JSON, a body over the limit, a bad charset. */
function bodyParserError(error: unknown): HttpError | undefined {
  const e = error as { type?: string; status?: number; message?: string; limit?: number } | null;
  if (!e || typeof e.type !== 'string' || typeof e.status !== 'number') return undefined;
  if (e.type === 'entity.parse.failed') return invalidRequest(`the request body is not valid JSON: ${e.message}`);
  if (e.type === 'entity.too.large') return new HttpError(413, 'payload-too-large', `the request body is larger than the limit (${e.limit} bytes)`);
  if (e.status >= 400 && e.status < 500) return new HttpError(e.status, 'invalid-request', e.message ?? 'bad request');
  return undefined;
}

export interface ErrorLog {
  error: (message: string, error: unknown) => void;
}

export function errorMiddleware(log: ErrorLog = console): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const known = error instanceof HttpError ? error : bodyParserError(error);
    let status: number;
    let body: ApiError;
    if (known) {
      status = known.status;
      body = { code: known.code, message: known.message, ...(known.details !== undefined ? { details: known.details } : {}) };
    } else if (isPostgresError(error)) {
      const bodySql = typeof req.body?.sql === 'string' ? (req.body.sql as string) : undefined;
      status = postgresErrorStatus(error);
      body = postgresApiError(error, (res.locals.submittedSql as string | undefined) ?? bodySql);
    } else {
      log.error(`${req.method} ${req.originalUrl} failed:`, error);
      status = 500;
      body = { code: 'internal', message: 'internal error: the server log has the details' };
    }
    if (res.headersSent) return;
    res.status(status).json(body);
  };
}
