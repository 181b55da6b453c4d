/**
 * DBML (dbdiagram.io's language) in and out. Parsing uses `@dbml/core`, loaded on first use: it is
 * a large module, so the browser fetches it only when someone imports DBML. Export needs nothing.
 */
import type { ModelDocument } from '../model/document.ts';
import type { ImportReport } from './sql-import-report.ts';
import { dbmlDatabaseToDocument } from './dbml-import.ts';
import { exportDbmlWithWarnings } from './dbml-export.ts';

export { exportDbmlWithWarnings, type DbmlExport } from './dbml-export.ts';

export interface DbmlImportResult {
  document: ModelDocument;
  /** Same shape as the SQL import's: `Records` blocks are skipped, changes on the way in are warnings (with DBML lines). */
  report: ImportReport;
}

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
  message?: string;
  location?: { start?: { line?: number; column?: number } };
}

function toSyntaxError(error: unknown): DbmlSyntaxError | undefined {
  const diags = (error as { diags?: RawDiagnostic[] })?.diags;
  if (!Array.isArray(diags)) return undefined;
  const list = diags
    .map((d) => ({ message: d.message ?? 'invalid DBML', line: d.location?.start?.line ?? 1, column: d.location?.start?.column ?? 1 }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
  return new DbmlSyntaxError(list);
}

/**
 * Reads DBML into a document (ids derived from names) and a report of what changed on the way.
 * Throws `DbmlSyntaxError` with line and column when the text does not parse.
 * Ex: `const { document } = await importDbml('Table users {\n  id int [pk]\n}')`.
 */
export async function importDbml(text: string): Promise<DbmlImportResult> {
  const { Parser } = await import('@dbml/core');
  let database;
  try {
    database = Parser.parse(text, 'dbmlv2');
  } catch (error) {
    throw toSyntaxError(error) ?? error;
  }
  return dbmlDatabaseToDocument(database);
}

/** Writes a document as DBML; see `exportDbmlWithWarnings` for what DBML cannot hold. */
export function exportDbml(document: ModelDocument): string {
  return exportDbmlWithWarnings(document).dbml;
}
