/**
 * The live-migration use case of the studio, for one of its targets: plan, apply (or dry-run),
 * verify, journal, and revert from history, which is the same plan and apply to the model recorded
 * before an entry. The HTTP routes (`routes/migrate.ts`, `routes/revert.ts`) only parse and answer;
 * refusals before planning are journaled here. The model is put in PostgreSQL's spelling in a shadow
 * (never on the target) once per document: the plan's canonical model is reused by its apply.
 */
import type * as z from 'zod';
import type { applyRequestZod, HistoryEntryResponse, PlanResponse, TargetJournalEntryResponse } from '../../shared/api/plans.ts';
import type { Model } from '../../shared/model/document.ts';
import { runDataChecks } from '../db/data-checks.ts';
import { readTargetJournal } from '../db/target-journal.ts';
import { revertBaseOf } from '../db/revert.ts';
import type { TargetService } from '../db/targets.ts';
import { targetsOf } from '../db/targets-unavailable.ts';
import type { ApplyTimeouts } from '../db/timeouts.ts';
import { canonicalFor } from '../diff/canonical.ts';
import { applyLive, type ApplyRequest, type ApplyResult } from './apply.ts';
import { CanonicalCache, RespelledLive } from './canonical-cache.ts';
import { liveCost } from './cost.ts';
import { checkConfirmation, isRefusalBeforePlanning, refusedEntry } from './journal-entry.ts';
import { planLive, type PlanScope } from './plan.ts';

/** Not in the studio's journal of that target: answered 404. */
export class HistoryEntryNotFound extends Error {}

/** What an apply request says besides the model (the API's, parsed): reviewed hash, hazards, dry run, confirmation, timeouts, matching. */
export type ApplyFields = Omit<z.output<typeof applyRequestZod>, 'document'> & {
  /** Who asked: the `X-Schemata-User` header (not the body), journaled as "by <name>". */
  appliedBy?: string;
};

/** How live objects are matched: the saved project's baseline on the target, and the renames the user confirmed. */
export type Matching = Pick<ApplyFields, 'projectId' | 'renames'>;

export interface LiveMigrationsConfig {
  /** Absent: every call throws `TargetsUnavailable`. */
  targets?: TargetService;
  /** The studio's defaults for a request that sets none (read from the environment once, by `index.ts`). */
  timeouts: ApplyTimeouts;
}

export type OnStep = ApplyRequest['onStep'];

export interface LiveMigrations {
  plan(id: string, written: Model, matching?: Matching): Promise<PlanResponse>;
  apply(id: string, written: Model, request: ApplyFields, onStep?: OnStep): Promise<ApplyResult>;
  /** The plan back to the model recorded before `entryId`, matched with that apply's project baseline. */
  planRevert(id: string, entryId: string): Promise<PlanResponse>;
  revert(id: string, entryId: string, request: Omit<ApplyFields, keyof Matching>, onStep?: OnStep): Promise<ApplyResult>;
  history(id: string): Promise<HistoryEntryResponse[]>;
  /** The history the target database carries itself (`_schemata.journal`), whichever studio wrote it. */
  targetJournal(id: string): Promise<TargetJournalEntryResponse[]>;
}

export function liveMigrations(config: LiveMigrationsConfig): LiveMigrations {
  const cache = new CanonicalCache();
  const respelled = new RespelledLive();
  const service = (): TargetService => targetsOf(config.targets);

  /** The model in PostgreSQL's own spelling, loaded in the target's shadow (never the target), or the cached one. */
  const canonical = async (id: string, model: Model): Promise<{ model: Model; respell?: PlanScope['respell'] }> => {
    const shadowUrl = await service().shadowUrl(id);
    const found = await cache.get({ id, shadowUrl, model }, async () => {
      liveCost.shadowBuilds += 1;
      return canonicalFor({ model, shadowUrl, target: await service().client(id) });
    });
    // The respelling depends on the target and its shadow only, not on the model.
    return found.respell ? { ...found, respell: respelled.wrap(JSON.stringify([id, shadowUrl ?? null]), found.respell) } : found;
  };

  const plan = async (id: string, written: Model, matching: Matching = {}): Promise<PlanResponse> => {
    await service().get(id);
    const { model, respell } = await canonical(id, written);
    const client = await service().client(id);
    const planned = await planLive(client, model, await service().baseline(id, matching.projectId), { respell, renames: matching.renames });
    // Read-only and bounded: what the risky steps would meet in the live rows.
    const dataChecks = await runDataChecks(client, planned.steps);
    return { hash: planned.hash, steps: planned.steps, hazards: planned.hazards, sql: planned.sql, dataChecks, renameCandidates: planned.renameCandidates };
  };

  const apply = async (id: string, written: Model, request: ApplyFields & { revertOf?: string }, onStep?: OnStep): Promise<ApplyResult> => {
    const targets = service();
    const info = await targets.get(id);
    const { projectId, revertOf, appliedBy } = request;
    // A refusal before planning (the protected target's name not typed, a model that does not load) is journaled, then rethrown.
    const { model, respell } = await (async () => {
      checkConfirmation(info, request.confirmName, request.dryRun);
      return canonical(id, written);
    })().catch(async (error: unknown) => {
      if (isRefusalBeforePlanning(error)) await targets.journal.record(refusedEntry(id, request, error)).catch(() => undefined);
      throw error;
    });
    return applyLive({
      id, client: await targets.client(id), baseline: await targets.baseline(id, projectId),
      setBaseline: (applied) => targets.setBaseline(id, applied, projectId), record: (entry) => targets.journal.record(entry),
    }, {
      model, hash: request.hash, acceptedHazards: request.acceptedHazards, dryRun: request.dryRun, projectId, revertOf, appliedBy, onStep,
      scope: { respell, renames: request.renames },
      lockTimeoutMs: request.lockTimeoutMs ?? config.timeouts.lockTimeoutMs,
      statementTimeoutMs: request.statementTimeoutMs ?? config.timeouts.statementTimeoutMs,
    });
  };

  /** The recorded model of `entryId`, and the project whose baseline its apply used (so the revert matches the same way). */
  const revertBase = async (id: string, entryId: string) => {
    await service().get(id);
    const entry = await service().journal.get(id, entryId);
    if (!entry) throw new HistoryEntryNotFound(`no history entry "${entryId}" for target "${id}"`);
    return { model: revertBaseOf(entry).model, projectId: entry.projectId };
  };

  return {
    plan,
    apply: (id, written, request, onStep) => apply(id, written, request, onStep),
    async planRevert(id, entryId) {
      const { model, projectId } = await revertBase(id, entryId);
      return plan(id, model, { projectId });
    },
    async revert(id, entryId, request, onStep) {
      const { model, projectId } = await revertBase(id, entryId);
      return apply(id, model, { ...request, projectId, revertOf: entryId }, onStep);
    },
    async history(id) {
      await service().get(id);
      const entries = await service().journal.list(id);
      return entries.map(({ schemaHashBefore: _hash, ...entry }) => entry);
    },
    async targetJournal(id) {
      await service().get(id);
      return readTargetJournal(await service().client(id));
    },
  };
}
