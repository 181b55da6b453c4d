/**
 * JSON ↔ Yjs for co-editing: the document lives in a `Y.Map` so that concurrent edits merge by
 * field. Objects become nested maps (two people editing different fields of one column both keep
 * their edit; the same field: the last writer wins). Lists of objects with stable ids (tables,
 * columns, areas, …) become a map by id plus an order, so adding two tables at once keeps both and
 * renaming one never touches its neighbours. Anything else (arrays of ids, type arguments) is one
 * value, replaced whole.
 *
 * Local edits are written as the difference between two immutable documents (`writeChange`): only
 * paths whose objects changed identity are visited, so an edit costs its size, not the model's.
 */
import * as Y from 'yjs';

/** Array keys whose items carry a stable `id`; empty ones must still merge concurrent additions. */
export const KEYED_LIST_KEYS: ReadonlySet<string> = new Set([
  'schemas', 'extensions', 'enums', 'domains', 'sequences', 'tables', 'views', 'rawObjects',
  'columns', 'uniques', 'checks', 'foreignKeys', 'indexes', 'areas', 'notes',
]);

/** Marks a map that stands for a keyed list (`order` + `items`). */
const KEYED = '__keyed';
const ORDER = 'order';
const ITEMS = 'items';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Keyed = { id: string } & JsonObject;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isKeyedList(key: string, value: unknown): value is Keyed[] {
  return KEYED_LIST_KEYS.has(key) && Array.isArray(value) && value.every((item) => isObject(item) && typeof item.id === 'string');
}

const isKeyedMap = (value: unknown): boolean => value instanceof Y.Map && value.get(KEYED) === true;

/** A JSON value as it is stored under `key` in a Y.Map. */
export function toY(key: string, value: unknown): unknown {
  if (isKeyedList(key, value)) {
    const map = new Y.Map<unknown>();
    const items = new Y.Map<unknown>();
    for (const item of value) items.set(item.id, toY('', item));
    map.set(KEYED, true);
    map.set(ORDER, Y.Array.from(value.map((item) => item.id)));
    map.set(ITEMS, items);
    return map;
  }
  if (isObject(value)) {
    const map = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(value)) if (v !== undefined) map.set(k, toY(k, v));
    return map;
  }
  return value;
}

/** Writes `to` into `target`, visiting only what differs from `from` (the document `target` held). */
export function writeChange(target: Y.Map<unknown>, from: JsonObject | undefined, to: JsonObject): void {
  const keys = new Set([...Object.keys(from ?? {}), ...Object.keys(to)]);
  for (const key of keys) {
    const before = from?.[key];
    const after = to[key];
    if (before === after && target.has(key) === (after !== undefined)) continue;
    if (after === undefined) {
      target.delete(key);
      continue;
    }
    const current = target.get(key);
    if (isKeyedList(key, after) && isKeyedMap(current)) writeKeyedList(current as Y.Map<unknown>, isKeyedList(key, before) ? before : [], after);
    else if (isObject(after) && current instanceof Y.Map && !isKeyedMap(current)) writeChange(current, isObject(before) ? before : undefined, after);
    else if (!sameJson(current, after)) target.set(key, toY(key, after));
  }
}

function writeKeyedList(map: Y.Map<unknown>, from: Keyed[], to: Keyed[]): void {
  const items = map.get(ITEMS) as Y.Map<unknown>;
  // Most edits change items in place (the same ids in the same order): nothing to delete or move,
  // and no index of thousands of tables to build for it.
  if (from.length === to.length && from.every((item, i) => item.id === to[i].id)) {
    for (let i = 0; i < to.length; i++) writeItem(items, from[i], to[i]);
    return;
  }
  const before = new Map(from.map((item) => [item.id, item]));
  const after = new Set(to.map((item) => item.id));
  for (const id of before.keys()) if (!after.has(id)) items.delete(id);
  for (const item of to) writeItem(items, before.get(item.id), item);
  writeOrder(map.get(ORDER) as Y.Array<string>, from.map((item) => item.id), to.map((item) => item.id));
}

