/** Plan, apply (or dry-run) a document against a target, and read the target's apply history. */
import { Router, type Request, type Response } from 'express';
import { applyRequestZod, planRequestZod, type ApplyResponse, type HistoryEntryResponse, type PlanResponse, type TargetJournalEntryResponse } from '../../shared/api-targets.ts';
import type { Model } from '../../shared/model/document.ts';
import { applyLive, checkConfirmation, ConfirmationRequired, ModelDoesNotLoad, planLive, refusedEntry, type ApplyRequest } from '../db/migrate.ts';
import { runDataChecks } from '../db/data-checks.ts';
import { readTargetJournal } from '../db/history.ts';
import { canonicalFor, ModelNotCanonical, type Canonical } from '../diff/canonical.ts';
import { errorContext, toApiError, type ErrorLog } from '../http/errors.ts';
import type { TargetService } from '../db/targets.ts';
import { timeoutDefaults } from '../db/timeouts.ts';
import { bodyOf, validate } from '../http/validate.ts';
import { idOf, targetsOf } from './target-errors.ts';

/**
 * The model in PostgreSQL's own spelling (loaded into the embedded engine, or the target's shadow
 * server when it names one, and read back, ids kept; never on the target): plan, apply and the
 * verification after it then compare like with like.
 */
export async function canonical(service: TargetService, id: string, model: Model): Promise<Canonical> {
  try {
    return await canonicalFor({ model, shadowUrl: await service.shadowUrl(id), target: await service.client(id) });
  } catch (error) {
    if (error instanceof ModelNotCanonical) throw new ModelDoesNotLoad(error.message);
    throw error;
  }
}

/**
 * Runs what comes before planning; a refusal there (the protected target's name not typed, a model
 * that does not load) is journaled as refused, then rethrown (`toApiError` answers 400).
 */
function journalingRefusal<T>(service: TargetService, id: string, request: ApplyFields & { revertOf?: string }, run: () => Promise<T>): Promise<T> {
  return run().catch(async (error: unknown) => {
    if (error instanceof ConfirmationRequired || error instanceof ModelDoesNotLoad) {
      await service.journal.record(refusedEntry(id, request, error)).catch(() => undefined);
    }
    throw error;
  });
}

type ApplyBody = ReturnType<typeof applyRequestZod.parse>;
/** What an apply request says besides the model: the reviewed hash, hazards, dry run, name, timeouts. */
export type ApplyFields = Omit<ApplyBody, 'document'>;
export type RunApply = (req: Request, onStep: ApplyRequest['onStep']) => Promise<ApplyResponse>;

/**
 * Applies `written` (a document's model, or the one a revert reads from the journal) to the target:
 * confirmation, canonical spelling, then `applyLive`. The route's timeouts default from the studio's.
 */
export async function applyModel(p: {
  service: TargetService; id: string; request: ApplyFields; written: Model; onStep?: ApplyRequest['onStep'];
  timeouts: ReturnType<typeof timeoutDefaults>; revertOf?: string;
}): Promise<ApplyResponse> {
  const { service, id, request, revertOf } = p;
  const { projectId } = request;
  const info = await service.get(id);
  const { model, respell } = await journalingRefusal(service, id, { ...request, revertOf }, async () => {
    checkConfirmation(info, request.confirmName, request.dryRun);
    return canonical(service, id, p.written);
  });
  return applyLive({
    id, client: await service.client(id), baseline: await service.baseline(id, projectId),
    setBaseline: (applied) => service.setBaseline(id, applied, projectId), record: (entry) => service.journal.record(entry),
  }, {
    ...request, model, onStep: p.onStep, scope: { respell, renames: request.renames }, revertOf,
    lockTimeoutMs: request.lockTimeoutMs ?? p.timeouts.lockTimeoutMs,
    statementTimeoutMs: request.statementTimeoutMs ?? p.timeouts.statementTimeoutMs,
  });
}

/**
 * `?stream`: one JSON object per line (application/x-ndjson) as the apply goes: `{type: 'step', index,
 * total, sql, phase}` as each step starts, then `{type: 'result', …ApplyResponse}` or `{type: 'error',
 * status, error: ApiError}`. The HTTP status is 200 once streaming has begun.
 */
export async function streamApply(req: Request, res: Response, run: RunApply, log: ErrorLog | undefined): Promise<void> {
  res.status(200).type('application/x-ndjson');
  const write = (line: unknown) => res.write(`${JSON.stringify(line)}\n`);
  // The one translator the error middleware uses too: a failure here reads the same as unstreamed.
  const result = await run(req, (index, total, step) => write({ type: 'step', index, total, sql: step.sql, phase: step.phase }))
    .then((applied) => ({ type: 'result', ...applied }))
    .catch((error: unknown) => {
      const { status, body } = toApiError(error, errorContext(req, res, log));
      return { type: 'error', status, error: body };
    });
  write(result);
  res.end();
}

/** How live objects are matched: the saved project's baseline on the target, and the renames the user confirmed. */
type Matching = Pick<ApplyFields, 'projectId' | 'renames'>;

/** The plan that turns the target into `written` (a document's model, or the one a revert reads from the journal). */
export async function planModel(service: TargetService, id: string, written: Model, matching: Matching = {}): Promise<PlanResponse> {
  const { model, respell } = await canonical(service, id, written);
  const client = await service.client(id);
  const planned = await planLive(client, model, await service.baseline(id, matching.projectId), { respell, renames: matching.renames });
  // Read-only and bounded: what the risky steps would meet in the live rows.
  const dataChecks = await runDataChecks(client, planned.steps);
  return { hash: planned.hash, steps: planned.steps, hazards: planned.hazards, sql: planned.sql, dataChecks, renameCandidates: planned.renameCandidates };
}

export function migrateRoutes({ targets, log }: { targets?: TargetService; log?: ErrorLog }): Router {
  const router = Router();
  // Read once, when the studio starts: a bad value stops it with the variable's name.
  const timeouts = timeoutDefaults(process.env);

  router.post('/targets/:id/plan', validate(planRequestZod), async (req, res) => {
    const service = targetsOf(targets);
    const id = idOf(req);
    await service.get(id);
    const { document, ...matching } = bodyOf(planRequestZod, req.body);
    res.json(await planModel(service, id, document.model, matching));
  });

  const runApply = async (req: Request, onStep?: ApplyRequest['onStep']): Promise<ApplyResponse> => {
    const { document, ...request } = bodyOf(applyRequestZod, req.body);
    return applyModel({ service: targetsOf(targets), id: idOf(req), request, written: document.model, onStep, timeouts });
  };

  router.post('/targets/:id/apply', validate(applyRequestZod), async (req, res) => {
    if (req.query.stream !== undefined) return streamApply(req, res, runApply, log);
    res.json(await runApply(req));
  });

  router.get('/targets/:id/history', async (req, res) => {
    const service = targetsOf(targets);
    const id = idOf(req);
    await service.get(id);
    const entries = await service.journal.list(id);
    const body: HistoryEntryResponse[] = entries.map(({ schemaHashBefore: _hash, ...entry }) => entry);
    res.json(body);
  });

  // The history the target database carries itself (`_schemata.journal`), whichever studio wrote it.
  router.get('/targets/:id/journal', async (req, res) => {
    const service = targetsOf(targets);
    const id = idOf(req);
    await service.get(id);
    const body: TargetJournalEntryResponse[] = await readTargetJournal(await service.client(id));
    res.json(body);
  });

  return router;
}
