/**
 * A fast check of catalog rows, built from their zod schema. Rows are checked one by one and
 * zod's object parse costs ~7 µs a row (its JIT costs more to compile than a CLI run wins back):
 * for musicbrainz that was ~50 ms of `cli introspect`, the largest part of its client time. The
 * rows' schemas are flat objects of strings, numbers, booleans, enums and lists, so each schema is
 * turned once into plain closures that check a row and complete it in place (defaults filled in)
 * into what zod would give: a row just parsed from the driver's JSON is the caller's to change, and
 * a copy of each was half of the check's time and of its garbage.
 *
 * zod stays the judge: a schema with anything this does not know (a refinement, a length check, a
 * record, a coercion...) is not turned at all, and a row the fast check rejects is parsed by zod,
 * whose answer (the data, or the issue that names the field) is the one used.
 */
import type * as z from 'zod';
import { memoByObject } from '../../shared/model/memo-by-object.ts';

/** Returned by a check for a row it rejects. */
const REJECTED: unique symbol = Symbol('rejected');
type Check = (value: unknown) => unknown;

/** What zod keeps in `schema._zod.def` for the kinds turned here (zod 4). */
interface Def {
  type: string;
  checks?: { _zod: { def: { check?: string; format?: string } } }[];
  coerce?: boolean;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  readonly defaultValue?: unknown;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** A number's checks this knows: none, or `.int()` (zod's "safeint" format). */
function numberCheck(def: Def): Check | undefined {
  const checks = def.checks ?? [];
  if (checks.length === 0) return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : REJECTED);
  const [only] = checks;
  if (checks.length === 1 && only._zod.def.check === 'number_format' && only._zod.def.format === 'safeint') {
    return (value) => (Number.isSafeInteger(value) ? value : REJECTED);
  }
  return undefined;
}

function objectCheck(shape: Record<string, z.ZodType>): Check | undefined {
  const keys: string[] = [];
  const checks: Check[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const check = checkOf(field);
    if (!check) return undefined;
    keys.push(key);
    checks.push(check);
  }
  // Indexed loops over two lists: most rows are checked before V8 optimizes anything, and the
  // interpreter pays for every iterator and destructuring.
  const count = keys.length;
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return REJECTED;
    const row = value as Record<string, unknown>;
    // A key the schema does not name is left to zod, which drops it (a copy without it).
    let named = 0;
    for (let i = 0; i < count; i += 1) if (row[keys[i]] !== undefined || Object.hasOwn(row, keys[i])) named += 1;
    if (named !== Object.keys(row).length) return REJECTED;
    for (let i = 0; i < count; i += 1) {
      const given = row[keys[i]];
      const result = checks[i](given === null ? undefined : given);
      if (result === REJECTED) return REJECTED;
      if (result !== given) row[keys[i]] = result;
    }
    return row;
  };
}

function arrayCheck(element: Check): Check {
  return (value) => {
    if (!Array.isArray(value)) return REJECTED;
    for (let i = 0; i < value.length; i += 1) {
      const result = element(value[i]);
      if (result === REJECTED) return REJECTED;
      if (result !== value[i]) value[i] = result;
    }
    return value;
  };
}

/** The check of one schema, or undefined when it holds something only zod should judge. */
function checkOf(schema: z.ZodType): Check | undefined {
  const def = defOf(schema);
  if (def.coerce) return undefined;
  if (def.type !== 'number' && def.checks?.length) return undefined;
  switch (def.type) {
    case 'string': return (value) => (typeof value === 'string' ? value : REJECTED);
    case 'boolean': return (value) => (typeof value === 'boolean' ? value : REJECTED);
    case 'number': return numberCheck(def);
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (value) => (allowed.has(value as string) ? value : REJECTED);
    }
    case 'object': {
      if (def.catchall !== undefined || !def.shape) return undefined;
      return objectCheck(def.shape);
    }
    case 'array': {
      const element = def.element && checkOf(def.element);
      return element && arrayCheck(element);
    }
    case 'optional': case 'nullable': case 'default': {
      const inner = def.innerType && checkOf(def.innerType);
      if (!inner) return undefined;
      if (def.type === 'optional') return (value) => (value === undefined ? undefined : inner(value));
      if (def.type === 'nullable') return (value) => (value === null ? null : inner(value));
      // zod gives a default as it is, without checking it (a new one on each use for a function).
      return (value) => (value === undefined ? def.defaultValue : inner(value));
    }
    default: return undefined;
  }
}

const fastCheckOf = memoByObject((schema: z.ZodType) => checkOf(schema) ?? null);

/**
 * A copy of a row in which every field that is null, at any depth, is undefined (list items stay as
 * they are): what zod reads for a row the fast check rejects.
 */
function nullFieldsAbsent(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(nullFieldsAbsent);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, field === null ? undefined : nullFieldsAbsent(field)]));
}

/**
 * `schema.safeParse(row)` for a catalog row, in which a field that is NULL reads as absent (the
 * server sends every field; see `statementOf`), faster for the kinds of schema catalog rows have: the
 * same answer, with zod's own when the row does not pass. A row that passes is completed in place
 * (defaults filled in, NULL fields undefined) and returned; one that does not may be partly completed,
 * which zod reads the same.
 */
export function checkRow<T>(schema: z.ZodType<T>, row: unknown): z.ZodSafeParseResult<T> {
  const check = fastCheckOf(schema);
  const result = check ? check(row) : REJECTED;
  return result === REJECTED ? schema.safeParse(nullFieldsAbsent(row)) : { success: true, data: result as T };
}

/** True when `checkRow` checks this schema itself (for tests: zod is never needed for a good row). */
export function hasFastCheck(schema: z.ZodType): boolean {
  return fastCheckOf(schema) !== null;
}
