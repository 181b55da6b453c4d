/**
 * Import as the CLI and the API offer it: SQL or DBML text in, a document with a tidy starting
 * layout out (a grid in schema and name order; the canvas has a real auto-layout), plus the report.
 * Syntax errors of either format come out as one `ImportSyntaxError` with line and column.
 */
import type { Layout, Model } from '../model/document.ts';
import { emptyLayout, makeDocument } from '../model/empty.ts';
import { DbmlSyntaxError, importDbml } from './dbml/dbml.ts';
import { nulMessage, nulPosition } from './nul-character.ts';
import { importSql, SqlSyntaxError } from './sql-import/import-sql.ts';
import type { ImportFormat, ImportResponse } from '../api/import.ts';

/** A syntax error of the imported text, whatever its format; line and column are 1-based. */
export class ImportSyntaxError extends Error {
  override readonly name = 'ImportSyntaxError';
  constructor(message: string, readonly line: number, readonly column: number, readonly format: ImportFormat) {
    super(message);
  }
}

const NODE_WIDTH = 240;
const GAP = 80;
/** Same estimate as the canvas: header plus one row per column. */
const nodeHeight = (rows: number) => 36 + 24 * Math.max(1, rows);

/**
 * Tables, then views, then enums, each in schema and name order, in rows of ⌈√n⌉ nodes; a row is as
 * tall as its tallest node. Ex: 4 one-column tables → a 2 × 2 grid.
 */
export function gridLayout(model: Model): Layout {
  const byName = <T extends { schema: string; name: string }>(list: T[]) =>
    [...list].sort((a, b) => a.schema.localeCompare(b.schema) || a.name.localeCompare(b.name));
  const nodes = [
    ...byName(model.tables).map((t) => ({ id: t.id, rows: t.columns.length })),
    ...byName(model.views).map((v) => ({ id: v.id, rows: v.columns?.length ?? 1 })),
    ...byName(model.enums).map((e) => ({ id: e.id, rows: e.values.length })),
  ];
  const perRow = Math.max(1, Math.ceil(Math.sqrt(nodes.length)));
  const layout = emptyLayout();
  let y = 0;
  for (let start = 0; start < nodes.length; start += perRow) {
    const row = nodes.slice(start, start + perRow);
    row.forEach((node, i) => {
      layout.nodes[node.id] = { x: i * (NODE_WIDTH + GAP), y };
    });
    y += Math.max(...row.map((n) => nodeHeight(n.rows))) + GAP;
  }
  return layout;
}

/**
 * Ex: `await importDocument('CREATE TABLE t (id int);', 'sql')` → a document with table `t` at (0, 0).
 * Throws `ImportSyntaxError`.
 */
export async function importDocument(text: string, format: ImportFormat = 'sql', name?: string): Promise<ImportResponse> {
  // The parser reads a C string: text after a NUL would be dropped without a word.
  const nul = nulPosition(text);
  if (nul) throw new ImportSyntaxError(nulMessage(nul), nul.line, nul.column, format);
  try {
    if (format === 'dbml') {
      const { document, report } = await importDbml(text);
      const layout = Object.keys(document.layout.nodes).length ? document.layout : { ...document.layout, nodes: gridLayout(document.model).nodes };
      return { document: { ...document, layout, ...(name ? { name } : {}) }, report };
    }
    const { model, report } = await importSql(text);
    return { document: makeDocument(model, gridLayout(model), name), report };
  } catch (error) {
    if (error instanceof SqlSyntaxError || error instanceof DbmlSyntaxError) {
      const message = error instanceof DbmlSyntaxError ? (error.diagnostics[0]?.message ?? error.message) : error.message;
      throw new ImportSyntaxError(message, error.line, error.column, format);
    }
    throw error;
  }
}
