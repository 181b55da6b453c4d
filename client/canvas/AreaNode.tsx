/** A subject area: a tinted rectangle around its tables with an editable name. */
import { memo, useState } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useStore } from '../store/index.ts';
import type { AreaFlowNode } from './to-flow.ts';

function rename(id: string, name: string) {
  useStore.getState().editLayout((layout) => ({
    ...layout,
    areas: layout.areas.map((a) => (a.id === id && a.name !== name ? { ...a, name } : a)),
  }));
}

function AreaNodeView({ data, selected }: NodeProps<AreaFlowNode>) {
  const { area, rect } = data;
  const [editing, setEditing] = useState(false);
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
        <div className="area-label" title="Double-click to rename" onDoubleClick={() => setEditing(true)}>{area.name}</div>
      )}
    </div>
  );
}

export const AreaNode = memo(AreaNodeView);
