/**
 * PostgreSQL 15 and PGlite (PostgreSQL 18) store the same schema differently (NOT NULL rows in
 * pg_constraint on 18, renamed catalog columns, …); introspection must give the same model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../shared/model/document.ts';
import { openSqlClient } from '../db/sql-client.ts';
import { generatePostgres } from '../../shared/ddl/generate.ts';
import { catalogSnapshot } from '../testing/catalog-snapshot.ts';
import { compareSnapshots, CORPUS_DIR, psqlFile } from '../testing/round-trip.ts';
import { createThrowawayDb } from '../testing/throwaway-db.ts';
import { introspect } from './introspect.ts';

describe('the same schema on PostgreSQL 15 and PGlite (18)', () => {
  it.each(['chinook', 'pagila'])('%s gives the same model', async (schema) => {
    const file = join(CORPUS_DIR, schema, 'schema.sql');
    const db = await createThrowawayDb(`versions_${schema}`);
    const pg = await openSqlClient(db.url);
    const lite = await openSqlClient('pglite:memory:');
    try {
      await psqlFile(db.url, file);
      await lite.exec(readFileSync(file, 'utf8'));
      const [onPg, onLite] = [await introspect(pg), await introspect(lite)];
      expect(onLite.tables.length).toBeGreaterThan(10);
      expect(onLite).toEqual(onPg);
    } finally {
      await Promise.all([pg.close(), lite.close()]);
      await db.drop();
    }
  }, 120_000);

  it('view column defaults (pg_attrdef on a view) read the same', async () => {
    const sql = `CREATE TABLE t (id int, c text, at timestamptz);
      CREATE VIEW v AS SELECT id, c, at FROM t;
      ALTER VIEW v ALTER COLUMN c SET DEFAULT 'x', ALTER COLUMN at SET DEFAULT now();
      COMMENT ON COLUMN v.id IS 'key';`;
    const db = await createThrowawayDb('versions_view_defaults');
    const pg = await openSqlClient(db.url);
    const lite = await openSqlClient('pglite:memory:');
    try {
      await Promise.all([pg.exec(sql), lite.exec(sql)]);
      const [onPg, onLite] = [await introspect(pg), await introspect(lite)];
      expect(onLite.views[0].columns).toEqual([{ name: 'id', comment: 'key' }, { name: 'c', default: "'x'::text" }, { name: 'at', default: 'now()' }]);
      // PostgreSQL 18 prints view bodies without the table prefix: only the columns are compared.
      expect(onLite.views[0].columns).toEqual(onPg.views[0].columns);
    } finally {
      await Promise.all([pg.close(), lite.close()]);
      await db.drop();
    }
  }, 120_000);

  it('materialized views created or refreshed WITH NO DATA (relispopulated) read the same', async () => {
    const sql = `CREATE TABLE t (id int);
      CREATE MATERIALIZED VIEW empty AS SELECT id FROM t WITH NO DATA;
      CREATE MATERIALIZED VIEW filled AS SELECT id FROM t;
      CREATE MATERIALIZED VIEW filled_later AS SELECT id FROM t WITH NO DATA;
      REFRESH MATERIALIZED VIEW filled_later;
      CREATE MATERIALIZED VIEW emptied AS SELECT id FROM t;
      REFRESH MATERIALIZED VIEW emptied WITH NO DATA;`;
    const db = await createThrowawayDb('versions_matview_no_data');
    const pg = await openSqlClient(db.url);
    const lite = await openSqlClient('pglite:memory:');
    try {
      await Promise.all([pg.exec(sql), lite.exec(sql)]);
      const noData = (m: Model) => m.views.map((v) => [v.name, v.withNoData ?? false]);
      const [onPg, onLite] = [await introspect(pg), await introspect(lite)];
      expect(noData(onPg)).toEqual([['emptied', true], ['empty', true], ['filled', false], ['filled_later', false]]);
      expect(noData(onLite)).toEqual(noData(onPg));
    } finally {
      await Promise.all([pg.close(), lite.close()]);
      await db.drop();
    }
  }, 120_000);
});

/**
 * The corpus round trip inside PGlite, for every corpus schema whose extensions PGlite has (danbooru
 * needs pgstattuple and lago pg_partman, which it lacks). A schema file is run in the same session
 * that is then read, so its `SET search_path` is reset first: the catalog snapshot prints names
 * relative to the session's path.
 */
const FEATURES = join(import.meta.dirname, '__fixtures__', 'features.sql');
const IN_PGLITE: Array<[name: string, file: string]> = [
  ['features.sql', FEATURES],
  ...['chinook', 'northwind', 'pagila', 'adventureworks', 'musicbrainz'].map((s): [string, string] => [s, join(CORPUS_DIR, s, 'schema.sql')]),
];

describe('round trip inside PGlite', () => {
  it.each(IN_PGLITE)('%s → introspect → generatePostgres → a second PGlite: same catalog', async (_name, file) => {
    const [a, b] = [await openSqlClient('pglite:memory:'), await openSqlClient('pglite:memory:')];
    try {
      await a.exec(readFileSync(file, 'utf8'));
      await a.exec('RESET ALL');
      const model = await introspect(a);
      expect(model.tables.length).toBeGreaterThan(0);
      await b.exec(generatePostgres(model));
      expect(compareSnapshots(await catalogSnapshot(a), await catalogSnapshot(b))).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 300_000);
});
