/**
 * The journal a target database carries itself: `_schemata.journal`, in a small schema that
 * introspection and diff ignore. Applies that reached the database are written there inside their
 * own transaction, so the database keeps its history whichever studio (or CLI) migrated it; the CLI's
 * `history` and `revert` read it, having no studio store.
 */
import type { TargetJournalEntryResponse } from '../../shared/api/plans.ts';
import type { HazardKind } from '../../shared/diff/types.ts';
import { addColumnIfMissing } from './add-column-if-missing.ts';
import type { JournalEntry, JournalStatus, RevertBase } from './history.ts';
import type { SqlSession } from './sql-client.ts';
import { applySchemaSteps, type SchemaStep } from '../store/schema-steps.ts';

/** Columns added after the first journals were written: read only when present, added by the next apply. */
const LATER_COLUMNS = { verified: 'boolean', revert_of: 'text', before_model: 'jsonb', step_count: 'integer' } as const;
type LaterColumn = keyof typeof LATER_COLUMNS;

/** The bookkeeping schema in a target database: introspection and diff leave it out. */
export const TARGET_SCHEMA = '_schemata';

/**
 * The target's journal, versioned like the store (`server/store/schema-steps.ts`), in
 * `_schemata.migrations`. Step 1 adopts the journals studios wrote before it was versioned: it
 * creates the table only when missing and adds the later columns only when missing (ALTER TABLE
 * waits for every reader of the journal). New changes are new steps.
 */
export const TARGET_JOURNAL_STEPS: readonly SchemaStep[] = [{
  version: 1,
  name: 'the journal of applies',
  sql: `
    CREATE TABLE IF NOT EXISTS _schemata.journal (
      id text PRIMARY KEY,
      applied_at timestamptz NOT NULL,
      duration_ms integer NOT NULL,
      status text NOT NULL,
      plan_sql text NOT NULL,
      hazards_accepted text[] NOT NULL,
      error jsonb,
      reverse_sql text
    );
    -- before_model: the live model before the apply (a revert plans back to it); revert_of: the
    -- entry this apply reverted; step_count: how many steps ran.
    ${Object.entries(LATER_COLUMNS).map(([column, type]) => addColumnIfMissing({ table: '_schemata.journal', column, type })).join('\n')}`,
}];

const INSERT_TARGET = `INSERT INTO _schemata.journal (id, applied_at, duration_ms, status, plan_sql, hazards_accepted, error, reverse_sql, verified,
    revert_of, before_model, step_count)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING`;

/**
 * Writes an entry into the target's own journal, inside a transaction (the apply's, or one of its
 * own after a failure). Bookkeeping must never fail a migration: a user without CREATE rights on the
 * database only loses this copy of the journal (the savepoint keeps the transaction usable).
 * Returns whether the entry was written.
 */
export async function journalInTarget(session: SqlSession, entry: JournalEntry): Promise<boolean> {
  await session.exec('SAVEPOINT schemata_journal');
  try {
    await applySchemaSteps(session, TARGET_SCHEMA, TARGET_JOURNAL_STEPS);
    await session.query(INSERT_TARGET, [
      entry.id, entry.startedAt, Math.round(entry.durationMs), entry.status, entry.planSql, entry.hazardsAccepted,
      entry.error ? JSON.stringify(entry.error) : null, entry.reverseSql ?? null, entry.verified ?? null,
      entry.revertOf ?? null, entry.before ? JSON.stringify(entry.before) : null, entry.steps.length,
    ]);
    await session.exec('RELEASE SAVEPOINT schemata_journal');
    return true;
  } catch {
    await session.exec('ROLLBACK TO SAVEPOINT schemata_journal');
    return false;
  }
}

/**
 * Records the verification of an applied entry (known only after its commit) in the target's copy.
 * Best effort, like the copy itself: false when it could not be written.
 */
