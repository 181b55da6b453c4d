/**
 * Comparing the open model with a saved version: which drawn objects were added or changed since,
 * and which are gone. Objects are matched by id, so a rename counts as a change, not add + remove.
 */
import type { Model } from '../../shared/model/document.ts';

export type CompareStatus = 'added' | 'changed';

export interface Comparison {
  label: string;
  /** The version's model, kept so the comparison follows further edits. */
  version: Model;
  status: ReadonlyMap<string, CompareStatus>;
  /** Qualified names of objects the version has and the model no longer has. */
  removed: string[];
}

type Drawn = { id: string; schema: string; name: string };

/** Deep equality of JSON values that ignores key order (a document read back may order keys differently). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameJson(x, (b as unknown[])[i]));
  const keys = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  const [ka, kb] = [keys(a), keys(b)];
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function drawn(model: Model): Drawn[] {
  return [...model.tables, ...model.views, ...model.enums];
}

/** Ex: `compareModels('v1', v1.model, doc.model).status.get(ordersId)` → `'changed'`. */
export function compareModels(label: string, version: Model, current: Model): Comparison {
  const before = new Map(drawn(version).map((o) => [o.id, o]));
  const status = new Map<string, CompareStatus>();
  for (const object of drawn(current)) {
    const old = before.get(object.id);
    if (!old) status.set(object.id, 'added');
    else if (!sameJson(old, object)) status.set(object.id, 'changed');
  }
  const now = new Set(drawn(current).map((o) => o.id));
  const removed = drawn(version).filter((o) => !now.has(o.id)).map((o) => `${o.schema}.${o.name}`);
  return { label, version, status, removed };
}
