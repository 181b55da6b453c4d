/**
 * Every template's DDL loads into a throwaway PostgreSQL 15 database and into PGlite (PostgreSQL
 * 18), and both hold the template's tables, views, constraint and index names, and carried objects.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generatePostgres } from '../shared/ddl/generate.ts';
import type { Model } from '../shared/model/document.ts';
import { withEffectiveNames } from '../shared/model/names.ts';
import { templates } from '../shared/model/templates/index.ts';
import { openSqlClient, type SqlClient } from './db/sql-client.ts';
import { catalogSnapshot, type CatalogSnapshot } from './testing/catalog-snapshot.ts';
import { createThrowawayDb, type ThrowawayDb } from './testing/throwaway-db.ts';

/** What the catalog must list for a model: names only (ddl-load.test.ts checks every detail). */
function expectedNames(input: Model) {
  const model = withEffectiveNames(input);
  const sorted = (list: string[]) => [...list].sort();
  return {
    relations: sorted([...model.tables, ...model.views].map((r) => `${r.schema}.${r.name}`)),
    constraints: sorted(model.tables.flatMap((t) => [t.primaryKey, ...t.uniques, ...t.checks, ...t.foreignKeys].filter((c) => c).map((c) => `${t.schema}.${c!.name}`))),
    indexes: sorted(model.tables.flatMap((t) => t.indexes.map((x) => `${t.schema}.${x.name}`))),
    enums: sorted(model.enums.map((e) => `${e.schema}.${e.name}`)),
    carried: sorted(model.rawObjects.filter((r) => ['function', 'trigger', 'policy'].includes(r.kind)).map((r) => r.name)),
  };
}

function actualNames(s: CatalogSnapshot) {
  const sorted = (list: string[]) => [...list].sort();
  const constraintIndexes = new Set(s.constraints.map((c) => `${c.schema}.${c.name}`));
  return {
    relations: sorted(s.relations.map((r) => `${r.schema}.${r.name}`)),
    constraints: sorted(s.constraints.map((c) => `${c.schema}.${c.name}`)),
    indexes: sorted(s.indexes.map((x) => `${x.schema}.${x.name}`).filter((name) => !constraintIndexes.has(name))),
    enums: sorted(s.enums.map((e) => `${e.schema}.${e.name}`)),
    carried: sorted([...s.functions, ...s.triggers, ...s.policies].map((o) => String(o.name))),
  };
}

// One embedded database for every template (PGlite's start-up costs seconds and hundreds of MB),
// emptied between templates.
let pglite: Promise<SqlClient> | undefined;
const sharedPglite = () => (pglite ??= openSqlClient('pglite:memory:'));
afterAll(async () => {
  if (pglite) await (await pglite).close();
});

async function emptyDatabase(db: SqlClient): Promise<void> {
  const schemas = await db.query<{ name: string }>(`SELECT nspname AS name FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\\_%'`);
  for (const { name } of schemas) await db.exec(`DROP SCHEMA "${name.replace(/"/g, '""')}" CASCADE`);
  await db.exec('CREATE SCHEMA public');
}

describe.each(templates.map((t) => [t.name, t] as const))('template %s', (name, template) => {
  const model = template.build().model;
  const ddl = generatePostgres(model);
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('loads into PostgreSQL 15 and the catalog lists every object', async () => {
    const db: ThrowawayDb = await createThrowawayDb(`template_${name}`);
    cleanup.push(() => db.drop());
    const client: SqlClient = await openSqlClient(db.url);
    cleanup.push(() => client.close());
    await client.exec(ddl);
    expect(actualNames(await catalogSnapshot(client))).toEqual(expectedNames(model));
  });

  it('loads into PGlite (PostgreSQL 18) with the same objects', async () => {
    const pglite = await sharedPglite();
    await emptyDatabase(pglite);
    await pglite.exec(ddl);
    expect(actualNames(await catalogSnapshot(pglite))).toEqual(expectedNames(model));
  });
});

describe('templates behave as their descriptions say', () => {
  async function withTemplate(name: string, fn: (client: SqlClient) => Promise<void>): Promise<void> {
    const db = await createThrowawayDb(`template_behaviour_${name}`);
    const client = await openSqlClient(db.url);
    try {
      await client.exec(generatePostgres(templates.find((t) => t.name === name)!.build().model));
      await fn(client);
    } finally {
      await client.close();
      await db.drop();
    }
  }

  it('event-store: events are append-only and versions per stream are unique', () => withTemplate('event-store', async (db) => {
    await db.exec(`INSERT INTO streams (stream_id, stream_type) VALUES ('00000000-0000-0000-0000-000000000001', 'Account');
      INSERT INTO events (stream_id, version, event_type, event_data) VALUES ('00000000-0000-0000-0000-000000000001', 1, 'Opened', '{}');`);
    await expect(db.exec('UPDATE events SET event_type = $$x$$')).rejects.toThrow(/events are immutable/);
    await expect(db.exec('DELETE FROM events')).rejects.toThrow(/events are immutable/);
    await expect(db.exec(`INSERT INTO events (stream_id, version, event_type, event_data) VALUES ('00000000-0000-0000-0000-000000000001', 1, 'Again', '{}')`))
      .rejects.toThrow(/events_stream_id_version_key/);
  }));

  it('audit-trail: a change to an audited table is logged with its old and new row', () => withTemplate('audit-trail', async (db) => {
    await db.exec(`INSERT INTO accounts (name) VALUES ('ann'); UPDATE accounts SET balance = 10;`);
    const rows = await db.query('SELECT table_name, operation::text, new_data->>$1 AS balance FROM audit.log ORDER BY id', ['balance']);
    expect(rows).toEqual([{ table_name: 'accounts', operation: 'INSERT', balance: '0.00' }, { table_name: 'accounts', operation: 'UPDATE', balance: '10.00' }]);
  }));

  it('multi-tenant: a task cannot point at another tenant\'s project', () => withTemplate('multi-tenant', async (db) => {
    await db.exec(`INSERT INTO tenants (id, slug, name) VALUES ('00000000-0000-0000-0000-00000000000a', 'a', 'A'), ('00000000-0000-0000-0000-00000000000b', 'b', 'B');
      INSERT INTO projects (tenant_id, id, name) VALUES ('00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-0000000000a1', 'P');`);
    await expect(db.exec(`INSERT INTO tasks (tenant_id, project_id, title) VALUES ('00000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-0000000000a1', 'T')`))
      .rejects.toThrow(/tasks_tenant_id_project_id_fkey/);
  }));
});