function writeItem(items: Y.Map<unknown>, old: Keyed | undefined, item: Keyed): void {
  const current = items.get(item.id);
  if (old === item && current) return;
  if (current instanceof Y.Map) writeChange(current, old, item);
  else items.set(item.id, toY('', item));
}

/**
 * Brings the shared order from `from` to `to` with the fewest moves: ids kept in the same relative
 * order (the longest increasing run) stay put, so a concurrent insert elsewhere is not disturbed.
 */
function writeOrder(order: Y.Array<string>, from: string[], to: string[]): void {
  if (from.length === to.length && from.every((id, i) => id === to[i])) return;
  const wanted = new Set(to);
  const oldIndex = new Map(from.map((id, i) => [id, i]));
  const staying = longestIncreasing(to.filter((id) => oldIndex.has(id)).map((id) => oldIndex.get(id)!)).map((i) => from[i]);
  const keep = new Set(staying);
  // Remove what left the list or moves; everything else keeps its place in the shared array.
  const current = order.toArray();
  for (let i = current.length - 1; i >= 0; i--) {
    if (!wanted.has(current[i]) || !keep.has(current[i])) order.delete(i, 1);
  }
  for (let i = 0; i < to.length; i++) {
    if (keep.has(to[i])) continue;
    const after = i === 0 ? -1 : order.toArray().indexOf(to[i - 1]);
    order.insert(after + 1, [to[i]]);
  }
}

/** Items of the longest strictly increasing subsequence (patience sorting, O(n log n)). */
export function longestIncreasing(values: number[]): number[] {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < values[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const result: number[] = [];
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) result.push(values[i]);
  return result.reverse();
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The JSON a Y value stands for. With `previous` (what this value read as last time) and `changed`
 * (the Y types touched since), unchanged parts are returned as they were: the client's store keeps
 * object identity, so React redraws only what changed.
 */
export function readY(value: unknown, previous?: unknown, changed?: ReadonlySet<unknown>): unknown {
  if (!(value instanceof Y.Map)) return value;
  if (previous !== undefined && changed && !changed.has(value)) return previous;
  if (isKeyedMap(value)) return readKeyedList(value, Array.isArray(previous) ? previous : undefined, changed);
  const old = isObject(previous) ? previous : undefined;
  const result: JsonObject = {};
  value.forEach((item, key) => {
    result[key] = readY(item, old?.[key], changed) as Json;
  });
  return result;
}

function readKeyedList(map: Y.Map<unknown>, previous: unknown[] | undefined, changed?: ReadonlySet<unknown>): Keyed[] {
  const items = map.get(ITEMS) as Y.Map<unknown>;
  const old = new Map((previous ?? []).filter((item): item is Keyed => isObject(item) && typeof item.id === 'string').map((item) => [item.id, item]));
  const seen = new Set<string>();
  const result: Keyed[] = [];
  const add = (id: string) => {
    const item = items.get(id);
    if (seen.has(id) || !(item instanceof Y.Map)) return;
    seen.add(id);
    result.push(readY(item, old.get(id), changed) as Keyed);
  };
  // Two people moving one item at once can leave its id twice: the first place wins.
  for (const id of (map.get(ORDER) as Y.Array<string>).toArray()) add(id);
  // An item whose place was removed by someone else still belongs to the list: at its end, by id.
  for (const id of [...items.keys()].sort()) add(id);
  return result;
}

/** Every Y type an observeDeep batch touched, with its ancestors up to `root`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its events by their target
export function touchedTypes(events: Y.YEvent<any>[], root: Y.AbstractType<any>, into = new Set<unknown>()): Set<unknown> {
  for (const event of events) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let type: Y.AbstractType<any> | null = event.target;
    while (type && !into.has(type)) {
      into.add(type);
      if (type === root) break;
      const parent: unknown = type._item?.parent;
      type = parent instanceof Y.AbstractType ? parent : null;
    }
  }
  into.add(root);
  return into;
}
