import type { ApiErrorCode } from '../../shared/api/errors.ts';

/** An error with an HTTP status and an `ApiError` body; throw it from a route. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: ApiErrorCode, message: string, readonly details?: unknown, readonly position?: { line: number; column: number }) {
    super(message);
  }
}
