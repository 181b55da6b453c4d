/**
 * SQL import: PostgreSQL DDL (hand-written or `pg_dump` output) read with PostgreSQL's own parser
 * and turned into a model. Statements that change nothing in a schema are listed in the report
 * with their line; a syntax error throws `SqlSyntaxError` (line, column, PostgreSQL's message) and
 * imports nothing.
 */
import type { Model } from '../../model/document.ts';
import { DEFAULT_SEARCH_PATH, ImportContext } from './import-context.ts';
import { resolveForeignKeys } from './constraints.ts';
import { carryKeyIndexComments } from './key-index-comments.ts';
import { pinChosenNames } from './chosen-names.ts';
import type { ImportReport } from './report.ts';
import { importStatement } from './statements.ts';
import { loadSqlParser, parseScript, type ParsedScript } from '../parser.ts';
import { typeDoesNotExist, unknownTypes } from '../../model/known-types.ts';

export { SqlSyntaxError } from '../parser.ts';
export type { ImportReport, ImportWarning, SkippedStatement } from './report.ts';

export interface ImportSqlOptions {
  /** The search_path the script starts with; PostgreSQL's default (`"$user", public`) if absent. */
  searchPath?: string[];
}

export interface ImportSqlResult {
  model: Model;
  report: ImportReport;
}

/**
 * Imports a script; the parser must be loaded (`loadSqlParser()`). Throws `SqlSyntaxError`.
 * Ex: `importSqlSync('CREATE TABLE t (id int PRIMARY KEY);').model.tables[0].name` → `'t'`.
 */
export function importSqlSync(text: string, options: ImportSqlOptions = {}): ImportSqlResult {
  const { statements, stripped, locate } = parseScript(text);
  const ctx = new ImportContext(options.searchPath ?? DEFAULT_SEARCH_PATH);
  ctx.fromPgDump = PG_DUMP_HEADER.test(text.slice(0, 4096));
  for (const line of stripped) {
    ctx.skip(line.kind === 'copy-data' ? 'COPY data' : line.text.split(/\s+/)[0], line.kind === 'copy-data'
      ? `${line.text} of COPY … FROM stdin: row data is not part of the schema`
      : 'a psql meta-command, not SQL', line.line);
  }
  for (const statement of statements) {
    ctx.line = statement.line;
    if (ctx.clientEncoding === 'LATIN1') importStatement(ctx, latin1Tree(statement.node), utf8AsLatin1(statement.text));
    else importStatement(ctx, statement.node, statement.text);
  }
  resolveForeignKeys(ctx);
  carryKeyIndexComments(ctx);
  pinChosenNames(ctx);
  warnUnknownTypes(ctx, locate);
  ctx.report.skipped.sort((a, b) => a.line - b.line);
  ctx.report.warnings.sort((a, b) => a.line - b.line);
  return { model: ctx.model, report: ctx.report };
}

/** What pg_dump and pg_dumpall write at the top of a plain-format dump. */
const PG_DUMP_HEADER = /^-- PostgreSQL database (cluster )?dump\b/m;

/**
 * Types nothing defines (`txet`), checked once the whole script is read (a type may be created
 * after the table using it): PostgreSQL would refuse the script, so the report points at each.
 */
function warnUnknownTypes(ctx: ImportContext, locate: ParsedScript['locate']): void {
  for (const unknown of unknownTypes(ctx.model)) {
    const at = ctx.typeLocations.get(unknown.type);
    const position = at?.byte !== undefined && locate ? locate(at.byte) : undefined;
    // A type re-read from carried text has an offset in that text, not in the script.
    const inStatement = position && at && position.line >= at.line ? position : undefined;
    ctx.warn(typeDoesNotExist(unknown), inStatement?.line ?? at?.line ?? 1, inStatement?.column);
  }
}

/** What the server makes of UTF-8 text sent with client_encoding LATIN1: each byte becomes a character. */
function utf8AsLatin1(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  let out = '';
  for (const byte of new TextEncoder().encode(text)) out += String.fromCharCode(byte);
  return out;
}

/** `utf8AsLatin1` applied to every string of a parse tree (identifiers and literals alike). */
function latin1Tree<T>(node: T): T {
  if (typeof node === 'string') return utf8AsLatin1(node) as T;
  if (Array.isArray(node)) return node.map(latin1Tree) as T;
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, latin1Tree(v)])) as T;
  }
  return node;
}

/** Loads the parser if needed, then imports. Ex: `const { model, report } = await importSql(text)`. */
export async function importSql(text: string, options: ImportSqlOptions = {}): Promise<ImportSqlResult> {
  await loadSqlParser();
  return importSqlSync(text, options);
}
