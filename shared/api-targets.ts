/**
 * The HTTP contract of targets, introspection, plan, apply and history (issue 3): request validators
 * and response shapes. Errors use the `ApiError` shape of `api.ts`:
 * - 400 `invalid-request`: bad body, unreachable URL on add, hazards not accepted
 *   (`details: { hazards }`), a protected target's name not typed;
 * - 404 `not-found`: no such target; 409 `conflict`: the database changed since the plan was made;
 * - 400 `postgres-error`: a step failed (`details: { sqlstate, detail?, hint?, stepIndex, sql }`),
 *   everything was rolled back; 503 `internal`: the target does not answer.
 *
 * `POST /targets/:id/apply?stream` answers `application/x-ndjson` instead: a `ApplyStreamLine` per
 * line as the apply goes (a `step` line as each step starts, then one `result` or `error` line).
 */
import { z } from 'zod';
import { documentInputZod } from './api.ts';
import type { ModelDocument } from './model/document.ts';
import { HAZARD_KINDS, type HazardKind, type Step } from './diff/types.ts';
import type { RenameCandidate } from './diff/rename-candidates.ts';
import type { StepDataCheck } from './diff/data-checks.ts';

const postgresUrlZod = z.string().regex(/^postgres(ql)?:\/\//i, 'a PostgreSQL URL starts with postgres:// or postgresql://');

/**
 * A shadow database URL (like Prisma's `shadowDatabaseUrl`): a scratch PostgreSQL server where the
 * studio creates and drops throwaway databases to load models whose extensions the embedded engine
 * lacks. Model SQL runs there: never a production server. Its password never comes back either.
 */
export const shadowUrlZod = postgresUrlZod;

export const addTargetRequestZod = z.object({
  name: z.string().trim().min(1).max(100),
  /** `postgres://user:password@host:port/database`; the password never comes back. */
  url: postgresUrlZod,
  protected: z.boolean().optional(),
  shadowUrl: shadowUrlZod.optional(),
});
export type AddTargetRequest = z.infer<typeof addTargetRequestZod>;

export const updateTargetRequestZod = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  protected: z.boolean().optional(),
  /** The target's current name, typed by the user: required to set `protected: false` on a protected target. */
  confirmName: z.string().optional(),
  /** Sets the shadow database URL; `null` removes it (models then load in the embedded engine). */
  shadowUrl: shadowUrlZod.nullable().optional(),
});

export const introspectRequestZod = z.object({ schemas: z.array(z.string().min(1)).optional() }).optional();

/**
 * The saved project the document is (absent: a template, a file, an unsaved model). Its baseline on
 * the target (the model it was last applied to there) is what live objects are matched to.
 */
const projectIdZod = z.string().min(1).max(200).optional();

/**
 * Live tables the user confirmed are model tables renamed (`schema.name` → model table id), picked
 * from a plan's `renameCandidates`: matched before diffing, so the table is renamed, rows kept.
 */
const renamesZod = z.array(z.object({ from: z.string().min(1).max(200), toId: z.string().min(1).max(200) })).max(500).optional();

export const planRequestZod = z.object({ document: documentInputZod, projectId: projectIdZod, renames: renamesZod });

export const applyRequestZod = z.object({
  document: documentInputZod,
  projectId: projectIdZod,
  renames: renamesZod,
  /** `hash` of the plan the user reviewed (from `POST /targets/:id/plan`). */
  hash: z.string().min(1),
  acceptedHazards: z.array(z.enum(HAZARD_KINDS)).default([]),
  dryRun: z.boolean().optional(),
  /** A protected target's name, typed by the user. */
  confirmName: z.string().optional(),
  lockTimeoutMs: z.number().int().min(0).max(3_600_000).optional(),
  statementTimeoutMs: z.number().int().min(0).max(86_400_000).optional(),
});

/**
 * `POST /targets/:id/history/:entry/revert`: applies the revert of a journal entry (its plan comes from
 * `…/revert/plan`). The model is the one the server's journal recorded before that entry, never sent;
 * nothing else that changes the plan is taken either, so what runs is what `…/revert/plan` showed.
 */
export const revertRequestZod = applyRequestZod.omit({ document: true, projectId: true, renames: true });

export interface TargetResponse {
  id: string;
  name: string;
  kind: 'sandbox' | 'postgres';
  displayUrl: string;
  /** The shadow database URL, password redacted; absent: the embedded engine. */
  shadowDisplayUrl?: string;
  protected: boolean;
  builtin: boolean;
  createdAt?: string;
}

export interface TestTargetResponse {
  ok: boolean;
  message: string;
  serverVersion?: number;
  ms: number;
}

export type IntrospectResponse = ModelDocument;

export interface PlanResponse {
  hash: string;
  steps: Step[];
  /** Distinct hazard kinds, worst first. */
  hazards: HazardKind[];
  sql: string;
  /** What each step's data checks found in the live rows (read-only, before anything ran), in step order. */
  dataChecks?: StepDataCheck[];
  /** A table dropped and one created with the same columns: each may be confirmed as a rename (`renames`). */
  renameCandidates?: RenameCandidate[];
}

export interface ApplyResponse {
  journalId: string;
  status: 'applied' | 'dry-run';
  steps: Step[];
  durationMs: number;
  verified?: boolean;
  remainingSteps?: number;
  /** The migration committed, but saving the baseline, verifying or journaling failed: `<stage> failed: <why>`. */
  afterCommitError?: string;
}

export type ApplyStreamLine =
  | { type: 'step'; index: number; total: number; sql: string; phase: Step['phase'] }
  | ({ type: 'result' } & ApplyResponse)
  | { type: 'error'; status: number; error: { code: string; message: string; details?: unknown } };

/** `GET /targets/:id/journal`: a row of the target's own `_schemata.journal`, newest first. */
export interface TargetJournalEntryResponse {
  id: string;
  appliedAt: string;
  durationMs: number;
  /** Only applies that reached the database are in it: `applied` or `failed`. */
  status: HistoryEntryResponse['status'];
  planSql: string;
  hazardsAccepted: HazardKind[];
  error?: Record<string, unknown>;
  reverseSql?: string;
  verified?: boolean;
  /** The entry this apply reverted. */
  revertOf?: string;
  /** An applied entry that recorded the model before it: the CLI's `revert` can plan back to it. */
  revertible: boolean;
  /** How many steps it had (absent in entries journaled before it was recorded). */
  stepCount?: number;
}

/**
 * What became of an attempt. `running`: journaled before its first statement, not finished yet;
 * `interrupted`: the studio stopped during it (found `running` when a studio next opened the store;
 * `error.noticedAt` says when).
 */
export const JOURNAL_STATUSES = ['running', 'applied', 'dry-run', 'failed', 'refused', 'interrupted'] as const;
export type JournalStatusResponse = (typeof JOURNAL_STATUSES)[number];

export interface HistoryEntryResponse {
  id: string;
  targetId: string;
  startedAt: string;
  durationMs: number;
  status: JournalStatusResponse;
  steps: Step[];
  planSql: string;
  hazardsAccepted: HazardKind[];
  error?: Record<string, unknown>;
  reverseSql?: string;
  verified?: boolean;
  /** This apply reverted that entry (`POST …/history/:entry/revert`). */
  revertOf?: string;
  /** An applied entry that recorded the model before it: it can be reverted. */
  revertible: boolean;
}