export async function markVerifiedInTarget(session: SqlSession, id: string, verified: boolean): Promise<boolean> {
  try {
    const rows = await session.query('UPDATE _schemata.journal SET verified = $2 WHERE id = $1 RETURNING id', [id, verified]);
    return rows.length > 0;
  } catch {
    return false;
  }
}

/** A row of the target's own journal, `_schemata.journal` (the API's shape: `GET /targets/:id/journal`). */
export type TargetJournalEntry = TargetJournalEntryResponse;

interface TargetJournalRow {
  id: string; applied_at: Date | string; duration_ms: number; status: JournalStatus; plan_sql: string; hazards_accepted: string[];
  error: Record<string, unknown> | null; reverse_sql: string | null; verified: boolean | null; revert_of: string | null;
  revertible: boolean; step_count: number | null; before_model?: RevertBase | null;
}

/** The later columns this journal has (an older studio's journal may lack them), or undefined without a journal. */
async function journalColumns(session: SqlSession): Promise<Set<LaterColumn> | undefined> {
  const [{ present }] = await session.query<{ present: boolean }>("SELECT to_regclass('_schemata.journal') IS NOT NULL AS present");
  if (!present) return undefined;
  const rows = await session.query<{ attname: LaterColumn }>(
    `SELECT attname FROM pg_catalog.pg_attribute WHERE attrelid = '_schemata.journal'::regclass AND NOT attisdropped
      AND attname = ANY($1::text[])`, [Object.keys(LATER_COLUMNS)]);
  return new Set(rows.map((r) => r.attname));
}

/** The select list of a journal read; `withBefore` adds the (large) recorded model. */
function selectList(columns: Set<LaterColumn>, withBefore: boolean): string {
  const later = (name: LaterColumn) => (columns.has(name) ? name : `NULL::${LATER_COLUMNS[name]} AS ${name}`);
  const revertible = columns.has('before_model') ? "(status = 'applied' AND before_model IS NOT NULL)" : 'false';
  return ['id, applied_at, duration_ms, status, plan_sql, hazards_accepted, error, reverse_sql', later('verified'), later('revert_of'), later('step_count'),
    `${revertible} AS revertible`, ...(withBefore ? [later('before_model')] : [])].join(', ');
}

function fromTargetRow(row: TargetJournalRow): TargetJournalEntry {
  const entry: TargetJournalEntry = {
    id: row.id, appliedAt: new Date(row.applied_at).toISOString(), durationMs: row.duration_ms, status: row.status,
    planSql: row.plan_sql, hazardsAccepted: row.hazards_accepted as HazardKind[], revertible: row.revertible,
  };
  if (row.error) entry.error = row.error;
  if (row.reverse_sql !== null) entry.reverseSql = row.reverse_sql;
  if (row.verified !== null) entry.verified = row.verified;
  if (row.revert_of !== null) entry.revertOf = row.revert_of;
  if (row.step_count !== null) entry.stepCount = row.step_count;
  return entry;
}

/** The history the database carries itself, newest first; empty when nothing was ever journaled in it. */
export async function readTargetJournal(session: SqlSession, limit = 200): Promise<TargetJournalEntry[]> {
  const columns = await journalColumns(session);
  if (!columns) return [];
  const rows = await session.query<TargetJournalRow & Record<string, unknown>>(
    `SELECT ${selectList(columns, false)} FROM _schemata.journal ORDER BY applied_at DESC, id DESC LIMIT $1`, [limit]);
  return rows.map(fromTargetRow);
}

/** One entry of the target's journal with the model recorded before it (`before`), or undefined. */
export async function readTargetJournalEntry(session: SqlSession, id: string): Promise<(TargetJournalEntry & { before?: RevertBase }) | undefined> {
  const columns = await journalColumns(session);
  if (!columns) return undefined;
  const [row] = await session.query<TargetJournalRow & Record<string, unknown>>(
    `SELECT ${selectList(columns, true)} FROM _schemata.journal WHERE id = $1`, [id]);
  if (!row) return undefined;
  return row.before_model ? { ...fromTargetRow(row), before: row.before_model } : fromTargetRow(row);
}
