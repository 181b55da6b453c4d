/**
 * React Flow callbacks → store actions. Kept out of the Canvas component so it only wires.
 * Model edits go through the pure ops of shared/model/ops.
 */
import type { Connection, EdgeChange, FinalConnectionState, NodeChange } from '@xyflow/react';
import { addForeignKey, ModelOpError } from '../../shared/model/ops/index.ts';
import { useStore } from '../store/index.ts';
import type { Point } from '../store/document-slice.ts';
import type { FlowNode, RelationFlowEdge } from './to-flow.ts';

export type Measured = Map<string, { width: number; height: number }>;

/** `col_x:l` → `col_x` (column ids may themselves contain colons). */
export function columnOfHandle(handle: string | null | undefined): string | undefined {
  if (!handle) return undefined;
  const cut = handle.lastIndexOf(':');
  return cut > 0 ? handle.slice(0, cut) : undefined;
}

function applySelection(changes: Array<{ type: string; id?: string; selected?: boolean }>) {
  const picks = changes.filter((c) => c.type === 'select');
  if (!picks.length) return;
  const next = new Set(useStore.getState().selection);
  for (const c of picks) {
    if (c.selected) next.add(c.id!);
    else next.delete(c.id!);
  }
  useStore.getState().select(next);
}

/** Applies node changes; returns true when a measured size changed (the nodes must carry it). */
export function onNodesChange(changes: NodeChange<FlowNode>[], measured: Measured): boolean {
  const moves: Record<string, Point> = {};
  let resized = false;
  for (const change of changes) {
    if (change.type === 'dimensions' && change.dimensions) {
      const old = measured.get(change.id);
      if (old?.width !== change.dimensions.width || old?.height !== change.dimensions.height) {
        measured.set(change.id, change.dimensions);
        resized = true;
      }
    }
    if (change.type === 'position' && change.position) moves[change.id] = change.position;
  }
  if (Object.keys(moves).length) useStore.getState().moveNodes(moves);
  applySelection(changes);
  return resized;
}

export function onEdgesChange(changes: EdgeChange<RelationFlowEdge>[]): void {
  applySelection(changes);
}

function reportOpError(error: unknown) {
  const message = error instanceof ModelOpError ? error.message : String(error);
  useStore.getState().notify({ kind: 'error', message });
}

/** Column to column: the dragged-from column references the dropped-on column. */
export function onConnect(connection: Connection): void {
  const column = columnOfHandle(connection.sourceHandle);
  const refColumn = columnOfHandle(connection.targetHandle);
  if (!column || !refColumn) return;
  try {
    useStore.getState().editModel((m) => addForeignKey(m, {
      tableId: connection.source, refTableId: connection.target, columns: [column], refColumns: [refColumn],
    }));
  } catch (error) {
    reportOpError(error);
  }
}

/**
 * Dropped on another table's header (not on a column): that table gets a new column referencing
 * the dragged-from column, e.g. customers.id dropped on orders → orders.customer_id.
 */
export function onConnectEnd(event: MouseEvent | TouchEvent, state: FinalConnectionState): void {
  if (state.isValid || !state.fromNode || !state.fromHandle) return;
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  const target = document.elementFromPoint(point.clientX, point.clientY)?.closest('.react-flow__node');
  const tableId = target?.getAttribute('data-id');
  const refColumn = columnOfHandle(state.fromHandle.id);
  if (!tableId || !refColumn || tableId === state.fromNode.id) return;
  try {
    useStore.getState().editModel((m) => addForeignKey(m, { tableId, refTableId: state.fromNode!.id, refColumns: [refColumn] }));
  } catch (error) {
    reportOpError(error);
  }
}

export function onEdgeHover(edge: RelationFlowEdge | null): void {
  const fk = edge?.data?.fk;
  useStore.getState().setHighlight(fk ? [...fk.columns, ...fk.refColumns] : []);
}
