/**
 * DBML both ways from the CLI, as users run it (a real process): `export-dbml` prints a document as
 * DBML with what DBML cannot hold on stderr, and `import <file.dbml>` reads it back.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model, ModelDocument } from '../../shared/model/document.ts';
import { templates } from '../../shared/model/templates/index.ts';
import { exportDbmlWithWarnings } from '../../shared/io/dbml/export.ts';
import { parseDocument } from '../../shared/model/upgrade.ts';
import { CLI, cliProcess as cli, sh } from '../testing/cli-process.ts';

/** What a DBML round trip must keep: every table's columns with their types, and every key. */
const shape = (m: Model) => m.tables.map((t) => ({
  table: `${t.schema}.${t.name}`,
  columns: t.columns.map((c) => `${c.name} ${c.type.name}${c.notNull ? '!' : ''}`),
  primaryKey: t.primaryKey?.columns.length ?? 0,
  foreignKeys: t.foreignKeys.length,
})).sort((a, b) => a.table.localeCompare(b.table));

const ecommerce = (): ModelDocument => templates.find((t) => t.name === 'ecommerce')!.build();

let dir: string;
const file = (name: string) => join(dir, name);
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'schemata-cli-dbml-'));
  await writeFile(file('shop.json'), JSON.stringify(ecommerce()));
  await writeFile(file('bad.dbml'), 'Table users {\n  id int [pk\n}\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('cli export-dbml', () => {
  it('prints DBML that import reads back to the same tables, columns and keys; losses are warned on stderr', async () => {
    const exported = await cli(['export-dbml', file('shop.json')]);
    expect(exported.code).toBe(0);
    const expected = exportDbmlWithWarnings(ecommerce());
    expect(exported.stdout).toBe(expected.dbml);
    expect(expected.warnings.length).toBeGreaterThan(0);
    expect(exported.stderr).toBe(expected.warnings.map((w) => `warning: ${w}\n`).join(''));

    await writeFile(file('shop.dbml'), exported.stdout);
    const imported = await cli(['import', file('shop.dbml')]);
    expect(imported.code).toBe(0);
    const parsed = parseDocument(JSON.parse(imported.stdout));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && shape(parsed.document.model)).toEqual(shape(ecommerce().model));
  });

  it('reads the document from a pipe with -', async () => {
    const run = await sh(`${CLI} new --template ecommerce | ${CLI} export-dbml -`);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(exportDbmlWithWarnings(ecommerce()).dbml);
  });

  it.each([
    [['export-dbml', '/nonexistent/m.json'], 'schemata export-dbml: cannot read /nonexistent/m.json: no such file'],
    [['export-dbml', 'a.json', 'b.json'], 'schemata export-dbml: unexpected argument "b.json"'],
    [['export-dbml', 'a.json', '--dialect', 'x'], 'schemata export-dbml: unknown option --dialect'],
    [['ddl', 'a.json', '--dialect', 'dbml'], 'schemata ddl: DBML is not an SQL dialect: use "export-dbml <document.json>"'],
  ])('%j → one-line error, nothing on stdout', async (args, message) => {
    expect(await cli(args)).toEqual({ code: 1, stdout: '', stderr: `${message}\n` });
  });
});

describe('cli import of DBML', () => {
  it('a syntax error gives file:line:column: message and exit 1', async () => {
    const run = await cli(['import', file('bad.dbml')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^${file('bad.dbml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: .+\\n$`));
  });
});
