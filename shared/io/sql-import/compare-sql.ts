/**
 * Compares SQL text by meaning rather than by spelling: both sides are parsed with PostgreSQL's
 * parser and their trees compared without positions. Parentheses, spacing, keyword case and `E''`
 * versus plain literals then do not matter; an explicit cast does (PostgreSQL prints casts it added).
 * Meant for the diff: an imported expression against the one introspection read back.
 */
import type { Node } from '@pgsql/types';
import { isSqlParserLoaded, parseNodes } from '../parser.ts';

/** The tree without `location` fields (and, for a view, without its trailing semicolon). */
function shape(text: string, kind: 'expression' | 'query'): string | undefined {
  try {
    const nodes: Node[] = parseNodes(kind === 'expression' ? `SELECT ${text}` : text.trim().replace(/;\s*$/, ''));
    return JSON.stringify(nodes, (key, value) => (key === 'location' || key === 'stmt_location' || key === 'stmt_len' ? undefined : value));
  } catch {
    return undefined;
  }
}

/**
 * True when two expressions (or, with `kind: 'query'`, two view bodies) parse to the same tree.
 * Ex: `sameSqlMeaning('(a >= 0)', 'a >= 0')` → true. Falls back to exact text when the parser is
 * not loaded or a side does not parse.
 */
export function sameSqlMeaning(a: string, b: string, kind: 'expression' | 'query' = 'expression'): boolean {
  if (a === b) return true;
  if (!isSqlParserLoaded()) return false;
  const left = shape(a, kind);
  return left !== undefined && left === shape(b, kind);
}
