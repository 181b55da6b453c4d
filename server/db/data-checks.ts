/**
 * Runs a plan's data checks against the live target before anything is applied: one READ ONLY
 * transaction, rolled back, each check bounded by a statement and lock timeout and in a savepoint of
 * its own (a check that times out or fails is `skipped` with the reason; the others still run).
 * Tables PostgreSQL estimates above `sampleAboveRows` are read through `TABLESAMPLE` (`sampled`).
 */
import { planDataChecks, type DataCheck, type DataCheckResult, type StepDataCheck } from '../../shared/diff/data-checks.ts';
import type { Step } from '../../shared/diff/types.ts';
import { quoteQualified } from '../../shared/ddl/quote.ts';
import { checkQuery, fromClause, type Sampling } from './data-check-queries.ts';
import { disclosedMessage, type PgErrorFields } from './error-disclosure.ts';
import type { SqlSession, SqlClient } from './sql-client.ts';

export interface DataCheckOptions {
  /** Per check query (statement and lock timeout). */
  timeoutMs?: number;
  /** All checks of one plan together: those left when it is spent are skipped. */
  budgetMs?: number;
  /** Tables estimated (pg_class.reltuples) above this many rows are sampled. */
  sampleAboveRows?: number;
  /** About how many rows a sample reads. */
  sampleRows?: number;
}

const DEFAULTS: Required<DataCheckOptions> = { timeoutMs: 3_000, budgetMs: 20_000, sampleAboveRows: 1_000_000, sampleRows: 100_000 };

const lockWait = (o: { timeoutMs: number }) => Math.max(1, Math.floor(o.timeoutMs / 2));

type Size = { estimatedRows: number; sampling?: Sampling };

/** The planner's estimate of the table's size, and the sampling a table that large gets. */
async function sizeOf(tx: SqlSession, table: { schema: string; name: string }, options: Required<DataCheckOptions>): Promise<Size> {
  const [row] = await tx.query<{ n: number | null }>('SELECT reltuples::float8 AS n FROM pg_class WHERE oid = to_regclass($1)', [quoteQualified(table.schema, table.name)]);
  const estimatedRows = Math.max(0, Number(row?.n ?? 0));
  if (estimatedRows <= options.sampleAboveRows) return { estimatedRows };
  return { estimatedRows, sampling: { percent: Math.min(100, (100 * options.sampleRows) / estimatedRows) } };
}

function skippedFor(error: unknown, sql: string, timeoutMs: number): DataCheckResult {
  const e = error as PgErrorFields;
  if (e?.code === '57014') return { status: 'skipped', reason: `took longer than ${timeoutMs} ms (the check's time limit)` };
  if (e?.code === '55P03') return { status: 'skipped', reason: `the table is locked by another session (waited ${lockWait({ timeoutMs })} ms)` };
  return { status: 'skipped', reason: `the check query failed: ${disclosedMessage(e, sql)}` };
}

async function runCheck(tx: SqlSession, check: Exclude<DataCheck, { kind: 'unavailable' }>, serverVersion: number, options: Required<DataCheckOptions>): Promise<DataCheckResult> {
  const size = await sizeOf(tx, check.table, options);
  if (check.kind === 'row-count' && !check.column && size.sampling) {
    // Counting a huge table only to say "deletes ~5M rows" is not worth the wait: the estimate says it.
    return { status: 'sampled', count: Math.round(size.estimatedRows), samples: [], sampledRows: 0, estimatedRows: Math.round(size.estimatedRows) };
  }
  const query = checkQuery(check, serverVersion, size.sampling);
  if (query.shape === 'none') return query.skip ? { status: 'skipped', reason: query.skip } : { status: 'ok' };
  const rows = await tx.query<{ total: string | number; sample?: string }>(query.sql);
  const count = Number(rows[0]?.total ?? 0);
  // A key value may hold a line break: a sample stays on one line (the CLI prints it in a comment).
  const samples = query.shape === 'rows' ? rows.map((r) => String(r.sample).replace(/\p{Cc}/gu, ' ')) : [];
  if (size.sampling) {
    const [read] = await tx.query<{ n: string }>(`SELECT count(*) AS n ${fromClause(check.table, size.sampling)}`);
    return { status: 'sampled', count, samples, sampledRows: Number(read.n), estimatedRows: Math.round(size.estimatedRows) };
  }
  return count ? { status: 'fails', count, samples } : { status: 'ok' };
}

/**
 * Each check of the plan's steps with its result, in step order; none when no step has a check.
 * Never throws: when the checks cannot run at all (the connection dropped), each is `skipped` with
 * why, and the plan is still shown.
 */
export async function runDataChecks(client: SqlClient, steps: readonly Step[], options: DataCheckOptions = {}): Promise<StepDataCheck[]> {
  const planned = planDataChecks(steps);
  if (!planned.length) return [];
  return runAll(client, planned, { ...DEFAULTS, ...options }).catch((error: unknown) => {
    const reason = `the checks could not run: ${disclosedMessage(error as PgErrorFields)}`;
    return planned.map(({ step, check }) => ({ step, check, result: { status: 'skipped' as const, reason } }));
  });
}

async function runAll(client: SqlClient, planned: ReturnType<typeof planDataChecks>, o: Required<DataCheckOptions>): Promise<StepDataCheck[]> {
  const deadline = performance.now() + o.budgetMs;
  return client.transaction(async (tx) => {
    // The lock wait gives up first, so a table held by an apply reads as locked, not as slow.
    await tx.exec(`SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = ${o.timeoutMs}; SET LOCAL lock_timeout = ${lockWait(o)}`);
    const [{ v }] = await tx.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    const out: StepDataCheck[] = [];
    for (const { step, check } of planned) {
      let result: DataCheckResult;
      if (check.kind === 'unavailable') result = { status: 'skipped', reason: check.reason };
      else if (performance.now() > deadline) result = { status: 'skipped', reason: `the checks of this plan used up their ${o.budgetMs} ms` };
      else {
        await tx.exec('SAVEPOINT data_check');
        const query = checkQuery(check, Number(v));
        result = await runCheck(tx, check, Number(v), o).catch((error: unknown) => skippedFor(error, 'sql' in query ? query.sql : '', o.timeoutMs));
        await tx.exec(result.status === 'skipped' ? 'ROLLBACK TO SAVEPOINT data_check' : 'RELEASE SAVEPOINT data_check');
      }
      out.push({ step, check, result });
    }
    return out;
  }, { rollback: true });
}
