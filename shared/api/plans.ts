/**
 * Plan, dry run, apply and revert against a target, and the target's history (`server/routes/migrate.ts`,
 * `revert.ts`). Errors are `ApiError`s (`errors.ts`):
 * - 400 `invalid-request`: bad body, hazards not accepted (`details: { hazards }`), a protected
 *   target's name not typed, a model that does not load;
 * - 404 `not-found`: no such target or history entry; 409 `conflict`: the database changed since the
 *   plan was made;
 * - 400 `postgres-error`: a step failed (`details: { sqlstate, hint?, stepIndex, sql }`), everything
 *   was rolled back; 503: the target does not answer.
 *
 * `POST …/apply?stream` (and `…/revert?stream`) answer `application/x-ndjson` instead: one
 * `ApplyStreamLine` per line as the apply goes (a `step` line as each step starts, then one `result`
 * or `error` line). The HTTP status is 200 once streaming has begun; the error line carries the status.
 */
import * as z from 'zod';
import { HAZARD_KINDS } from '../diff/types.ts';
import { documentZod } from './document.ts';
import { apiErrorZod } from './errors.ts';
import { hazardKindZod, renameCandidateZod, stepDataCheckZod, stepZod } from './steps.ts';

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

/** `POST /api/targets/:id/plan`. */
export const planRequestZod = z.object({ document: documentZod, projectId: projectIdZod, renames: renamesZod });
export type PlanRequest = z.input<typeof planRequestZod>;

/** A plan (also of `POST …/history/:entry/revert/plan`, which takes no body). */
export const planResponseZod = z.object({
  hash: z.string(),
  steps: z.array(stepZod),
  /** Distinct hazard kinds, worst first. */
  hazards: z.array(hazardKindZod),
  sql: z.string(),
  /** What each step's data checks found in the live rows (read-only, before anything ran), in step order. */
  dataChecks: z.array(stepDataCheckZod).optional(),
  /** A table dropped and one created with the same columns: each may be confirmed as a rename (`renames`). */
  renameCandidates: z.array(renameCandidateZod).optional(),
});
export type PlanResponse = z.infer<typeof planResponseZod>;

/** `POST /api/targets/:id/apply[?stream]`: applies (or dry-runs) the plan the user reviewed. */
export const applyRequestZod = z.object({
  document: documentZod,
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
export type ApplyRequest = z.input<typeof applyRequestZod>;

/**
 * `POST /targets/:id/history/:entry/revert[?stream]`: applies the revert of a journal entry (its plan
 * comes from `…/revert/plan`). The model is the one the server's journal recorded before that entry,
 * never sent; nothing else that changes the plan is taken either, so what runs is what `…/revert/plan` showed.
 */
export const revertRequestZod = applyRequestZod.omit({ document: true, projectId: true, renames: true });
export type RevertRequest = z.input<typeof revertRequestZod>;

export const applyResponseZod = z.object({
  journalId: z.string(),
  status: z.enum(['applied', 'dry-run']),
  steps: z.array(stepZod),
  durationMs: z.number(),
  /** After commit: the database equals the model (planning again gives no step). */
  verified: z.boolean().optional(),
  /** Steps a new plan would still contain (0 when verified). */
  remainingSteps: z.number().optional(),
  /** The migration committed, but saving the baseline, verifying or journaling failed: `<stage> failed: <why>`. */
  afterCommitError: z.string().optional(),
});
export type ApplyResponse = z.infer<typeof applyResponseZod>;

/** One line of a streamed apply: the server's writer is typed with it, the client reads with it. */
export const applyStreamLineZod = z.discriminatedUnion('type', [
  z.object({ type: z.literal('step'), index: z.number().int(), total: z.number().int(), sql: z.string(), phase: stepZod.shape.phase }),
  applyResponseZod.extend({ type: z.literal('result') }),
  z.object({ type: z.literal('error'), status: z.number().int(), error: apiErrorZod }),
]);
export type ApplyStreamLine = z.infer<typeof applyStreamLineZod>;

/**
 * What became of an attempt. `running`: journaled before its first statement, not finished yet;
 * `interrupted`: the studio stopped during it (found `running` when a studio next opened the store;
 * `error.noticedAt` says when).
 */
export const JOURNAL_STATUSES = ['running', 'applied', 'dry-run', 'failed', 'refused', 'interrupted'] as const;
export const journalStatusZod = z.enum(JOURNAL_STATUSES);
export type JournalStatus = z.infer<typeof journalStatusZod>;

/** What the two journals share: the plan that ran, how it went, and the way back. */
const journalFields = {
  id: z.string(),
  durationMs: z.number(),
  status: journalStatusZod,
  planSql: z.string(),
  hazardsAccepted: z.array(hazardKindZod),
  /** Why it failed or was refused (step, PostgreSQL message, hint…); `dryRun: true` when the attempt was a dry run. */
  error: z.record(z.string(), z.unknown()).optional(),
  /** The way back, when one exists that loses no data. */
  reverseSql: z.string().optional(),
  /** After commit: did the database equal the model (next plan empty)? */
  verified: z.boolean().optional(),
  /** The entry this apply reverted. */
  revertOf: z.string().optional(),
  /** An applied entry that recorded the model before it: it can be reverted. */
  revertible: z.boolean(),
};

/** `GET /api/targets/:id/history`: the studio's journal of the target (every attempt), newest first. */
export const historyEntryZod = z.object({
  ...journalFields,
  targetId: z.string(),
  /** ISO time the attempt started. */
  startedAt: z.string(),
  steps: z.array(stepZod),
  /** The saved project whose baseline on the target the apply used (a revert uses it too). */
  projectId: z.string().optional(),
  /** The name the user gave in their browser (header `X-Schemata-User`, `user-name.ts`): History shows "by <name>". */
  appliedBy: z.string().optional(),
});
export type HistoryEntryResponse = z.infer<typeof historyEntryZod>;
export const historyResponseZod = z.array(historyEntryZod);

/**
 * `GET /api/targets/:id/journal`: the target's own `_schemata.journal`, whichever studio wrote it,
 * newest first. Only applies that reached the database are in it: `applied` or `failed`.
 */
export const targetJournalEntryZod = z.object({
  ...journalFields,
  appliedAt: z.string(),
  /** How many steps it had (absent in entries journaled before it was recorded). */
  stepCount: z.number().int().optional(),
});
export type TargetJournalEntryResponse = z.infer<typeof targetJournalEntryZod>;
export const targetJournalResponseZod = z.array(targetJournalEntryZod);
