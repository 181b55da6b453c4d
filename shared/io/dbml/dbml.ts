/**
 * DBML (dbdiagram.io's language) in and out. Parsing uses `@dbml/parse` (dbdiagram's own compiler,
 * ~120 KB gzip, loaded on first use; `@dbml/core` would add 3 MB of SQL parsers). Export needs nothing.
 */
import type { ModelDocument } from '../../model/document.ts';
import { dbmlDatabaseToDocument, type DbmlImportResult } from './import.ts';
import { exportDbmlWithWarnings } from './export.ts';

export { exportDbmlWithWarnings, type DbmlExport } from './export.ts';

export type { DbmlImportResult } from './import.ts';

export interface DbmlDiagnostic {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** DBML that does not parse. `line`/`column` (1-based) point at the first problem. */
export class DbmlSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(readonly diagnostics: DbmlDiagnostic[]) {
    const first = diagnostics[0] ?? { message: 'invalid DBML', line: 1, column: 1 };
    super(`${first.message} (line ${first.line}, column ${first.column})`);
    this.name = 'DbmlSyntaxError';
    this.line = first.line;
    this.column = first.column;
  }
}

interface RawDiagnostic {
  diagnostic?: string;
  nodeOrToken?: { startPos?: { line: number; column: number } };
}

/** The compiler's positions are 0-based; people count from 1. */
function toSyntaxError(errors: readonly RawDiagnostic[]): DbmlSyntaxError {
  const list = errors
    .map((e) => ({ message: e.diagnostic ?? 'invalid DBML', line: (e.nodeOrToken?.startPos?.line ?? 0) + 1, column: (e.nodeOrToken?.startPos?.column ?? 0) + 1 }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
  return new DbmlSyntaxError(list);
}

/**
 * Reads DBML into a document (ids derived from names) and a report of what changed on the way.
 * Throws `DbmlSyntaxError` with line and column when the text does not parse.
 * Ex: `const { document } = await importDbml('Table users {\n  id int [pk]\n}')`.
 */
export async function importDbml(text: string): Promise<DbmlImportResult> {
  const { Compiler, MemoryProjectLayout, DEFAULT_ENTRY } = await import('@dbml/parse');
  const layout = new MemoryProjectLayout();
  layout.setSource(DEFAULT_ENTRY, text);
  const compiler = new Compiler(layout);
  const errors = compiler.parse.errors(DEFAULT_ENTRY);
  if (errors.length) throw toSyntaxError(errors);
  const database = compiler.parse.rawDb(DEFAULT_ENTRY);
  if (!database) throw new DbmlSyntaxError([{ message: 'the DBML could not be read', line: 1, column: 1 }]);
  return dbmlDatabaseToDocument(database);
}

/** Writes a document as DBML; see `exportDbmlWithWarnings` for what DBML cannot hold. */
export function exportDbml(document: ModelDocument): string {
  return exportDbmlWithWarnings(document).dbml;
}
