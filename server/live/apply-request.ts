/** What one apply is asked to do: the model, the reviewed plan's hash and what the user accepted. */
import type { HazardKind } from '../../shared/diff/types.ts';
import type { Model } from '../../shared/model/document.ts';
import type { ApplyOptions } from '../db/apply.ts';
import type { PlanScope } from './plan.ts';

export interface ApplyRequest {
  model: Model;
  /** The `hash` of the plan the user reviewed; absent (the CLI, which plans and applies in one go): not compared. */
  hash?: string;
  acceptedHazards: HazardKind[];
  dryRun?: boolean;
  lockTimeoutMs?: number;
  statementTimeoutMs?: number;
  onStep?: ApplyOptions['onStep'];
  /** What of the database is planned and verified, and how it is spelled (see `planLive`). */
  scope?: PlanScope;
  /** This apply reverts that journal entry (its model is the one recorded before it; `revert.ts`). */
  revertOf?: string;
  /** The saved project whose baseline the apply matched and updated: a revert of it uses the same one. */
  projectId?: string;
  /** Who asked (the name from `X-Schemata-User`), journaled so History says "by <name>". */
  appliedBy?: string;
}
