/**
 * The one error body. Every failing request answers with an `ApiError`, whether as a JSON response
 * or as the last line of a streamed apply (`plans.ts`), so a client reads errors one way.
 */
import * as z from 'zod';

export const apiErrorCodeZod = z.enum([
  'invalid-request', 'not-found', 'conflict', 'postgres-error', 'forbidden-origin', 'unauthorized', 'forbidden', 'payload-too-large', 'internal',
]);
export type ApiErrorCode = z.infer<typeof apiErrorCodeZod>;

/** One problem of a request body: where (JSON path) and what. */
export const apiProblemZod = z.object({ path: z.string(), message: z.string() });
export type ApiProblem = z.infer<typeof apiProblemZod>;

/** A 1-based line and column in the SQL the request carried, for an editor marker. */
export const sqlPositionZod = z.object({ line: z.number().int(), column: z.number().int() });
export type SqlPosition = z.infer<typeof sqlPositionZod>;

/**
 * Every error response. `details` is a list of `ApiProblem` for `invalid-request`, and
 * `PostgresErrorDetails` (plus `stepIndex`/`sql` when an apply step failed) for `postgres-error`;
 * other codes carry route-specific details (e.g. `{ hazards }` for hazards not accepted).
 */
export const apiErrorZod = z.object({
  code: apiErrorCodeZod,
  message: z.string(),
  details: z.unknown().optional(),
  position: sqlPositionZod.optional(),
});
export type ApiError = z.infer<typeof apiErrorZod>;

/** `details` of a `postgres-error`: what may be disclosed of a PostgreSQL error (`server/db/error-disclosure.ts`). */
export const postgresErrorDetailsZod = z.object({
  sqlstate: z.string(),
  detail: z.string().optional(),
  hint: z.string().optional(),
  where: z.string().optional(),
  schema: z.string().optional(),
  table: z.string().optional(),
  column: z.string().optional(),
  constraint: z.string().optional(),
});
export type PostgresErrorDetails = z.infer<typeof postgresErrorDetailsZod>;
