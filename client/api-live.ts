/**
 * Typed calls to the live-database API (targets, introspect, plan, apply, history). Request bodies
 * are checked with the validators of `shared/api-targets.ts` before they leave; responses are
 * checked here against the shapes the server promises, so a contract drift fails loudly at the
 * call, not three components later.
 */
import { z } from 'zod';
import {
  addTargetRequestZod, JOURNAL_STATUSES, type AddTargetRequest, type ApplyResponse, type HistoryEntryResponse, type PlanResponse,
  type TargetResponse, type TestTargetResponse,
} from '../shared/api-targets.ts';
import { apiErrorZod } from '../shared/api.ts';
import { HAZARD_KINDS, PHASES, type HazardKind, type Step } from '../shared/diff/types.ts';
import type { ConfirmedRename } from '../shared/diff/rename-candidates.ts';
import type { ModelDocument } from '../shared/model/document.ts';
import { parseDocument } from '../shared/model/upgrade.ts';
import { sqlParserReady } from './sql/sql-parser-ready.ts';
import { api, RequestError } from './api.ts';
import { dataCheckZod, stepDataCheckZod } from './api-data-checks.ts';

const targetZod = z.object({
  id: z.string(), name: z.string(), kind: z.enum(['sandbox', 'postgres']), displayUrl: z.string(),
  protected: z.boolean(), builtin: z.boolean(), createdAt: z.string().optional(), shadowDisplayUrl: z.string().optional(),
}) satisfies z.ZodType<TargetResponse>;

const testZod = z.object({ ok: z.boolean(), message: z.string(), serverVersion: z.number().optional(), ms: z.number() }) satisfies z.ZodType<TestTargetResponse>;

const hazardKindZod = z.enum(HAZARD_KINDS);
const stepZod = z.object({
  sql: z.string(),
  hazards: z.array(z.object({ kind: hazardKindZod, message: z.string() })),
  phase: z.enum(PHASES),
  checks: z.array(dataCheckZod).optional(),
}) satisfies z.ZodType<Step>;

const planZod = z.object({
  hash: z.string(), steps: z.array(stepZod), hazards: z.array(hazardKindZod), sql: z.string(), dataChecks: z.array(stepDataCheckZod).optional(),
  renameCandidates: z.array(z.object({ from: z.string(), toId: z.string(), to: z.string() })).optional(),
}) satisfies z.ZodType<PlanResponse>;

const applyZod = z.object({
  journalId: z.string(), status: z.enum(['applied', 'dry-run']), steps: z.array(stepZod), durationMs: z.number(),
  verified: z.boolean().optional(), remainingSteps: z.number().optional(), afterCommitError: z.string().optional(),
}) satisfies z.ZodType<ApplyResponse>;

const historyZod = z.object({
  id: z.string(), targetId: z.string(), startedAt: z.string(), durationMs: z.number(),
  status: z.enum(JOURNAL_STATUSES), steps: z.array(stepZod), planSql: z.string(),
  hazardsAccepted: z.array(hazardKindZod), error: z.record(z.string(), z.unknown()).optional(),
  reverseSql: z.string().optional(), verified: z.boolean().optional(), revertOf: z.string().optional(), revertible: z.boolean(),
}) satisfies z.ZodType<HistoryEntryResponse>;

