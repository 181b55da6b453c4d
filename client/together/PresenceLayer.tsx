/**
 * Everyone else on the diagram: their pointer with their name, and an outline in their colour
 * around what they have selected. Drawn in the diagram's own coordinates (inside the viewport), at
 * a constant size on screen.
 */
import { useReactFlow, useStore as useFlowStore, ViewportPortal } from '@xyflow/react';
import { useStore } from '../store/index.ts';
import { useLive, type Collaborator } from './live-state.ts';
import './together.css';

const OUTLINE_GAP = 4;

function Selections({ other }: { other: Collaborator }) {
  const reactFlow = useReactFlow();
  // Re-drawn when tables move, here or elsewhere.
  useStore((s) => s.doc.layout.nodes);
  return other.selection.map((id) => {
    const node = reactFlow.getInternalNode(id);
    if (!node || node.hidden) return null;
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? 0;
    const height = node.measured.height ?? 0;
    return (
      <div
        key={id}
        className="presence-selection"
        data-testid="presence-selection"
        data-collaborator={other.name}
        style={{ left: x - OUTLINE_GAP, top: y - OUTLINE_GAP, width: width + 2 * OUTLINE_GAP, height: height + 2 * OUTLINE_GAP, borderColor: other.color }}
      />
    );
  });
}

export function PresenceLayer() {
  const others = useLive((s) => s.others);
  const zoom = useFlowStore((s) => s.transform[2]);
  if (!others.length) return null;
  return (
    <ViewportPortal>
      {others.map((other) => <Selections key={`s${other.clientId}`} other={other} />)}
      {others.map((other) => other.cursor && (
        <div
          key={`c${other.clientId}`}
          className="presence-cursor"
          data-testid="presence-cursor"
          data-collaborator={other.name}
          style={{ transform: `translate(${other.cursor.x}px, ${other.cursor.y}px) scale(${1 / zoom})`, color: other.color }}
        >
          <svg width="16" height="20" viewBox="0 0 16 20" aria-hidden="true"><path d="M1 1 L1 17 L5.5 12.5 L9 19 L11.5 18 L8 11.5 L14 11.5 Z" fill="currentColor" stroke="white" strokeWidth="1.2" /></svg>
          <span className="presence-name" style={{ background: other.color }}>{other.name}</span>
        </div>
      ))}
    </ViewportPortal>
  );
}
