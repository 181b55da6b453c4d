/**
 * Planning against a live database: introspect → match to the target's baseline → plan. The same
 * function plans a review (`planLive`, from a read-only snapshot) and an apply (`planFromLive`, from
 * the schema read under the apply lock), so what is run is planned exactly as what was reviewed.
 */
import { matchToBaseline } from '../../shared/diff/baseline.ts';
import { renameCandidates, type ConfirmedRename, type RenameCandidate } from '../../shared/diff/rename-candidates.ts';
import { planBetween, planSql } from '../../shared/diff/plan.ts';
import { hazardKinds, type HazardKind } from '../../shared/diff/hazards.ts';
import type { Step } from '../../shared/diff/types.ts';
import type { Model } from '../../shared/model/document.ts';
import type { SqlClient, SqlSession } from '../db/sql-client.ts';
import { schemaHash } from '../introspect/hash.ts';
import { INTROSPECTION_SETUP, introspectSession } from '../introspect/introspect.ts';
import { liveCost } from './cost.ts';

export interface LivePlan {
  /** Hash of the live schema the plan was made from: give it back to apply. */
  hash: string;
  steps: Step[];
  hazards: HazardKind[];
  sql: string;
  /** The live schema, its ids carried over from the baseline by name. */
  from: Model;
  /** Tables dropped and created with the same columns: the user may confirm each as a rename (`PlanScope.renames`). */
  renameCandidates: RenameCandidate[];
}

export interface PlanScope {
  /** Only these schemas of the database are read and planned (`--schema`); absent: all of them. */
  schemas?: string[];
  /**
   * Puts the live model in the same spelling as `model` when that came from a shadow that is not
   * the target's own engine (see `canonicalFor`): like is then compared with like. `hash`: the whole
   * database's schema hash, so a respelling of the very same schema can be reused (`RespelledLive`).
   */
  respell?: (live: Model, hash: string) => Promise<Model>;
  /** Live tables the user confirmed are model tables renamed (from the plan's `renameCandidates`). */
  renames?: ConfirmedRename[];
}

/** The schemas in scope, read in `tx` (whose search_path introspection sets itself). */
export async function introspectInScope(tx: SqlSession, schemas: string[] | undefined): Promise<Model> {
  await tx.exec('SET LOCAL search_path = pg_catalog');
  const live = await introspectSession(tx, { schemas });
  await tx.exec('SET LOCAL search_path TO DEFAULT');
  return live;
}

/** The live schema in scope, and the hash of the whole database (what apply checks), from one snapshot. */
async function readLive(client: SqlClient, schemas: string[] | undefined): Promise<{ live: Model; hash: string }> {
  liveCost.introspections += 1;
  return client.transaction(async (tx) => {
    await tx.exec(INTROSPECTION_SETUP);
    const whole = await introspectSession(tx);
    return { live: schemas ? await introspectSession(tx, { schemas }) : whole, hash: schemaHash(whole) };
  }, { rollback: true });
}

/**
 * The plan from `live` (the database, or the scope's schemas of it) to `model`. Live objects are
 * first matched by name to the baseline (the model as of the last apply or import), or to `model`
 * itself when there is none.
 */
export async function planFromLive(live: Model, hash: string, model: Model, baseline: Model | undefined, scope: PlanScope = {}): Promise<LivePlan> {
  // The model too: whatever the baseline says, live objects still unmatched take their model namesake's id.
  const from = matchToBaseline(scope.respell ? await scope.respell(live, hash) : live, baseline ?? model, model, scope.renames);
  const plan = planBetween(from, model);
  return { hash, steps: plan.steps, hazards: hazardKinds(plan.steps), sql: planSql(plan), from, renameCandidates: renameCandidates(from, model) };
}

/** The plan that turns the database (or the scope's schemas of it) into `model`, from a read-only snapshot. */
export async function planLive(client: SqlClient, model: Model, baseline: Model | undefined, scope: PlanScope = {}): Promise<LivePlan> {
  const { live, hash } = await readLive(client, scope.schemas);
  return planFromLive(live, hash, model, baseline, scope);
}
