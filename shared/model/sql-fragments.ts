/**
 * Proves that a piece of SQL text from a model field is exactly what its field allows (one
 * expression, one SELECT, one partition bound, one type name, …), with PostgreSQL's own scanner and
 * parser. The DDL writers paste these texts into statements; each check guarantees that wherever a
 * writer places the text, it can never end the statement or start another:
 *
 * - the scanner sees no `;`, parentheses and brackets that balance (so `1) + (2` cannot close the
 *   writer's parenthesis), no trailing `--` comment (it would swallow the writer's `;` or `)`), no
 *   psql backslash command, and no `'…\'…'` string (it ends elsewhere when
 *   standard_conforming_strings is off);
 * - the parser, given the text inside a fixed frame (`SELECT <expr> AS _e`, …), finds exactly one
 *   statement of the expected shape and nothing else (no FROM, no second target, …).
 *
 * Each check returns the problem as a sentence, or undefined when the text is fine.
 */
import { scanSync, type ScanToken } from 'libpg-query';
import { parseSync } from 'pgsql-parser';
import { isSqlParserLoaded, loadSqlParser } from '../io/parser.ts';
import type { ColumnType } from './document.ts';
import { formatType } from './types.ts';

// Node (server, CLI, tests, workers) loads the WebAssembly parser before anything can validate; the
// browser's page awaits `loadSqlParser()` before it opens a document (see client/boot.ts).
if (typeof (globalThis as { document?: unknown }).document === 'undefined') await loadSqlParser();

type Json = Record<string, unknown>;
interface Statement { kind: string; node: Json }

function requireParser(): void {
  if (!isSqlParserLoaded()) throw new Error('the SQL parser is not loaded: await loadSqlParser() before validating a document');
}

