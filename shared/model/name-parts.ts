/**
 * The column parts of PostgreSQL's default names, read from SQL text without a parser:
 * `FigureIndexColname` (what an index expression is called) and the "one column or none" rule for
 * check constraints (`orders_total_check` versus `orders_check`).
 */
import type { Column, IndexItem } from './document.ts';

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*)`;

function unquote(ident: string): string {
  return ident.startsWith('"') ? ident.slice(1, -1).replace(/""/g, '"') : ident.toLowerCase();
}

/** Replaces string literals by `''` so their contents never look like identifiers or parentheses. */
function blankLiterals(sql: string): string {
  return sql.replace(/[Ee]?'(?:[^'\\]|''|\\.)*'/g, "''");
}

/** Index of the parenthesis closing the one at `open`, or -1. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

function stripOuterParens(text: string): string {
  let out = text.trim();
  while (out.startsWith('(') && closingParen(out, 0) === out.length - 1) out = out.slice(1, -1).trim();
  return out;
}

/** Position of the last `::` outside parentheses and brackets, or -1. */
function topLevelCast(text: string): number {
  let depth = 0;
  let found = -1;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth += 1;
    else if (ch === ')' || ch === ']') depth -= 1;
    else if (depth === 0 && ch === ':' && text[i + 1] === ':') { found = i; i += 1; }
  }
  return found;
}

/** SQL-standard type spellings → the internal name the grammar turns them into (`int` → `int4`). */
const TYPE_KEYWORDS: Record<string, string> = {
  int: 'int4', integer: 'int4', smallint: 'int2', bigint: 'int8', real: 'float4', 'double precision': 'float8', float: 'float8',
  boolean: 'bool', decimal: 'numeric', dec: 'numeric', 'character varying': 'varchar', 'char varying': 'varchar',
  character: 'bpchar', char: 'bpchar', 'timestamp with time zone': 'timestamptz', 'timestamp without time zone': 'timestamp',
  'time with time zone': 'timetz', 'time without time zone': 'time', 'bit varying': 'varbit',
};

/** The name a cast's type contributes: `character varying(20)[]` → `varchar`, `public.citext` → `citext`. */
function typeNamePart(typeText: string): string {
  const text = typeText.trim().replace(/(\[\d*\])+$/, '').trim();
  const float = /^float\s*\(\s*(\d+)\s*\)$/i.exec(text);
  if (float) return Number(float[1]) <= 24 ? 'float4' : 'float8';
  const words = text.replace(/\([^)]*\)/g, ' ').trim().replace(/\s+/g, ' ');
  const keyword = TYPE_KEYWORDS[words.toLowerCase()];
  if (keyword && !words.includes('"')) return keyword;
  const parts = words.match(new RegExp(IDENT, 'g')) ?? [words];
  return unquote(parts[parts.length - 1]);
}

/**
 * What PostgreSQL calls an index expression in a default index name (FigureIndexColname):
 * `lower(email)` → `lower`, `(data->>'k')` → undefined (then `expr`), `name::text` → `name`,
 * `(data->>'k')::int` → `int4`.
 */
export function figureColname(expression: string): string | undefined {
  const text = stripOuterParens(blankLiterals(expression));
  const collate = /^([\s\S]+?)\s+COLLATE\s+(?:"(?:[^"]|"")+"|[\w.]+)$/i.exec(text);
  if (collate) return figureColname(collate[1]);
  const cast = topLevelCast(text);
  if (cast > 0) return figureColname(text.slice(0, cast)) ?? typeNamePart(text.slice(cast + 2));
  const castCall = /^cast\s*\(([\s\S]*)\s+as\s+([^()]*(?:\([^)]*\))?[^()]*)\)$/i.exec(text);
  if (castCall) return figureColname(castCall[1]) ?? typeNamePart(castCall[2]);
  if (/^case\b[\s\S]*\bend$/i.test(text)) return 'case';
  const qualified = new RegExp(`^(?:${IDENT}\\s*\\.\\s*)*(${IDENT})\\s*(\\(|\\[|$)`).exec(text);
  if (!qualified) return undefined;
  const rest = text.slice(qualified[0].length - qualified[2].length);
  const name = unquote(qualified[1]);
  if (qualified[2] === '') return name;
  if (qualified[2] === '(' && closingParen(rest, 0) === rest.length - 1) return name;
  if (qualified[2] === '[' && /^(\[[^\]]*\])+$/.test(rest)) return name;
  return undefined;
}

/** The name part of one index item: the column's name, or the expression's (default `expr`). */
export function indexItemName(item: IndexItem, columns: Pick<Column, 'id' | 'name'>[]): string {
  if (item.column) return columns.find((c) => c.id === item.column)?.name ?? item.column;
  return figureColname(item.expression ?? '') ?? 'expr';
}

/**
 * The column a check constraint is named after: PostgreSQL uses the column when the expression
 * reads exactly one column, and none otherwise. Ex: `price >= 0` → `price`; `a < b` → undefined.
 */
export function checkColumnName(expression: string, columns: Pick<Column, 'name'>[]): string | undefined {
  const text = blankLiterals(expression);
  const tokens = new RegExp(`(::\\s*)?(${IDENT})(\\s*\\()?`, 'g');
  const found = new Set<string>();
  for (const match of text.matchAll(tokens)) {
    if (match[1] || match[3]) continue; // a type name after `::`, or a function name
    const raw = match[2];
    const name = unquote(raw);
    const column = columns.find((c) => c.name === name);
    if (column) found.add(column.name);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
