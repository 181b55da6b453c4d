/** Finds a table's CREATE TABLE statement in a generated script, as 1-based line numbers. */
import { quoteQualified } from '../../shared/ddl/quote.ts';

export interface LineRange {
  start: number;
  end: number;
}

/** Ex: `statementLines(sql, 'public', 'orders')` → `{ start: 12, end: 20 }`, or undefined. */
export function statementLines(sql: string, schema: string, name: string): LineRange | undefined {
  const lines = sql.split('\n');
  const qualified = quoteQualified(schema, name);
  const candidates = [`CREATE TABLE ${qualified} (`, `CREATE TABLE ${qualified}(`, `CREATE UNLOGGED TABLE ${qualified} (`];
  const start = lines.findIndex((line) => candidates.some((c) => line.startsWith(c)) || line === `CREATE TABLE ${qualified}`);
  if (start < 0) return undefined;
  let end = start;
  while (end < lines.length - 1 && !lines[end].trimEnd().endsWith(';')) end += 1;
  return { start: start + 1, end: end + 1 };
}
