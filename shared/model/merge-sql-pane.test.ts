/**
 * The SQL pane's promise: applying the DDL the pane shows, unedited, changes nothing, and an edit
 * changes only what was edited, whatever ids the model had (templates use random-looking ids).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePostgres } from '../ddl/generate.ts';
import { diff } from '../diff/diff.ts';
import { importSql } from '../io/sql-import/import-sql.ts';
import { mergeModels } from './merge.ts';
import { templates } from './templates/index.ts';
import type { Model } from './document.ts';

/** What the SQL pane does: the model's DDL, edited, imported, merged with the DDL as shown read back. */
async function applyPane(model: Model, edit: (sql: string) => string = (s) => s) {
  const shown = generatePostgres(model);
  const { model: incoming } = await importSql(edit(shown));
  const { model: baseAsImported } = await importSql(shown);
  return mergeModels({ base: model, incoming, mode: 'replace', baseAsImported });
}

describe('applying the SQL pane', () => {
  it.each(templates.map((t) => [t.name, t] as const))('%s: the unedited DDL changes nothing and keeps every id', async (_name, template) => {
    const model = template.build().model;
    const result = await applyPane(model);
    expect(diff(model, result.model)).toEqual([]);
    expect(result.added).toEqual([]);
    expect(result.removed).toEqual([]);
  });

  it('pagila (a pg_dump): the unedited DDL of the imported model changes nothing', async () => {
    const { model } = await importSql(readFileSync(new URL('../../../shared/schemas/pagila/schema.sql', import.meta.url), 'utf8'));
    expect(diff(model, (await applyPane(model)).model)).toEqual([]);
  });

  it('an added column is the only change', async () => {
    const model = templates[0].build().model;
    const table = model.tables[0];
    const result = await applyPane(model, (sql) => sql.replace(`CREATE TABLE ${table.schema}.${table.name} (\n`, `CREATE TABLE ${table.schema}.${table.name} (\n    nickname text,\n`));
    expect(diff(model, result.model).map((c) => c.kind)).toEqual(['column.add']);
  });
});
