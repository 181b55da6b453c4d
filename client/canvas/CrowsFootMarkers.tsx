/**
 * SVG markers for relationship ends, drawn once per canvas. The node sits at x = 20 of the marker
 * box; `auto-start-reverse` turns the same drawing around for the start of a path.
 */
const BOX = { viewBox: '0 0 20 20', refX: 20, refY: 10, markerWidth: 20, markerHeight: 20, markerUnits: 'userSpaceOnUse' as const, orient: 'auto-start-reverse' };

export function CrowsFootMarkers() {
  return (
    <svg className="cf-markers" width="0" height="0" aria-hidden="true" style={{ position: 'absolute' }}>
      <defs>
        <marker id="cf-one" {...BOX}>
          <path d="M13,4 L13,16 M9,4 L9,16" />
        </marker>
        <marker id="cf-one-optional" {...BOX}>
          <path d="M14,4 L14,16" />
          <circle cx="7" cy="10" r="3.2" />
        </marker>
        <marker id="cf-many-optional" {...BOX}>
          <path d="M20,3.5 L11,10 L20,16.5 M11,10 L20,10" />
          <circle cx="6.5" cy="10" r="3.2" />
        </marker>
      </defs>
    </svg>
  );
}
