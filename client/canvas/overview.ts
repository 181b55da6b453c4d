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
import { NODE, ownHandlePoint } from './node-estimate.ts';

/** Far away, a diagram with at least this many tables, views and enums is drawn as an overview. */
export const OVERVIEW_MIN_OBJECTS = 150;
/** The picture's largest side and area in device pixels; past them the nodes are drawn instead. */
const MAX_SIDE = 8192;
const MAX_AREA = 32_000_000;

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
      // A view or enum the overview hid from the start was never measured: its header and rows.
      width: node.measured?.width ?? node.width ?? NODE.minWidth,
      height: node.measured?.height ?? node.height ?? NODE.border + NODE.header + NODE.row * rowsOf(node),
    });
  }
  return boxes;
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
    const [source, target] = [ownHandlePoint(from, sourceSide), ownHandlePoint(to, targetSide)];
    const path = edgePath({ sx: source.x, sy: source.y, sourceSide, tx: target.x, ty: target.y, targetSide }, edge.data?.lanes);
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
