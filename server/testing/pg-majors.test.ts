/**
 * Every supported PostgreSQL major besides Debian's 15 and PGlite's 18: one throwaway cluster each
 * of 12, 13, 14, 16 and 17 (`pg-majors.ts`), started together, one acceptance database per major.
 * On each: introspection round trips (schema → introspect → generatePostgres → a second database →
 * the same catalog) and the acceptance loop, exact.
 *
 * `npm test` runs what differs between majors, to stay inside CI's time: `features.sql` (every
 * object kind introspection reads), `majors.sql` (version-specific catalog paths) and the
 * acceptance cases in VERSION_SPECIFIC. `SCHEMATA_PG_MAJORS=all` runs every corpus schema PostgreSQL
 * can load (all but lago: pg_partman is not in the packages), every acceptance case, and every case
 * again with the target imported from `after.sql`; `SCHEMATA_PG_MAJORS=12,17` does that on those majors.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSql } from '../../shared/io/sql-import/import-sql.ts';
import type { ModelDocument } from '../../shared/model/document.ts';
import { expectCaseHolds, loadCases, runCase, type AcceptanceCase, type TargetOf } from '../acceptance/harness.ts';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { canonicalModel } from '../diff/canonical.ts';
import { cliInProcess } from './cli-in-process.ts';
import { EXTRA_MAJORS, loadableOn, startCluster, type MajorCluster } from './pg-majors.ts';
import { CORPUS_DIR, roundTrip } from './round-trip.ts';
import { createThrowawayDb, type ThrowawayDb } from './throwaway-db.ts';

const choice = process.env.SCHEMATA_PG_MAJORS ?? '';
const full = choice !== '';
const majors = full && choice !== 'all' ? choice.split(',').map(Number) : [...EXTRA_MAJORS];

const CORPUS = ['chinook', 'northwind', 'pagila', 'adventureworks', 'danbooru', 'musicbrainz'];
const schemaFiles: Array<[label: string, file: string]> = [
  ['features.sql', join(import.meta.dirname, '..', 'introspect', '__fixtures__', 'features.sql')],
  ['majors.sql', join(import.meta.dirname, '__fixtures__', 'majors.sql')],
  ...(full ? CORPUS : []).map((name): [string, string] => [name, join(CORPUS_DIR, name, 'schema.sql')]),
];

const allCases = await loadCases();
/**
 * Cases whose catalog paths differ between majors: identity and generated columns (attidentity,
 * attgenerated 12+), partitions (cloned triggers and keys: tgparentid 13+), collations, NOT NULL
 * (pg_constraint rows on 18), triggers, exclusion constraints.
 */
const VERSION_SPECIFIC = new Set([
  'identity-options', 'generated-add', 'partitioned-with-key-and-index', 'collation-change', 'not-null-set-and-drop',
  'function-and-trigger', 'exclusion-constraint-change-and-drop',
]);
/**
 * What a major cannot do at all: a case whose `after` needs NULLS NOT DISTINCT (15+), and on 12 a
 * generated column made plain (DROP EXPRESSION is 13+; README, Known limits).
 */
const possibleOn = (major: number, c: AcceptanceCase) =>
  (major >= 15 || !c.after.includes('NULLS NOT DISTINCT')) && (major >= 13 || c.name !== 'generated-to-plain');
const casesFor = (major: number) => allCases.filter((c) => (full || VERSION_SPECIFIC.has(c.name)) && possibleOn(major, c));

const clusters = new Map<number, MajorCluster>();
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'schemata-majors-'));
  const started = await Promise.allSettled(majors.map((m) => startCluster(m)));
  started.forEach((s, i) => s.status === 'fulfilled' && clusters.set(majors[i], s.value));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
}, 120_000);
afterAll(async () => {
  await Promise.all([...clusters.values()].map((c) => c.stop()));
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

function cluster(major: number): MajorCluster {
  const found = clusters.get(major);
  if (!found) throw new Error(`PostgreSQL ${major} did not start`);
  return found;
}

describe.each(majors)('PostgreSQL %i', (major) => {
  it('runs the major it was asked for', async () => {
    const client = await openSqlClient(cluster(major).url);
    try {
      const [row] = await client.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
      expect(Math.floor(Number(row.v) / 10000)).toBe(major);
    } finally {
      await client.close();
    }
  });

  it.each(schemaFiles)('round trip: %s', async (_label, file) => {
    const result = await roundTrip(await loadableOn(major, file, scratch), cluster(major).url);
    expect(result.loadError).toBeUndefined();
    expect(result.differences).toEqual([]);
    expect(result.model.tables.length).toBeGreaterThan(0);
  }, 900_000);

  it('the studio applies a model to it (CLI in process: plan through the embedded engine, journal, verify)', async () => {
    const db = await createThrowawayDb('cli_apply', cluster(major).url);
    const client = await openSqlClient(db.url);
    try {
      await client.exec(`CREATE TABLE product (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, price numeric(10,2));
        CREATE TABLE old (id int); INSERT INTO old VALUES (1); INSERT INTO product (name) VALUES ('pen');
        CREATE VIEW cheap AS SELECT p.id, p.name FROM product p WHERE p.price < 10;`);
      const read = await cliInProcess(['introspect', '--db', db.url]);
      const next = JSON.parse(read.stdout) as ModelDocument;
      next.model.tables = next.model.tables.filter((t) => t.name !== 'old');
      next.model.tables[0].columns.push({ id: 'c_sku', name: 'sku', type: { name: 'text' }, notNull: false });
      const files = { 'next.json': JSON.stringify(next) };
      const applied = await cliInProcess(['apply', '--db', db.url, 'next.json', '--allow', 'deletes-data'], files);
      expect([applied.code, applied.stderr]).toEqual([0, expect.stringMatching(/the database now equals the model\n$/)]);
      expect(applied.stdout).toBe('DROP TABLE public.old;\nALTER TABLE public.product ADD COLUMN sku text;\n');
      expect((await cliInProcess(['apply', '--db', db.url, 'next.json'], files)).stdout).toBe('');
      expect(await client.query('SELECT name FROM product')).toEqual([{ name: 'pen' }]);
    } finally {
      await client.close();
      await db.drop();
    }
  }, 180_000);

  describe('acceptance', () => {
    let db: ThrowawayDb;
    let client: SqlClient;
    beforeAll(async () => {
      db = await createThrowawayDb('acceptance', cluster(major).url);
      client = await openSqlClient(db.url);
    });
    afterAll(async () => {
      await client?.close();
      await db?.drop();
    });

    it.each(casesFor(major))('$name', async (c) => {
      expectCaseHolds(await runCase(client, c));
    });

    if (full) {
      /** The target as a user's model is: `after.sql` imported, then spelled by this major as a shadow server. */
      const imported: TargetOf = async ({ afterSql }) => canonicalModel({ shadowUrl: db.url, model: (await importSql(afterSql)).model });
      it.each(casesFor(major))('$name, target imported', async (c) => {
        expectCaseHolds(await runCase(client, c, imported));
      });
    }
  });
});
