/**
 * Text PostgreSQL prints (pg_get_constraintdef, pg_get_viewdef, pg_get_expr) does not always parse
 * back to the tree it was printed from, so a database rebuilt from that text differs from the
 * original (pg_dump has the same two flaws). Introspection rewrites the two known cases into text
 * that does parse back to the printed tree, so the rebuilt catalog prints exactly the same:
 *
 * 1. `(ARRAY['a'::character varying, …])::text[]` (what `varchar_col IN ('a', …)` is stored as):
 *    read back, the parser pushes a cast written right on an ARRAY[…] into every element, giving
 *    `ARRAY[('a'::character varying)::text, …]`. Writing the elements' own array type first,
 *    `(ARRAY[…])::character varying[]::text[]`, keeps the one array-level cast.
 * 2. An unnamed output column of a UNION branch (`SELECT a, NULL …`) is printed without a name,
 *    `NULL::integer`; read back, the parser names it after the cast (`int4`) and it is printed
 *    `NULL::integer AS int4`. ruleutils only leaves out the name of a non-column target when that
 *    name is `?column?`, so naming such targets `?column?` is faithful.
 */
import { loadModule, parseSync, scanSync } from 'libpg-query';
import type { Model } from '../../shared/model/document.ts';
import { byteToCharMapper } from '../../shared/io/byte-offsets.ts';

/**
 * libpg_query alone (pgsql-parser's deparser is not needed here). Imported with introspection: the
 * import starts compiling its WebAssembly in the background, while introspection connects and the
 * catalog queries run. Imported only once a view needed it, the module waited on a main thread busy
 * with the answers, 40-100 ms on musicbrainz, most of it past the last answer.
 */
let viewParser: Promise<void> | undefined;
let viewParserReady = false;

/**
 * Waits for the parser and warms it up: V8 compiles a WebAssembly function on its first call, so the
 * first parse pays for compiling the grammar (10-30 ms). Introspection calls this as soon as it knows
 * a view needs it, while the remaining catalog queries wait on the server.
 */
export function loadViewParser(): Promise<void> {
  viewParser ??= loadModule().then(() => {
    parseSync('SELECT 1 UNION SELECT NULL::integer');
    viewParserReady = true;
  });
  return viewParser;
}

/**
 * Only a set operation has branches whose output columns go unnamed (rewrite 2): a view body without
 * one of these words needs no parse. A word inside a literal or a name only costs a parse.
 */
const SET_OPERATION = /\b(?:UNION|INTERSECT|EXCEPT)\b/i;

/** True when a view body may hold unnamed targets to name (see `nameUnnamedTargets`). */
export function mayHaveUnnamedTargets(definition: string): boolean {
  return SET_OPERATION.test(definition);
}

/** Index just past the quoted token (`'…'` or `"…"`, doubled quotes inside) that starts at `from`. */
function skipQuoted(text: string, from: number): number {
  const quote = text[from];
  let i = from + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return text.length;
}

const ELEMENT = /^(?:'(?:[^']|'')*'::([a-z][a-z0-9_ ."]*?)|(-?\d+))(, |\])/;
const ARRAY_CAST = /^\)::([a-z][a-z0-9_ ."]*?)\[\]/;

/** The element type of `ARRAY[<literals>]` starting at `from` (just after `ARRAY[`) and where it ends. */
function literalArray(text: string, from: number): { type: string; end: number } | undefined {
  let i = from;
  let type: string | undefined;
  for (;;) {
    const match = ELEMENT.exec(text.slice(i, i + 4096));
    if (!match) return undefined;
    const elementType = match[1] ?? 'integer';
    if (type !== undefined && type !== elementType) return undefined;
    type = elementType;
    i += match[0].length;
    if (match[3] === ']') return { type, end: i };
  }
}

/**
 * Rewrite 1 above. Ex: `((x)::text = ANY ((ARRAY['a'::character varying])::text[]))` →
 * `((x)::text = ANY ((ARRAY['a'::character varying])::character varying[]::text[]))`.
 */
export function keepArrayLevelCasts(text: string): string {
  // Most expressions hold no array at all: one native search instead of a walk over every character.
  if (!text.includes('(ARRAY[')) return text;
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length;) {
    const char = text[i];
    if (char === "'" || char === '"') { i = skipQuoted(text, i); continue; }
    if (char !== '(' || !text.startsWith('(ARRAY[', i)) { i += 1; continue; }
    const array = literalArray(text, i + '(ARRAY['.length);
    const cast = array && ARRAY_CAST.exec(text.slice(array.end, array.end + 256));
    if (!array || !cast || cast[1] === array.type) { i += 1; continue; }
    out += text.slice(copied, array.end + 3) + `${array.type}[]::`;
    copied = array.end + 3;
    i = array.end + cast[0].length;
  }
  return out + text.slice(copied);
}

const TARGET_ENDS = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'FOR', 'UNION', 'INTERSECT', 'EXCEPT', 'INTO']);

