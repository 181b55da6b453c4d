/**
 * Ordering helpers for the script generator: a stable topological sort (model order wherever
 * dependencies allow, so the same model always gives the same script) and the fallbacks that find
 * dependencies the model does not record.
 */
import type { Domain, RawObject, Table, View } from '../model/document.ts';

/**
 * Items in their given order, except that each comes after the items it depends on. Dependencies
 * on unknown keys are ignored; a cycle is broken by taking the earliest remaining item.
 * Ex: `stableTopoSort(['b', 'a'], (x) => x, (x) => (x === 'b' ? ['a'] : []))` → `['a', 'b']`.
 */
export function stableTopoSort<T>(items: T[], key: (item: T) => string, deps: (item: T) => string[]): T[] {
  const index = new Map(items.map((item, i) => [key(item), i]));
  const waitingOn = items.map(() => 0);
  const dependents: number[][] = items.map(() => []);
  items.forEach((item, i) => {
    for (const d of new Set(deps(item))) {
      const j = index.get(d);
      if (j === undefined || j === i) continue;
      waitingOn[i] += 1;
      dependents[j].push(i);
    }
  });
  const placed = items.map(() => false);
  const ready = items.map((_, i) => i).filter((i) => waitingOn[i] === 0); // kept sorted by model order
  const out: T[] = [];
  let scan = 0;
  while (out.length < items.length) {
    let next = ready.shift();
    if (next === undefined) {
      while (placed[scan]) scan += 1; // a cycle: take the earliest item not yet placed
      next = scan;
    }
    if (placed[next]) continue;
    placed[next] = true;
    out.push(items[next]);
    for (const j of dependents[next]) {
      waitingOn[j] -= 1;
      if (waitingOn[j] === 0 && !placed[j]) ready.splice(sortedIndex(ready, j), 0, j);
    }
  }
  return out;
}

/** Where `value` goes in the ascending array `list`. */
function sortedIndex(list: number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Partition parents and inheritance parents before their children. */
export function orderTables(tables: Table[]): Table[] {
  return stableTopoSort(tables, (t) => t.id, (t) => [...(t.partitionOf ? [t.partitionOf.parentId] : []), ...(t.inherits ?? [])]);
}

/**
 * Tables in the order their indexes are created: partitions before their parents (deepest first).
 * CREATE INDEX on a partitioned table then attaches each partition's matching index instead of
 * creating a second one under PostgreSQL's own name.
 */
export function orderForIndexes(tables: Table[]): Table[] {
  const byId = new Map(tables.map((t) => [t.id, t]));
  const depth = (t: Table, seen = new Set<string>()): number => {
    const parent = t.partitionOf && byId.get(t.partitionOf.parentId);
    if (!parent || seen.has(t.id)) return 0;
    seen.add(t.id);
    return 1 + depth(parent, seen);
  };
  const depths = new Map(tables.map((t) => [t.id, depth(t)]));
  return tables.map((t, i) => ({ t, i })).sort((a, b) => depths.get(b.t.id)! - depths.get(a.t.id)! || a.i - b.i).map(({ t }) => t);
}

/** A domain over another domain comes after it. */
export function orderDomains(domains: Domain[]): Domain[] {
  const key = (schema: string | undefined, name: string) => `${schema ?? ''}.${name}`;
  return stableTopoSort(domains, (d) => key(d.schema, d.name), (d) => [key(d.type.schema, d.type.name)]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Does `sql` mention the relation `name` as a whole word (bare, or quoted when it must be)? */
export function mentions(sql: string, name: string): boolean {
  const bare = new RegExp(`(^|[^A-Za-z0-9_$"])${escapeRegExp(name)}($|[^A-Za-z0-9_$"])`, 'i');
  const quoted = `"${name.replace(/"/g, '""')}"`;
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? bare.test(sql) : sql.includes(quoted);
}

/**
 * Views after the views they read: `dependsOn` when the model records it, otherwise every other
 * view whose name the definition mentions (over-approximating only changes the order, never the result).
 */
export function orderViews(views: View[]): View[] {
  const ids = new Set(views.map((v) => v.id));
  return stableTopoSort(views, (v) => v.id, (v) => {
    if (v.dependsOn) return v.dependsOn.filter((id) => ids.has(id));
    return views.filter((o) => o.id !== v.id && mentions(v.definition, o.name)).map((o) => o.id);
  });
}

/** Kinds created before tables (types and callables tables may use), in this order. */
export const EARLY_RAW_KINDS: RawObject['kind'][] = ['collation', 'type', 'text-search', 'function', 'procedure', 'aggregate', 'operator', 'cast'];

/** Clauses of CREATE FUNCTION whose words are not type names (`LANGUAGE sql` is not the table `language`). */
const ATTRIBUTE_CLAUSES = new RegExp(
  [
    String.raw`LANGUAGE\s+"?[\w]+"?`, 'IMMUTABLE', 'STABLE', 'VOLATILE', 'STRICT', 'LEAKPROOF', 'WINDOW', String.raw`SECURITY\s+(?:DEFINER|INVOKER)`,
    String.raw`PARALLEL\s+\w+`, String.raw`COST\s+\S+`, String.raw`ROWS\s+\S+`, String.raw`CALLED\s+ON\s+NULL\s+INPUT`,
    String.raw`RETURNS\s+NULL\s+ON\s+NULL\s+INPUT`, String.raw`SET\s+[^\n]*`, String.raw`SUPPORT\s+\S+`,
  ].map((clause) => String.raw`\b${clause}\b`).join('|'),
  'gi',
);
const CREATE_PREFIX = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|PROCEDURE|AGGREGATE)\s+(?:"(?:[^"]|"")+"|[\w$]+)(?:\.(?:"(?:[^"]|"")+"|[\w$]+))?/i;

/**
 * A function must wait for the tables when its signature names one (`RETURNS SETOF orders`), or
 * when its body is parsed at creation (`BEGIN ATOMIC`) and reads one. Other bodies are not checked
 * (`check_function_bodies = false`), so they can come first, ready for defaults and checks.
 */
export function needsTables(raw: RawObject, relationNames: string[]): boolean {
  if (!['function', 'procedure', 'aggregate'].includes(raw.kind)) return false;
  const atomic = /\bBEGIN\s+ATOMIC\b/i.test(raw.definition);
  const bodyStart = raw.definition.search(/\$[A-Za-z_]*\$|\bBEGIN\s+ATOMIC\b|\bAS\s+'/i);
  const header = (atomic || bodyStart < 0 ? raw.definition : raw.definition.slice(0, bodyStart)).replace(CREATE_PREFIX, '');
  const signature = atomic ? header : header.replace(ATTRIBUTE_CLAUSES, ' ');
  return relationNames.some((name) => mentions(signature, name));
}
