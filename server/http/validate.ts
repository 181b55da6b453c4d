/**
 * The one validation middleware: parses `req.body` with a zod schema from `shared/api.ts` and
 * replaces it with the parsed value, or answers 400 with each problem's field path.
 */
import type { RequestHandler } from 'express';
import type { z } from 'zod';
import type { ApiProblem } from '../../shared/api.ts';
import { formatPath } from '../../shared/model/upgrade.ts';
import { invalidRequest } from './errors.ts';

export function problemsOf(error: z.ZodError): ApiProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path) || '(body)', message: issue.message }));
}

export function validate(schema: z.ZodType): RequestHandler {
  return (req, _res, next) => {
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
