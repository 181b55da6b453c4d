/**
 * A foreign key: a line from the referencing column to the referenced column with crow's-foot
 * ends. The parent end is "exactly one" when the referencing columns are NOT NULL, "zero or one"
 * otherwise; the child end is "many", or "one" when the referencing columns are unique.
 */
import { memo } from 'react';
import { BaseEdge, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import type { RelationFlowEdge } from './to-flow.ts';

function RelationEdgeView(props: EdgeProps<RelationFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const self = props.source === props.target;
  const [path] = getSmoothStepPath({
    sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 8,
    offset: self ? 28 : 20,
  });
  const child = data?.childUnique ? 'url(#cf-one-optional)' : 'url(#cf-many-optional)';
  const parent = data?.parentOptional ? 'url(#cf-one-optional)' : 'url(#cf-one)';
  return (
    <BaseEdge
      id={id}
      path={path}
      className={`relation-path${selected ? ' selected' : ''}`}
      markerStart={child}
      markerEnd={parent}
      interactionWidth={14}
    />
  );
}

export const RelationEdge = memo(RelationEdgeView);
