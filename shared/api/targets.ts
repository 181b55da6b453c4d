/**
 * The targets API (`server/routes/targets.ts`, `introspect.ts`): the databases the studio reads and
 * migrates. A URL's password goes in and never comes back: responses carry it redacted. Errors:
 * 400 `invalid-request` (bad body, an unreachable URL on add, a protected target's name not typed),
 * 404 `not-found` (no such target), 503 `internal` (the store is not open, the target does not answer).
 */
import * as z from 'zod';
import { documentZod } from './document.ts';

/** The id of the built-in sandbox (PGlite in the studio's data directory): always listed, never removed, the page's first target. */
export const SANDBOX_TARGET_ID = 'sandbox';

const postgresUrlZod = z.string().regex(/^postgres(ql)?:\/\//i, 'a PostgreSQL URL starts with postgres:// or postgresql://');

/**
 * A shadow database URL (like Prisma's `shadowDatabaseUrl`): a scratch PostgreSQL server where the
 * studio creates and drops throwaway databases to load models whose extensions the embedded engine
 * lacks. Model SQL runs there: never a production server. Its password never comes back either.
 */
export const shadowUrlZod = postgresUrlZod;

/** `POST /api/targets` → 201: tested first, an unreachable URL is refused and not stored. */
export const addTargetRequestZod = z.object({
  name: z.string().trim().min(1).max(100),
  /** `postgres://user:password@host:port/database`; the password never comes back. */
  url: postgresUrlZod,
  protected: z.boolean().optional(),
  shadowUrl: shadowUrlZod.optional(),
});
export type AddTargetRequest = z.input<typeof addTargetRequestZod>;

/** `PATCH /api/targets/:id`. */
export const updateTargetRequestZod = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  protected: z.boolean().optional(),
  /** The target's current name, typed by the user: required to set `protected: false` on a protected target. */
  confirmName: z.string().optional(),
  /** Sets the shadow database URL; `null` removes it (models then load in the embedded engine). */
  shadowUrl: shadowUrlZod.nullable().optional(),
});
export type UpdateTargetRequest = z.input<typeof updateTargetRequestZod>;

/** A target's public face (`GET /api/targets`, add, update): its URL redacted. */
export const targetResponseZod = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['sandbox', 'postgres']),
  /** The URL with any password replaced by `***`. */
  displayUrl: z.string(),
  /** The shadow server's URL, redacted like `displayUrl` (absent: models load in the embedded engine). */
  shadowDisplayUrl: z.string().optional(),
  /** Applying needs the user to type the target's name. */
  protected: z.boolean(),
  /** The sandbox: cannot be removed. */
  builtin: z.boolean(),
  createdAt: z.string().optional(),
});
export type TargetResponse = z.infer<typeof targetResponseZod>;
export const targetListResponseZod = z.array(targetResponseZod);

/** `POST /api/targets/:id/test`: a failed connection is `ok: false` with its one-line reason, not an error. */
export const testTargetResponseZod = z.object({
  ok: z.boolean(),
  /** `PostgreSQL 15.20`, or the one-line reason it failed. */
  message: z.string(),
  serverVersion: z.number().optional(),
  ms: z.number(),
});
export type TestTargetResponse = z.infer<typeof testTargetResponseZod>;

/** `POST /api/targets/:id/introspect` → the live schema as a document (it records no baseline). */
export const introspectRequestZod = z.object({ schemas: z.array(z.string().min(1)).optional() }).optional();
export const introspectResponseZod = documentZod;
export type IntrospectResponse = z.infer<typeof introspectResponseZod>;
