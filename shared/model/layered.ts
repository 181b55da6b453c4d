/**
 * A layered drawing of one connected group of tables: referenced (parent) tables in the first
 * layer, the tables that reference them in the next, and so on, left → right (or top → bottom).
 * Unlike a plain layered layout, a layer taller than the group should be (a hub like `editor`
 * referenced by 200 tables) wraps into several side-by-side columns, so the group stays near the
 * wanted aspect instead of becoming a 60,000 px strip. Columns never overlap. Pure and linear-ish:
 * MusicBrainz's 500-table group takes milliseconds.
 */
import { packBoxes, shelves, type Box, type Packed, type Point } from './packing.ts';

export type Direction = 'right' | 'down';
/** A foreign key drawn as parent → child (the child holds the key). */
export interface Link { parent: string; child: string }

const GAP = { node: 40, column: 50, layer: 110 };
/** A layer shorter, or a chain of layers narrower, than this reads fine unwrapped (a screen at zoom ~0.6). */
const NO_WRAP = 2400;

/** Longest-path layers from the parents; a cycle is broken at the node with the fewest unplaced parents. */
function layers(ids: readonly string[], links: readonly Link[]): Map<string, number> {
  const parents = new Map(ids.map((id) => [id, new Set<string>()]));
  const children = new Map(ids.map((id) => [id, new Set<string>()]));
  for (const { parent, child } of links) {
    if (parent === child || !parents.has(parent) || !parents.has(child)) continue;
    parents.get(child)!.add(parent);
    children.get(parent)!.add(child);
  }
  const waiting = new Map(ids.map((id) => [id, parents.get(id)!.size]));
  const rank = new Map(ids.map((id) => [id, 0]));
  const done = new Set<string>();
  let ready = ids.filter((id) => waiting.get(id) === 0);
  while (done.size < ids.length) {
    if (!ready.length) {
      const open = ids.filter((id) => !done.has(id));
      ready = [open.reduce((a, b) => (waiting.get(b)! < waiting.get(a)! ? b : a))];
    }
    const next: string[] = [];
    for (const id of ready) {
      if (done.has(id)) continue;
      done.add(id);
      for (const c of children.get(id)!) {
        if (done.has(c)) continue;
        rank.set(c, Math.max(rank.get(c)!, rank.get(id)! + 1));
        waiting.set(c, waiting.get(c)! - 1);
        if (waiting.get(c) === 0) next.push(c);
      }
    }
    ready = next;
  }
  // A parent nobody points at sits just before its nearest child, not far left of it.
  for (const id of ids) {
    const kids = [...children.get(id)!].filter((c) => rank.get(c)! > rank.get(id)!);
    if (!parents.get(id)!.size && kids.length) rank.set(id, Math.max(0, Math.min(...kids.map((c) => rank.get(c)!)) - 1));
  }
  return rank;
}

/** Orders each layer by the mean position of its neighbours in the layer before (fewer crossings). */
function orderLayers(ids: readonly string[], rank: Map<string, number>, links: readonly Link[]): string[][] {
  const byLayer: string[][] = [];
  for (const id of ids) (byLayer[rank.get(id)!] ??= []).push(id);
  const layered = byLayer.filter(Boolean);
  const neighbours = new Map(ids.map((id) => [id, [] as string[]]));
  for (const { parent, child } of links) {
    neighbours.get(child)?.push(parent);
    neighbours.get(parent)?.push(child);
  }
  const sweep = (from: number, to: number, step: number) => {
    for (let l = from; l !== to; l += step) {
      const index = new Map(layered[l - step].map((id, i) => [id, i / Math.max(1, layered[l - step].length)]));
      const key = new Map(layered[l].map((id, i) => {
        const near = neighbours.get(id)!.filter((n) => index.has(n)).map((n) => index.get(n)!);
        return [id, near.length ? near.reduce((a, b) => a + b, 0) / near.length : i / layered[l].length];
      }));
      layered[l].sort((a, b) => key.get(a)! - key.get(b)!);
    }
  };
  sweep(1, layered.length, 1);
  sweep(layered.length - 2, -1, -1);
  sweep(1, layered.length, 1);
  return layered;
}

/** One layer's boxes stacked in columns no taller than `limit`, the columns side by side. */
function layerBlock(layer: readonly string[], size: Map<string, Box>, limit: number): Packed {
  const columns: Array<{ ids: string[]; height: number; width: number }> = [];
  let column = { ids: [] as string[], height: 0, width: 0 };
  for (const id of layer) {
    const b = size.get(id)!;
    if (column.ids.length && column.height + GAP.node + b.height > limit) {
      columns.push(column);
      column = { ids: [], height: 0, width: 0 };
    }
    column.height += (column.ids.length ? GAP.node : 0) + b.height;
    column.width = Math.max(column.width, b.width);
    column.ids.push(id);
  }
  columns.push(column);
  const height = Math.max(...columns.map((c) => c.height));
  const positions: Record<string, Point> = {};
  let x = 0;
  for (const c of columns) {
    let y = Math.round((height - c.height) / 2);
    for (const id of c.ids) {
      positions[id] = { x, y };
      y += size.get(id)!.height + GAP.node;
    }
    x += c.width + GAP.column;
  }
  return { positions, width: x - GAP.column, height };
}

/**
 * Left → right: the layers in order, each a block of columns; a chain of many layers wraps into
 * bands below one another (read like lines of text), so a deep group is not a long strip either.
 */
function place(layered: string[][], size: Map<string, Box>, limit: number, aspect: number): Packed {
  const blocks = layered.map((layer) => layerBlock(layer, size, limit));
  const boxes = blocks.map((b, i) => ({ id: String(i), width: b.width, height: b.height }));
  const strip = shelves(boxes, Infinity, GAP.layer);
  const wrap = strip.width > Math.max(NO_WRAP, 2 * aspect * strip.height);
  const bands = wrap ? packBoxes(boxes, { gap: GAP.layer, aspect, keepOrder: true }) : strip;
  const positions: Record<string, Point> = {};
  blocks.forEach((b, i) => {
    const at = bands.positions[String(i)];
    for (const [id, p] of Object.entries(b.positions)) positions[id] = { x: at.x + p.x, y: at.y + p.y };
  });
  return { positions, width: bands.width, height: bands.height };
}

/**
 * Positions (top-left at 0,0) for the boxes of one group.
 * Ex: a parent and two children, right → the parent in column 0, the children stacked in column 1.
 */
export function layeredGroup(boxes: readonly Box[], links: readonly Link[], direction: Direction, aspect: number): Packed {
  if (!boxes.length) return { positions: {}, width: 0, height: 0 };
  // Top → bottom is left → right with width and height swapped, then swapped back.
  const down = direction === 'down';
  const turned = down ? boxes.map((b) => ({ id: b.id, width: b.height, height: b.width })) : boxes;
  const size = new Map(turned.map((b) => [b.id, b]));
  const ids = turned.map((b) => b.id);
  const layered = orderLayers(ids, layers(ids, links), links);
  const area = turned.reduce((sum, b) => sum + (b.width + GAP.column) * (b.height + GAP.node), 0);
  const tallest = Math.max(...turned.map((b) => b.height));
  const wanted = down ? 1 / aspect : aspect;
  const packed = place(layered, size, Math.max(tallest, NO_WRAP, Math.sqrt(area / wanted)), wanted);
  if (!down) return packed;
  const positions = Object.fromEntries(Object.entries(packed.positions).map(([id, p]) => [id, { x: p.y, y: p.x }]));
  return { positions, width: packed.height, height: packed.width };
}
