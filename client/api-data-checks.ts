/** Response shapes of the data checks a plan carries (`shared/diff/data-checks.ts`), checked at the call. */
import { z } from 'zod';
import type { DataCheck, DataCheckResult, StepDataCheck } from '../shared/diff/data-checks.ts';

const liveTableZod = z.object({ schema: z.string(), name: z.string(), key: z.array(z.string()) });
const columnTypeZod = z.object({ name: z.string(), schema: z.string().optional(), args: z.array(z.number()).optional(), arrayDims: z.number().optional() });

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

export const stepDataCheckZod = z.object({ step: z.number().int(), check: dataCheckZod, result: dataCheckResultZod }) satisfies z.ZodType<StepDataCheck>;
