/**
 * The store's own schema, versioned: projects, their named versions, targets, baselines and the
 * apply journal, all in schema `schemata`. Each step runs once, in order, inside one transaction
 * holding the store lock (`STORE_LOCK`), so several studio instances starting at once on a shared
 * store do not race; a started store re-runs nothing. To change the schema, append a step with the
 * next version: never edit a step a store may already have applied.
 *
 * Steps 2 and 3 adopt the tables studios made before the targets and the journal were versioned
 * (created on first use, columns added when missing): on such a store they create nothing and add
 * only the columns an older studio lacked; on a fresh store they create the tables as they are now.
 */
import { STORE_LOCK } from '../db/advisory-locks.ts';
import { addColumnIfMissing } from '../db/add-column-if-missing.ts';
import type { SqlClient, SqlSession } from '../db/sql-client.ts';
import { applySchemaSteps, type SchemaStep } from './schema-steps.ts';

export type Migration = SchemaStep;

/** Every store object lives in the `schemata` schema, apart from whatever else a shared database holds. */
export const STORE_SCHEMA = 'schemata';

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'projects and their named versions',
    sql: `
      create table schemata.projects (
        id text primary key,
        name text not null,
        document jsonb not null,
        -- kept beside the document so listing projects never reads the documents
        table_count integer not null default 0,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create table schemata.project_versions (
        id text primary key,
        project_id text not null references schemata.projects (id) on delete cascade,
        label text not null,
        project_version integer not null,
        document jsonb not null,
        created_at timestamptz not null default now()
      );
      create index project_versions_project_idx on schemata.project_versions (project_id, created_at);
    `,
  },
  {
    version: 2,
    name: 'targets and their baselines',
    sql: `
      CREATE TABLE IF NOT EXISTS schemata.targets (
        id text PRIMARY KEY,
        name text NOT NULL,
        url text NOT NULL,
        protected boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- a scratch server where the target's models are canonicalized; sealed like url
        shadow_url text
      );
      -- Stores made before targets had a shadow server; only then, as ALTER TABLE waits for every reader.
      ${addColumnIfMissing({ table: 'schemata.targets', column: 'shadow_url', type: 'text' })}
      -- The target-wide baseline: what a model that is not a saved project (a template, a file) was
      -- last applied to. Stores made before project baselines keep their row here, as the fallback of
      -- projects that have none of their own yet.
      CREATE TABLE IF NOT EXISTS schemata.target_baselines (
        target_id text PRIMARY KEY,
        model jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- Per project: the model the project was last applied to (or imported from) on that target, so
      -- one project's apply or import never changes how another's objects are matched.
      CREATE TABLE IF NOT EXISTS schemata.project_baselines (
        target_id text NOT NULL,
        project_id text NOT NULL,
        model jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (target_id, project_id)
      );
      CREATE INDEX IF NOT EXISTS project_baselines_project ON schemata.project_baselines (project_id);
    `,
  },
  {
    version: 3,
    name: 'the apply journal',
    sql: `
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
        schema_hash_before text,
        -- the studio instance that wrote the entry (journal-owner.ts), the model before an apply and
        -- the entry it reverted (revert.ts), the saved project whose baseline the apply used
        owner text,
        before_model jsonb,
        revert_of text,
        project_id text
      );
      CREATE INDEX IF NOT EXISTS apply_journal_target_idx ON schemata.apply_journal (target_id, started_at);
      -- Journals made before these columns; only when missing, as ALTER TABLE would wait for every reader.
      ${([['owner', 'text'], ['before_model', 'jsonb'], ['revert_of', 'text'], ['project_id', 'text']] as const)
        .map(([column, type]) => addColumnIfMissing({ table: 'schemata.apply_journal', column, type })).join('\n')}
    `,
  },
  {
    version: 4,
    name: 'who applied, and read-only share links',
    sql: `
      -- The name the user gave in their browser (X-Schemata-User), shown in History as "by <name>".
      ALTER TABLE schemata.apply_journal ADD COLUMN applied_by text;
      -- A read-only link to one project: only the token's SHA-256 is kept (the URL is shown once);
      -- revoking deletes the row, so the link stops working at its next request.
      CREATE TABLE schemata.share_links (
        id text PRIMARY KEY,
        project_id text NOT NULL REFERENCES schemata.projects (id) ON DELETE CASCADE,
        token_sha256 text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX share_links_project_idx ON schemata.share_links (project_id, created_at);
    `,
  },
  {
    version: 5,
    name: 'comment threads on tables and columns',
    sql: `
      -- Beside the project, never in its document: a comment is not a model change (store/comments.ts).
      -- The target is the model's stable ids, so a rename keeps its threads; a removed table's stay.
      CREATE TABLE schemata.comment_threads (
        id text PRIMARY KEY,
        project_id text NOT NULL REFERENCES schemata.projects (id) ON DELETE CASCADE,
        target_kind text NOT NULL CHECK (target_kind IN ('table', 'column')),
        table_id text NOT NULL,
        column_id text CHECK ((target_kind = 'column') = (column_id IS NOT NULL)),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by text
      );
      CREATE INDEX comment_threads_project_idx ON schemata.comment_threads (project_id, created_at);
      CREATE TABLE schemata.comments (
        id text PRIMARY KEY,
        thread_id text NOT NULL REFERENCES schemata.comment_threads (id) ON DELETE CASCADE,
        author text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX comments_thread_idx ON schemata.comments (thread_id, created_at);
    `,
  },
  {
    version: 6,
    name: 'co-editing: shared document state and the relay between studios',
    sql: `
      -- The Yjs state of a project being edited together (store/co-editing.ts): a room reopened after a
      -- restart continues the same history, so a browser that was offline merges instead of duplicating.
      CREATE TABLE schemata.live_documents (
        project_id text PRIMARY KEY REFERENCES schemata.projects (id) ON DELETE CASCADE,
        state bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- Edits and presence passed between studio instances sharing this store (NOTIFY names the row:
      -- a payload may exceed NOTIFY's 8,000 bytes). Rows older than a few minutes are pruned.
      CREATE TABLE schemata.live_updates (
        id bigserial PRIMARY KEY,
        project_id text NOT NULL REFERENCES schemata.projects (id) ON DELETE CASCADE,
        instance text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('document', 'presence')),
        payload bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX live_updates_project_idx ON schemata.live_updates (project_id, id);
    `,
  },
  {
    version: 7,
    name: 'co-editing: document states kept compressed',
    sql: `
      -- A large project's Yjs state is megabytes that compress several times over; 'deflate' rows
      -- are read through inflate (store/co-editing.ts), rows kept before stay as they are.
      ALTER TABLE schemata.live_documents ADD COLUMN encoding text NOT NULL DEFAULT 'raw' CHECK (encoding IN ('raw', 'deflate'));
    `,
  },
];

/**
 * Runs `work` in a transaction holding the store lock: schema steps, and the one-time data upgrades
 * that must not run twice at once (`target-store.ts` seals URLs kept in plain text).
 */
export async function underStoreLock<T>(client: SqlClient, work: (tx: SqlSession) => Promise<T>): Promise<T> {
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_catalog.pg_advisory_xact_lock($1)', [STORE_LOCK]);
    return work(tx);
  });
}

/**
 * Applies the steps this store has not seen yet; returns the versions applied. Every opener of the
 * store calls it (projects, targets, journal): the first does the work, the others find nothing to do.
 */
export async function migrateStore(client: SqlClient, list: Migration[] = migrations): Promise<number[]> {
  return underStoreLock(client, (tx) => applySchemaSteps(tx, STORE_SCHEMA, list));
}

/** The version a store reaches with this studio's steps. */
export const STORE_VERSION = Math.max(...migrations.map((m) => m.version));
