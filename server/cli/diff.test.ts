import { describe, expect, it } from 'vitest';
import type { ModelDocument } from '../../shared/model/document.ts';
import { makeDocument } from '../../shared/model/empty.ts';
import { buildModel } from '../../shared/model/model-builder.ts';
import { buildEcommerce } from '../../shared/model/templates/ecommerce.ts';
import { canonicalModel } from '../diff/canonical.ts';
import { cliInProcess } from '../testing/cli-in-process.ts';
import { useThrowawayDatabase, type ThrowawayEngine } from '../testing/throwaway-fixture.ts';

const cli = cliInProcess;

const before = makeDocument(buildModel({ tables: [{ name: 'users', columns: ['id bigint!', 'email text'], pk: ['id'] }] }));
const after = structuredClone(before);
after.model.tables[0].name = 'people';
after.model.tables[0].columns.push({ id: 'c_age', name: 'age', type: { name: 'integer' }, notNull: false });
const files = { 'a.json': JSON.stringify(before), 'b.json': JSON.stringify(after) };

describe('CLI diff between documents', () => {
  it('prints the migration SQL, hazards as comments; a rename stays a rename', async () => {
    const out = await cli(['diff', 'a.json', 'b.json'], files);
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toContain('ALTER TABLE public.users RENAME TO people;');
    expect(out.stdout).toContain('-- hazard breaks-dependents:');
    expect(out.stdout).toContain('ALTER TABLE public.people ADD COLUMN age integer;');
    expect(out.stdout).not.toContain('DROP TABLE');
  }, 180_000); // the first canonicalization starts the embedded engine (a worker running initdb): slow on a busy machine

  it('prints nothing at all for equal documents', async () => {
    expect(await cli(['diff', 'a.json', 'a.json'], files)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--json prints the plan with phases and hazards', async () => {
    const out = await cli(['diff', 'a.json', 'b.json', '--json'], files);
    const plan = JSON.parse(out.stdout) as { steps: { phase: string }[]; hazards: string[] };
    expect(plan.steps.map((s) => s.phase)).toEqual(['tables', 'columns', 'constraints']);
    expect(plan.hazards).toEqual(['breaks-dependents']);
  });

  it('compares two documents in PostgreSQL\'s spelling: a model as written equals the same model as introspected', async () => {
    const written = buildEcommerce();
    const introspected = { ...written, model: await canonicalModel({ model: written.model }) };
    const spelled = { 'written.json': JSON.stringify(written), 'introspected.json': JSON.stringify(introspected) };
    expect(await cli(['diff', 'written.json', 'introspected.json'], spelled)).toEqual({ code: 0, stdout: '', stderr: '' });
    // As written, PostgreSQL's spelling of checks and defaults shows as changes.
    expect((await cli(['diff', 'written.json', 'introspected.json', '--as-written'], spelled)).stdout).toMatch(/ADD CONSTRAINT|SET DEFAULT/);
  }, 180_000);

  it('compares as written, and says why, when a document does not load', async () => {
    const broken = structuredClone(after);
    broken.model.tables[0].checks.push({ id: 'ck_bad', expression: 'no_such_column > 0' });
    const out = await cli(['diff', 'a.json', 'broken.json'], { ...files, 'broken.json': JSON.stringify(broken) });
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(/^schemata diff: compared as written \(the model does not load into PostgreSQL: column "no_such_column" does not exist/);
    expect(out.stdout).toContain('ALTER TABLE public.users RENAME TO people;');
  }, 180_000);

  it('fails with one line on a missing file or a wrong argument count', async () => {
    const missing = await cli(['diff', 'a.json', 'nope.json'], files);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect((await cli(['diff', 'a.json'], files)).stderr).toMatch(/give two documents/);
  });
});

function describeLive(name: string, on: ThrowawayEngine) {
  describe(`CLI diff --db on ${name}`, () => {
    const { db, client } = useThrowawayDatabase('cli_diff', {
      on, setup: (c) => c.exec('CREATE TABLE users (id bigint PRIMARY KEY, email text);'),
    });

    it('prints nothing when the database equals the document, and the SQL when it does not', async () => {
      const live = JSON.parse((await cli(['introspect', '--db', db.url])).stdout) as ModelDocument;
      const equal = await cli(['diff', '--db', db.url, 'live.json'], { 'live.json': JSON.stringify(live) });
      expect(equal).toEqual({ code: 0, stdout: '', stderr: '' });
      const next = structuredClone(live);
      next.model.tables[0].columns.push({ id: 'c_name', name: 'name', type: { name: 'text' }, notNull: false });
      const changed = await cli(['diff', '--db', db.url, 'next.json'], { 'next.json': JSON.stringify(next) });
      expect(changed.stdout).toBe('ALTER TABLE public.users ADD COLUMN name text;\n');
    }, 180_000); // the first canonicalization starts the embedded engine (a worker running initdb): slow on a busy machine

    it('runs the data checks of risky steps: under each step in SQL comments, and in --json', async () => {
      await client.exec("INSERT INTO users VALUES (1, 'a@x'), (2, NULL), (3, NULL) ON CONFLICT DO NOTHING;");
      const live = JSON.parse((await cli(['introspect', '--db', db.url])).stdout) as ModelDocument;
      const next = structuredClone(live);
      next.model.tables[0].columns.find((c) => c.name === 'email')!.notNull = true;
      const text = await cli(['diff', '--db', db.url, 'next.json'], { 'next.json': JSON.stringify(next) });
      expect(text.stdout).toContain('-- data check: 2 rows have NULL in email (e.g. id=2, id=3)\nALTER TABLE public.users ALTER COLUMN email SET NOT NULL;');
      const json = JSON.parse((await cli(['diff', '--db', db.url, 'next.json', '--json'], { 'next.json': JSON.stringify(next) })).stdout) as { dataChecks: unknown[] };
      expect(json.dataChecks).toEqual([{
        step: 0, check: { kind: 'not-null', table: { schema: 'public', name: 'users', key: ['id'] }, column: 'email' },
        result: { status: 'fails', count: 2, samples: ['id=2', 'id=3'] },
      }]);
      // Castability without raising: ranges and formats on PostgreSQL 15, pg_input_is_valid on PGlite's 18.
      next.model.tables[0].columns.find((c) => c.name === 'email')!.type = { name: 'integer' };
      const retyped = await cli(['diff', '--db', db.url, 'next.json'], { 'next.json': JSON.stringify(next) });
      expect(retyped.stdout).toContain('-- data check: 1 row has a value of email that does not convert to integer (e.g. id=1)\n');
    }, 180_000); // run alone, this test is the one that starts the embedded engine

    it('fails with one line on a bad URL', async () => {
      const out = await cli(['diff', '--db', 'mysql://x', 'live.json'], { 'live.json': JSON.stringify(before) });
      expect(out.code).toBe(1);
      expect(out.stderr).toMatch(/^schemata diff: unsupported database URL/);
    });
  });
}

describeLive('PostgreSQL 15', 'postgres');
describeLive('PGlite', 'pglite');
