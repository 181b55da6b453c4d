/**
 * Projects and their named versions in the studio's store. Saving is optimistic: one UPDATE that
 * only matches the version the client read, so of two saves from the same version exactly one wins,
 * even across studio instances sharing a PostgreSQL store.
 */
import { randomUUID } from 'node:crypto';
import type { ModelDocument } from '../../shared/model/document.ts';
import type { ProjectSummary, VersionSummary } from '../../shared/api/projects.ts';
import type { SqlClient } from '../db/sql-client.ts';

// Types, not interfaces: query rows must be assignable to `Record<string, unknown>`.
export type StoredProject = {
  id: string;
  name: string;
  version: number;
  document: ModelDocument;
};

export type SaveResult = { status: 'saved'; version: number } | { status: 'stale'; currentVersion: number } | { status: 'missing' };

type VersionRow = {
  id: string;
  label: string;
  project_version: number;
  created_at: Date | string;
  document?: ModelDocument;
};

const iso = (value: Date | string) => new Date(value).toISOString();
const json = (document: ModelDocument) => JSON.stringify(document);
const tableCount = (document: ModelDocument) => document.model.tables.length;

function toVersionSummary(row: VersionRow): VersionSummary {
  return { id: row.id, label: row.label, projectVersion: Number(row.project_version), createdAt: iso(row.created_at) };
}

export function projectStore(db: SqlClient) {
  return {
    async create(name: string, document: ModelDocument): Promise<{ id: string; version: number }> {
      const [row] = await db.query<{ id: string; version: number }>(
        `insert into schemata.projects (id, name, document, table_count) values ($1, $2, $3::jsonb, $4)
         returning id, version`,
        [randomUUID(), name, json(document), tableCount(document)],
      );
      return { id: row.id, version: Number(row.version) };
    },

    async list(): Promise<ProjectSummary[]> {
      const rows = await db.query<{ id: string; name: string; version: number; updated_at: Date | string; table_count: number }>(
        'select id, name, version, updated_at, table_count from schemata.projects order by updated_at desc, name, id',
      );
      return rows.map((r) => ({ id: r.id, name: r.name, version: Number(r.version), updatedAt: iso(r.updated_at), tableCount: Number(r.table_count) }));
    },

    async get(id: string): Promise<StoredProject | undefined> {
      const [row] = await db.query<StoredProject>('select id, name, version, document from schemata.projects where id = $1', [id]);
      return row ? { ...row, version: Number(row.version) } : undefined;
    },

    async save(id: string, document: ModelDocument, version: number): Promise<SaveResult> {
      const [saved] = await db.query<{ version: number }>(
        `update schemata.projects
            set document = $3::jsonb, table_count = $4, version = version + 1, updated_at = now()
          where id = $1 and version = $2
         returning version`,
        [id, version, json(document), tableCount(document)],
      );
      if (saved) return { status: 'saved', version: Number(saved.version) };
      const [current] = await db.query<{ version: number }>('select version from schemata.projects where id = $1', [id]);
      return current ? { status: 'stale', currentVersion: Number(current.version) } : { status: 'missing' };
    },

    async rename(id: string, name: string): Promise<{ id: string; name: string; version: number } | undefined> {
      // A rename is not a document change: it neither bumps the version nor races with saves.
      const [row] = await db.query<{ id: string; name: string; version: number }>(
        'update schemata.projects set name = $2, updated_at = now() where id = $1 returning id, name, version',
        [id, name],
      );
      return row ? { ...row, version: Number(row.version) } : undefined;
    },

    async duplicate(id: string, name?: string): Promise<{ id: string; name: string; version: number } | undefined> {
      const [row] = await db.query<{ id: string; name: string; version: number }>(
        `insert into schemata.projects (id, name, document, table_count)
         select $2, coalesce($3, name || ' (copy)'), document, table_count from schemata.projects where id = $1
         returning id, name, version`,
        [id, randomUUID(), name ?? null],
      );
      return row ? { ...row, version: Number(row.version) } : undefined;
    },

    async remove(id: string): Promise<boolean> {
      const rows = await db.query('delete from schemata.projects where id = $1 returning id', [id]);
      return rows.length > 0;
    },

    /** Snapshots the project's document as last saved; undefined when there is no such project. */
    async createVersion(projectId: string, label: string): Promise<VersionSummary | undefined> {
      const [row] = await db.query<VersionRow>(
        `insert into schemata.project_versions (id, project_id, label, project_version, document)
         select $2, id, $3, version, document from schemata.projects where id = $1
         returning id, label, project_version, created_at`,
        [projectId, randomUUID(), label],
      );
      return row ? toVersionSummary(row) : undefined;
    },

    /** Newest first; undefined when there is no such project. */
    async listVersions(projectId: string): Promise<VersionSummary[] | undefined> {
      const [project] = await db.query('select 1 from schemata.projects where id = $1', [projectId]);
      if (!project) return undefined;
      const rows = await db.query<VersionRow>(
        `select id, label, project_version, created_at from schemata.project_versions
          where project_id = $1 order by created_at desc, project_version desc, id`,
        [projectId],
      );
      return rows.map(toVersionSummary);
    },

    async getVersion(projectId: string, versionId: string): Promise<(VersionSummary & { document: ModelDocument }) | undefined> {
      const [row] = await db.query<VersionRow>(
        `select id, label, project_version, created_at, document from schemata.project_versions
          where project_id = $1 and id = $2`,
        [projectId, versionId],
      );
      return row?.document ? { ...toVersionSummary(row), document: row.document } : undefined;
    },
  };
}

export type ProjectStore = ReturnType<typeof projectStore>;
