import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { checkRow, hasFastCheck } from './row-check.ts';
import { introspectionQueries } from './introspect.ts';

/** What zod keeps of a schema (zod 4): its kind, and the parts these tests walk. */
function defOf(schema: z.ZodType): Record<string, unknown> & { shape: Record<string, z.ZodType> } {
  return (schema as unknown as { _zod: { def: Record<string, unknown> & { shape: Record<string, z.ZodType> } } })._zod.def;
}

/** Values to try for a field of this schema: ones zod accepts and ones it rejects. */
function candidates(schema: z.ZodType): unknown[] {
  const def = defOf(schema);
  const empties = [null, undefined, {}, []];
  switch (def.type) {
    case 'string': return ['a', '', 'ümlaut "quoted"', 1, true, ...empties];
    case 'number': return [0, 7, -3, 1.5, 2 ** 60, Number.NaN, Number.POSITIVE_INFINITY, '1', ...empties];
    case 'boolean': return [true, false, 'true', 0, ...empties];
    case 'enum': return [...Object.values(def.entries as object), 'zz', 1, ...empties];
    case 'array': {
      const items = candidates(def.element as z.ZodType);
      return [[], [items[0]], [items[0], items[1]], [items[0], items[items.length - 3]], 'x', ...empties];
    }
    case 'object': {
      const base = validRow(schema);
      return [base, { ...base, unknownKey: 1 }, ...empties];
    }
    case 'optional': case 'nullable': case 'default': return candidates(def.innerType as z.ZodType);
    default: return [{}, 'x', ...empties];
  }
}

/** A row zod accepts: each field's first candidate that passes. */
function validRow(schema: z.ZodType): Record<string, unknown> {
  const { shape } = defOf(schema);
  const row: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const value = candidates(field).find((v) => field.safeParse(v).success);
    if (value !== undefined) row[key] = value;
  }
  return row;
}

/** The valid row, then each field set to each candidate (undefined: the key left out), and non-objects. */
function rowsToTry(schema: z.ZodType): unknown[] {
  const { shape } = defOf(schema);
  const base = validRow(schema);
  const rows: unknown[] = [base, { ...base, extra: 'dropped' }, null, [], 'row', 1];
  for (const [key, field] of Object.entries(shape)) {
    for (const value of candidates(field)) {
      const row: Record<string, unknown> = { ...base, [key]: value };
      rows.push(row);
      if (value === undefined) {
        const { [key]: _left, ...without } = row;
        rows.push(without);
      }
    }
  }
  return rows;
}

/**
 * What zod is given for a catalog row: the row with every field that is null, at any depth, undefined
 * (list items stay as they are). The server sends NULL fields as JSON null, and they read as absent.
 */
function nullsAsAbsent(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(nullsAsAbsent);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = field === null ? undefined : nullsAsAbsent(field);
  return copy;
}

/** Same success, same data (`toStrictEqual`: a key holding undefined differs from no key). */
function expectSameAsZod(schema: z.ZodType, row: unknown): void {
  const zod = schema.safeParse(nullsAsAbsent(row));
  const ours = checkRow(schema, structuredClone(row));
  expect(ours.success, JSON.stringify(row)).toBe(zod.success);
  if (zod.success) expect(ours.data).toStrictEqual(zod.data);
  else expect(ours.error?.issues).toStrictEqual(zod.error.issues);
}

const kinds = z.object({
  name: z.string(),
  comment: z.string().optional(),
  collation: z.string().nullish(),
  num: z.number().int(),
  ratio: z.number(),
  flag: z.boolean(),
  kind: z.enum(['r', 'p']),
  identity: z.enum(['a', 'd']).nullish(),
  tags: z.array(z.string()).default(() => []),
  keys: z.array(z.number().int()).default(() => []),
  children: z.array(z.object({ name: z.string(), dependsOn: z.array(z.string()) })).default(() => []),
});

describe('checkRow gives what zod gives', () => {
  it.each([
    ['every kind a catalog row has', kinds],
    ['an int only', z.object({ n: z.number().int() })],
    ['a nullable list', z.object({ list: z.array(z.string()).nullable() })],
  ])('%s', (_name, schema) => {
    expect(hasFastCheck(schema)).toBe(true);
    for (const row of rowsToTry(schema)) expectSameAsZod(schema, row);
  });

  it('completes a good row in place: the same object, its missing lists filled in', () => {
    const row = validRow(kinds);
    delete row.tags;
    const checked = checkRow(kinds, row);
    expect(checked.data).toBe(row);
    expect(row.tags).toEqual([]);
  });

  it('leaves a row with a key the schema does not name to zod, which drops the key in a copy', () => {
    const row = { ...validRow(kinds), extra: 1 };
    const checked = checkRow(kinds, row);
    expect(checked.data).not.toBe(row);
    expect(checked.data).not.toHaveProperty('extra');
    expect(row).toHaveProperty('extra', 1);
  });

  it('reads a NULL field, at any depth, as absent: an optional one undefined, a list empty, a required one missing', () => {
    const row = { ...validRow(kinds), comment: null, collation: null, tags: null };
    const checked = checkRow(kinds, row);
    expect(checked.data).toBe(row);
    expect(row).toMatchObject({ comment: undefined, collation: undefined, tags: [] });
    expect(checkRow(kinds, { ...validRow(kinds), name: null }).error?.issues[0]).toMatchObject({ path: ['name'], expected: 'string' });
    const nested = checkRow(kinds, { ...validRow(kinds), children: [{ name: 'c', dependsOn: null }] });
    expect(nested.error?.issues[0]).toMatchObject({ path: ['children', 0, 'dependsOn'], expected: 'array' });
  });

  it('gives each row its own default list, as zod does', () => {
    const a = checkRow(kinds, validRow(kinds));
    const b = checkRow(kinds, validRow(kinds));
    expect(a.data?.tags).toEqual([]);
    expect(a.data?.tags).not.toBe(b.data?.tags);
  });
});

describe('zod judges what the fast check does not know', () => {
  it.each([
    ['a length check', z.object({ name: z.string().min(2) }), { name: 'a' }],
    ['a refinement', z.object({ n: z.number().refine((n) => n > 0) }), { n: -1 }],
    ['a record', z.object({ row: z.record(z.string(), z.unknown()) }), { row: { a: 1 } }],
    ['a coercion', z.object({ n: z.coerce.number() }), { n: '12' }],
    ['a passthrough object', z.looseObject({ a: z.string() }), { a: 'x', b: 1 }],
    ['a number bound', z.object({ n: z.number().max(3) }), { n: 4 }],
  ])('%s', (_name, schema, row) => {
    expect(hasFastCheck(schema)).toBe(false);
    expectSameAsZod(schema, row);
  });
});

describe('every introspection query', () => {
  const queries = Object.values(introspectionQueries({}, { version: 150000 }));

  it.each(queries.map((query) => [query.name, query.rowValidator] as const))('%s: rows checked as zod checks them', (_name, schema) => {
    for (const row of rowsToTry(schema)) expectSameAsZod(schema, row);
  });

  it('is checked without zod, but for the collations (a row of any values)', () => {
    const slow = queries.filter((query) => !hasFastCheck(query.rowValidator)).map((query) => query.name);
    expect(slow).toEqual(['collations']);
  });
});
