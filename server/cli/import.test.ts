/** `cli import` as users run it: a real process, the document on stdout, the report on stderr. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../shared/model/upgrade.ts';
import { cliProcess } from '../testing/cli-process.ts';

const cli = cliProcess;

let dir: string;
const file = (name: string) => join(dir, name);
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'schemata-cli-import-'));
  await writeFile(file('shop.sql'), '\\connect shop\nCREATE TABLE a (id serial PRIMARY KEY);\nGRANT SELECT ON a TO PUBLIC;\nCOMMENT ON TABLE nope IS \'x\';\n');
  await writeFile(file('bad.sql'), 'CREATE TABLE a (\n  id int,,\n);\n');
  await writeFile(file('users.dbml'), 'Table users {\n  id int [pk]\n}\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('cli import', () => {
  it('SQL: the document on stdout, the report on stderr with file:line', async () => {
    const run = await cli(['import', file('shop.sql')]);
    expect(run.code).toBe(0);
    const parsed = parseDocument(JSON.parse(run.stdout));
    expect(parsed.ok && parsed.document.model.tables.map((t) => t.name)).toEqual(['a']);
    expect(parsed.ok && parsed.document.layout.nodes).toEqual({ 'table:public.a': { x: 0, y: 0 } });
    expect(run.stderr.split('\n')).toEqual([
      `${file('shop.sql')}:1: skipped \\connect: a psql meta-command, not SQL`,
      `${file('shop.sql')}:3: skipped GRANT: privileges are not part of the model`,
      `${file('shop.sql')}:4: warning: COMMENT ON TABLE nope: object not found in the model; comment not imported`,
      'imported 1 table, 0 view(s); 2 statement(s) skipped, 1 warning(s)',
      '',
    ]);
  });

  it('a syntax error: exit 1, file:line:column: message, nothing on stdout', async () => {
    const run = await cli(['import', file('bad.sql')]);
    expect(run).toEqual({ code: 1, stdout: '', stderr: `${file('bad.sql')}:2:10: syntax error at or near ","\n` });
  });

  it('DBML by extension or --format', async () => {
    for (const args of [[file('users.dbml')], [file('users.dbml'), '--format', 'dbml']]) {
      const run = await cli(['import', ...args]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).model.tables[0].name).toBe('users');
    }
  });

  it.each([
    [['import'], 'give the file to import'],
    [['import', 'x.sql', '--format', 'yaml'], 'unknown format "yaml" (use sql or dbml)'],
    [['import', '/nonexistent/x.sql'], 'cannot read /nonexistent/x.sql: no such file'],
  ])('%j → one-line error', async (args, message) => {
    const run = await cli(args);
    expect(run).toEqual({ code: 1, stdout: '', stderr: `schemata import: ${message}\n` });
  });
});
