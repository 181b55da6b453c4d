/**
 * A foreign key: a line from the referencing column to the referenced column with crow's-foot
 * ends. The parent end is "exactly one" when the referencing columns are NOT NULL, "zero or one"
 * otherwise; the child end is "many", or "one" when the referencing columns are unique.
 */
import { memo } from 'react';
import { BaseEdge, Position, useStore as useFlowStore, type EdgeProps } from '@xyflow/react';
import { edgePath } from '../../shared/diagram/edge-route.ts';
import type { RelationFlowEdge } from './to-flow.ts';
import { selectFar } from './level-of-detail.ts';

/** Lines at one column fan out onto their own lanes (the same route as the SVG/PDF export). */
function RelationEdgeView(props: EdgeProps<RelationFlowEdge>) {
  // Far away the wide invisible path for the pointer is a speck (far.css hid it): not mounted at all.
  const far = useFlowStore(selectFar);
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const side = (p: Position) => (p === Position.Left ? 'l' : 'r');
  const path = edgePath({
    sx: sourceX, sy: sourceY, sourceSide: side(sourcePosition), tx: targetX, ty: targetY, targetSide: side(targetPosition),
  }, data?.lanes);
  const child = data?.childUnique ? 'url(#cf-one-optional)' : 'url(#cf-many-optional)';
  const parent = data?.parentOptional ? 'url(#cf-one-optional)' : 'url(#cf-one)';
  return (
    <BaseEdge
      id={id}
      path={path}
      className={`relation-path${selected ? ' selected' : ''}`}
      markerStart={child}
      markerEnd={parent}
      interactionWidth={far ? 0 : 14}
    />
  );
}

export const RelationEdge = memo(RelationEdgeView);
