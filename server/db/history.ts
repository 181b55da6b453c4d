/**
 * The apply journal. Every apply, dry run and failed or refused attempt is written to the studio's
 * store; applies that reached the target are also written into the target itself, in the small
 * `_schemata` schema that introspection and diff ignore (so the database carries its own history,
 * whichever studio migrated it).
 */
import type { HistoryEntryResponse, JournalStatus } from '../../shared/api/plans.ts';
import type { HazardKind, Step } from '../../shared/diff/types.ts';
import type { Model } from '../../shared/model/document.ts';
import { claimJournalOwner } from './journal-owner.ts';
import type { SqlClient } from './sql-client.ts';
import { migrateStore } from '../store/migrations.ts';

export type { JournalStatus } from '../../shared/api/plans.ts';

/**
 * An attempt as the store keeps it: the API's history entry (`shared/api/plans.ts`, where each field
 * is described) without `revertible`, which is read from whether `before` was recorded. `running`
 * entries are written and committed before the apply's first statement, and replaced by the outcome;
 * `interrupted` ones are marked when a studio next opens the store (see `journal-owner.ts`).
 */
export type JournalEntry = Omit<HistoryEntryResponse, 'revertible'> & {
  schemaHashBefore?: string;
  /** An applied entry's way back: the live model before it (see `RevertBase`). */
  before?: RevertBase;
};

/**
 * What a revert plans back to: the live model just before the apply, its ids carried over from the
 * baseline, and the schemas that apply was limited to (absent: the whole database). A revert is an
 * ordinary plan against the database as it is then, so hazards and data loss are typed as usual.
 */
export interface RevertBase {
  model: Model;
  schemas?: string[];
}

/** A listed entry: the recorded model stays in the store, `revertible` says whether there is one. */
export type JournalListEntry = Omit<JournalEntry, 'before'> & { revertible: boolean };

interface JournalRow {
  id: string; target_id: string; started_at: Date | string; duration_ms: number; status: JournalStatus; steps: Step[];
  plan_sql: string; hazards_accepted: string[]; error: Record<string, unknown> | null; reverse_sql: string | null;
  verified: boolean | null; schema_hash_before: string | null; revert_of: string | null; revertible: boolean; project_id: string | null;
  applied_by: string | null;
}

function fromRow(row: JournalRow): JournalListEntry {
  const entry: JournalListEntry = {
    id: row.id, targetId: row.target_id, startedAt: new Date(row.started_at).toISOString(), durationMs: row.duration_ms,
    status: row.status, steps: row.steps, planSql: row.plan_sql, hazardsAccepted: row.hazards_accepted as HazardKind[],
    revertible: row.revertible,
  };
  if (row.revert_of !== null) entry.revertOf = row.revert_of;
  if (row.project_id !== null) entry.projectId = row.project_id;
  if (row.applied_by !== null) entry.appliedBy = row.applied_by;
  if (row.error) entry.error = row.error;
  if (row.reverse_sql !== null) entry.reverseSql = row.reverse_sql;
  if (row.verified !== null) entry.verified = row.verified;
  if (row.schema_hash_before !== null) entry.schemaHashBefore = row.schema_hash_before;
  return entry;
}

/** Every column but the recorded model, which only a revert reads (`get`). */
const LIST_COLUMNS = `id, target_id, started_at, duration_ms, status, steps, plan_sql, hazards_accepted, error, reverse_sql, verified,
  schema_hash_before, revert_of, project_id, applied_by, (status = 'applied' AND before_model IS NOT NULL) AS revertible`;

export interface JournalStore {
  /** Writes the entry, or replaces the one with its id (a `running` entry by its outcome). */
  record(entry: JournalEntry): Promise<void>;
  /** Newest first. */
  list(targetId: string, limit?: number): Promise<JournalListEntry[]>;
  /** One entry of the target, with the model recorded before it; undefined when there is none. */
  get(targetId: string, id: string): Promise<JournalEntry | undefined>;
  /** Marks `running` entries of studios that are gone `interrupted` (also done on open); returns how many. */
  sweepInterrupted(): Promise<number>;
  /** Gives up this studio's owner lock (its entries may then be swept). */
  close(): Promise<void>;
}

/** The journal in the studio's store database (`schemata.apply_journal`, step 3 of `server/store/migrations.ts`). */
export async function openJournalStore(client: SqlClient): Promise<JournalStore> {
  await migrateStore(client);
  const owner = await claimJournalOwner(client);
  await owner.sweep();
  return {
    async record(entry) {
      await client.query(
        `INSERT INTO schemata.apply_journal (id, target_id, started_at, duration_ms, status, steps, plan_sql, hazards_accepted, error,
          reverse_sql, verified, schema_hash_before, owner, before_model, revert_of, project_id, applied_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         ON CONFLICT (id) DO UPDATE SET duration_ms = EXCLUDED.duration_ms, status = EXCLUDED.status, steps = EXCLUDED.steps,
           plan_sql = EXCLUDED.plan_sql, hazards_accepted = EXCLUDED.hazards_accepted, error = EXCLUDED.error,
           reverse_sql = EXCLUDED.reverse_sql, verified = EXCLUDED.verified, owner = EXCLUDED.owner,
           before_model = EXCLUDED.before_model, revert_of = EXCLUDED.revert_of, project_id = EXCLUDED.project_id,
           applied_by = EXCLUDED.applied_by`,
        [entry.id, entry.targetId, entry.startedAt, Math.round(entry.durationMs), entry.status, JSON.stringify(entry.steps), entry.planSql,
          entry.hazardsAccepted, entry.error ? JSON.stringify(entry.error) : null, entry.reverseSql ?? null, entry.verified ?? null,
          entry.schemaHashBefore ?? null, owner.instanceId, entry.before ? JSON.stringify(entry.before) : null, entry.revertOf ?? null,
          entry.projectId ?? null, entry.appliedBy ?? null],
      );
    },
    sweepInterrupted: () => owner.sweep(),
    close: () => owner.release(),
    async list(targetId, limit = 200) {
      const rows = await client.query<JournalRow & Record<string, unknown>>(
        `SELECT ${LIST_COLUMNS} FROM schemata.apply_journal WHERE target_id = $1 ORDER BY started_at DESC, id DESC LIMIT $2`, [targetId, limit]);
      return rows.map(fromRow);
    },
    async get(targetId, id) {
      const [row] = await client.query<JournalRow & { before_model: RevertBase | null } & Record<string, unknown>>(
        `SELECT ${LIST_COLUMNS}, before_model FROM schemata.apply_journal WHERE target_id = $1 AND id = $2`, [targetId, id]);
      if (!row) return undefined;
      const { revertible: _revertible, ...entry } = fromRow(row);
      return row.before_model ? { ...entry, before: row.before_model } : entry;
    },
  };
}
