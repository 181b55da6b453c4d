/**
 * Every PostgreSQL corpus schema (read with the SQL importer) exports to DBML that @dbml/core
 * parses, and reads back with the same columns, keys and references; a second pass is a fixed point.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../shared/model/document.ts';
import { makeDocument } from '../shared/model/empty.ts';
import { importSql } from '../shared/io/sql-import/import-sql.ts';
import { exportDbml, importDbml } from '../shared/io/dbml/dbml.ts';

const CORPUS_DIR = join(import.meta.dirname, '..', '..', 'shared', 'schemas');
const CORPUS = ['chinook', 'northwind', 'pagila', 'adventureworks', 'danbooru', 'lago', 'musicbrainz'];

/** What DBML keeps of a model, as sorted lines (table order may change: DBML groups by schema). */
function kept(model: Model): string[] {
  return model.tables.filter((t) => t.columns.length).flatMap((t) => [
    ...t.columns.map((c) => `column ${c.id} ${JSON.stringify(c.type)} ${c.notNull} ${c.default ?? ''} ${c.comment ?? ''}`),
    `pk ${t.id} ${t.primaryKey?.columns.join(',') ?? ''}`,
    ...t.foreignKeys.map((fk) => `fk ${t.id} ${fk.columns.join(',')} → ${fk.refTableId} ${fk.refColumns.join(',')} ${fk.onDelete} ${fk.onUpdate}`),
    ...t.checks.filter((c) => !c.expression.includes('`')).map((c) => `check ${t.id} ${c.expression}`),
    `comment ${t.id} ${t.comment ?? ''}`,
  ]).sort();
}

describe.each(CORPUS)('corpus %s → DBML → model', (name) => {
  it('keeps columns, keys, references, checks and comments', { timeout: 120_000 }, async () => {
    const model = (await importSql(await readFile(join(CORPUS_DIR, name, 'schema.sql'), 'utf8'))).model;
    const dbml = exportDbml(makeDocument(model));
    const back = (await importDbml(dbml)).document;
    expect(kept(back.model)).toEqual(kept(model));
    expect(exportDbml((await importDbml(exportDbml(back))).document)).toBe(exportDbml(back));
  });
});
