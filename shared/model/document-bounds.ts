/**
 * The limits every number, string and list of a document is held to, taken from what PostgreSQL
 * accepts (a value it would refuse, truncate or run out of memory on is refused when the document is
 * read, with its path), plus generous size caps so no single request can make the server build
 * gigabytes of output. `document.ts` applies them; the README lists them.
 */
import * as z from 'zod';
import { MAX_IDENTIFIER_BYTES, utf8Length } from './identifier-bytes.ts';

// NAMEDATALEN − 1 (63): PostgreSQL silently truncates a longer identifier, so two names could become one.
export { MAX_IDENTIFIER_BYTES } from './identifier-bytes.ts';

/** MAXDIM: PostgreSQL refuses arrays of more dimensions. */
export const MAX_ARRAY_DIMS = 6;
/** MaxHeapAttributeNumber: columns of one table. */
export const MAX_COLUMNS = 1600;
/** INDEX_MAX_KEYS: columns of one key or index (key items plus INCLUDE). */
export const MAX_KEY_COLUMNS = 32;
/** Objects of one kind in a model (tables, views, enums, …), and enum labels, layout nodes, notes. */
export const MAX_OBJECTS = 100_000;
/** Constraints or indexes of one table. */
export const MAX_PER_TABLE = 10_000;
/** Entries of a `WITH (…)` storage parameter list. */
export const MAX_OPTIONS = 100;
/** SQL kept as text (a view body, a function definition, …), in characters. */
export const MAX_SQL_CHARS = 10_000_000;
/** A comment or a note, in characters. */
export const MAX_COMMENT_CHARS = 1_000_000;
/** Any other string (ids, type names, colors, versions, …), in characters. */
export const MAX_SHORT_CHARS = 1_000;
/** Layout coordinates and sizes, in canvas pixels. */
export const MAX_COORDINATE = 1e9;
/** int8's range: sequence values beyond it are refused by PostgreSQL. */
export const INT8_MIN = -(2n ** 63n);
export const INT8_MAX = 2n ** 63n - 1n;

/** A PostgreSQL name (schema, table, column, constraint, enum label, …): at most 63 bytes in UTF-8. */
export const nameText = (min = 1) => z.string().min(min).max(MAX_IDENTIFIER_BYTES).refine(
  (text) => utf8Length(text) <= MAX_IDENTIFIER_BYTES,
  { message: `PostgreSQL identifiers are at most ${MAX_IDENTIFIER_BYTES} bytes (in UTF-8); a longer one would be truncated` },
);

/**
 * The whole number `text` holds, or undefined. zod runs every refinement even after the pattern
 * failed, so a refinement must never call `BigInt` on text that is not a number (it throws).
 */
export function wholeNumber(text: string): bigint | undefined {
  return /^-?\d{1,19}$/.test(text) ? BigInt(text) : undefined;
}

/** Whole numbers within int8, as text (JSON numbers cannot hold them). */
export const int8Text = z.string().regex(/^-?\d{1,19}$/, 'a whole number').refine((text) => {
  const value = wholeNumber(text);
  return value === undefined || (value >= INT8_MIN && value <= INT8_MAX);
}, { message: `a whole number between ${INT8_MIN} and ${INT8_MAX} (PostgreSQL's bigint)` });

/** A record with at most `max` entries. */
export const boundedRecord = <V extends z.ZodType>(key: z.ZodType<string>, value: V, max = MAX_OPTIONS) =>
  z.record(key, value).refine((record) => Object.keys(record).length <= max, { message: `at most ${max} entries` });

interface ArgRule {
  /** How many type modifiers the type takes at most. */
  count: number;
  /** Each modifier's bounds, by position (the last applies to the rest). */
  ranges: Array<[number, number]>;
}

/** Type modifiers PostgreSQL accepts, for the built-in types that take them. */
function argRule(typeName: string): ArgRule | undefined {
  const name = typeName.toLowerCase();
  if (name === 'character varying' || name === 'character' || name === 'varchar' || name === 'char' || name === 'bpchar') {
    return { count: 1, ranges: [[1, 10_485_760]] };
  }
  if (name === 'bit' || name === 'bit varying' || name === 'varbit') return { count: 1, ranges: [[1, 83_886_080]] };
  if (name === 'numeric' || name === 'decimal') return { count: 2, ranges: [[1, 1000], [-1000, 1000]] };
  if (/^(time|timestamp)( with(out)? time zone)?$|^timestamptz$|^timetz$|^interval\b/.test(name)) return { count: 1, ranges: [[0, 6]] };
  if (name === 'float') return { count: 1, ranges: [[1, 53]] };
  return undefined;
}

/**
 * Problems of a type's modifiers (`args`) for the built-in types whose limits are known; other types
 * are held to the general bounds of `typeArgsZod`. Ex: `typeArgProblems('numeric', [2000])` → one problem.
 */
export function typeArgProblems(typeName: string, args: number[]): Array<{ index?: number; message: string }> {
  const rule = argRule(typeName);
  if (!rule) return [];
  if (args.length > rule.count) return [{ message: `${typeName} takes at most ${rule.count} type modifier${rule.count === 1 ? '' : 's'}` }];
  const problems: Array<{ index: number; message: string }> = [];
  args.forEach((arg, index) => {
    const [min, max] = rule.ranges[Math.min(index, rule.ranges.length - 1)];
    if (arg < min || arg > max) problems.push({ index, message: `${typeName} modifier ${index + 1} must be between ${min} and ${max}` });
  });
  return problems;
}

/** Any type's modifiers: at most two, each within what any built-in type accepts. */
export const typeArgsZod = z.array(z.number().int().min(-1000).max(83_886_080)).max(2);
