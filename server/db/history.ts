/**
 * The apply journal. Every apply, dry run and failed or refused attempt is written to the studio's
 * store; applies that reached the target are also written into the target itself, in the small
 * `_schemata` schema that introspection and diff ignore (so the database carries its own history,
 * whichever studio migrated it).
 */
import type { HazardKind, Step } from '../../shared/diff/types.ts';
import { claimJournalOwner } from './journal-owner.ts';
import type { SqlClient, SqlSession } from './sql-client.ts';
import { ensureStoreTables } from './target-store.ts';
import { addColumnIfMissing } from './add-column-if-missing.ts';

/**
 * `running`: written and committed before the apply's first statement, replaced by the outcome when
 * it ends. `interrupted`: a `running` entry whose studio died; marked when a studio next opens the
 * store (see `journal-owner.ts`), `error.noticedAt` saying when.
 */
export type JournalStatus = 'running' | 'applied' | 'dry-run' | 'failed' | 'refused' | 'interrupted';

export interface JournalEntry {
  id: string;
  targetId: string;
  /** ISO time the attempt started. */
  startedAt: string;
  durationMs: number;
  status: JournalStatus;
  steps: Step[];
  planSql: string;
  hazardsAccepted: HazardKind[];
  /** Why it failed or was refused (step, PostgreSQL message, detail, hint…). */
  error?: Record<string, unknown>;
  /** The way back, when one exists that loses no data. */
  reverseSql?: string;
  /** After commit: did the database equal the model (next plan empty)? */
  verified?: boolean;
  schemaHashBefore?: string;
}

const STORE_DDL = `
  CREATE SCHEMA IF NOT EXISTS schemata;
  CREATE TABLE IF NOT EXISTS schemata.apply_journal (
    id text PRIMARY KEY,
    target_id text NOT NULL,
    started_at timestamptz NOT NULL,
    duration_ms integer NOT NULL,
    status text NOT NULL,
    steps jsonb NOT NULL,
    plan_sql text NOT NULL,
    hazards_accepted text[] NOT NULL,
    error jsonb,
    reverse_sql text,
    verified boolean,
    schema_hash_before text
  );
  CREATE INDEX IF NOT EXISTS apply_journal_target_idx ON schemata.apply_journal (target_id, started_at);
  -- The studio instance that wrote the entry (journal-owner.ts); only when missing, as ALTER TABLE
  -- would wait for every reader of the journal.
  ${addColumnIfMissing({ table: 'schemata.apply_journal', column: 'owner', type: 'text' })}`;

/** The journal table inside a target database. */
export const TARGET_JOURNAL_DDL = `
  CREATE SCHEMA IF NOT EXISTS _schemata;
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
  -- Journals written before verified was recorded get the column; only then, because ALTER TABLE
  -- waits for every reader of the journal to finish.
  ${addColumnIfMissing({ table: '_schemata.journal', column: 'verified', type: 'boolean' })}`;

const INSERT_TARGET = `INSERT INTO _schemata.journal (id, applied_at, duration_ms, status, plan_sql, hazards_accepted, error, reverse_sql, verified)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`;

/**
 * Writes an entry into the target's own journal, inside a transaction (the apply's, or one of its
 * own after a failure). Bookkeeping must never fail a migration: a user without CREATE rights on the
 * database only loses this copy of the journal (the savepoint keeps the transaction usable).
 * Returns whether the entry was written.
 */
