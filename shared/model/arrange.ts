/**
 * Auto-layout of a whole model (or a selection): subject areas and connected groups (tables linked
 * by foreign keys) are each laid out on their own (layered, or packed compactly), then the groups
 * are packed side by side into an overall extent near the screen's 16:10. Tables with no link and
 * no area, views and enums form one compact group. Nothing overlaps: every box has its (measured
 * or estimated) size. Pure: the client runs it in a worker, the bench and the import in-line.
 */
import type { Layout, Model } from './document.ts';
import { layeredGroup, type Link } from './layered.ts';
import { packBoxes, SCREEN_ASPECT, type Box, type Packed, type Point } from './packing.ts';

export type LayoutMode = 'layered-right' | 'layered-down' | 'compact';
export const LAYOUT_MODES: ReadonlyArray<{ mode: LayoutMode; label: string }> = [
  { mode: 'layered-right', label: 'Layered, left → right' },
  { mode: 'layered-down', label: 'Layered, top → bottom' },
  { mode: 'compact', label: 'Compact' },
];

export interface Group { ids: string[]; links: Link[] }

export interface ArrangeOptions {
  mode?: LayoutMode;
  /** Only these objects (a selection); all tables, views and enums when absent. */
  ids?: ReadonlySet<string>;
  areas?: Layout['areas'];
  aspect?: number;
  /** The top-left corner of the result. */
  origin?: Point;
  /** Called after each group is laid out (for a progress indication). */
  onGroup?: (done: number, total: number) => void;
}

/** Room between groups: an area's frame and label take 44 px above and 24 px around. */
const GROUP_GAP = 120;
const NODE_GAP = 40;

/**
 * Subject areas first (a table in two areas goes with the first), then the connected groups of
 * the rest, largest first, then the loose objects. Ex: a → b, c alone, area {d} → [[d], [a, b], [c]].
 */
export function layoutGroups(model: Model, ids?: ReadonlySet<string>, areas: Layout['areas'] = []): Group[] {
  const all = [...model.tables, ...model.views, ...model.enums].map((o) => o.id).filter((id) => !ids || ids.has(id));
  const inScope = new Set(all);
  const links: Link[] = model.tables.flatMap((t) => t.foreignKeys
    .filter((fk) => inScope.has(t.id) && inScope.has(fk.refTableId) && fk.refTableId !== t.id)
    .map((fk) => ({ parent: fk.refTableId, child: t.id })));
  const groupOf = new Map<string, number>();
  const groups: Group[] = [];
  for (const area of areas) {
    const members = area.tableIds.filter((id) => inScope.has(id) && !groupOf.has(id));
    if (!members.length) continue;
    for (const id of members) groupOf.set(id, groups.length);
    groups.push({ ids: members, links: [] });
  }
  // Union-find over the links between objects in no area.
  const root = new Map(all.filter((id) => !groupOf.has(id)).map((id) => [id, id]));
  const find = (id: string): string => {
    let r = id;
    while (root.get(r) !== r) r = root.get(r)!;
    root.set(id, r);
    return r;
  };
  for (const { parent, child } of links) if (root.has(parent) && root.has(child)) root.set(find(parent), find(child));
  const components = new Map<string, string[]>();
  for (const id of root.keys()) components.set(find(id), [...(components.get(find(id)) ?? []), id]);
  const connected = [...components.values()].filter((c) => c.length > 1).sort((a, b) => b.length - a.length);
  const loose = [...components.values()].filter((c) => c.length === 1).flat();
  for (const members of [...connected, ...(loose.length ? [loose] : [])]) {
    for (const id of members) groupOf.set(id, groups.length);
    groups.push({ ids: members, links: [] });
  }
  for (const link of links) {
    const g = groupOf.get(link.parent);
    if (g !== undefined && g === groupOf.get(link.child)) groups[g].links.push(link);
  }
  return groups;
}

function layOutGroup(group: Group, sizes: ReadonlyMap<string, Box>, mode: LayoutMode, aspect: number): Packed {
  const boxes = group.ids.map((id) => sizes.get(id)!);
  if (mode === 'compact' || !group.links.length) return packBoxes(boxes, { gap: NODE_GAP, aspect });
  return layeredGroup(boxes, group.links, mode === 'layered-down' ? 'down' : 'right', aspect);
}

/** A box per object: the given size, or a table-sized default. */
function boxSizes(model: Model, sizes: ReadonlyMap<string, { width: number; height: number }>): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const o of [...model.tables, ...model.views, ...model.enums]) {
    const s = sizes.get(o.id);
    out.set(o.id, { id: o.id, width: Math.ceil(s?.width ?? 240), height: Math.ceil(s?.height ?? 120) });
  }
  return out;
}

/**
 * A position for every object in scope. Ex: `arrange(model, sizes, { mode: 'compact' })`.
 * Sizes should be the drawn ones (measured, else estimated): a box is never placed on another.
 */
export function arrange(model: Model, sizes: ReadonlyMap<string, { width: number; height: number }>, options: ArrangeOptions = {}): Record<string, Point> {
  const mode = options.mode ?? 'layered-right';
  const aspect = options.aspect ?? SCREEN_ASPECT;
  const boxes = boxSizes(model, sizes);
  const groups = layoutGroups(model, options.ids, options.areas);
  const laidOut = groups.map((g, i) => {
    const packed = layOutGroup(g, boxes, mode, aspect);
    options.onGroup?.(i + 1, groups.length);
    return packed;
  });
  const whole = packBoxes(laidOut.map((p, i) => ({ id: String(i), width: p.width, height: p.height })), { gap: GROUP_GAP, aspect });
  const origin = options.origin ?? { x: 0, y: 0 };
  const positions: Record<string, Point> = {};
  laidOut.forEach((p, i) => {
    const at = whole.positions[String(i)];
    for (const [id, q] of Object.entries(p.positions)) positions[id] = { x: Math.round(origin.x + at.x + q.x), y: Math.round(origin.y + at.y + q.y) };
  });
  return positions;
}
