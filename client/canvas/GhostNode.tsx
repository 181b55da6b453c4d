/** A removed object while comparing: a dashed outline where the earlier version drew it. Not selectable, never part of the model. */
import type { Node, NodeChange, NodeProps } from '@xyflow/react';
import type { Ghost } from '../store/comparison.ts';
import type { FlowNode } from './to-flow.ts';

export type GhostFlowNode = Node<{ ghost: Ghost }, 'ghost'>;

export function GhostNode({ data }: NodeProps<GhostFlowNode>) {
  const { ghost } = data;
  return (
    <div className="ghost-node" data-testid="ghost-node" data-ghost={ghost.qualified} style={{ width: ghost.width, height: ghost.height }} title={`${ghost.qualified}: removed`}>
      <span className="ghost-kind">removed {ghost.kind}</span>
      <span className="ghost-name">{ghost.qualified}</span>
    </div>
  );
}

/** Flow nodes for the ghosts, beneath the real nodes. */
export function ghostNodes(ghosts: readonly Ghost[]): GhostFlowNode[] {
  return ghosts.map((ghost) => ({
    id: `${GHOST_PREFIX}${ghost.id}`,
    type: 'ghost',
    position: { x: ghost.x, y: ghost.y },
    data: { ghost },
    width: ghost.width,
    height: ghost.height,
    draggable: false,
    selectable: false,
    connectable: false,
    focusable: false,
    zIndex: -1,
  }));
}

const GHOST_PREFIX = 'ghost:';

/** The changes that concern the model's nodes (a ghost's measuring or hovering changes nothing). */
export function withoutGhosts(changes: NodeChange<FlowNode | GhostFlowNode>[]): NodeChange<FlowNode>[] {
  return changes.filter((c) => !('id' in c && c.id.startsWith(GHOST_PREFIX))) as NodeChange<FlowNode>[];
}
