/** Small pure readers of catalog text: check definitions, storage options, sequence options. */
import type { ColumnType, SequenceOptions } from '../../shared/model/document.ts';
import { parseTypeText } from '../../shared/model/types.ts';

/** `CHECK ((price > 0)) NOT VALID` → `{ expression: '(price > 0)', notValid: true }`. */
export function parseCheckDefinition(definition: string): { expression: string; notValid: boolean; noInherit: boolean } {
  let rest = definition.trim();
  let notValid = false;
  let noInherit = false;
  for (;;) {
    if (rest.endsWith(' NOT VALID')) { notValid = true; rest = rest.slice(0, -' NOT VALID'.length); continue; }
    if (rest.endsWith(' NO INHERIT')) { noInherit = true; rest = rest.slice(0, -' NO INHERIT'.length); continue; }
    break;
  }
  const match = rest.match(/^CHECK \(([\s\S]*)\)$/);
  return { expression: match ? match[1] : rest, notValid, noInherit };
}

/** `['fillfactor=70', 'autovacuum_enabled=false']` → `{ fillfactor: '70', autovacuum_enabled: 'false' }`. */
export function parseOptions(options: string[]): Record<string, string> | undefined {
  if (!options.length) return undefined;
  return Object.fromEntries(options.map((o) => {
    const at = o.indexOf('=');
    return at < 0 ? [o, 'true'] : [o.slice(0, at), o.slice(at + 1)];
  }));
}

/** Removes parentheses that wrap the whole text: `(a + b)` → `a + b`, `(a) + (b)` unchanged. */
export function stripOuterParens(text: string): string {
  let s = text.trim();
  while (s.startsWith('(') && s.endsWith(')') && closesAtEnd(s)) s = s.slice(1, -1).trim();
  return s;
}

function closesAtEnd(s: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0 && i < s.length - 1) return false;
    }
  }
  return depth === 0;
}

/** `format_type()` text → model type. `"char"` keeps its quotes: bare `char` means `character(1)`. */
export function columnType(formatted: string): ColumnType {
  if (formatted === '"char"' || formatted === '"char"[]') {
    return { name: '"char"', ...(formatted.endsWith('[]') ? { arrayDims: 1 } : {}) };
  }
  return parseTypeText(formatted);
}

const TYPE_RANGE: Record<string, [bigint, bigint]> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

export interface SequenceRow {
  dataType: string; start: string; increment: string; minValue: string; maxValue: string; cache: string; cycle: boolean;
}

/**
 * Sequence options that differ from what PostgreSQL would pick by itself, so an untouched sequence
 * reads as `{}` and a model drawn by hand compares equal. `defaultType` is `bigint` for a standalone
 * sequence and the column's type for an identity.
 */
export function sequenceOptions(row: SequenceRow, defaultType: string): SequenceOptions {
  const dataType = row.dataType as 'smallint' | 'integer' | 'bigint';
  const [typeMin, typeMax] = TYPE_RANGE[dataType] ?? TYPE_RANGE.bigint;
  const increment = BigInt(row.increment);
  const ascending = increment > 0n;
  const defaultMin = ascending ? 1n : typeMin;
  const defaultMax = ascending ? typeMax : -1n;
  const min = BigInt(row.minValue);
  const max = BigInt(row.maxValue);
  const out: SequenceOptions = {};
  if (dataType !== defaultType) out.dataType = dataType;
  if (BigInt(row.start) !== (ascending ? min : max)) out.start = row.start;
  if (increment !== 1n) out.increment = row.increment;
  if (min !== defaultMin) out.minValue = row.minValue;
  if (max !== defaultMax) out.maxValue = row.maxValue;
  if (row.cache !== '1') out.cache = row.cache;
  if (row.cycle) out.cycle = true;
  return out;
}

/** `{ comment: undefined }` → `{}`: absent fields stay absent, so documents compare by value. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