export async function journalInTarget(session: SqlSession, entry: JournalEntry): Promise<boolean> {
  await session.exec('SAVEPOINT schemata_journal');
  try {
    await session.exec(TARGET_JOURNAL_DDL);
    await session.query(INSERT_TARGET, [
      entry.id, entry.startedAt, Math.round(entry.durationMs), entry.status, entry.planSql, entry.hazardsAccepted,
      entry.error ? JSON.stringify(entry.error) : null, entry.reverseSql ?? null, entry.verified ?? null,
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

/** A row of the target's own journal, `_schemata.journal`. */
export interface TargetJournalEntry {
  id: string;
  appliedAt: string;
  durationMs: number;
  status: JournalStatus;
  planSql: string;
  hazardsAccepted: HazardKind[];
  error?: Record<string, unknown>;
  reverseSql?: string;
  verified?: boolean;
}

interface TargetJournalRow {
  id: string; applied_at: Date | string; duration_ms: number; status: JournalStatus; plan_sql: string; hazards_accepted: string[];
  error: Record<string, unknown> | null; reverse_sql: string | null; verified: boolean | null;
}

/** The history the database carries itself, newest first; empty when nothing was ever journaled in it. */
export async function readTargetJournal(session: SqlSession, limit = 200): Promise<TargetJournalEntry[]> {
  const [{ present }] = await session.query<{ present: boolean }>("SELECT to_regclass('_schemata.journal') IS NOT NULL AS present");
  if (!present) return [];
  // Older journals have no verified column yet: read it only when it is there.
  const [{ hasVerified }] = await session.query<{ hasVerified: boolean }>(
    `SELECT EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = '_schemata.journal'::regclass AND attname = 'verified'
      AND NOT attisdropped) AS "hasVerified"`);
  const rows = await session.query<TargetJournalRow & Record<string, unknown>>(
    `SELECT id, applied_at, duration_ms, status, plan_sql, hazards_accepted, error, reverse_sql, ${hasVerified ? 'verified' : 'NULL::boolean AS verified'}
       FROM _schemata.journal ORDER BY applied_at DESC, id DESC LIMIT $1`, [limit]);
  return rows.map((row) => {
    const entry: TargetJournalEntry = {
      id: row.id, appliedAt: new Date(row.applied_at).toISOString(), durationMs: row.duration_ms, status: row.status,
      planSql: row.plan_sql, hazardsAccepted: row.hazards_accepted as HazardKind[],
    };
    if (row.error) entry.error = row.error;
    if (row.reverse_sql !== null) entry.reverseSql = row.reverse_sql;
    if (row.verified !== null) entry.verified = row.verified;
    return entry;
  });
}

interface JournalRow {
  id: string; target_id: string; started_at: Date | string; duration_ms: number; status: JournalStatus; steps: Step[];
  plan_sql: string; hazards_accepted: string[]; error: Record<string, unknown> | null; reverse_sql: string | null;
  verified: boolean | null; schema_hash_before: string | null;
}

function fromRow(row: JournalRow): JournalEntry {
  const entry: JournalEntry = {
    id: row.id, targetId: row.target_id, startedAt: new Date(row.started_at).toISOString(), durationMs: row.duration_ms,
    status: row.status, steps: row.steps, planSql: row.plan_sql, hazardsAccepted: row.hazards_accepted as HazardKind[],
  };
  if (row.error) entry.error = row.error;
  if (row.reverse_sql !== null) entry.reverseSql = row.reverse_sql;
  if (row.verified !== null) entry.verified = row.verified;
  if (row.schema_hash_before !== null) entry.schemaHashBefore = row.schema_hash_before;
  return entry;
}

export interface JournalStore {
  /** Writes the entry, or replaces the one with its id (a `running` entry by its outcome). */
  record(entry: JournalEntry): Promise<void>;
  /** Newest first. */
  list(targetId: string, limit?: number): Promise<JournalEntry[]>;
  /** Marks `running` entries of studios that are gone `interrupted` (also done on open); returns how many. */
  sweepInterrupted(): Promise<number>;
  /** Gives up this studio's owner lock (its entries may then be swept). */
  close(): Promise<void>;
}

/** The journal in the studio's store database (tables created on first use). */
export async function openJournalStore(client: SqlClient): Promise<JournalStore> {
  await ensureStoreTables(client, STORE_DDL);
  const owner = await claimJournalOwner(client);
  await owner.sweep();
  return {
    async record(entry) {
      await client.query(
        `INSERT INTO schemata.apply_journal (id, target_id, started_at, duration_ms, status, steps, plan_sql, hazards_accepted, error,
          reverse_sql, verified, schema_hash_before, owner) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (id) DO UPDATE SET duration_ms = EXCLUDED.duration_ms, status = EXCLUDED.status, steps = EXCLUDED.steps,
           plan_sql = EXCLUDED.plan_sql, hazards_accepted = EXCLUDED.hazards_accepted, error = EXCLUDED.error,
           reverse_sql = EXCLUDED.reverse_sql, verified = EXCLUDED.verified, owner = EXCLUDED.owner`,
        [entry.id, entry.targetId, entry.startedAt, Math.round(entry.durationMs), entry.status, JSON.stringify(entry.steps), entry.planSql,
          entry.hazardsAccepted, entry.error ? JSON.stringify(entry.error) : null, entry.reverseSql ?? null, entry.verified ?? null,
          entry.schemaHashBefore ?? null, owner.instanceId],
      );
    },
    sweepInterrupted: () => owner.sweep(),
    close: () => owner.release(),
    async list(targetId, limit = 200) {
      const rows = await client.query<JournalRow & Record<string, unknown>>(
        'SELECT * FROM schemata.apply_journal WHERE target_id = $1 ORDER BY started_at DESC, id DESC LIMIT $2', [targetId, limit]);
      return rows.map(fromRow);
    },
  };
}
