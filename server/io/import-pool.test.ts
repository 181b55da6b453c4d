/** The import pool in worker threads, as the route and the CLI use it. */
import { describe, expect, it } from 'vitest';
import { ImportSyntaxError } from '../../shared/io/import-document.ts';
import { DEFAULT_IMPORT_TIMEOUT_MS, ImportsBusy, importInWorker, importTimeoutMs, MAX_WAITING } from './import-pool.ts';

describe('importInWorker', () => {
  it('imports SQL and DBML, and brings a syntax error back with its line and column', async () => {
    expect((await importInWorker('CREATE TABLE a (id int);', 'sql')).document.model.tables.map((t) => t.name)).toEqual(['a']);
    expect((await importInWorker('Table u {\n  id int\n}', 'dbml', 'Named')).document).toMatchObject({ name: 'Named' });
    const error = await importInWorker('SELECT 1;\nCREATE TABLE (', 'sql').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportSyntaxError);
    expect(error).toMatchObject({ line: 2, column: 14 });
  });

  it(`refuses an import at once when ${MAX_WAITING} already wait, and runs the others`, async () => {
    // Two start at once, the next MAX_WAITING wait in line: the one after is refused.
    const accepted = Array.from({ length: 2 + MAX_WAITING }, (_, i) => importInWorker(`CREATE TABLE t${i} (id int);`));
    await expect(importInWorker('SELECT 1;')).rejects.toBeInstanceOf(ImportsBusy);
    const done = await Promise.all(accepted);
    expect(done.map((r) => r.document.model.tables[0].name)).toEqual(accepted.map((_, i) => `t${i}`));
  });
});

describe('importTimeoutMs', () => {
  it.each([
    [undefined, DEFAULT_IMPORT_TIMEOUT_MS],
    ['', DEFAULT_IMPORT_TIMEOUT_MS],
    ['1500', 1500],
  ])('%j → %i', (value, expected) => {
    expect(importTimeoutMs({ SCHEMATA_IMPORT_TIMEOUT_MS: value })).toBe(expected);
  });

  it.each(['0', '-5', '1.5', 'soon'])('%j is refused by name', (value) => {
    expect(() => importTimeoutMs({ SCHEMATA_IMPORT_TIMEOUT_MS: value })).toThrow(/^SCHEMATA_IMPORT_TIMEOUT_MS must be a positive whole number/);
  });
});
