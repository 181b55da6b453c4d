/**
 * Enum and view nodes: simpler cousins of the table node. They are few, so far away they keep
 * their text (hidden by far.css) and show their name label by CSS alone.
 */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { EnumFlowNode, ViewFlowNode } from './to-flow.ts';
import { FarName } from './FarName.tsx';

function EnumNodeView({ data, selected, width, height }: NodeProps<EnumFlowNode>) {
  const { enumType, look } = data;
  return (
    <div
      className={`table-node enum-node${selected ? ' selected' : ''}`}
      data-table={`${enumType.schema}.${enumType.name}`}
      data-kind="enum"
      style={look?.color ? ({ '--node-color': look.color } as React.CSSProperties) : undefined}
    >
      <div className="node-header">
        <span className="node-kind">enum</span>
        <span className="node-schema">{enumType.schema}.</span>
        <span className="node-name">{enumType.name}</span>
      </div>
      <FarName name={enumType.name} width={width ?? 0} height={height ?? 0} always />
      {enumType.values.map((value) => <div key={value} className="col-row enum-value"><span className="col-name">{value}</span></div>)}
    </div>
  );
}

function ViewNodeView({ data, selected, width, height }: NodeProps<ViewFlowNode>) {
  const { view, look } = data;
  return (
    <div
      className={`table-node view-node${selected ? ' selected' : ''}`}
      data-table={`${view.schema}.${view.name}`}
      data-kind="view"
      style={look?.color ? ({ '--node-color': look.color } as React.CSSProperties) : undefined}
    >
      <div className="node-header" title={view.comment}>
        <span className="node-kind">{view.materialized ? 'mat. view' : 'view'}</span>
        <span className="node-schema">{view.schema}.</span>
        <span className="node-name">{view.name}</span>
      </div>
      <FarName name={view.name} width={width ?? 0} height={height ?? 0} always />
      {(view.columns ?? []).map((c) => <div key={c.name} className="col-row"><span className="col-name">{c.name}</span></div>)}
      {!view.columns?.length && <div className="col-more view-sql">{view.definition.slice(0, 80)}</div>}
    </div>
  );
}

export const EnumNode = memo(EnumNodeView);
export const ViewNode = memo(ViewNodeView);
