/**
 * Positions for objects that have none (a template or an import without layout): shelves that
 * keep related tables near each other by walking foreign keys, as wide as makes the whole about a
 * screen's shape. Each slot is as wide as the widest node (360 px, canvas.css), with a gap, so no
 * node covers its neighbour. Auto-layout can refine it.
 */
import type { Layout, Model } from './document.ts';
import { packBoxes } from './packing.ts';

/** The widest a node is drawn, and the space left between neighbours. */
const SLOT = { width: 360, gap: 60 };

/** Height estimate before React Flow measures: header + one row per column. */
export function estimatedHeight(columnCount: number): number {
  return 36 + 24 * Math.max(1, columnCount);
}

/** Tables in foreign-key neighbourhood order: each parent followed by the tables near it. */
export function neighbourOrder(model: Model): string[] {
  const links = new Map<string, Set<string>>(model.tables.map((t) => [t.id, new Set()]));
  for (const t of model.tables) {
    for (const fk of t.foreignKeys) {
      links.get(t.id)?.add(fk.refTableId);
      links.get(fk.refTableId)?.add(t.id);
    }
  }
  const seen = new Set<string>();
  const order: string[] = [];
  const byDegree = [...model.tables].sort((a, b) => links.get(b.id)!.size - links.get(a.id)!.size);
  for (const start of byDegree) {
    const queue = [start.id];
    while (queue.length) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      order.push(id);
      queue.push(...[...links.get(id)!].filter((n) => !seen.has(n)));
    }
  }
  return order;
}

/** The layout with a position for every table, view and enum; existing positions untouched. */
export function withMissingPositions(model: Model, layout: Layout): Layout {
  const heights = new Map<string, number>(model.tables.map((t) => [t.id, estimatedHeight(t.columns.length)]));
  for (const v of model.views) heights.set(v.id, estimatedHeight(v.columns?.length ?? 1));
  for (const e of model.enums) heights.set(e.id, estimatedHeight(e.values.length));
  const ids = [...neighbourOrder(model), ...model.views.map((v) => v.id), ...model.enums.map((e) => e.id)];
  const missing = ids.filter((id) => !layout.nodes[id]);
  if (!missing.length) return layout;
  const placed = Object.values(layout.nodes);
  const top = placed.length ? Math.max(...placed.map((p) => p.y)) + 400 : 0;
  // A shelf is as tall as its tallest table: a count of tables per row alone (sqrt(1.6 n)) made a
  // model whose tables differ much in length two to three times taller than wide (the tests' 519
  // tables). The packing weighs the heights.
  const boxes = missing.map((id) => ({ id, width: SLOT.width, height: heights.get(id) ?? 100 }));
  const { positions } = packBoxes(boxes, { keepOrder: true, gap: SLOT.gap });
  const nodes = { ...layout.nodes };
  for (const id of missing) nodes[id] = { x: positions[id].x, y: top + positions[id].y };
  return { ...layout, nodes };
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * The first spot at or below/right of `wanted` where a `size` box does not overlap any drawn
 * table, so a new table never lands on top of another. Sizes: measured, or estimated.
 */
export function freeSpot(
  model: Model,
  layout: Layout,
  wanted: { x: number; y: number },
  measured: ReadonlyMap<string, { width: number; height: number }> = new Map(),
  size = { width: 240, height: 90 },
): { x: number; y: number } {
  const drawn = [
    ...model.tables.map((t) => [t.id, t.columns.length] as const),
    ...model.views.map((v) => [v.id, v.columns?.length ?? 1] as const),
    ...model.enums.map((e) => [e.id, e.values.length] as const),
  ];
  const boxes: Box[] = drawn.flatMap(([id, rows]) => {
    const at = layout.nodes[id];
    if (!at) return [];
    const m = measured.get(id);
    return [{ x: at.x, y: at.y, width: m?.width ?? 240, height: m?.height ?? estimatedHeight(rows) }];
  });
  const gap = 24;
  const hits = (x: number, y: number) => boxes.some((b) =>
    x < b.x + b.width + gap && x + size.width + gap > b.x && y < b.y + b.height + gap && y + size.height + gap > b.y);
  for (let column = 0; column < 12; column += 1) {
    for (let row = 0; row < 30; row += 1) {
      const x = wanted.x + column * 280;
      const y = wanted.y + row * 40;
      if (!hits(x, y)) return { x: Math.round(x), y: Math.round(y) };
    }
  }
  return { x: Math.round(wanted.x), y: Math.round(wanted.y) };
}

/**
 * The layout with a free spot (see `freeSpot`) for each table, view and enum an edit added without a
 * position (the Objects tab's "+ view", a junction table), so nothing new lands on another node.
 * Returns `layout` itself when nothing is missing.
 */
export function placeNewObjects(before: Model, after: Model, layout: Layout): Layout {
  if (before.tables === after.tables && before.views === after.views && before.enums === after.enums) return layout;
  const missing = [...after.tables, ...after.views, ...after.enums].map((o) => o.id).filter((id) => !layout.nodes[id]);
  if (!missing.length) return layout;
  let placed = layout;
  for (const id of missing) {
    const spot = freeSpot(after, placed, { x: 0, y: 0 });
    placed = { ...placed, nodes: { ...placed.nodes, [id]: spot } };
  }
  return placed;
}
