/**
 * The one error translator: `toApiError` turns anything a request can fail with into a status and an
 * `ApiError` body (`shared/api.ts`). The error middleware answers with it, and the streamed apply
 * writes the same body as its last line, so an error reads the same whichever way it travelled. A
 * stack trace never leaves the server.
 */
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { ApiError, ApiProblem } from '../../shared/api/errors.ts';
import { ImportSyntaxError } from '../../shared/io/import-document.ts';
import { ImportsBusy, ImportTimedOut } from '../io/import-pool.ts';
import { dbHttpError } from './db-errors.ts';
import { HttpError } from './http-error.ts';
import { isPostgresError, postgresApiError, postgresErrorStatus } from './pg-error.ts';

export { HttpError } from './http-error.ts';

export const invalidRequest = (message: string, problems: ApiProblem[] = [], position?: { line: number; column: number }) =>
  new HttpError(400, 'invalid-request', message, problems.length ? problems : undefined, position);
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

/**
 * Errors Express and express.json() raise before a route runs: malformed JSON, a body over the limit,
 * a bad charset, a path parameter that is not valid percent-encoding (`/api/projects/%ZZ`).
 */
function requestError(error: unknown): HttpError | undefined {
  const e = error as { type?: string; status?: number; message?: string; limit?: number; expose?: boolean } | null;
  if (!e || typeof e.status !== 'number') return undefined;
  if (error instanceof URIError && e.status === 400) return invalidRequest(`the URL is not valid percent-encoding: ${e.message}`);
  if (typeof e.type !== 'string') return undefined;
  if (e.type === 'entity.parse.failed') return invalidRequest(`the request body is not valid JSON: ${e.message}`);
  if (e.type === 'entity.too.large') return new HttpError(413, 'payload-too-large', `the request body is larger than the limit (${e.limit} bytes)`);
  if (e.status >= 400 && e.status < 500) return new HttpError(e.status, 'invalid-request', e.message ?? 'bad request');
  return undefined;
}

export interface ErrorLog {
  error: (message: string, error: unknown) => void;
}

export interface ErrorContext {
  /** The SQL text the request submitted: a PostgreSQL error position becomes a line and column of it. */
  submittedSql?: string;
  /** `POST /api/…`, for the log line of an unexpected error. */
  request?: string;
  /** Where unexpected errors (500) are logged; their details never reach the response. */
  log?: ErrorLog;
}

/** What a request sent and where to log: the context `toApiError` needs. */
export function errorContext(req: Request, res: Response, log: ErrorLog = console): ErrorContext {
  const bodySql = typeof req.body?.sql === 'string' ? (req.body.sql as string) : undefined;
  return { submittedSql: (res.locals.submittedSql as string | undefined) ?? bodySql, request: `${req.method} ${req.originalUrl}`, log };
}

/** An import that does not parse (`text` holds it), that ran over its time limit, or that found the pool full. */
function importError(error: unknown): HttpError | undefined {
  if (error instanceof ImportSyntaxError) {
    const what = error.format === 'dbml' ? 'DBML' : 'SQL';
    const message = `${what} syntax error at line ${error.line}, column ${error.column}: ${error.message}`;
    return invalidRequest(message, [{ path: 'text', message: error.message }], { line: error.line, column: error.column });
  }
  // 422: the request was well formed, but this text cannot be imported within the limit.
  if (error instanceof ImportTimedOut) return new HttpError(422, 'invalid-request', error.message, [{ path: 'text', message: error.message }]);
  if (error instanceof ImportsBusy) return new HttpError(503, 'internal', error.message);
  return undefined;
}

/** Ex: `toApiError(notFound('no project "x"'))` → `{status: 404, body: {code: 'not-found', message: 'no project "x"'}}`. */
export function toApiError(error: unknown, context: ErrorContext = {}): { status: number; body: ApiError } {
  const known = error instanceof HttpError ? error : (requestError(error) ?? importError(error) ?? dbHttpError(error));
  if (known) {
    const body: ApiError = { code: known.code, message: known.message };
    if (known.details !== undefined) body.details = known.details;
    if (known.position) body.position = known.position;
    return { status: known.status, body };
  }
  if (isPostgresError(error)) return { status: postgresErrorStatus(error), body: postgresApiError(error, context.submittedSql) };
  context.log?.error(`${context.request ?? 'a request'} failed:`, error);
  return { status: 500, body: { code: 'internal', message: 'internal error: the server log has the details' } };
}

export function errorMiddleware(log: ErrorLog = console): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const { status, body } = toApiError(error, errorContext(req, res, log));
    if (res.headersSent) return;
    res.status(status).json(body);
  };
}
