/**
 * The one path from two documents to a migration, for the CLI (`diff <from> <to>`, `--out`) and the
 * studio's migration export (`POST /api/migration-files`): both are put in PostgreSQL's own spelling
 * first (`canonicalPair`), so the same two documents give the same SQL wherever they are compared.
 */
import { planBetween, reversePlan } from '../../shared/diff/plan.ts';
import type { Plan } from '../../shared/diff/types.ts';
import type { Model } from '../../shared/model/document.ts';
import { canonicalPair } from './canonical.ts';

export interface MigrationBetween {
  plan: Plan;
  /** The plan that undoes it. */
  reverse: Plan;
  /** Undoing it would drop data. */
  downLosesData: boolean;
  /** Set when the two were compared as written: why they could not be put in PostgreSQL's spelling. */
  asWritten?: string;
}

/** `asWritten: true` compares the text as written (the CLI's `--as-written`). */
export async function migrationBetween(p: { from: Model; to: Model; asWritten?: boolean }): Promise<MigrationBetween> {
  const pair = p.asWritten ? { from: p.from, to: p.to } : await canonicalPair(p);
  const back = reversePlan(pair.from, pair.to);
  const reason = 'asWritten' in pair ? pair.asWritten : undefined;
  return { plan: planBetween(pair.from, pair.to), reverse: back.plan, downLosesData: back.losesData, ...(reason ? { asWritten: reason } : {}) };
}
