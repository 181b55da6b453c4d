/**
 * SQL fields through the real HTTP server and the real CLI: a field that is not exactly what it
 * allows is a 400 naming its JSON path (DDL and plan alike), and carried SQL that runs code is a
 * `runs-custom-sql` hazard the apply refuses until it is accepted.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelDocument } from '../shared/model/document.ts';
import { makeDocument } from '../shared/model/empty.ts';
import { CLI, sh } from './testing/cli-process.ts';
import { cliInProcess } from './testing/cli-in-process.ts';
import { useTestStudio, useThrowawayDatabase } from './testing/throwaway-fixture.ts';

const studio = useTestStudio({ purpose: 'sql_fields', server: true });
const { server } = studio;

const DO_BLOCK = "DO $$ BEGIN RAISE NOTICE 'custom SQL ran'; END $$;";

/** A one-table model; `edit` changes it. */
function documentOf(edit: (doc: ModelDocument) => void = () => undefined): ModelDocument {
  const doc = makeDocument({
    schemas: [{ id: 'schema:public', name: 'public' }], extensions: [], enums: [], domains: [], sequences: [], views: [], rawObjects: [],
    tables: [{
      id: 'tbl_note', schema: 'public', name: 'note', uniques: [], checks: [], foreignKeys: [], indexes: [],
      columns: [
        { id: 'c_id', name: 'id', type: { name: 'integer' }, notNull: true },
        { id: 'c_body', name: 'body', type: { name: 'text' }, notNull: false },
      ],
      primaryKey: { id: 'pk_note', columns: ['c_id'] },
    }],
  });
  edit(doc);
  return doc;
}

/** [case, edit, JSON path inside the document]. */
const ATTACKS: Array<[string, (doc: ModelDocument) => void, string]> = [
  ['an injected type name', (d) => { d.model.tables[0].columns[1].type = { name: `"text"); COPY (SELECT 1) TO PROGRAM 'touch /tmp/x'; CREATE TABLE t2 (id int, "x" int` }; }, 'model.tables[0].columns[1].type'],
  ['a default that ends the statement', (d) => { d.model.tables[0].columns[1].default = '1); DROP TABLE x; SELECT (1'; }, 'model.tables[0].columns[1].default'],
  ['a check with COPY TO PROGRAM', (d) => { d.model.tables[0].checks.push({ id: 'ck', expression: "true) ; COPY (SELECT 1) TO PROGRAM 'touch /tmp/x' ; SELECT (1" }); }, 'model.tables[0].checks[0].expression'],
  ['a default ending in a comment', (d) => { d.model.tables[0].columns[1].default = '1 --'; }, 'model.tables[0].columns[1].default'],
  ['a view with a second statement', (d) => { d.model.views.push({ id: 'v', schema: 'public', name: 'v', materialized: false, definition: 'SELECT 1; CREATE ROLE evil' }); }, 'model.views[0].definition'],
  ['a function that also creates a role', (d) => {
    d.model.rawObjects.push({ id: 'raw:function:public.f()', kind: 'function', schema: 'public', name: 'f',
      definition: "CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql AS 'SELECT 1';\nCREATE ROLE evil;" });
  }, 'model.rawObjects[0].definition'],
];

