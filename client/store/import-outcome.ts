/** What an import did, kept in the session so the report dialog can show it. Never saved. */
import type { ImportFormat } from '../../shared/api/import.ts';
import type { ImportReport } from '../../shared/io/sql-import/report.ts';

export interface ImportOutcome {
  /** The file name, `pasted text` or `SQL pane`. */
  source: string;
  format: ImportFormat;
  into: 'new' | 'merge' | 'sql-pane';
  report: ImportReport;
  /** Objects in the imported text. */
  tables: number;
  views: number;
  enums: number;
  /** Tables, views and enums the open model gained and lost. */
  added: number;
  removed: number;
  /** What merging had to drop to keep the model consistent. */
  mergeWarnings: string[];
  /** Parse time in milliseconds. */
  ms: number;
}
