/**
 * SVG markers for relationship ends, drawn once per canvas from the drawings the export uses too
 * (shared/diagram/look.ts). The node sits at x = 20 of the marker box; `auto-start-reverse` turns
 * the same drawing around for the start of a path.
 */
import { CROWS_FOOT, type EndKind } from '../../shared/diagram/look.ts';

const BOX = { viewBox: '0 0 20 20', refX: 20, refY: 10, markerWidth: 20, markerHeight: 20, markerUnits: 'userSpaceOnUse' as const, orient: 'auto-start-reverse' };
const KINDS: EndKind[] = ['one', 'one-optional', 'many-optional'];

export function CrowsFootMarkers() {
  return (
    <svg className="cf-markers" width="0" height="0" aria-hidden="true" style={{ position: 'absolute' }}>
      <defs>
        {KINDS.map((kind) => {
          const { path, circle } = CROWS_FOOT[kind];
          return (
            <marker key={kind} id={`cf-${kind}`} {...BOX}>
              <path d={path} />
              {circle && <circle {...circle} />}
            </marker>
          );
        })}
      </defs>
    </svg>
  );
}
