/** Small pure helpers the diff is built from: pairing by id and structural equality. */
import type { View } from '../model/document.ts';

export interface Pairing<T> {
  added: T[];
  removed: T[];
  /** Objects present on both sides, as `[from, to]`. */
  kept: [T, T][];
}

/** Pairs two lists of objects by `id`. Ex: `pairById([a1], [a1', b])` → added [b], kept [[a1, a1']]. */
export function pairById<T extends { id: string }>(from: readonly T[], to: readonly T[]): Pairing<T> {
  const fromById = new Map(from.map((o) => [o.id, o]));
  const toIds = new Set(to.map((o) => o.id));
  return {
    added: to.filter((o) => !fromById.has(o.id)),
    removed: from.filter((o) => !toIds.has(o.id)),
    kept: to.filter((o) => fromById.has(o.id)).map((o) => [fromById.get(o.id)!, o]),
  };
}

/**
 * JSON with sorted keys and without `undefined`, empty arrays and empty objects, so two objects that
 * mean the same print the same. Ex: `stableJson({ b: 1, a: undefined, c: [] })` → `{"b":1}`.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? 'null';
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = canonical((value as Record<string, unknown>)[key]);
      if (v === undefined || v === false) continue;
      if (Array.isArray(v) && v.length === 0) continue;
      if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
      out[key] = v;
    }
    return out;
  }
  return value;
}

/** Structural equality of the listed fields only (`false`, absent and empty are equal). */
export function sameFields<T extends object>(a: T, b: T, fields: readonly (keyof T)[]): boolean {
  return fields.every((f) => stableJson(a[f]) === stableJson(b[f]));
}

/** Structural equality ignoring the listed fields. */
export function sameExcept<T extends object>(a: T, b: T, ignored: readonly (keyof T)[]): boolean {
  const strip = (o: T) => Object.fromEntries(Object.entries(o).filter(([k]) => !ignored.includes(k as keyof T)));
  return stableJson(strip(a)) === stableJson(strip(b));
}

/** Comments compare equal when both are absent or empty. */
export function sameComment(a: string | undefined, b: string | undefined): boolean {
  return (a || undefined) === (b || undefined);
}

/** Quoted literals and identifiers, kept as they are; the rest of the text between them. */
const QUOTED = /('(?:[^']|'')*'|"(?:[^"]|"")*")/;

/** `SELECT  a\n FROM t;` → `SELECT a FROM t`: whitespace runs outside quotes folded, final `;` dropped. */
export function normalizeSqlText(text: string): string {
  const parts = text.trim().replace(/;\s*$/, '').split(QUOTED);
  return parts.map((part, i) => (i % 2 === 1 ? part : part.replace(/\s+/g, ' '))).join('').trim();
}

/** SQL text compared up to whitespace outside quotes and a trailing semicolon. */
export function sameSqlText(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a === b || normalizeSqlText(a) === normalizeSqlText(b);
}

/** Schema renames (same id, new name) as old name → new name. */
export function schemaRenames(from: readonly { id: string; name: string }[], to: readonly { id: string; name: string }[]): Map<string, string> {
  const { kept } = pairById(from, to);
  return new Map(kept.filter(([a, b]) => a.name !== b.name).map(([a, b]) => [a.name, b.name]));
}

/** The defaults of a view's columns by column name; a materialized view has none (PostgreSQL refuses them). */
export function viewDefaults(v: View | undefined): Map<string, string> {
  if (!v || v.materialized) return new Map();
  return new Map((v.columns ?? []).flatMap((c) => (c.default === undefined ? [] : [[c.name, c.default] as const])));
}

type Qualified = { schema: string; name: string };
/** Whether an object moved or was renamed, its schema's own rename aside. */
export type Moved = (a: Qualified, b: Qualified) => boolean;