/** The statements of `text`, or the parser's error message. */
export function parseStatements(text: string): Statement[] | string {
  requireParser();
  try {
    return (parseSync(text).stmts ?? []).flatMap((s) => {
      if (!s.stmt) return [];
      const kind = Object.keys(s.stmt)[0];
      return [{ kind, node: (s.stmt as unknown as Record<string, Json>)[kind] }];
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Control characters other than tab, newline and carriage return. libpg-query's scanner hands its
 * tokens back as JSON and fails on them ("bad control character"), though PostgreSQL accepts them
 * inside strings and quoted names. Each is blanked, one character for one, before the scan: positions
 * stay, no string, name or comment ends elsewhere (only a newline ends a -- comment), and outside a
 * string such a character is a syntax error the framed parse still reports.
 */
const SCANNER_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function scan(text: string): ScanToken[] | undefined {
  try {
    return scanSync(text.replace(SCANNER_UNSAFE, ' ')).tokens;
  } catch {
    return undefined;
  }
}

const SEMICOLON = 'ASCII_59';
const OPENERS: Record<string, string> = { '(': ')', '[': ']' };

/**
 * Token-level problems; `statements` allows `;` (carried objects hold whole statements).
 * Ex: `tokenProblem('1 --', false)` → `'ends in a -- comment, …'`.
 */
export function tokenProblem(text: string, statements: boolean): string | undefined {
  const tokens = scan(text);
  if (!tokens) return 'has an unterminated string, quoted name or comment';
  const open: string[] = [];
  for (const token of tokens) {
    if (token.text.startsWith('\\')) return 'holds a backslash command (psql would run it)';
    if (!statements && token.tokenName === SEMICOLON) return 'holds a ";": it would end the statement';
    if (token.tokenName === 'SCONST' && token.text.startsWith("'") && token.text.includes("\\'")) {
      return "holds a '…\\'…' string, which ends elsewhere when standard_conforming_strings is off: write E'…' or ''";
    }
    if (OPENERS[token.text]) open.push(OPENERS[token.text]);
    else if (token.text === ')' || token.text === ']') {
      if (open.pop() !== token.text) return `has a "${token.text}" that closes nothing it opened`;
    }
  }
  if (open.length) return `leaves a "${open[open.length - 1] === ')' ? '(' : '['}" open`;
  const last = tokens[tokens.length - 1];
  if (last?.tokenName === 'SQL_COMMENT') return 'ends in a -- comment, which would swallow the SQL written after it';
  return undefined;
}

/** Keys a parse node may hold besides `allowed`, when they carry PostgreSQL's default values. */
function extraKeys(node: Json, allowed: string[]): string[] {
  const defaults: Record<string, unknown> = { limitOption: 'LIMIT_OPTION_DEFAULT', op: 'SETOP_NONE', oncommit: 'ONCOMMIT_NOOP', location: undefined };
  return Object.keys(node).filter((k) => !allowed.includes(k) && !(k in defaults && (defaults[k] === undefined || defaults[k] === node[k])));
}

/** Parses `framed` and returns its one statement of `kind`, or the problem. */
function oneStatement(framed: string, kind: string): Json | string {
  const statements = parseStatements(framed);
  if (typeof statements === 'string') return `is not valid SQL here: ${statements}`;
  if (statements.length !== 1 || statements[0].kind !== kind) return 'is not one piece of SQL of the expected kind';
  return statements[0].node;
}

function checked(text: string, statements: boolean, shape: () => string | undefined): string | undefined {
  if (!text.trim()) return 'is empty';
  return tokenProblem(text, statements) ?? shape();
}

/** One value expression (defaults, generated columns, checks, index expressions and predicates). */
export function expressionProblem(text: string): string | undefined {
  return checked(text, false, () => {
    const select = oneStatement(`SELECT (${text}) AS _e`, 'SelectStmt');
    if (typeof select === 'string') return select;
    const targets = select.targetList as Json[] | undefined;
    const target = targets?.length === 1 ? (targets[0].ResTarget as Json | undefined) : undefined;
    if (!target || target.name !== '_e' || extraKeys(select, ['targetList']).length) return 'is not exactly one expression';
    // `1, 2` parses as a row only thanks to the frame's own parenthesis (at offset 7): a list, not one value.
    const row = (target.val as Json | undefined)?.RowExpr as Json | undefined;
    if (row && row.location === 'SELECT '.length) return 'is not exactly one expression (it is a comma-separated list)';
    return undefined;
  });
}

/** A view query: one SELECT (VALUES and WITH included), as `CREATE VIEW … AS <query>` needs it. */
export function viewQueryProblem(text: string): string | undefined {
  return checked(text, false, () => {
    const own = oneStatement(text, 'SelectStmt');
    if (typeof own === 'string') return 'is not one SELECT (or VALUES, WITH) query';
    if (own.intoClause) return 'is a SELECT INTO, which creates a table';
    // As a subquery: whatever the query ends with, the writer's `;` still follows it.
    const outer = oneStatement(`SELECT * FROM (${text}) AS _v`, 'SelectStmt');
    if (typeof outer === 'string' || extraKeys(outer, ['targetList', 'fromClause']).length) return 'is not one SELECT query that can stand in parentheses';
    return undefined;
  });
}

/** `FOR VALUES …` or `DEFAULT`: the bound of a partition. */
export function partitionBoundProblem(text: string): string | undefined {
  return checked(text, false, () => {
    const create = oneStatement(`CREATE TABLE _c PARTITION OF _p ${text} TABLESPACE _s`, 'CreateStmt');
    if (typeof create === 'string') return 'is not one partition bound (FOR VALUES … or DEFAULT)';
    if (!create.partbound || create.tablespacename !== '_s' || extraKeys(create, ['relation', 'inhRelations', 'partbound', 'tablespacename']).length) {
      return 'is not one partition bound (FOR VALUES … or DEFAULT)';
    }
    return undefined;
  });
}

/** The key list after `PARTITION BY RANGE`, e.g. `lower(name), id`. */
export function partitionKeyProblem(text: string): string | undefined {
  return checked(text, false, () => {
    const create = oneStatement(`CREATE TABLE _t () PARTITION BY RANGE (${text}) TABLESPACE _s`, 'CreateStmt');
    if (typeof create === 'string' || !create.partspec || create.tablespacename !== '_s' || extraKeys(create, ['relation', 'partspec', 'tablespacename']).length) {
      return 'is not one partition key list (columns or expressions, comma-separated)';
    }
    return undefined;
  });
}

/** The type as the DDL writes it is one type name (`SELECT NULL::<type>` casts, and does nothing else). */
export function typeProblem(type: ColumnType): string | undefined {
  // The writer quotes every name it must; a name holding quotes is pasted SQL, not a type's name.
  if (type.name !== '"char"' && type.name.includes('"')) return 'is not a type name: it holds a double quote (the DDL quotes names itself)';
  const written = formatType(type);
  return checked(written, false, () => {
    const select = oneStatement(`SELECT NULL::${written} AS _e`, 'SelectStmt');
    const targets = typeof select === 'string' ? undefined : (select.targetList as Json[] | undefined);
    const target = targets?.length === 1 ? (targets[0].ResTarget as Json | undefined) : undefined;
    const cast = (target?.val as Json | undefined)?.TypeCast as Json | undefined;
    if (!cast || target?.name !== '_e' || typeof select === 'string' || extraKeys(select, ['targetList']).length) {
      return `is not one type name (it would be written ${written})`;
    }
    return undefined;
  });
}

const SEGMENT = String.raw`(?:"(?:[^"\x00]|"")+"|[A-Za-z0-9_$]+)`;
const NAME = new RegExp(`^${SEGMENT}(?:\\.${SEGMENT}){0,2}$`);

/** A possibly qualified name (collations, operator classes): `"C"`, `pg_catalog."default"`, `en_US`. */
export function nameProblem(text: string): string | undefined {
  return NAME.test(text) ? undefined : 'is not a name (letters, digits, _ and $, or a "quoted" name, dot-separated)';
}

/** An index access method: one plain name (btree, gist, …). */
export function methodProblem(text: string): string | undefined {
  return /^[a-z_][a-z0-9_]*$/.test(text) ? undefined : 'is not an access method name (lower-case letters, digits and _)';
}

/** Storage parameters (`WITH (fillfactor=70)`): keys are names, values words or numbers. */
export function storageProblems(options: Record<string, string>): Array<{ key: string; message: string }> {
  return Object.entries(options).flatMap(([key, value]) => {
    if (!/^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?$/.test(key)) return [{ key, message: 'is not a storage parameter name' }];
    if (!/^[A-Za-z0-9_.+-]+$/.test(value)) return [{ key, message: 'is not a storage parameter value (a word or a number)' }];
    return [];
  });
}
