/**
 * What a column type change costs: whether PostgreSQL needs a USING cast (no assignment cast exists),
 * rewrites the table (not binary-coercible), or may fail or change values on existing rows
 * (narrowing). Decided from the two canonical types, never from SQL text.
 */
import type { ColumnType } from '../model/document.ts';
import { normalizeType } from '../model/types.ts';

const STRINGS = new Set(['text', 'character varying', 'character', 'citext', 'name']);
/** Integer ranks; numeric and floating types sit above them. */
const NUMBERS: Record<string, number> = { smallint: 1, integer: 2, bigint: 3, numeric: 4, real: 5, 'double precision': 6 };
const TIMES = new Set(['date', 'timestamp without time zone', 'timestamp with time zone', 'time without time zone', 'time with time zone']);

/** Changes that never fail and that PostgreSQL does without rewriting (binary-coercible). */
function binaryCoercible(a: ColumnType, b: ColumnType): boolean {
  if (a.name === b.name) {
    if (a.name === 'character varying' || a.name === 'bit varying') return !b.args || (a.args !== undefined && b.args[0] >= a.args[0]);
    if (a.name === 'numeric') {
      if (!b.args) return true;
      return a.args !== undefined && (a.args[1] ?? 0) === (b.args[1] ?? 0) && b.args[0] >= a.args[0];
    }
    return false;
  }
  if ((a.name === 'character varying' || a.name === 'text') && (b.name === 'text' || (b.name === 'character varying' && !b.args))) return true;
  return a.name === 'cidr' && b.name === 'inet';
}

/** Widening: every old value has a new value and no information is lost. */
function widening(a: ColumnType, b: ColumnType): boolean {
  if (STRINGS.has(b.name) && b.name !== 'character' && !b.args) return true;
  const [ra, rb] = [NUMBERS[a.name], NUMBERS[b.name]];
  if (ra && rb) {
    if (rb === 4) return !b.args || (ra <= 3 && b.args[0] - (b.args[1] ?? 0) >= [0, 5, 10, 19][ra]);
    if (ra <= 3 && rb <= 3) return rb >= ra;
    return rb >= ra && rb >= 5 && ra <= 2;
  }
  if (a.name === 'date' && b.name.startsWith('timestamp')) return true;
  if (a.name === 'timestamp without time zone' && b.name === 'timestamp with time zone') return true;
  if (a.name === 'timestamp with time zone' && b.name === 'timestamp without time zone') return true;
  if (a.name === b.name && (a.name.startsWith('time') || a.name === 'interval')) return !b.args || (a.args !== undefined && b.args[0] >= a.args[0]);
  return (a.name === 'json' && b.name === 'jsonb') || (a.name === 'jsonb' && b.name === 'json');
}

/** PostgreSQL converts these without USING (an implicit or assignment cast exists). */
function assignmentCast(a: ColumnType, b: ColumnType): boolean {
  if (a.schema || b.schema) return false;
  if (a.name === b.name) return true;
  if (STRINGS.has(b.name)) return true;
  if (NUMBERS[a.name] && NUMBERS[b.name]) return true;
  return TIMES.has(a.name) && TIMES.has(b.name) && !(a.name === 'date' && b.name.startsWith('time '));
}

export interface TypeChangeCost {
  /** The USING expression kind: absent (none needed), a direct cast, or a cast through text. */
  using?: 'cast' | 'via-text';
  rewrites: boolean;
  mayFail: boolean;
}

/**
 * Ex: `typeChangeCost(int, bigint)` → `{ rewrites: true, mayFail: false }`;
 * `typeChangeCost(text, integer)` → `{ using: 'cast', rewrites: true, mayFail: true }`.
 */
export function typeChangeCost(from: ColumnType, to: ColumnType): TypeChangeCost {
  const [a, b] = [normalizeType(from), normalizeType(to)];
  if ((a.arrayDims ?? 0) !== (b.arrayDims ?? 0)) return { using: 'cast', rewrites: true, mayFail: true };
  if (binaryCoercible(a, b)) return { rewrites: false, mayFail: false };
  const userTypes = Boolean(a.schema) && Boolean(b.schema);
  const using = assignmentCast(a, b) ? undefined : userTypes ? 'via-text' as const : 'cast' as const;
  return { ...(using ? { using } : {}), rewrites: true, mayFail: !widening(a, b) };
}
