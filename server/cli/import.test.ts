/** `cli import` as users run it: a real process, the document on stdout, the report on stderr. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../shared/model/upgrade.ts';
import { runCli } from '../cli.ts';
import { cliProcess } from '../testing/cli-process.ts';

const cli = cliProcess;

let dir: string;
const file = (name: string) => join(dir, name);
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'schemata-cli-import-'));
  await writeFile(file('shop.sql'), '\\connect shop\nCREATE TABLE a (id serial PRIMARY KEY);\nGRANT SELECT ON a TO PUBLIC;\nCOMMENT ON TABLE nope IS \'x\';\n');
  await writeFile(file('bad.sql'), 'CREATE TABLE a (\n  id int,,\n);\n');
  await writeFile(file('users.dbml'), 'Table users {\n  id int [pk]\n}\n');
  await writeFile(file('hang.sql'), HANG_INPUT);
  await writeFile(file('nul.sql'), 'CREATE TABLE a (id int);\n  \0CREATE TABLE b (id int);\n');
  // Several seconds of importing on any machine this runs on, so the 300 ms limit always stops it (2,000 tables
  // once finished inside the limit on a quiet machine).
  await writeFile(file('slow.sql'), Array.from({ length: 20_000 }, (_, i) => `CREATE TABLE t${i} (id int PRIMARY KEY, a text, b int REFERENCES t0);`).join('\n'));
});

/** The 172-byte import that hung the server and the CLI for good (an exponential regular expression). */
const HANG_INPUT = `CREATE TABLE a (id int);${'\n'.repeat(45)}CREATE TABLE b (n text DEFAULT E'x\\n');`;

/** `cli import` in this process (no process start-up to time), with its own environment. */
async function inProcess(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), readFile: (p: string) => readFile(p, 'utf8'), env };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
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

describe('cli import on hostile input', () => {
  it('the hang input imports in well under a second (after the worker has started)', async () => {
    expect((await inProcess(['import', file('users.dbml')])).code).toBe(0);
    const started = Date.now();
    const run = await inProcess(['import', file('hang.sql')]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).model.tables.map((t: { name: string }) => t.name)).toEqual(['a', 'b']);
  });

  it('the hang input as users run it: a real process that exits', async () => {
    const run = await cli(['import', file('hang.sql')]);
    expect(run.code).toBe(0);
  });

  it('a NUL: file:line:column and exit 1, never a silent truncation', async () => {
    const run = await inProcess(['import', file('nul.sql')]);
    expect(run).toEqual({ code: 1, stdout: '', stderr: `${file('nul.sql')}:2:3: a NUL character (U+0000) at line 2, column 3: PostgreSQL cannot parse or store NUL in text\n` });
  });

  it('stops an import over SCHEMATA_IMPORT_TIMEOUT_MS with a one-line error', async () => {
    const run = await inProcess(['import', file('slow.sql')], { SCHEMATA_IMPORT_TIMEOUT_MS: '300' });
    expect(run).toEqual({
      code: 1, stdout: '',
      stderr: `schemata import: ${file('slow.sql')}: the import took longer than 0.3 s and was stopped (the limit is SCHEMATA_IMPORT_TIMEOUT_MS)\n`,
    });
  });

  it('refuses a bad SCHEMATA_IMPORT_TIMEOUT_MS by name', async () => {
    const run = await inProcess(['import', file('hang.sql')], { SCHEMATA_IMPORT_TIMEOUT_MS: 'soon' });
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'schemata import: SCHEMATA_IMPORT_TIMEOUT_MS must be a positive whole number of milliseconds, not "soon"\n' });
  });
});
