/**
 * The worker thread that runs one SQL or DBML import at a time (`import-pool.ts` starts it). Parsing
 * untrusted text can take long; here it cannot stall the server, and the pool can terminate it.
 */
import { parentPort } from 'node:worker_threads';
import { loadSqlParser } from '../../shared/io/parser.ts';
import { ImportSyntaxError, importDocument } from '../../shared/io/import-document.ts';
import type { ImportFormat } from '../../shared/api/import.ts';

export interface ImportJob {
  text: string;
  format: ImportFormat;
  name?: string;
}

export type ImportOutcome =
  | { ok: true; response: Awaited<ReturnType<typeof importDocument>> }
  | { ok: false; syntax: { message: string; line: number; column: number; format: ImportFormat } }
  | { ok: false; failure: { message: string; stack?: string } };

async function run(job: ImportJob): Promise<ImportOutcome> {
  try {
    return { ok: true, response: await importDocument(job.text, job.format, job.name) };
  } catch (error) {
    if (error instanceof ImportSyntaxError) {
      return { ok: false, syntax: { message: error.message, line: error.line, column: error.column, format: error.format } };
    }
    const e = error as Error;
    return { ok: false, failure: { message: e?.message ?? String(error), stack: e?.stack } };
  }
}

parentPort?.on('message', (job: ImportJob) => {
  void run(job).then((outcome) => parentPort?.postMessage(outcome));
});
// Once the parser is loaded: the pool starts an import's clock only then, so a slow start is not
// counted against the import.
await loadSqlParser();
parentPort?.postMessage('ready');
