/**
 * `import <file.sql|file.dbml> [--format sql|dbml]`: the document JSON on stdout, the report on
 * stderr (one line per skipped statement and per warning, with the file's line number), and for a
 * syntax error `file:line:column: message` and exit code 1. The import runs in a worker thread and is
 * stopped after `SCHEMATA_IMPORT_TIMEOUT_MS` (default 30 s), like the studio's.
 */
import { ImportSyntaxError } from '../../shared/io/import-document.ts';
import { IMPORT_FORMATS, type ImportFormat } from '../../shared/api/import.ts';
import type { ImportReport } from '../../shared/io/sql-import/report.ts';
import { ImportTimedOut, importInWorker, importTimeoutMs } from '../io/import-pool.ts';
import { CliError, type CliCommand, type CliIo } from './command.ts';
import { parseOptions } from './read-document.ts';

function formatOf(path: string, option: string | undefined): ImportFormat {
  if (option === undefined) return /\.dbml$/i.test(path) ? 'dbml' : 'sql';
  if (!(IMPORT_FORMATS as readonly string[]).includes(option)) throw new CliError(`unknown format "${option}" (use ${IMPORT_FORMATS.join(' or ')})`);
  return option as ImportFormat;
}

async function readSource(path: string, io: CliIo): Promise<string> {
  try {
    return await io.readFile(path === '-' ? '/dev/stdin' : path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

function timeoutOf(env: Record<string, string | undefined>): number {
  try {
    return importTimeoutMs(env);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

/** `file:12: skipped SET: a session setting` and `file:40: warning: …`, in line order. */
export function reportLines(file: string, report: ImportReport): string[] {
  const lines = [
    ...report.skipped.map((s) => ({ line: s.line, text: `skipped ${s.statement}: ${s.reason}` })),
    ...report.warnings.map((w) => ({ line: w.line, text: `warning: ${w.message}` })),
  ].sort((a, b) => a.line - b.line);
  return lines.map((l) => `${file}:${l.line}: ${l.text}`);
}

export const importCommand: CliCommand = {
  usage: 'import <file.sql|file.dbml> [--format sql|dbml]  print the imported document (JSON); the report goes to stderr',
  async run(args, io) {
    const { options, positional } = parseOptions(args, ['format']);
    if (positional.length !== 1) throw new CliError(positional.length ? `unexpected argument "${positional[1]}"` : 'give the file to import');
    const [path] = positional;
    const format = formatOf(path, options.format);
    const timeoutMs = timeoutOf(io.env ?? {});
    const text = await readSource(path, io);
    try {
      // In a worker with the studio's time limit: no file can hang the CLI either.
      const { document, report } = await importInWorker(text, format, undefined, timeoutMs);
      io.stdout(`${JSON.stringify(document, null, 2)}\n`);
      const lines = reportLines(path, report);
      if (lines.length) io.stderr(`${lines.join('\n')}\n`);
      const tables = document.model.tables.length;
      io.stderr(`imported ${tables} table${tables === 1 ? '' : 's'}, ${document.model.views.length} view(s); ${report.skipped.length} statement(s) skipped, ${report.warnings.length} warning(s)\n`);
      return 0;
    } catch (error) {
      if (error instanceof ImportTimedOut) throw new CliError(`${path}: ${error.message}`);
      if (!(error instanceof ImportSyntaxError)) throw error;
      io.stderr(`${path}:${error.line}:${error.column}: ${error.message}\n`);
      return 1;
    }
  },
};
