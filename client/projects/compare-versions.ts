/**
 * Comparing two states of the model: a saved version with the open model ("now"), or two saved
 * versions with each other. Which drawn objects were added or changed, and which are gone (drawn
 * as ghost outlines where the earlier version had them). Objects are matched by id, so a rename
 * counts as a change, not add + remove.
 */
import type { Layout, Model } from '../../shared/model/document.ts';
import { sameJson } from '../../shared/model/same-json.ts';
import { estimateTableNode } from '../canvas/node-estimate.ts';
import type { CompareSide, CompareStatus, Comparison, Ghost } from '../store/comparison.ts';

type Drawn = { id: string; schema: string; name: string };

function drawn(model: Model): Drawn[] {
  return [...model.tables, ...model.views, ...model.enums];
}

const ROW = 24;
const HEADER = 37;

function ghostOf(model: Model, layout: Layout, object: Drawn): Ghost | undefined {
  const at = layout.nodes[object.id];
  if (!at) return undefined;
  const table = model.tables.find((t) => t.id === object.id);
  const view = model.views.find((v) => v.id === object.id);
  const size = table
    ? estimateTableNode(table).measured
    : { width: 220, height: HEADER + ROW * Math.max(1, view ? view.columns?.length ?? 1 : model.enums.find((e) => e.id === object.id)?.values.length ?? 1) };
  const kind = table ? 'table' : view ? 'view' : 'enum';
  return { id: object.id, qualified: `${object.schema}.${object.name}`, kind, x: at.x, y: at.y, width: Math.round(size.width), height: Math.round(size.height) };
}

/**
 * Ex: `compareModels({ from: { label: 'v1', ...v1 }, current: doc.model }).status.get(ordersId)` → `'changed'`;
 * with `to: { label: 'v2', model: v2.model }` the two versions are compared and `current` only
 * says what is on the canvas.
 */
export function compareModels(p: { from: Comparison['from']; to?: CompareSide; current: Model }): Comparison {
  const later = p.to?.model ?? p.current;
  const before = new Map(drawn(p.from.model).map((o) => [o.id, o]));
  const after = new Map(drawn(later).map((o) => [o.id, o]));
  const onCanvas = new Set(drawn(p.current).map((o) => o.id));
  const status = new Map<string, CompareStatus>();
  for (const object of after.values()) {
    const old = before.get(object.id);
    if (!old) status.set(object.id, 'added');
    else if (!sameJson(old, object)) status.set(object.id, 'changed');
  }
  const gone = drawn(p.from.model).filter((o) => !after.has(o.id));
  for (const object of gone) if (onCanvas.has(object.id)) status.set(object.id, 'removed');
  const ghosts = gone.filter((o) => !onCanvas.has(o.id)).flatMap((o) => ghostOf(p.from.model, p.from.layout, o) ?? []);
  return { from: p.from, ...(p.to ? { to: p.to } : {}), status, removed: gone.map((o) => `${o.schema}.${o.name}`), ghosts };
}

/** The same comparison after the open model changed (only "now" moves; two versions stay as they were). */
export function recompare(comparison: Comparison, current: Model): Comparison {
  return compareModels({ from: comparison.from, to: comparison.to, current });
}
