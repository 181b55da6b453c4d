/**
 * Finding a type by what people type: PostgreSQL's short names (`varchar`, `int8`, `timestamptz`,
 * `bool`) find the canonical type (`character varying`, `bigint`, …) through the one alias table
 * of `types.ts`; results are ranked exact → prefix → substring, in the order given within a rank.
 */
import { SERIAL_TYPES, TYPE_ALIASES } from './types.ts';

/** Something to find: what it is called (canonical name, qualified name) and what else it answers to. */
export interface Searchable {
  /** Lower-case words that find it; the first is its own name. */
  terms: readonly string[];
}

/** Canonical name → its aliases (`integer` → `int`, `int4`); serials are not aliases, they are offered apart. */
const ALIASES_OF: ReadonlyMap<string, string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [alias, canonical] of Object.entries(TYPE_ALIASES)) {
    if (alias in SERIAL_TYPES) continue;
    map.set(canonical, [...(map.get(canonical) ?? []), alias]);
  }
  return map;
})();

/** Ex: `typeAliases('bigint')` → `['int8']`; `typeAliases('uuid')` → `[]`. */
export function typeAliases(canonical: string): string[] {
  return ALIASES_OF.get(canonical) ?? [];
}

/**
 * What to search for in typed text: lower case, modifiers and array brackets cut, spaces folded.
 * Ex: `'VarChar(40)[]'` → `'varchar'`; `'timestamp(3) with time zone'` → `'timestamp with time zone'`.
 */
export function typeQuery(text: string): string {
  return text
    .toLowerCase()
    .replace(/(\s*\[\d*\])+\s*$/, '')
    .replace(/\s+array\s*$/, '')
    .replace(/\([^)]*\)?/g, ' ')
    .replace(/"/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** 0 exact, 1 prefix, 2 substring; undefined when no term holds the query. */
export function typeRank(query: string, item: Searchable): number | undefined {
  let best: number | undefined;
  for (const term of item.terms) {
    const rank = term === query ? 0 : term.startsWith(query) ? 1 : term.includes(query) ? 2 : undefined;
    if (rank !== undefined && (best === undefined || rank < best)) best = rank;
  }
  return best;
}

/** The items the typed text finds, best first (all of them, in order, for blank text). */
export function searchTypes<T extends Searchable>(text: string, items: readonly T[]): T[] {
  const query = typeQuery(text);
  if (!query) return [...items];
  return items
    .map((item, index) => ({ item, index, rank: typeRank(query, item) }))
    .filter((r): r is { item: T; index: number; rank: number } => r.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((r) => r.item);
}
