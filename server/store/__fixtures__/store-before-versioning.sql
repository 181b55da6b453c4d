-- A store as the studio left it before the targets and the journal were versioned (commit 87e9423):
-- projects made by migration 1 (version table at 1), targets, baselines and the apply journal made
-- by CREATE TABLE IF NOT EXISTS on first use, columns added later by ALTER TABLE. Copied, not
-- generated: it must keep describing that old store whatever the code becomes. A few rows follow,
-- which the upgrade must keep.
create schema if not exists schemata;
create table if not exists schemata.migrations (
  version integer primary key,
  name text not null,
  applied_at timestamptz not null default now()
);
create table schemata.projects (
  id text primary key,
  name text not null,
  document jsonb not null,
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
insert into schemata.migrations (version, name) values (1, 'projects and their named versions');

CREATE TABLE IF NOT EXISTS schemata.targets (
  id text PRIMARY KEY,
  name text NOT NULL,
  url text NOT NULL,
  protected boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE schemata.targets ADD COLUMN shadow_url text;
CREATE TABLE IF NOT EXISTS schemata.target_baselines (
  target_id text PRIMARY KEY,
  model jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS schemata.project_baselines (
  target_id text NOT NULL,
  project_id text NOT NULL,
  model jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (target_id, project_id)
);
CREATE INDEX IF NOT EXISTS project_baselines_project ON schemata.project_baselines (project_id);

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
ALTER TABLE schemata.apply_journal ADD COLUMN owner text;
ALTER TABLE schemata.apply_journal ADD COLUMN before_model jsonb;
ALTER TABLE schemata.apply_journal ADD COLUMN revert_of text;
ALTER TABLE schemata.apply_journal ADD COLUMN project_id text;

insert into schemata.projects (id, name, document, table_count, version)
  values ('p_old', 'Old shop', '{"format":"schemata","model":{"tables":[]}}', 0, 4);
insert into schemata.project_versions (id, project_id, label, project_version, document)
  values ('v_old', 'p_old', 'before the upgrade', 3, '{"format":"schemata","model":{"tables":[]}}');
-- Kept in plain text, as studios before URL sealing did: the upgrade seals it.
INSERT INTO schemata.targets (id, name, url, protected) VALUES ('t_old', 'Old target', 'postgres://someone@db.example/shop', true);
INSERT INTO schemata.target_baselines (target_id, model) VALUES ('t_old', '{"tables":["target-wide"]}');
INSERT INTO schemata.project_baselines (target_id, project_id, model) VALUES ('t_old', 'p_old', '{"tables":["project"]}');
INSERT INTO schemata.apply_journal (id, target_id, started_at, duration_ms, status, steps, plan_sql, hazards_accepted, verified, project_id)
  VALUES ('j_old', 't_old', '2026-01-02T03:04:05Z', 12, 'applied', '[]', 'SELECT 1;', '{}', true, 'p_old');