interface Token { start: number; end: number; text: string }

/** Byte offset just past the target expression starting at token index `first`. */
function targetEnd(tokens: Token[], first: number): number {
  let depth = 0;
  let end = tokens[first].end;
  for (let k = first; k < tokens.length; k += 1) {
    const text = tokens[k].text;
    if (text === '(' || text === '[') depth += 1;
    else if (text === ')' || text === ']') {
      depth -= 1;
      if (depth < 0) break;
    } else if (depth === 0 && (text === ',' || text === ';' || TARGET_ENDS.has(text.toUpperCase()))) break;
    end = tokens[k].end;
  }
  return end;
}

type Tree = Record<string, unknown> | unknown[];

/** Byte offsets where every unnamed, non-column target of every SELECT list in the tree starts. */
function unnamedTargets(tree: unknown, out: number[] = []): number[] {
  if (Array.isArray(tree)) tree.forEach((t) => unnamedTargets(t, out));
  else if (tree && typeof tree === 'object') {
    const node = tree as Record<string, unknown>;
    const target = node.ResTarget as { name?: string; val?: Record<string, unknown>; location?: number } | undefined;
    if (target && target.name === undefined && target.val && !('ColumnRef' in target.val) && target.location !== undefined) {
      out.push(target.location);
    }
    for (const value of Object.values(node as Tree)) unnamedTargets(value, out);
  }
  return out;
}

/** Rewrite 2 above. Ex: `SELECT a FROM t UNION SELECT NULL::integer FROM u` → `… SELECT NULL::integer AS "?column?" FROM u`. */
export function nameUnnamedTargets(definition: string): string {
  if (!mayHaveUnnamedTargets(definition)) return definition;
  if (!viewParserReady) throw new Error('nameUnnamedTargets: await loadViewParser() first');
  const tree = parseSync(definition);
  const starts = unnamedTargets(tree.stmts);
  if (!starts.length) return definition;
  const tokens = (scanSync(definition).tokens as Token[]).map((t) => ({ ...t, text: t.text ?? '' }));
  const toChar = byteToCharMapper(definition);
  const ends = starts
    .map((start) => tokens.findIndex((t) => t.start === start))
    .filter((k) => k >= 0)
    .map((k) => toChar(targetEnd(tokens, k)))
    .sort((a, b) => b - a);
  let text = definition;
  for (const end of ends) text = `${text.slice(0, end)} AS "?column?"${text.slice(end)}`;
  return text;
}

/** Sets `object[key]` to the rewritten text when it is there (no key is added). */
function rewrite<T extends object, K extends keyof T>(object: T, key: K, how: (text: string) => string = keepArrayLevelCasts): void {
  const text = object[key];
  if (typeof text === 'string') object[key] = how(text) as T[K];
}

/**
 * Both rewrites over every expression and view body of a model introspection has just built (and
 * owns, so it is changed in place). The tables' and domains' expressions are rewritten first: they
 * need no parser, so that work is done while a parser still loading is compiled off the main thread.
 */
export async function makeReparseSafe(model: Model): Promise<Model> {
  const parserLoaded = model.views.some((view) => mayHaveUnnamedTargets(view.definition)) ? loadViewParser() : undefined;
  for (const table of model.tables) {
    for (const column of table.columns) { rewrite(column, 'default'); rewrite(column, 'generated'); }
    for (const check of table.checks) rewrite(check, 'expression');
    for (const index of table.indexes) {
      rewrite(index, 'where');
      for (const item of index.items) rewrite(item, 'expression');
    }
  }
  for (const domain of model.domains) {
    rewrite(domain, 'default');
    for (const check of domain.checks) rewrite(check, 'expression');
  }
  if (parserLoaded) await parserLoaded;
  for (const view of model.views) rewrite(view, 'definition', (text) => nameUnnamedTargets(keepArrayLevelCasts(text)));
  return model;
}
