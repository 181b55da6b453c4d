/**
 * `cli docs` as users run it (a real process) on a real schema: pagila's dump imported with
 * `cli import`, then documented. The page must hold every table with its columns and the links
 * of its foreign keys; the Markdown the same; both from the document alone (no database).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelDocument } from '../../shared/model/document.ts';
import { CORPUS_DIR } from '../testing/round-trip.ts';
import { cliProcess as cli } from '../testing/cli-process.ts';

let dir: string;
let doc: ModelDocument;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'schemata-cli-docs-'));
  const imported = await cli(['import', join(CORPUS_DIR, 'pagila', 'schema.sql')]);
  expect(imported.code).toBe(0);
  doc = JSON.parse(imported.stdout) as ModelDocument;
  await writeFile(join(dir, 'pagila.json'), imported.stdout);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('cli docs', () => {
  it('writes index.html and README.md with every table, its columns and its references', async () => {
    const out = join(dir, 'site');
    const run = await cli(['docs', join(dir, 'pagila.json'), '--out', out]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.trim().split('\n')).toEqual([join(out, 'index.html'), join(out, 'README.md')]);
    const html = await readFile(join(out, 'index.html'), 'utf8');
    const md = await readFile(join(out, 'README.md'), 'utf8');
    expect(doc.model.tables.length).toBeGreaterThan(15);
    for (const table of doc.model.tables) {
      expect(html).toContain(`id="table-${table.schema}.${table.name}"`);
      expect(md).toContain(`### ${table.schema}\\.${table.name.replace(/_/g, '\\_')}`);
      for (const column of table.columns) expect(html).toContain(`<td><code>${column.name}</code></td>`);
      for (const fk of table.foreignKeys) {
        const target = doc.model.tables.find((t) => t.id === fk.refTableId)!;
        expect(html).toContain(`<a href="#table-${target.schema}.${target.name}">`);
      }
    }
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//);
  });

  it('--format markdown writes only README.md; a missing --out or an unknown format is one line on stderr', async () => {
    const out = join(dir, 'md-only');
    const run = await cli(['docs', join(dir, 'pagila.json'), '--out', out, '--format', 'markdown']);
    expect([run.code, run.stdout.trim()]).toEqual([0, join(out, 'README.md')]);
    const noOut = await cli(['docs', join(dir, 'pagila.json')]);
    expect([noOut.code, noOut.stderr]).toEqual([1, 'schemata docs: --out <dir> is required (the folder for index.html and README.md)\n']);
    const badFormat = await cli(['docs', join(dir, 'pagila.json'), '--out', out, '--format', 'pdf']);
    expect([badFormat.code, badFormat.stderr]).toEqual([1, 'schemata docs: unknown format "pdf" (known: html, markdown, both)\n']);
  });
});
