/**
 * The overview: far away, a large diagram is drawn as one picture (OverviewLayer) instead of a DOM
 * node per table. Pure geometry here: what is drawn, where, and what a click hits.
 *
 * Why: on the 2-core machine, a pan frame re-layerized every mounted node (2,000 tables: 60 ms a
 * frame, 13 fps), even with the nodes emptied of content; one picture inside the viewport moves
 * with it for free. Close up, or for a small diagram, tables are React Flow nodes as always.
 */
import type { Rect } from '../../shared/diagram/areas.ts';
import type { FlowNode, RelationFlowEdge } from './to-flow.ts';
import { edgePath } from '../../shared/diagram/edge-route.ts';

/** Far away, a diagram with at least this many tables, views and enums is drawn as an overview. */
export const OVERVIEW_MIN_OBJECTS = 150;
/** The picture's largest side and area in device pixels; past them the nodes are drawn instead. */
const MAX_SIDE = 8192;
const MAX_AREA = 32_000_000;
/** Where edges meet a table far away: its own handles beside the header (far.css .table-handle). */
const HANDLE = { y: 18, out: 4 };
/** A view or enum never measured (the overview hides it from the start): header and 24px rows. */
const UNMEASURED = { width: 220, header: 35, row: 24 };

export interface OverviewBox extends Rect {
  id: string;
  kind: 'table' | 'view' | 'enum';
  name: string;
  color?: string;
  selected: boolean;
}

function rowsOf(node: FlowNode): number {
  if (node.type === 'table') return node.data.table.columns.length;
  if (node.type === 'view') return node.data.view.columns?.length ?? 1;
  if (node.type === 'enum') return node.data.enumType.values.length;
  return 0;
}

/** The boxes of the tables, views and enums, in drawing order (a later box is on top). */
export function overviewBoxes(nodes: readonly FlowNode[]): OverviewBox[] {
  const boxes: OverviewBox[] = [];
  for (const node of nodes) {
    if (node.type !== 'table' && node.type !== 'view' && node.type !== 'enum') continue;
    const named = node.type === 'table' ? node.data.table : node.type === 'view' ? node.data.view : node.data.enumType;
    boxes.push({
      id: node.id, kind: node.type, name: named.name, color: node.data.look?.color, selected: !!node.selected,
      x: node.position.x, y: node.position.y,
      width: node.measured?.width ?? node.width ?? UNMEASURED.width,
      height: node.measured?.height ?? node.height ?? UNMEASURED.header + UNMEASURED.row * rowsOf(node),
    });
  }
  return boxes;
}

/** The smallest rectangle holding every box, or undefined when there is none. */
export function boundsOf(boxes: readonly Rect[]): Rect | undefined {
  if (!boxes.length) return undefined;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Whether a picture of `bounds` at `pixelsPerUnit` device pixels per flow unit stays within the limits. */
export function fitsOverview(bounds: Rect | undefined, pixelsPerUnit: number): boolean {
  if (!bounds) return false;
  const [w, h] = [bounds.width * pixelsPerUnit, bounds.height * pixelsPerUnit];
  return w <= MAX_SIDE && h <= MAX_SIDE && w * h <= MAX_AREA;
}

/** Each relationship as an SVG path between the tables' own handles (the route React Flow's edges take far away). */
export function overviewEdges(edges: readonly RelationFlowEdge[], boxes: ReadonlyMap<string, Rect>): Array<{ id: string; path: string; selected: boolean }> {
  const out = [];
  for (const edge of edges) {
    const from = boxes.get(edge.source);
    const to = boxes.get(edge.target);
    if (!from || !to) continue;
    const side = (handle: string | null | undefined): 'l' | 'r' => (handle?.endsWith(':l') ? 'l' : 'r');
    const [sourceSide, targetSide] = [side(edge.sourceHandle), side(edge.targetHandle)];
    const x = (box: Rect, s: 'l' | 'r') => (s === 'l' ? box.x - HANDLE.out : box.x + box.width + HANDLE.out);
    const path = edgePath({ sx: x(from, sourceSide), sy: from.y + HANDLE.y, sourceSide, tx: x(to, targetSide), ty: to.y + HANDLE.y, targetSide }, edge.data?.lanes);
    out.push({ id: edge.id, path, selected: !!edge.selected });
  }
  return out;
}

/** The box under a point of the diagram: the topmost, as drawn. */
export function boxAt(boxes: readonly OverviewBox[], point: { x: number; y: number }): OverviewBox | undefined {
  for (let i = boxes.length - 1; i >= 0; i--) {
    const b = boxes[i];
    if (point.x >= b.x && point.x <= b.x + b.width && point.y >= b.y && point.y <= b.y + b.height) return b;
  }
  return undefined;
}
