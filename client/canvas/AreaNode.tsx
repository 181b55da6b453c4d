/** A subject area: a tinted rectangle around its tables with an editable name. */
import { memo, useState } from 'react';
import { useReactFlow, type NodeProps } from '@xyflow/react';
import { renameArea } from '../../shared/model/ops/layout.ts';
import { useStore } from '../store/index.ts';
import type { AreaFlowNode } from './to-flow.ts';

function rename(areaId: string, name: string) {
  useStore.getState().editLayout((layout) => renameArea(layout, { areaId, name }));
}

/**
 * Dragging an area's label moves its tables together: one undo step, like any drag. Returns the
 * pointer-down handler.
 */
function useMoveTables(tableIds: string[], getZoom: () => number) {
  return (e: React.PointerEvent) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    const start = { x: e.clientX, y: e.clientY };
    const { nodes } = useStore.getState().doc.layout;
    const origins = tableIds.filter((id) => nodes[id]).map((id) => [id, nodes[id]] as const);
    let moving = false;
    const move = (ev: PointerEvent) => {
      const zoom = getZoom();
      const [dx, dy] = [(ev.clientX - start.x) / zoom, (ev.clientY - start.y) / zoom];
      if (!moving && Math.hypot(dx, dy) < 3) return;
      if (!moving) useStore.getState().beginDrag();
      moving = true;
      useStore.getState().moveNodes(Object.fromEntries(origins.map(([id, p]) => [id, { x: Math.round(p.x + dx), y: Math.round(p.y + dy) }])));
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      if (moving) useStore.getState().endDrag();
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
}

function AreaNodeView({ data, selected }: NodeProps<AreaFlowNode>) {
  const { area, rect } = data;
  const [editing, setEditing] = useState(false);
  const { getZoom } = useReactFlow();
  const onPointerDown = useMoveTables(area.tableIds, getZoom);
  return (
    <div
      className={`area-node${selected ? ' selected' : ''}`}
      data-testid="area-node"
      data-area={area.name}
      style={{ width: rect.width, height: rect.height, '--area-color': area.color } as React.CSSProperties}
    >
      {editing ? (
        <input
          className="area-label-input nodrag"
          data-testid="area-name-input"
          autoFocus
          defaultValue={area.name}
          onBlur={(e) => { rename(area.id, e.target.value.trim() || area.name); setEditing(false); }}
          onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); if (e.key === 'Escape') setEditing(false); }}
        />
      ) : (
        <div
          className="area-label nodrag nopan"
          data-testid="area-label"
          title="Drag to move the area's tables; double-click to rename"
          onPointerDown={onPointerDown}
          onDoubleClick={() => setEditing(true)}
        >
          {area.name}
        </div>
      )}
    </div>
  );
}

export const AreaNode = memo(AreaNodeView);