function checked<T>(schema: z.ZodType<T>, what: string, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`unexpected ${what} from the server: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim());
  }
  return result.data;
}

const target = (id: string) => `/api/targets/${encodeURIComponent(id)}`;

export interface ApplyInput {
  document: ModelDocument;
  /** The saved project the document is (absent: a template or a file): see `planRequestZod`. */
  projectId?: string;
  /** Live tables the user confirmed are model tables renamed (picked from the plan's `renameCandidates`). */
  renames?: ConfirmedRename[];
  hash: string;
  acceptedHazards: HazardKind[];
  dryRun?: boolean;
  confirmName?: string;
}

/** One line of the apply progress stream (`POST …/apply?stream`, NDJSON; see server/routes/migrate.ts). */
export type ApplyEvent =
  | { type: 'step'; index: number; total: number }
  | { type: 'result'; result: ApplyResponse }
  | { type: 'error'; status: number; error: z.infer<typeof apiErrorZod> };

const applyEventZod = z.union([
  z.object({ type: z.literal('step'), index: z.number().int(), total: z.number().int() }),
  applyZod.extend({ type: z.literal('result') }).transform(({ type, ...result }) => ({ type, result })),
  z.object({ type: z.literal('error'), status: z.number().int(), error: apiErrorZod }),
]);

/**
 * Reads an NDJSON body line by line, handing each event over as it arrives. A response that is
 * plain JSON (a server without streaming) is one `result` event.
 */
export async function readApplyStream(response: Response, onEvent: (event: ApplyEvent) => void): Promise<ApplyResponse> {
  if (!response.headers.get('content-type')?.includes('ndjson') || !response.body) {
    return checked(applyZod, 'apply result', JSON.parse(await response.text()));
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += value ?? '';
    const lines = buffer.split('\n');
    buffer = done ? '' : (lines.pop() ?? '');
    for (const line of lines.filter((l) => l.trim())) {
      const event = checked(applyEventZod, 'progress event', JSON.parse(line)) as ApplyEvent;
      if (event.type === 'error') throw new RequestError(event.status, event.error, event.error.message);
      onEvent(event);
      if (event.type === 'result') return event.result;
    }
    if (done) throw new Error('the apply stream ended without a result: look at the history for what happened');
  }
}

/** An apply's fields for a revert: the server reads the model from its journal. */
export type RevertInput = Omit<ApplyInput, 'document' | 'projectId'>;

async function streamApply(path: string, input: ApplyInput | RevertInput, onEvent: (event: ApplyEvent) => void): Promise<ApplyResponse> {
  const response = await fetch(`${path}?stream`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson, application/json' },
    body: JSON.stringify(input),
  });
  if (!response.ok) {
    const text = await response.text();
    const parsed = apiErrorZod.safeParse(text ? JSON.parse(text) : undefined);
    const error = parsed.success ? parsed.data : undefined;
    throw new RequestError(response.status, error, error?.message ?? `apply failed with ${response.status}`);
  }
  return readApplyStream(response, onEvent);
}

export const liveApi = {
  listTargets: async () => checked(z.array(targetZod), 'target list', await api.get('/api/targets')),
  addTarget: async (input: AddTargetRequest) =>
    checked(targetZod, 'target', await api.post('/api/targets', addTargetRequestZod.parse(input))),
  updateTarget: async (id: string, fields: { name?: string; protected?: boolean; confirmName?: string }) =>
    checked(targetZod, 'target', await api.patch(target(id), fields)),
  removeTarget: async (id: string) => { await api.delete(target(id)); },
  testTarget: async (id: string) => checked(testZod, 'test result', await api.post(`${target(id)}/test`, {})),
  /** The live schema as a document (it changes no baseline: a project's first apply records its own). */
  introspect: async (id: string): Promise<ModelDocument> => {
    const [answer] = await Promise.all([api.post(`${target(id)}/introspect`, {}), sqlParserReady()]);
    const parsed = parseDocument(answer);
    if (!parsed.ok) throw new Error(`the imported document is invalid: ${parsed.problems[0]?.path} ${parsed.problems[0]?.message}`);
    return parsed.document;
  },
  /** `matching`: the saved project the document is, and the renames the user confirmed (see `planRequestZod`). */
  plan: async (id: string, document: ModelDocument, matching: Pick<ApplyInput, 'projectId' | 'renames'> = {}) =>
    checked(planZod, 'plan', await api.post(`${target(id)}/plan`, { document, ...matching })),
  /** Applies (or dry-runs) the reviewed plan; `onEvent` sees each step start when the server streams. */
  apply: (id: string, input: ApplyInput, onEvent: (event: ApplyEvent) => void) => streamApply(`${target(id)}/apply`, input, onEvent),
  /** The plan back to the model recorded before history entry `entryId`, against the database as it is now. */
  planRevert: async (id: string, entryId: string) =>
    checked(planZod, 'plan', await api.post(`${target(id)}/history/${encodeURIComponent(entryId)}/revert/plan`, {})),
  /** Applies (or dry-runs) that reviewed revert plan, journaled as a revert of `entryId`. */
  applyRevert: (id: string, entryId: string, input: RevertInput, onEvent: (event: ApplyEvent) => void) =>
    streamApply(`${target(id)}/history/${encodeURIComponent(entryId)}/revert`, input, onEvent),
  history: async (id: string) => checked(z.array(historyZod), 'history', await api.get(`${target(id)}/history`)),
};

/** A one-line message for any failed call, PostgreSQL's detail and hint included. */
export function describeError(error: unknown): string {
  if (error instanceof RequestError && error.body) return error.body.message;
  return error instanceof Error ? error.message : String(error);
}
