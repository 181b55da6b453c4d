/**
 * Structural sharing after the fact: `next` with every part that equals the same part of `prev`
 * replaced by `prev`'s own object. A document read whole from a Y.Doc is all new objects; shared
 * this way, the canvas redraws only what really differs (React Flow re-measures each node whose
 * object changed, which on a large model costs as much as a first render).
 * Elements of a list that carry an `id` are matched by id, so a reordered list keeps its elements.
 */
type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);
const idOf = (value: Json): string | undefined => (isObject(value) && typeof value.id === 'string' ? value.id : undefined);

function shareList(prev: Json[], next: Json[]): Json[] {
  const byId = new Map<string, Json>();
  for (const item of prev) {
    const id = idOf(item);
    if (id !== undefined) byId.set(id, item);
  }
  let same = prev.length === next.length;
  const out = next.map((item, i) => {
    const id = idOf(item);
    const counterpart = id !== undefined && byId.has(id) ? byId.get(id) : prev[i];
    const shared = shareEqual(counterpart, item);
    if (shared !== prev[i]) same = false;
    return shared;
  });
  return same ? prev : out;
}

function shareRecord(prev: Record<string, Json>, next: Record<string, Json>): Record<string, Json> {
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(prev).length;
  const out: Record<string, Json> = {};
  for (const key of keys) {
    const shared = key in prev ? shareEqual(prev[key], next[key]) : next[key];
    if (shared !== prev[key] || !(key in prev)) same = false;
    out[key] = shared;
  }
  return same ? prev : out;
}

export function shareEqual<T>(prev: unknown, next: T): T {
  if (prev === next) return next;
  if (Array.isArray(prev) && Array.isArray(next)) return shareList(prev, next) as T;
  if (isObject(prev) && isObject(next)) return shareRecord(prev, next) as T;
  return next;
}
