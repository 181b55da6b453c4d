/**
 * Renames a column inside SQL expressions kept as text (checks, index expressions and predicates,
 * generated columns, partition keys), so renaming `price` keeps `CHECK (price >= 0)` working.
 * A small tokenizer, not a parser: string literals, dollar-quoted bodies and comments are left
 * alone; only identifier tokens equal to the old name (and not called as functions) change.
 */
import { quoteIdent } from '../ddl/quote.ts';

const IDENT = /[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/y;

/** Length of the token at `i` that must be copied untouched (string, quoted identifier, comment), or 0. */
function skipLength(sql: string, i: number): number {
  const ch = sql[i];
  if (ch === "'" || ch === '"') {
    let j = i + 1;
    while (j < sql.length) {
      if (sql[j] === ch && sql[j + 1] === ch) j += 2;
      else if (sql[j] === ch) return j + 1 - i;
      else j += 1;
    }
    return sql.length - i;
  }
  if (ch === '-' && sql[i + 1] === '-') {
    const end = sql.indexOf('\n', i);
    return (end < 0 ? sql.length : end) - i;
  }
  if (ch === '$') {
    const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i));
    if (tag) {
      const end = sql.indexOf(tag[0], i + tag[0].length);
      return (end < 0 ? sql.length : end + tag[0].length) - i;
    }
  }
  return 0;
}

export interface RenameOptions {
  /**
   * Only rename a qualifier: `from` directly followed by `.<qualifying>` (a schema before that
   * table name), or by `.` and any name when `true`.
   */
  qualifying?: string | true;
}

/**
 * Ex: `renameIdentifier("price >= 0 AND note <> 'price'", 'price', 'unit_price')`
 * → `"unit_price >= 0 AND note <> 'price'"`.
 */
export function renameIdentifier(sql: string, from: string, to: string, options: RenameOptions = {}): string {
  if (from === to) return sql;
  const qualifies = (rest: string) => {
    if (options.qualifying === undefined) return true;
    const next = /^\s*\.\s*("(?:[^"]|"")+"|[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*)/.exec(rest);
    if (!next) return false;
    if (options.qualifying === true) return true;
    const name = next[1].startsWith('"') ? next[1].slice(1, -1).replace(/""/g, '"') : next[1].toLowerCase();
    return name === options.qualifying;
  };
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === '"') {
      const len = skipLength(sql, i);
      const name = sql.slice(i + 1, i + len - 1).replace(/""/g, '"');
      out += name === from && qualifies(sql.slice(i + len)) ? quoteIdent(to) : sql.slice(i, i + len);
      i += len;
      continue;
    }
    const skip = skipLength(sql, i);
    if (skip) {
      out += sql.slice(i, i + skip);
      i += skip;
      continue;
    }
    IDENT.lastIndex = i;
    const match = IDENT.exec(sql);
    if (match && (i === 0 || !/[A-Za-z0-9_$]/.test(sql[i - 1]))) {
      const word = match[0];
      const called = /^\s*\(/.test(sql.slice(i + word.length));
      // Unquoted identifiers fold to lower case in PostgreSQL.
      out += word.toLowerCase() === from && !called && qualifies(sql.slice(i + word.length)) ? quoteIdent(to) : word;
      i += word.length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

/**
 * True when `sql` names the identifier outside strings and comments, e.g. a check that reads a
 * column. Ex: `mentionsIdentifier("price >= 0", 'price')` → true; `("note <> 'price'", 'price')` → false.
 */
export function mentionsIdentifier(sql: string, name: string): boolean {
  return renameIdentifier(sql, name, `${name}_`) !== sql;
}
