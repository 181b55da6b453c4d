/**
 * `a IS [NOT] DISTINCT FROM b`, which MariaDB and SQLite before 3.39 do not read, in the form each
 * target has with the same meaning (NULL-safe equality):
 * MySQL `NOT (a <=> b)` / `a <=> b`; SQLite `a IS NOT b` / `a IS b`.
 * PostgreSQL binds IS looser than every comparison and arithmetic operator and tighter than NOT, AND
 * and OR, so each operand runs to the nearest of those (or a comma or unmatched parenthesis); both
 * are parenthesized so the target's own precedence cannot regroup them.
 */
import type { ExportDialect } from './type-maps.ts';

export interface DistinctToken {
  kind: string;
  text: string;
}

const LEFT_STOPS = new Set(['and', 'or', 'not', 'case', 'when', 'then', 'else']);
const RIGHT_STOPS = new Set(['and', 'or', 'is', 'when', 'then', 'else', 'end']);

const word = (t: DistinctToken | undefined) => (t?.kind === 'word' ? t.text.toLowerCase() : undefined);

/** Indexes of the non-space tokens from `i` on, at most `n`. */
function nextWords(tokens: DistinctToken[], i: number, n: number): number[] {
  const out: number[] = [];
  for (let j = i; j < tokens.length && out.length < n; j += 1) if (tokens[j].kind !== 'space') out.push(j);
  return out;
}

/** `IS [NOT] DISTINCT FROM` at `i`: whether it is negated (NOT) and the index of FROM. */
function distinctAt(tokens: DistinctToken[], i: number): { not: boolean; from: number } | undefined {
  if (word(tokens[i]) !== 'is') return undefined;
  const [a, b, c] = nextWords(tokens, i + 1, 3);
  if (word(tokens[a]) === 'distinct' && word(tokens[b]) === 'from') return { not: false, from: b };
  if (word(tokens[a]) === 'not' && word(tokens[b]) === 'distinct' && word(tokens[c]) === 'from') return { not: true, from: c };
  return undefined;
}

/** Where the operand ending just before `end` starts (scanning back), or after `start` ends. */
function operandEdge(tokens: DistinctToken[], from: number, step: 1 | -1): number {
  const [open, close, stops] = step === -1 ? ['(', ')', LEFT_STOPS] : [')', '(', RIGHT_STOPS];
  let depth = 0;
  let j = from;
  for (; j >= 0 && j < tokens.length; j += step) {
    const t = tokens[j];
    if (t.text === close) depth += 1;
    else if (t.text === open) { if (depth === 0) break; depth -= 1; }
    else if (depth === 0 && (t.text === ',' || stops.has(word(t) ?? ''))) break;
  }
  return j - step;
}

/** `[from, to]` narrowed past the spaces at either end (they stay around the rewrite). */
function narrowed(tokens: DistinctToken[], from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  while (a <= b && tokens[a].kind === 'space') a += 1;
  while (b >= a && tokens[b].kind === 'space') b -= 1;
  return [a, b];
}

/** Whether `tokens` is one parenthesized group: `( … )` with the first parenthesis closed last. */
function grouped(tokens: DistinctToken[]): boolean {
  if (tokens[0]?.text !== '(') return false;
  let depth = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i].text === '(') depth += 1;
    if (tokens[i].text === ')') depth -= 1;
    if (depth === 0) return i === tokens.length - 1;
  }
  return false;
}

const punct = (text: string): DistinctToken => ({ kind: 'punct', text });
const space: DistinctToken = { kind: 'space', text: ' ' };

function wrapped(operand: DistinctToken[]): DistinctToken[] {
  const call = operand[0].kind === 'word' && grouped(operand.slice(1));
  return operand.length === 1 || grouped(operand) || call ? operand : [punct('('), ...operand, punct(')')];
}

function replacement(dialect: ExportDialect, not: boolean, left: DistinctToken[], right: DistinctToken[]): DistinctToken[] {
  if (dialect === 'mysql') {
    const equal = [...wrapped(left), space, { kind: 'op', text: '<=>' }, space, ...wrapped(right)];
    return not ? [punct('('), ...equal, punct(')')] : [{ kind: 'word', text: 'NOT' }, space, punct('('), ...equal, punct(')')];
  }
  const is: DistinctToken[] = not ? [{ kind: 'word', text: 'IS' }] : [{ kind: 'word', text: 'IS' }, space, { kind: 'word', text: 'NOT' }];
  return [punct('('), ...wrapped(left), space, ...is, space, ...wrapped(right), punct(')')];
}

/**
 * Every `IS [NOT] DISTINCT FROM` in `tokens` rewritten for `dialect`; undefined when there is none
 * or an operand is missing (left for the caller to refuse).
 * Ex (MySQL): `n IS DISTINCT FROM 0` → `NOT (n <=> 0)`.
 */
export function rewriteDistinct<T extends DistinctToken>(tokens: T[], dialect: ExportDialect): { tokens: T[] } | { reason: string } | undefined {
  let out = tokens as DistinctToken[];
  let changed = false;
  for (let i = 0; i < out.length; i += 1) {
    const found = distinctAt(out, i);
    if (!found) continue;
    const [start, leftEnd] = narrowed(out, operandEdge(out, i - 1, -1), i - 1);
    const [rightStart, end] = narrowed(out, found.from + 1, operandEdge(out, found.from + 1, 1));
    const left = out.slice(start, leftEnd + 1);
    const right = out.slice(rightStart, end + 1);
    if (!left.length || !right.length) return { reason: 'uses IS DISTINCT FROM without two operands' };
    const middle = replacement(dialect, found.not, left, right);
    out = [...out.slice(0, start), ...middle, ...out.slice(end + 1)];
    // Scan the operands again: one may hold another IS DISTINCT FROM.
    i = start - 1;
    changed = true;
  }
  return changed ? { tokens: out as T[] } : undefined;
}
