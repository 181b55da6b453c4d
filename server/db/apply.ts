/**
 * Runs a plan against a database, safely: every step in ONE transaction, under a transaction-level
 * advisory lock (two applies to the same database queue instead of interleaving), with lock and
 * statement timeouts. The live schema is hashed again under the lock and compared with the hash the
 * plan was made from, so a database that changed since planning is refused before anything runs.
 * A failing step rolls everything back and is reported with its SQLSTATE and what of PostgreSQL's
 * message and hint may be shown (`error-disclosure.ts`: never the detail, never text user code raised).
 */
import { unacceptedHazards, type HazardKind } from '../../shared/diff/hazards.ts';
import type { Step } from '../../shared/diff/types.ts';
import type { Model } from '../../shared/model/document.ts';
import { schemaHash } from '../introspect/hash.ts';
import { introspectSession } from '../introspect/introspect.ts';
import { disclosedHint, disclosedMessage, type PgErrorFields } from './error-disclosure.ts';
import type { SqlClient, SqlSession } from './sql-client.ts';
import { APPLY_LOCK } from './advisory-locks.ts';
import { APPLY_IDLE_IN_TRANSACTION_MS, BUILT_IN_TIMEOUTS, CLIENT_CHECK_INTERVAL_MS } from './timeouts.ts';


export interface ApplyOptions {
  /**
   * The steps; or how to plan them from the live schema as read under the lock (the whole database,
   * and the session, to read a part of it again), so an apply reads the database once: the plan, the
   * hash check and the run all see the same schema.
   */
  steps: Step[] | ((before: Model, tx: SqlSession) => Promise<Step[]>);
  /** Hash of the live schema the plan was made from (`schemaHash`); absent: not checked. */
  expectedHash?: string;
  /** Hazard kinds the user accepted; a step with any other hazard refuses the whole plan. */
  acceptedHazards: HazardKind[];
  /** Execute every step, then roll back: proves the plan applies, changes nothing. */
  dryRun?: boolean;
  lockTimeoutMs?: number;
  statementTimeoutMs?: number;
  /** Called as each step starts (live progress for long plans). */
  onStep?: (index: number, total: number, step: Step) => void;
  /** Runs under the lock once the plan is made and checked, before the first step (the studio journals the attempt). */
  beforeFirstStep?: (steps: Step[]) => Promise<void>;
  /** Runs inside the transaction after the last step (e.g. journal in the target's `_schemata`). */
  beforeCommit?: (tx: SqlSession) => Promise<void>;
}

export interface StepFailure {
  stepIndex: number;
  sql: string;
  /** PostgreSQL's message, or what replaces it when it may carry data (`disclosedMessage`). */
  message: string;
  sqlstate?: string;
  /** Never set by `applySteps`: a detail quotes rows (`Key (email)=(…)`). Kept for journals written before. */
  detail?: string;
  hint?: string;
  position?: number;
}

export interface ApplyOutcome {
  /** The steps run (planned under the lock when `steps` was a function). */
  steps: Step[];
  stepsRun: number;
  dryRun: boolean;
  durationMs: number;
  /** The live schema as it was under the lock, before the first step. */
  before: Model;
}

export class HazardsNotAccepted extends Error {
  constructor(readonly hazards: HazardKind[]) {
    super(`the plan has hazards that were not accepted: ${hazards.join(', ')}; nothing was run`);
  }
}

export class SchemaChanged extends Error {
  constructor(readonly expected: string, readonly actual: string) {
    super('the database changed since the plan was made: plan again; nothing was run');
  }
}

export class StepFailed extends Error {
  constructor(readonly failure: StepFailure, readonly stepsTotal: number) {
    super(`step ${failure.stepIndex + 1} of ${stepsTotal} failed: ${failure.message}; everything was rolled back`);
  }
}

/** The failure in one line: `step N: message — detail: … hint: …` (only the parts PostgreSQL gave). */
export function describeFailure(failure: StepFailure): string {
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
  const parts = [`step ${failure.stepIndex + 1}: ${flat(failure.message)}`];
  const extra = [failure.detail && `detail: ${flat(failure.detail)}`, failure.hint && `hint: ${flat(failure.hint)}`].filter(Boolean);
  if (failure.sqlstate) extra.push(`SQLSTATE ${failure.sqlstate}`);
  return extra.length ? `${parts[0]} — ${extra.join(' ')}` : parts[0];
}

