/**
 * PostgreSQL's own parser (libpg_query compiled to WebAssembly, via `pgsql-parser`), loaded the same
 * way in Node and in the browser. In the browser Emscripten fetches `libpg-query.wasm` relative to
 * the page, which is why `scripts/copy-wasm.mjs` puts it in `public/`.
 *
 * Everything here speaks in character offsets of the text the caller gave: libpg_query reports
 * UTF-8 byte offsets, which differ as soon as the text holds a non-ASCII character.
 */
import { deparseSync, loadModule, parseSync } from 'pgsql-parser';
import type { Node } from '@pgsql/types';
import { stripPsqlLines, type StrippedLine } from './sql-import/psql-commands.ts';
import { byteToCharMapper } from './byte-offsets.ts';

export { byteToCharMapper } from './byte-offsets.ts';

export type { Node };

let loading: Promise<void> | undefined;
let loaded = false;

/** Loads the WebAssembly parser once (~25 ms); every later call returns the same promise. */
export function loadSqlParser(): Promise<void> {
  loading ??= loadModule().then(() => {
    loaded = true;
  });
  return loading;
}

/** True once `loadSqlParser()` has finished, so the synchronous functions may be called. */
export function isSqlParserLoaded(): boolean {
  return loaded;
}

/** A syntax error as PostgreSQL reports it, with the position mapped to the caller's text. */
export class SqlSyntaxError extends Error {
  override readonly name = 'SqlSyntaxError';
  constructor(
    message: string,
    /** 1-based line and column of the offending token. */
    readonly line: number,
    readonly column: number,
    /** 0-based character offset in the text. */
    readonly position: number,
  ) {
    super(message);
  }
}

/** One top-level statement with where it sits in the text. */
export interface ParsedStatement {
  /** The statement's node, e.g. `{ CreateStmt: {...} }`. */
  node: Node;
  /** Node kind, e.g. `CreateStmt`. */
  kind: string;
  /** Character offsets `[start, end)` of the statement text, without the semicolon. */
  start: number;
  end: number;
  /** 1-based line of the statement's first character. */
  line: number;
  /** The statement as written. */
  text: string;
}

export interface ParsedScript {
  statements: ParsedStatement[];
  /** psql meta-commands and COPY data lines that were blanked before parsing. */
  stripped: StrippedLine[];
  /** Line and column (1-based) of a parse tree's `location` (a UTF-8 byte offset). */
  locate?: (byte: number) => { line: number; column: number };
}

/** Offsets where each line starts, for `lineColumnAt`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineColumnAt(starts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low] + 1 };
}

/** Ex: `lineColumn('a\nbc', 3)` → `{ line: 2, column: 2 }`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return lineColumnAt(lineStarts(text), offset);
}

/** PostgreSQL's error cursor counts characters (code points): map it to a UTF-16 offset. */
export function codePointToCharOffset(text: string, codePoints: number): number {
  let offset = 0;
  for (let n = 0; n < codePoints && offset < text.length; n += 1) offset += text.codePointAt(offset)! > 0xffff ? 2 : 1;
  return offset;
}

function errorOffset(error: unknown): number {
  const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
  return details?.cursorPosition !== undefined && details.cursorPosition >= 0 ? details.cursorPosition : 0;
}

/**
 * Splits and parses a script into statements. psql meta-commands (`\connect`, `\restrict`, …) and
 * `COPY … FROM stdin` data are blanked first (psql handles them, not the server). Throws
 * `SqlSyntaxError` on the first syntax error. Call `loadSqlParser()` before.
 * Ex: `parseScript('CREATE TABLE t (id int);').statements[0].kind` → `'CreateStmt'`.
 */
export function parseScript(text: string): ParsedScript {
  if (!loaded) throw new Error('the SQL parser is not loaded: await loadSqlParser() first');
  const { text: clean, stripped } = stripPsqlLines(text);
  const toChar = byteToCharMapper(clean);
  let result;
  try {
    result = parseSync(clean);
  } catch (error) {
    // Blank text, or only comments: nothing to import, not an error.
    if (error instanceof Error && error.message === 'Query cannot be empty') return { statements: [], stripped };
    const position = codePointToCharOffset(clean, errorOffset(error));
    const { line, column } = lineColumn(text, position);
    throw new SqlSyntaxError(error instanceof Error ? error.message : String(error), line, column, position);
  }
  const starts = lineStarts(text);
  const statements: ParsedStatement[] = [];
  for (const raw of result.stmts ?? []) {
    if (!raw.stmt) continue;
    const byteStart = raw.stmt_location ?? 0;
    let start = toChar(byteStart);
    const end = raw.stmt_len ? toChar(byteStart + raw.stmt_len) : clean.length;
    // stmt_location points just after the previous semicolon: skip the blanks and comments between.
    start = skipBlanksAndComments(clean, start, end);
    statements.push({
      node: raw.stmt,
      kind: Object.keys(raw.stmt)[0],
      start,
      end,
      line: lineColumnAt(starts, start).line,
      text: clean.slice(start, end).trim(),
    });
  }
  return { statements, stripped, locate: (byte) => lineColumnAt(starts, toChar(byte)) };
}

function skipBlanksAndComments(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13)) i += 1;
    else if (text.startsWith('--', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? to : nl + 1;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? to : close + 2;
    } else break;
  }
  return Math.min(i, to);
}

/** Prints a node back as SQL on one line. Ex: a `TypeCast` node → `'x'::text`. */
export function deparseNode(node: Node): string {
  return deparseSync(node, { pretty: false }).trim();
}

/** The statement nodes of SQL that is known to parse (text the importer printed itself). */
export function parseNodes(text: string): Node[] {
  return (parseSync(text).stmts ?? []).map((s) => s.stmt).filter((n): n is Node => n !== undefined);
}
