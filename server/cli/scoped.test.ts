/**
 * `introspect --schema`, `diff --db` and `apply` on a part of a database (PostgreSQL 15): a document
 * read for s2 only, whose table has a foreign key into s1, diffs empty against its own database and
 * applies an edit to s2 without touching s1 or public.
 */
import { describe, expect, it } from 'vitest';
import type { ModelDocument } from '../../shared/model/document.ts';
import type { SqlClient } from '../db/sql-client.ts';
import { cliInProcess } from '../testing/cli-in-process.ts';
import { catalogSnapshot } from '../testing/catalog-snapshot.ts';
import { useThrowawayDatabase } from '../testing/throwaway-fixture.ts';

const cli = cliInProcess;

/** Every catalog row of the database that is not about schema `s2` (nor apply's own `_schemata` journal). */
async function outsideS2(client: SqlClient) {
  const snapshot = await catalogSnapshot(client);
  return Object.fromEntries(Object.entries(snapshot).map(([kind, rows]) => [
    kind, rows.filter((row) => !['s2', '_schemata'].includes(String(kind === 'schemas' ? row.name : row.schema))),
  ]));
}

const SETUP = `
  CREATE SCHEMA s1; CREATE SCHEMA s2;
  CREATE TABLE s1.a (id int PRIMARY KEY, name text NOT NULL);
  CREATE TABLE s2.b (id int PRIMARY KEY, a_id int NOT NULL);
  ALTER TABLE s2.b ADD CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES s1.a (id) ON DELETE CASCADE;
  CREATE TABLE public.p (id int);
  INSERT INTO s1.a VALUES (1, 'one'); INSERT INTO s2.b VALUES (10, 1); INSERT INTO public.p VALUES (7);`;

describe('CLI on some schemas of a PostgreSQL 15 database', () => {
  let document: ModelDocument;
  const files: Record<string, string> = {};
  const { db, client } = useThrowawayDatabase('cli_scoped', { setup: (c) => c.exec(SETUP) });

  it('introspect --schema s2 keeps the key into s1 as its SQL', async () => {
    const read = await cli(['introspect', '--db', db.url, '--schema', 's2']);
    expect([read.code, read.stderr]).toEqual([0, '']);
    document = JSON.parse(read.stdout) as ModelDocument;
    expect(document.model.tables.map((t) => [`${t.schema}.${t.name}`, t.foreignKeys.length])).toEqual([['s2.b', 0]]);
    expect(document.model.rawObjects.map((o) => o.definition)).toEqual([
      'ALTER TABLE s2.b ADD CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES s1.a(id) ON DELETE CASCADE;',
    ]);
    files['s2.json'] = read.stdout;
  });

  it('diff --db of that document prints nothing, with or without --schema; stderr names what was left alone', async () => {
    const named = await cli(['diff', '--db', db.url, 's2.json'], files);
    expect([named.code, named.stdout]).toEqual([0, '']);
    expect(named.stderr).toBe('schemata diff: compared schema "s2" (the ones the document names); left alone: "public", "s1" (give --schema <name> for each schema the document stands for)\n');
    expect(await cli(['diff', '--db', db.url, '--schema', 's2', 's2.json'], files)).toEqual({ code: 0, stdout: '', stderr: '' });
  }, 180_000); // the first canonicalization starts the embedded engine (a worker running initdb): slow on a busy machine

  it('apply of an edit in s2 changes s2 only; the key into s1 and every other schema stay as they were', async () => {
    const edited = structuredClone(document);
    edited.model.tables[0].columns.push({ id: 'col:s2.b.note', name: 'note', type: { name: 'text' }, notNull: false });
    files['edited.json'] = JSON.stringify(edited);
    expect((await cli(['diff', '--db', db.url, 'edited.json'], files)).stdout).toBe('ALTER TABLE s2.b ADD COLUMN note text;\n');

    const before = await outsideS2(client);
    expect(before.relations.map((r) => `${r.schema}.${r.name}`)).toEqual(expect.arrayContaining(['public.p', 's1.a']));
    const applied = await cli(['apply', '--db', db.url, '--schema', 's2', 'edited.json'], files);
    expect([applied.code, applied.stdout]).toEqual([0, 'ALTER TABLE s2.b ADD COLUMN note text;\n']);
    expect(applied.stderr).toMatch(/^applied 1 step\(s\) in \d+ ms; the database now equals the model\n$/);
    expect(await outsideS2(client)).toEqual(before);
    expect(await client.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'b_a_fk'`))
      .toEqual([{ def: 'FOREIGN KEY (a_id) REFERENCES s1.a(id) ON DELETE CASCADE' }]);
    expect(await client.query('SELECT (SELECT count(*) FROM s1.a)::int AS a, (SELECT count(*) FROM s2.b)::int AS b, (SELECT count(*) FROM public.p)::int AS p'))
      .toEqual([{ a: 1, b: 1, p: 1 }]);
    expect(await client.query(`SELECT status, verified FROM _schemata.journal`)).toEqual([{ status: 'applied', verified: true }]);

    expect((await cli(['diff', '--db', db.url, 'edited.json'], files)).stdout).toBe('');
    const again = await cli(['apply', '--db', db.url, 'edited.json'], files);
    expect([again.code, again.stdout]).toEqual([0, '']);
  });

  it('a schema named with --schema but absent from the document is planned as dropped, with its hazards', async () => {
    const plan = await cli(['diff', '--db', db.url, '--schema', 's2', '--schema', 'public', 'edited.json'], files);
    expect(plan.stdout).toContain('DROP TABLE public.p;');
    const refused = await cli(['apply', '--db', db.url, '--schema', 's2', '--schema', 'public', 'edited.json'], files);
    expect(refused.code).toBe(3);
    expect(await client.query('SELECT count(*)::int AS n FROM public.p')).toEqual([{ n: 1 }]);
  });

  it('says what to do when --schema leaves out a schema of the document, or comes without --db', async () => {
    const outside = await cli(['apply', '--db', db.url, '--schema', 's1', 'edited.json'], files);
    expect([outside.code, outside.stdout]).toEqual([1, '']);
    expect(outside.stderr).toBe('schemata apply: the document has objects in schema "s2", which --schema leaves out: add --schema s2, or drop --schema to compare the schemas the document names\n');
    const noDb = await cli(['diff', '--schema', 's2', 'a.json', 'b.json'], files);
    expect(noDb.stderr).toBe('schemata diff: --schema goes with --db: diff --db <url> --schema <name> <document.json>\n');
  });
});
