/**
 * PostgreSQL expressions (checks, defaults, index expressions, predicates) rewritten for MySQL or
 * SQLite, or refused with the reason. Rewrites are the ones that keep meaning: casts dropped
 * (`'a'::text` → `'a'`), `= ANY (ARRAY[…])` → `IN (…)`, `~` → `REGEXP` (MySQL), `IS [NOT] DISTINCT
 * FROM` → `<=>` (MySQL) or `IS [NOT]` (SQLite), quoted names requoted. Anything else PostgreSQL-only
 * (`AT TIME ZONE`, `ILIKE`, arrays…), and any function the target may not have, is refused.
 */
import { rewriteDistinct } from './dialect-distinct.ts';
import type { ExportDialect } from './type-maps.ts';

export interface ExprTarget {
  dialect: ExportDialect;
  quoteIdent: (name: string) => string;
  /** Column names of the table the expression belongs to: bare ones are quoted for the target. */
  columns: Set<string>;
}

/** `notes`: rewrites worth a warning (casts dropped, `ANY` → `IN`, regex → `REGEXP`). */
export type ExprResult = { ok: true; sql: string; notes: string[] } | { ok: false; reason: string };

interface Token {
  kind: 'space' | 'estring' | 'string' | 'ident' | 'number' | 'word' | 'op' | 'punct';
  text: string;
}

const TOKEN = /(\s+)|([Ee]'(?:[^'\\]|\\.|'')*')|('(?:[^']|'')*')|("(?:[^"]|"")+")|(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|([A-Za-z_][A-Za-z0-9_$]*)|(::|!~\*|!~|~\*|<>|!=|>=|<=|\|\||[-+*/%<>=~!^&|#@])|([(),.[\]])/y;

function tokenize(sql: string): Token[] | undefined {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < sql.length) {
    const m = TOKEN.exec(sql);
    if (!m) return undefined;
    const kinds: Token['kind'][] = ['space', 'estring', 'string', 'ident', 'number', 'word', 'op', 'punct'];
    const index = m.slice(1).findIndex((g) => g !== undefined);
    out.push({ kind: kinds[index], text: m[0] });
  }
  return out;
}

/** Functions both targets know by the same name and meaning (lower-case). */
const COMMON_FUNCTIONS = new Set(['lower', 'upper', 'length', 'abs', 'round', 'trim', 'coalesce', 'nullif', 'replace', 'ltrim', 'rtrim', 'max', 'min']);
const MYSQL_FUNCTIONS = new Set([...COMMON_FUNCTIONS, 'char_length', 'character_length', 'octet_length', 'floor', 'ceil', 'ceiling', 'mod', 'substring', 'concat', 'left', 'right', 'now', 'uuid', 'json_array', 'json_object', 'year', 'month', 'day']);
const SQLITE_FUNCTIONS = new Set([...COMMON_FUNCTIONS, 'substr', 'hex', 'randomblob', 'random', 'datetime', 'date', 'time', 'julianday', 'strftime', 'json', 'json_array', 'json_object', 'instr', 'unicode']);

/** Words that end a cast's type name (`x::text IS NULL`). */
const AFTER_TYPE = new Set(['and', 'or', 'not', 'is', 'in', 'like', 'between', 'then', 'else', 'end', 'when', 'asc', 'desc', 'nulls', 'collate']);
const TYPE_WORDS = new Set(['character', 'varying', 'double', 'precision', 'with', 'without', 'time', 'zone', 'timestamp']);

/** Index just past a `::type` starting at `i` (the `::`), or -1. */
function skipCast(tokens: Token[], i: number): number {
  let j = i + 1;
  const skipSpace = () => { while (tokens[j]?.kind === 'space') j += 1; };
  skipSpace();
  if (tokens[j]?.kind !== 'word' && tokens[j]?.kind !== 'ident') return -1;
  j += 1;
  // Schema-qualified (`public.mood`) and multi-word (`character varying`) type names.
  for (;;) {
    if (tokens[j]?.text === '.' && (tokens[j + 1]?.kind === 'word' || tokens[j + 1]?.kind === 'ident')) { j += 2; continue; }
    let k = j;
    while (tokens[k]?.kind === 'space') k += 1;
    if (tokens[k]?.kind === 'word' && TYPE_WORDS.has(tokens[k].text.toLowerCase()) && !AFTER_TYPE.has(tokens[k].text.toLowerCase())) { j = k + 1; continue; }
    break;
  }
  if (tokens[j]?.text === '(') { while (j < tokens.length && tokens[j].text !== ')') j += 1; j += 1; }
  while (tokens[j]?.text === '[' && tokens[j + 1]?.text === ']') j += 2;
  return j;
}

