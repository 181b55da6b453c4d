/** A table on the canvas: header, one row per column with badges, a handle on each side of each row. */
import { memo, useMemo } from 'react';
import { Handle, Position, useStore as useFlowStore, type NodeProps } from '@xyflow/react';
import { useStore } from '../store/index.ts';
import { columnRows, type ColumnRow } from './badges.ts';
import { TABLE_HANDLE } from './node-estimate.ts';
import type { TableFlowNode } from './to-flow.ts';
import { selectFar } from './level-of-detail.ts';
import { FarName } from './FarName.tsx';
import { ColumnName, TableName } from './InlineName.tsx';
import { CommentBadge } from '../comments/CommentBadge.tsx';
import './far.css';

/*
 * Below FAR_ZOOM 12px text is under 4px: unreadable, yet the rows are most of what a node costs
 * to mount, lay out, paint and hit-test, and their handles each hold a React Flow store
 * subscription that runs on every pan frame. Far away a table is its box at its measured size (so
 * nothing is re-measured) and its name as one label that far.css scales to stay legible
 * (level-of-detail.ts); no rows, no column handles: edges attach to the table's own pair of handles
 * beside its header (TABLE_HANDLE, drawn at every zoom so React Flow always measures them). Each
 * node re-renders only when the zoom crosses FAR_ZOOM (a boolean selector), never per zoom tick.
 */

const BADGE_TITLE: Record<string, string> = {
  PK: 'primary key', FK: 'foreign key', UQ: 'unique', NN: 'not null',
  DEF: 'has a default', ID: 'identity', GEN: 'generated',
};

function Row({ tableId, row, lit }: { tableId: string; row: ColumnRow; lit: boolean }) {
  return (
    <div className={`col-row${lit ? ' lit' : ''}${row.isKey ? ' key' : ''}`} data-column={row.name} data-testid="column-row">
      <Handle type="source" position={Position.Left} id={`${row.id}:l`} className="col-handle" />
      <ColumnName tableId={tableId} columnId={row.id} name={row.name} />
      <span className="col-type">{row.type}</span>
      <span className="col-badges">
        {row.badges.map((b) => (
          <span key={b} className={`badge badge-${b.toLowerCase()}`} title={BADGE_TITLE[b]}>{b}</span>
        ))}
      </span>
      <Handle type="source" position={Position.Right} id={`${row.id}:r`} className="col-handle" />
    </div>
  );
}

function TableNodeView({ data, selected, positionAbsoluteX, positionAbsoluteY, width, height }: NodeProps<TableFlowNode>) {
  const { table, look } = data;
  const rows = useMemo(() => columnRows(table), [table]);
  // A string selector: only the tables whose lit columns change re-render on hover.
  const lit = useStore((s) => (s.highlight.size ? table.columns.filter((c) => s.highlight.has(c.id)).map((c) => c.id).join(',') : ''));
  const litIds = useMemo(() => new Set(lit.split(',')), [lit]);
  const compared = useStore((s) => s.comparison?.status.get(table.id));
  // An image export draws the nodes at full size whatever the zoom: never far then.
  const exporting = useStore((s) => s.exporting);
  const far = useFlowStore(selectFar) && !exporting && !!width && !!height;
  const collapsed = look?.collapsed ?? false;
  const shown = collapsed ? rows.filter((r) => r.isKey) : rows;
  // A table drawn at its fallback spot has no layout entry yet: keep it where it is shown.
  const toggle = () => useStore.getState().editLayout((l) => ({
    ...l,
    nodes: { ...l.nodes, [table.id]: { x: positionAbsoluteX, y: positionAbsoluteY, ...look, collapsed: !collapsed } },
  }));
  // Far, drawn at its size in whole pixels, which is what React Flow measures back (offsetWidth): an
  // estimate's half pixel made every table re-render and be measured a second time.
  const farSize = far ? { width: Math.round(width!), height: Math.round(height!) } : {};
  return (
    <div
      className={`table-node${selected ? ' selected' : ''}${compared ? ` cmp-${compared}` : ''}${far ? ' far' : ''}`}
      data-table={`${table.schema}.${table.name}`}
      data-compare={compared}
      data-testid="table-node"
      title={far ? `${table.schema}.${table.name}` : undefined}
      style={{ ...(look?.color ? { '--node-color': look.color } : {}), ...farSize } as React.CSSProperties}
    >
      <Handle type="source" position={Position.Left} id={TABLE_HANDLE.l} className="table-handle" isConnectable={false} />
      <Handle type="source" position={Position.Right} id={TABLE_HANDLE.r} className="table-handle" isConnectable={false} />
      {far && <FarName name={table.name} width={width!} height={height!} />}
      {far ? <div className="node-header" /> : <div className="node-header" title={table.comment}>
        <span className="node-schema">{table.schema}.</span>
        <TableName tableId={table.id} name={table.name} />
        <CommentBadge tableId={table.id} />
        <button
          className="node-collapse nodrag"
          data-testid="collapse-table"
          title={collapsed ? 'Show all columns' : 'Show key columns only'}
          onClick={toggle}
        >
          {collapsed ? '▸' : '▾'}
        </button>
      </div>}
      {!far && shown.map((row) => <Row key={row.id} tableId={table.id} row={row} lit={litIds.has(row.id)} />)}
      {!far && collapsed && rows.length > shown.length && (
        <div className="col-more">{rows.length - shown.length} more column{rows.length - shown.length > 1 ? 's' : ''}</div>
      )}
      {!far && !rows.length && <div className="col-more">no columns</div>}
    </div>
  );
}

export const TableNode = memo(TableNodeView);
