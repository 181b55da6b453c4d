/**
 * Builders for the import tests: import a snippet, pick out one object. Kept apart from the tests
 * so each test file stays a table of cases.
 */
import type { Model, Table } from '../../model/document.ts';
import { importSqlSync, type ImportSqlResult } from './import-sql.ts';

export function run(sql: string): ImportSqlResult {
  return importSqlSync(sql);
}

export function model(sql: string): Model {
  return run(sql).model;
}

/** The table named `name` (any schema); throws when missing so a case fails with a clear message. */
export function table(m: Model, name: string): Table {
  const found = m.tables.find((t) => t.name === name || `${t.schema}.${t.name}` === name);
  if (!found) throw new Error(`no table ${name} in ${m.tables.map((t) => t.name).join(', ')}`);
  return found;
}

/** A column of a table by name. */
export function column(m: Model, tableName: string, columnName: string) {
  const found = table(m, tableName).columns.find((c) => c.name === columnName);
  if (!found) throw new Error(`no column ${columnName} in ${tableName}`);
  return found;
}

/** Column names for column ids of a table. */
export function columnNames(m: Model, tableName: string, ids: string[] | undefined): string[] {
  const t = table(m, tableName);
  return (ids ?? []).map((id) => t.columns.find((c) => c.id === id)?.name ?? `?${id}`);
}