/** `= ANY (ARRAY[a, b])` at `i` (the operator) → `IN (a, b)`; returns the tokens and the index past it. */
function rewriteAnyArray(tokens: Token[], i: number): { out: Token[]; next: number } | undefined {
  const op = tokens[i].text;
  if (op !== '=' && op !== '<>' && op !== '!=') return undefined;
  const rest: number[] = [];
  for (let j = i + 1; j < tokens.length && rest.length < 4; j += 1) if (tokens[j].kind !== 'space') rest.push(j);
  const [anyAt, open, arr, bracket] = rest;
  const word = tokens[anyAt]?.text.toLowerCase();
  if (!((op === '=' && word === 'any') || (op !== '=' && word === 'all'))) return undefined;
  if (tokens[open]?.text !== '(' || tokens[arr]?.text.toLowerCase() !== 'array' || tokens[bracket]?.text !== '[') return undefined;
  const close = tokens.findIndex((t, k) => k > bracket && t.text === ']');
  const paren = tokens.findIndex((t, k) => k > close && t.kind !== 'space');
  if (close < 0 || tokens[paren]?.text !== ')') return undefined;
  const keyword: Token = { kind: 'word', text: op === '=' ? 'IN' : 'NOT IN' };
  const items = tokens.slice(bracket + 1, close);
  return { out: [keyword, { kind: 'space', text: ' ' }, { kind: 'punct', text: '(' }, ...items, { kind: 'punct', text: ')' }], next: paren + 1 };
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** The body of a PostgreSQL `E'…'` string as a target literal (MySQL reads the same backslash escapes). */
function escapeString(body: string, dialect: ExportDialect): string {
  if (dialect === 'mysql') return `'${body}'`;
  const value = body.replace(/''/g, "'").replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
  return `'${value.replace(/'/g, "''")}'`;
}

const REGEX_OPS: Record<string, string> = { '~': 'REGEXP', '~*': 'REGEXP', '!~': 'NOT REGEXP', '!~*': 'NOT REGEXP' };

/** Notes for rewrites that keep the meaning but change the text a reviewer may compare. */
export const EXPR_NOTES = {
  cast: 'PostgreSQL casts (::) dropped',
  anyArray: '= ANY (ARRAY[…]) became IN (…)',
  regex: 'regex match became REGEXP (case sensitivity follows the column collation)',
  distinct: 'IS [NOT] DISTINCT FROM became a NULL-safe comparison',
};

interface Rewriting {
  target: ExprTarget;
  out: Token[];
  notes: Set<string>;
}

const NOT_FUNCTIONS = ['in', 'and', 'or', 'not', 'exists', 'any', 'all', 'when', 'then', 'else', 'is'];

/** A bare word: a function the target must know, a PostgreSQL-only keyword, or a column to quote. */
function rewriteWord(tokens: Token[], i: number, r: Rewriting): string | undefined {
  const t = tokens[i];
  const lower = t.text.toLowerCase();
  const next = tokens.slice(i + 1).find((x) => x.kind !== 'space');
  const functions = r.target.dialect === 'mysql' ? MYSQL_FUNCTIONS : SQLITE_FUNCTIONS;
  if (next?.text === '(' && !NOT_FUNCTIONS.includes(lower)) {
    if (!functions.has(lower)) return `uses the function ${t.text}()`;
  } else if (['array', 'ilike', 'similar', 'any', 'all', 'some'].includes(lower)) {
    return `uses PostgreSQL-only ${t.text.toUpperCase()}`;
  } else if (lower === 'at' && next?.kind === 'word' && next.text.toLowerCase() === 'time') {
    return 'uses PostgreSQL-only AT TIME ZONE';
  }
  const column = next?.text !== '(' && r.target.columns.has(t.text);
  r.out.push(column ? { kind: 'ident', text: r.target.quoteIdent(t.text) } : t);
  return undefined;
}

/** Rewrites the token at `i`; returns the index of the last token it used, or why it cannot. */
function rewriteToken(tokens: Token[], i: number, r: Rewriting): number | { reason: string } {
  const t = tokens[i];
  const { dialect } = r.target;
  if (t.text === '::') {
    const next = skipCast(tokens, i);
    if (next < 0) return { reason: 'uses a PostgreSQL cast' };
    r.notes.add(EXPR_NOTES.cast);
    return next - 1;
  }
  const any = t.kind === 'op' ? rewriteAnyArray(tokens, i) : undefined;
  if (any) {
    const [keyword, space, open, ...rest] = any.out;
    const inner = rewrite(rest.slice(0, -1), r.target);
    if (!inner.ok) return { reason: inner.reason };
    inner.notes.forEach((n) => r.notes.add(n));
    r.notes.add(EXPR_NOTES.anyArray);
    r.out.push(keyword, space, open, { kind: 'punct', text: inner.sql }, rest[rest.length - 1]);
    return any.next - 1;
  }
  if (REGEX_OPS[t.text]) {
    if (dialect === 'sqlite') return { reason: 'uses a regular expression (SQLite has no REGEXP function)' };
    r.notes.add(EXPR_NOTES.regex);
    r.out.push({ kind: 'word', text: REGEX_OPS[t.text] });
    return i;
  }
  if (t.kind === 'word') {
    const refused = rewriteWord(tokens, i, r);
    return refused ? { reason: refused } : i;
  }
  if (['[', ']', '#', '@', '^', '~'].includes(t.text) || (t.text === '||' && dialect === 'mysql')) return { reason: `uses the operator ${t.text}` };
  if (t.kind === 'ident') r.out.push({ kind: 'ident', text: r.target.quoteIdent(t.text.slice(1, -1).replace(/""/g, '"')) });
  else if (t.kind === 'string' && dialect === 'mysql') r.out.push({ kind: 'string', text: t.text.replace(/\\/g, '\\\\') });
  else if (t.kind === 'estring') r.out.push({ kind: 'string', text: escapeString(t.text.slice(2, -1), dialect) });
  else r.out.push(t);
  return i;
}

function rewrite(tokens: Token[], target: ExprTarget): ExprResult {
  const r: Rewriting = { target, out: [], notes: new Set() };
  for (let i = 0; i < tokens.length; i += 1) {
    const result = rewriteToken(tokens, i, r);
    if (typeof result !== 'number') return { ok: false, reason: result.reason };
    i = result;
  }
  return { ok: true, sql: r.out.map((x) => x.text).join(''), notes: [...r.notes] };
}

/**
 * Rewrites a PostgreSQL expression for the target, or says why it cannot.
 * Ex: `translateExpr("status = ANY (ARRAY['a'::text, 'b'::text])", mysql)` → `` `status` IN ('a', 'b') ``.
 */
export function translateExpr(sql: string, target: ExprTarget): ExprResult {
  if (/\$\$|\$\d/.test(sql)) return { ok: false, reason: 'uses PostgreSQL-only dollar quoting or parameters' };
  const tokens = tokenize(sql);
  if (!tokens) return { ok: false, reason: 'could not be read' };
  const distinct = rewriteDistinct(tokens, target.dialect);
  if (distinct && 'reason' in distinct) return { ok: false, reason: distinct.reason };
  const result = rewrite(distinct?.tokens ?? tokens, target);
  return result.ok && distinct ? { ...result, notes: [...result.notes, EXPR_NOTES.distinct] } : result;
}

/**
 * `GENERATED ALWAYS AS (…) STORED` translated for the target, or undefined when the expression has
 * no translation; every translation note or loss goes to `warn`.
 */
export function generatedClause(params: { expression: string; target: ExprTarget; warn: (message: string) => void }): string | undefined {
  const g = translateExpr(params.expression, params.target);
  if (!g.ok) {
    params.warn(`generated column became a plain column (expression ${g.reason})`);
    return undefined;
  }
  for (const note of g.notes) params.warn(`generated expression translated: ${note}`);
  return `GENERATED ALWAYS AS (${g.sql}) STORED`;
}
