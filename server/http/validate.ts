/**
 * The one validation middleware: parses `req.body` with a zod schema from `shared/api.ts` and
 * replaces it with the parsed value, or answers 400 with each problem's field path. A NUL in any
 * string of the body is refused first (PostgreSQL cannot take it).
 */
import type { Request, RequestHandler } from 'express';
import type * as z from 'zod';
import type { ApiProblem } from '../../shared/api/errors.ts';
import { nulMessage, nulPlaces } from '../../shared/io/nul-character.ts';
import { formatPath } from '../../shared/model/upgrade.ts';
import { invalidRequest } from './errors.ts';

export function problemsOf(error: z.ZodError): ApiProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path) || '(body)', message: issue.message }));
}

/** Fields whose text is SQL or DBML the request submitted: a NUL there is reported as a position too. */
const SUBMITTED_TEXT = new Set(['text', 'sql']);

/** Every string that would reach PostgreSQL: a NUL in any of them is a 400 naming its path. */
function refuseNul(body: unknown): void {
  const places = nulPlaces(body);
  if (!places.length) return;
  const problems = places.map((place) => ({ path: place.path || '(body)', message: nulMessage(place) }));
  const [first] = places;
  const more = places.length > 1 ? ` (and ${places.length - 1} more)` : '';
  const position = SUBMITTED_TEXT.has(first.path) ? { line: first.line, column: first.column } : undefined;
  throw invalidRequest(`invalid request: ${problems[0].path}: ${problems[0].message}${more}`, problems, position);
}

export function validate(schema: z.ZodType): RequestHandler {
  return (req, _res, next) => {
    refuseNul(req.body);
    const result = schema.safeParse(req.body);
    if (!result.success) {
      const problems = problemsOf(result.error);
      const first = problems[0];
      const summary = first ? `${first.path}: ${first.message}` : 'invalid request body';
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      throw invalidRequest(`invalid request: ${summary}${more}`, problems);
    }
    req.body = result.data;
    next();
  };
}

/** The validated body, typed by the schema that `validate` ran. */
export function bodyOf<S extends z.ZodType>(_schema: S, body: unknown): z.output<S> {
  return body as z.output<S>;
}

/** A path parameter (`:id`) as a string. */
export const paramOf = (req: Request, name: string): string => String(req.params[name]);