/** What of a step's error may leave the server (`error-disclosure.ts`): no detail, no context, no user-raised text. */
function failureOf(error: unknown, stepIndex: number, sql: string): StepFailure {
  const e = (error ?? {}) as PgErrorFields & { position?: string | number };
  const failure: StepFailure = { stepIndex, sql, message: disclosedMessage({ ...e, message: e.message ?? String(error) }, sql) };
  if (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) failure.sqlstate = e.code;
  const hint = disclosedHint(e, sql);
  if (hint) failure.hint = hint;
  if (e?.position !== undefined && Number(e.position) > 0) failure.position = Number(e.position);
  return failure;
}

/** Reads the live schema inside `tx` with the qualified names introspection relies on. */
async function liveModel(tx: SqlSession): Promise<Model> {
  await tx.exec('SET LOCAL search_path = pg_catalog');
  const model = await introspectSession(tx);
  await tx.exec('SET LOCAL search_path TO DEFAULT');
  return model;
}

function refuseUnaccepted(steps: Step[], accepted: HazardKind[]): void {
  const refused = unacceptedHazards(steps, accepted);
  if (refused.length) throw new HazardsNotAccepted(refused);
}

/**
 * Applies `steps` (or dry-runs them). Throws `HazardsNotAccepted`, `SchemaChanged` or `StepFailed`;
 * in each case the database is left exactly as it was.
 */
export async function applySteps(client: SqlClient, options: ApplyOptions): Promise<ApplyOutcome> {
  // Steps given up front are refused before any lock is taken; planned ones once they are planned.
  if (Array.isArray(options.steps)) refuseUnaccepted(options.steps, options.acceptedHazards);
  const lockTimeout = options.lockTimeoutMs ?? BUILT_IN_TIMEOUTS.lockTimeoutMs;
  const statementTimeout = options.statementTimeoutMs ?? BUILT_IN_TIMEOUTS.statementTimeoutMs;
  const started = performance.now();
  return client.transaction(async (tx) => {
    // A studio killed or cut off mid-apply must not keep the lock: see `timeouts.ts`. A server without
    // the setting (before 14) still drops the session when its current wait ends (lock timeout).
    if (client.kind === 'postgres') {
      await tx.query("SELECT pg_catalog.set_config('idle_in_transaction_session_timeout', $1, true)", [String(APPLY_IDLE_IN_TRANSACTION_MS)]);
      await tx.query("SELECT pg_catalog.set_config(name, $1, true) FROM pg_catalog.pg_settings WHERE name = 'client_connection_check_interval'",
        [String(CLIENT_CHECK_INTERVAL_MS)]);
    }
    // The model's string literals were proven safe under standard quoting (`shared/model/sql-fragments.ts`):
    // a target configured otherwise must not read a backslash as an escape that ends a string elsewhere.
    await tx.exec('SET LOCAL standard_conforming_strings = on');
    // The advisory lock waits as long as the statement timeout allows: a queued apply is not an error.
    await tx.exec(`SET LOCAL statement_timeout = ${Math.max(0, Math.floor(statementTimeout))}`);
    await tx.query('SELECT pg_catalog.pg_advisory_xact_lock($1, $2)', APPLY_LOCK);
    await tx.exec(`SET LOCAL lock_timeout = ${Math.max(0, Math.floor(lockTimeout))}`);
    const before = await liveModel(tx);
    const actual = schemaHash(before);
    const steps = Array.isArray(options.steps) ? options.steps : await options.steps(before, tx);
    if (options.expectedHash !== undefined && actual !== options.expectedHash) throw new SchemaChanged(options.expectedHash, actual);
    if (!Array.isArray(options.steps)) refuseUnaccepted(steps, options.acceptedHazards);
    await options.beforeFirstStep?.(steps);
    for (const [index, step] of steps.entries()) {
      options.onStep?.(index, steps.length, step);
      try {
        await tx.exec(step.sql);
      } catch (error) {
        throw new StepFailed(failureOf(error, index, step.sql), steps.length);
      }
    }
    if (options.beforeCommit) await options.beforeCommit(tx);
    return { steps, stepsRun: steps.length, dryRun: options.dryRun === true, durationMs: performance.now() - started, before };
  }, { rollback: options.dryRun === true });
}
