/**
 * Lint on the real-world corpus (../shared/schemas): every schema there loads cleanly in PostgreSQL,
 * so no rule that means "PostgreSQL would refuse this" may fire on it. Catches false positives.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSql } from '../io/sql-import/import-sql.ts';
import { lintModel } from './lint.ts';
import { normalizeModel } from '../model/normalize.ts';

const CORPUS = new URL('../../../shared/schemas/', import.meta.url);
const NAMES = ['chinook', 'northwind', 'pagila', 'adventureworks', 'danbooru', 'lago', 'musicbrainz'];
/** Errors PostgreSQL accepts in DDL (they fail later, at run time): allowed in a loadable schema. */
const RUNTIME_ERRORS = new Set(['fk-set-null-not-null']);

describe('lintModel on the real-world corpus', () => {
  it('finds the corpus', () => {
    expect(NAMES.filter((n) => !existsSync(new URL(`${n}/schema.sql`, CORPUS)))).toEqual([]);
  });

  it.each(NAMES)('%s: no error PostgreSQL would refuse; every issue points at an object of the model', async (name) => {
    const { model } = await importSql(readFileSync(new URL(`${name}/schema.sql`, CORPUS), 'utf8'));
    const issues = lintModel(model);
    const errors = issues.filter((i) => i.severity === 'error' && !RUNTIME_ERRORS.has(i.code));
    expect(errors.map((e) => e.message)).toEqual([]);
    const objectIds = new Set(model.tables.flatMap((t) => [
      t.id, ...t.columns.map((c) => c.id), ...t.foreignKeys.map((f) => f.id), ...t.indexes.map((x) => x.id),
      ...t.uniques.map((u) => u.id), ...t.checks.map((c) => c.id), ...(t.primaryKey ? [t.primaryKey.id] : []),
    ]).concat(model.enums.map((e) => e.id), model.domains.map((d) => d.id), model.schemas.map((s) => s.id)));
    expect(issues.filter((i) => !objectIds.has(i.objectId))).toEqual([]);
    expect(lintModel(normalizeModel(model)).length).toBe(issues.length);
  });
});
