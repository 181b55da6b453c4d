/**
 * A plan's steps and the data checks it carries, as they travel in plan, apply and history
 * responses. The planner's own types (`shared/diff/types.ts`, `data-checks.ts`,
 * `rename-candidates.ts`) are the data; each schema here `satisfies` its type, so the two cannot drift.
 */
import * as z from 'zod';
import type { DataCheck, DataCheckResult, StepDataCheck } from '../diff/data-checks.ts';
import type { RenameCandidate } from '../diff/rename-candidates.ts';
import { HAZARD_KINDS, PHASES, type Step } from '../diff/types.ts';
import { columnTypeZod } from '../model/document.ts';

export const hazardKindZod = z.enum(HAZARD_KINDS);

const liveTableZod = z.object({ schema: z.string(), name: z.string(), key: z.array(z.string()) });

export const dataCheckZod = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('not-null'), table: liveTableZod, column: z.string() }),
  z.object({ kind: z.literal('unique'), table: liveTableZod, columns: z.array(z.string()), nullsNotDistinct: z.boolean().optional() }),
  z.object({ kind: z.literal('check'), table: liveTableZod, expression: z.string(), columns: z.array(z.object({ live: z.string(), as: z.string() })) }),
  z.object({
    kind: z.literal('foreign-key'), table: liveTableZod, columns: z.array(z.string()),
    refTable: z.object({ schema: z.string(), name: z.string() }), refColumns: z.array(z.string()),
  }),
  z.object({ kind: z.literal('cast'), table: liveTableZod, column: z.string(), fromType: columnTypeZod, toType: columnTypeZod }),
  z.object({ kind: z.literal('enum-values'), table: liveTableZod, column: z.string(), values: z.array(z.string()), array: z.boolean() }),
  z.object({ kind: z.literal('row-count'), table: liveTableZod, column: z.string().optional(), effect: z.enum(['deletes', 'fails']) }),
  z.object({ kind: z.literal('unavailable'), reason: z.string() }),
]) satisfies z.ZodType<DataCheck>;

const dataCheckResultZod = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok') }),
  z.object({ status: z.literal('fails'), count: z.number(), samples: z.array(z.string()) }),
  z.object({ status: z.literal('sampled'), count: z.number(), samples: z.array(z.string()), sampledRows: z.number(), estimatedRows: z.number() }),
  z.object({ status: z.literal('skipped'), reason: z.string() }),
]) satisfies z.ZodType<DataCheckResult>;

/** What one check of step `step` (its index in `steps`) found in the live rows. */
export const stepDataCheckZod = z.object({ step: z.number().int(), check: dataCheckZod, result: dataCheckResultZod }) satisfies z.ZodType<StepDataCheck>;

export const stepZod = z.object({
  sql: z.string(),
  hazards: z.array(z.object({ kind: hazardKindZod, message: z.string() })),
  phase: z.enum(PHASES),
  checks: z.array(dataCheckZod).optional(),
}) satisfies z.ZodType<Step>;

export const renameCandidateZod = z.object({ from: z.string(), toId: z.string(), to: z.string() }) satisfies z.ZodType<RenameCandidate>;