describe('a bad SQL field is a 400 naming its path', () => {
  it.each(ATTACKS)('%s: POST /api/ddl and POST /api/targets/sandbox/plan', async (_case, edit, path) => {
    const document = documentOf(edit);
    for (const url of ['/api/ddl', '/api/targets/sandbox/plan']) {
      const res = await server.request('POST', url, { body: { document } });
      expect(res.status).toBe(400);
      expect(res.json.code).toBe('invalid-request');
      expect(res.json.details).toEqual([{ path: `document.${path}`, message: expect.any(String) }]);
    }
  });

  it('a type nothing defines: a 400 naming the type and each column using it', async () => {
    const document = documentOf((d) => { d.model.tables[0].columns[1].type = { name: 'txet' }; });
    const plan = await server.request('POST', '/api/targets/sandbox/plan', { body: { document } });
    expect([plan.status, plan.json.message]).toEqual([400, 'the model does not load into PostgreSQL: public.note.body: type "txet" does not exist']);
  });

  it('a check on a missing column: the same 400 on plan and on apply', async () => {
    const document = documentOf((d) => { d.model.tables[0].checks.push({ id: 'ck', expression: 'missing_column > 0' }); });
    const plan = await server.request('POST', '/api/targets/sandbox/plan', { body: { document } });
    const apply = await server.request('POST', '/api/targets/sandbox/apply', { body: { document, hash: 'x', acceptedHazards: [] } });
    expect(plan.status).toBe(400);
    expect(apply.status).toBe(400);
    expect(plan.json.message).toMatch(/missing_column/);
    expect(apply.json).toEqual(plan.json);
  });
});

describe('carried SQL that runs code', () => {
  const withDoBlock = () => documentOf((d) => {
    d.model.rawObjects.push({ id: 'raw:other:.DO@1', kind: 'other', name: 'DO@1', definition: DO_BLOCK });
  });

  it('plans as a step with its full SQL and the runs-custom-sql hazard; apply refuses it until accepted', async () => {
    const document = withDoBlock();
    const plan = await server.request('POST', '/api/targets/sandbox/plan', { body: { document } });
    expect(plan.status).toBe(200);
    expect(plan.json.hazards).toContain('runs-custom-sql');
    const step = plan.json.steps.find((s: { sql: string }) => s.sql.includes('DO $$'));
    expect(step.sql).toBe(DO_BLOCK);
    expect(step.hazards).toEqual([{ kind: 'runs-custom-sql', message: expect.stringContaining('runs Do SQL') }]);
    const others = plan.json.hazards.filter((h: string) => h !== 'runs-custom-sql');
    const refused = await server.request('POST', '/api/targets/sandbox/apply', { body: { document, hash: plan.json.hash, acceptedHazards: others } });
    expect(refused.status).toBe(400);
    expect(refused.json.details).toEqual({ hazards: ['runs-custom-sql'] });
    const applied = await server.request('POST', '/api/targets/sandbox/apply', { body: { document, hash: plan.json.hash, acceptedHazards: plan.json.hazards } });
    expect(applied.json).toMatchObject({ status: 'applied' });
  });

  describe('the CLI', () => {
    const { db } = useThrowawayDatabase('cli_custom_sql');

    // In-process (same arguments, real database): each CLI process would start the embedded engine anew.
    it('apply exits 3 without --allow runs-custom-sql, and applies with it', async () => {
      const files = { 'do-block.json': JSON.stringify(withDoBlock()) };
      const refused = await cliInProcess(['apply', '--db', db.url, 'do-block.json'], files);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toMatch(/runs-custom-sql/);
      const diff = await cliInProcess(['diff', '--db', db.url, 'do-block.json'], files);
      expect(diff.stdout).toContain(`-- hazard runs-custom-sql: other DO@1 runs Do SQL as written: read it before applying\n${DO_BLOCK}`);
      const applied = await cliInProcess(['apply', '--db', db.url, 'do-block.json', '--allow', 'runs-custom-sql'], files);
      expect([applied.code, applied.stderr]).toEqual([0, expect.any(String)]);
      expect(applied.stdout).toContain(DO_BLOCK);
    }, 300_000);

    it('validate names the path of a bad field and exits 1', async () => {
      const file = join(studio.dataDir, 'bad-default.json');
      await writeFile(file, JSON.stringify(documentOf((d) => { d.model.tables[0].columns[1].default = '1); DROP TABLE x; SELECT (1'; })));
      const run = await sh(`${CLI} validate ${file}`);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('model.tables[0].columns[1].default: has a ")" that closes nothing it opened');
    }, 120_000);
  });
});
