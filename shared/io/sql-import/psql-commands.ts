/**
 * What psql handles itself and the server never sees: backslash meta-commands (`\connect db`,
 * `\restrict key`, `\set ON_ERROR_STOP 1`) and the data lines that follow `COPY … FROM stdin;` up to
 * `\.`. They are blanked (replaced by spaces, newlines kept) so every offset and line number of the
 * remaining SQL stays exactly where it was in the file.
 */

export interface StrippedLine {
  /** 1-based line of the meta-command, or of the first data line of a COPY block. */
  line: number;
  kind: 'meta-command' | 'copy-data';
  /** The meta-command (e.g. `\connect shop`), or `N data line(s)` for a COPY block. */
  text: string;
}

type State = 'code' | 'quote' | 'ident' | 'dollar' | 'line-comment' | 'block-comment';

/** Blanks `[from, to)`, keeping newlines. */
function blank(chars: string[], from: number, to: number): void {
  for (let i = from; i < to; i += 1) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** After the leading blanks and comments: `COPY … FROM stdin`. Anchored, one quantifier: linear. */
const COPY_FROM_STDIN = /^copy\b[\s\S]*\bfrom\s+stdin\b/i;

/**
 * Offset of the first character that is neither blank nor part of a comment. A scan, not a regular
 * expression: `(?:\s+|--…|/*…*\/)*copy` backtracked exponentially over a long run of blanks.
 */
function afterBlanksAndComments(statement: string): number {
  let i = 0;
  while (i < statement.length) {
    if (/\s/.test(statement[i])) i += 1;
    else if (statement.startsWith('--', i)) i = lineEnd(statement, i) + 1;
    else if (statement.startsWith('/*', i)) {
      const close = statement.indexOf('*/', i + 2);
      if (close < 0) return statement.length;
      i = close + 2;
    } else break;
  }
  return i;
}

/** A COPY … FROM stdin statement, possibly after comments (pg_dump puts a header comment before each). */
export function isCopyFromStdin(statement: string): boolean {
  return COPY_FROM_STDIN.test(statement.slice(afterBlanksAndComments(statement)));
}

/**
 * Ex: `stripPsqlLines('\\connect x\nSELECT 1;')` → text `'          \nSELECT 1;'` and one stripped line.
 */
export function stripPsqlLines(text: string): { text: string; stripped: StrippedLine[] } {
  if (!text.includes('\\')) return { text, stripped: [] };
  // One element per UTF-16 code unit, so indexes match the string's.
  const chars = text.split('');
  const stripped: StrippedLine[] = [];
  let state: State = 'code';
  let dollarTag = '';
  let depth = 0;
  let line = 1;
  let atLineStart = true;
  let statementStart = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (state === 'code') {
      if (atLineStart && c === '\\') {
        const end = lineEnd(text, i);
        stripped.push({ line, kind: 'meta-command', text: text.slice(i, end).trim() });
        blank(chars, i, end);
        i = end;
        statementStart = end;
        continue;
      }
      if (c === ';') {
        const statement = text.slice(statementStart, i);
        statementStart = i + 1;
        if (isCopyFromStdin(statement)) {
          const next = skipCopyData(text, chars, lineEnd(text, i) + 1, line + 1, stripped);
          line += countNewlines(text, i, next);
          i = next;
          atLineStart = true;
          continue;
        }
      } else if (c === "'") state = 'quote';
      else if (c === '"') state = 'ident';
      else if (c === '-' && text[i + 1] === '-') state = 'line-comment';
      else if (c === '/' && text[i + 1] === '*') {
        state = 'block-comment';
        depth = 1;
        i += 1;
      } else if (c === '$') {
        const tag = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(text.slice(i, i + 64));
        if (tag && !/[\w$]/.test(text[i - 1] ?? ' ')) {
          state = 'dollar';
          dollarTag = tag[0];
          i += tag[0].length;
          atLineStart = false;
          continue;
        }
      }
    } else if (state === 'quote' && c === "'") state = 'code';
    else if (state === 'ident' && c === '"') state = 'code';
    else if (state === 'line-comment' && c === '\n') state = 'code';
    else if (state === 'block-comment') {
      if (c === '*' && text[i + 1] === '/') {
        depth -= 1;
        i += 1;
        if (depth === 0) state = 'code';
      } else if (c === '/' && text[i + 1] === '*') {
        depth += 1;
        i += 1;
      }
    } else if (state === 'dollar' && c === '$' && text.startsWith(dollarTag, i)) {
      state = 'code';
      i += dollarTag.length;
      atLineStart = false;
      continue;
    }
    if (c === '\n') {
      line += 1;
      atLineStart = true;
    } else if (c !== ' ' && c !== '\t' && c !== '\r') atLineStart = false;
    i += 1;
  }
  return { text: chars.join(''), stripped };
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) if (text.charCodeAt(i) === 10) n += 1;
  return n;
}

/** Blanks COPY data from `from` through the `\.` line; returns the offset after it. */
function skipCopyData(text: string, chars: string[], from: number, line: number, stripped: StrippedLine[]): number {
  let pos = from;
  let count = 0;
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    const isEnd = text.slice(pos, end).replace(/\r$/, '') === '\\.';
    if (!isEnd) count += 1;
    pos = end + 1;
    if (isEnd) break;
  }
  const stop = Math.min(pos, text.length);
  blank(chars, from, stop);
  stripped.push({ line, kind: 'copy-data', text: `${count} data line${count === 1 ? '' : 's'}` });
  return stop;
}
