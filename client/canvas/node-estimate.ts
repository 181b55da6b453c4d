/**
 * Size and handle positions of a table node before React Flow has measured it. React Flow mounts
 * every node it has no handle bounds for, visible or not, just to measure it: a 2,000-table model
 * meant ~150,000 elements laid out before the first paint. Given this estimate it mounts only the
 * nodes in view, draws edges to the others from the estimated handles, and measures a node for
 * real when it first comes into view (to-flow then passes the measured size instead).
 * The numbers follow canvas.css (.table-node, .node-header, .col-row, .col-handle).
 */
import type { NodeHandle } from '@xyflow/react';
import { Position } from '@xyflow/react';
import type { Table } from '../../shared/model/document.ts';
import { columnRows } from './badges.ts';

/** A node's box: its width bounds, header and row heights (canvas.css); the overview sizes unmeasured views and enums by it. */
export const NODE = { minWidth: 220, maxWidth: 360, border: 2, header: 35, row: 24, more: 22 } as const;
const HANDLE = { size: 8, left: -7, right: -1.5, top: NODE.header + 8.3, nodeTop: 14.3 };
/** Average glyph widths: 12px sans (names), bold header, 11px mono (types), one badge with its gap. */
const CHAR = { name: 6.8, header: 7.4, type: 6.7, badge: 23 };

/**
 * A table node's own handles, one per side beside its header. Far away (level-of-detail.ts) a
 * table draws no column rows, so edges attach to these; they name no column (flow-handlers'
 * columnOfHandle gives undefined) and cannot start or end a connection.
 */
export const TABLE_HANDLE = { l: ':l', r: ':r' } as const;

export interface NodeEstimate {
  measured: { width: number; height: number };
  handles: NodeHandle[];
}

function estimatedWidth(table: Table, rows: ReturnType<typeof columnRows>): number {
  const header = 18 + 16 + (table.schema.length + 1 + table.name.length) * CHAR.header;
  const widest = Math.max(0, ...rows.map((r) => 20 + 16 + r.name.length * CHAR.name + r.type.length * CHAR.type + r.badges.length * CHAR.badge));
  // Half a pixel more: never equal to a measured (whole-pixel) width, so the first real
  // measurement always replaces the estimated handles.
  return Math.min(NODE.maxWidth, Math.max(NODE.minWidth, Math.ceil(Math.max(header, widest)))) + 0.5;
}

/**
 * Ex: `estimateTableNode(table, false).measured` → `{ width: 265.5, height: 253 }` for 9 columns.
 * `measuredWidth`: the node's real width once drawn, where its right-hand handles are.
 */
export function estimateTableNode(table: Table, collapsed = false, measuredWidth?: number): NodeEstimate {
  const rows = columnRows(table);
  const shown = collapsed ? rows.filter((r) => r.isKey) : rows;
  const width = measuredWidth ?? estimatedWidth(table, rows);
  const more = (collapsed && shown.length < rows.length) || !rows.length ? NODE.more : 0;
  const height = NODE.border + NODE.header + shown.length * NODE.row + more;
  const size = { width: HANDLE.size, height: HANDLE.size, type: 'source' as const };
  // The node's own pair, beside its header: what edges attach to far away (TABLE_HANDLE, TableNode).
  const own: NodeHandle[] = [
    { id: TABLE_HANDLE.l, x: HANDLE.left, y: HANDLE.nodeTop, position: Position.Left, ...size },
    { id: TABLE_HANDLE.r, x: width + HANDLE.right, y: HANDLE.nodeTop, position: Position.Right, ...size },
  ];
  const handles = own.concat(shown.flatMap((row, i): NodeHandle[] => {
    const y = HANDLE.top + i * NODE.row;
    return [
      { id: `${row.id}:l`, x: HANDLE.left, y, position: Position.Left, ...size },
      { id: `${row.id}:r`, x: width + HANDLE.right, y, position: Position.Right, ...size },
    ];
  }));
  return { measured: { width, height }, handles };
}

/**
 * Where an edge meets a table's own handle on `side` (TABLE_HANDLE): the handle's outer edge, at
 * its middle, as React Flow draws it. The overview (overview.ts) joins its lines there too.
 */
export function ownHandlePoint(box: { x: number; y: number; width: number }, side: 'l' | 'r'): { x: number; y: number } {
  const y = box.y + HANDLE.nodeTop + HANDLE.size / 2;
  return side === 'l' ? { x: box.x + HANDLE.left, y } : { x: box.x + box.width + HANDLE.right + HANDLE.size, y };
}
