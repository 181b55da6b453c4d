/**
 * Where things go on the minimap: the bounds of all nodes fitted into the minimap box, and the
 * mapping between minimap pixels and flow coordinates. Pure, so it is tested without a DOM.
 */
export interface Box { x: number; y: number; width: number; height: number }
export interface MapFit { scale: number; offsetX: number; offsetY: number }

/** The smallest box around all `boxes`, or undefined when there are none. */
export function boundsOf(boxes: Iterable<Box>): Box | undefined {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  return minX === Infinity ? undefined : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * Fits `bounds` (flow coordinates) into a `width`×`height` map with `padding` pixels, centered.
 * Ex: `fitMap({x: 0, y: 0, width: 1000, height: 500}, 200, 150, 10)` → scale 0.18, centered vertically.
 */
export function fitMap(bounds: Box, width: number, height: number, padding = 8): MapFit {
  const scale = Math.min((width - 2 * padding) / Math.max(bounds.width, 1), (height - 2 * padding) / Math.max(bounds.height, 1));
  return {
    scale,
    offsetX: (width - bounds.width * scale) / 2 - bounds.x * scale,
    offsetY: (height - bounds.height * scale) / 2 - bounds.y * scale,
  };
}

/** A flow-coordinate box in minimap pixels. */
export function toMap(box: Box, fit: MapFit): Box {
  return { x: box.x * fit.scale + fit.offsetX, y: box.y * fit.scale + fit.offsetY, width: box.width * fit.scale, height: box.height * fit.scale };
}

/** A minimap pixel in flow coordinates. */
export function fromMap(x: number, y: number, fit: MapFit): { x: number; y: number } {
  return { x: (x - fit.offsetX) / fit.scale, y: (y - fit.offsetY) / fit.scale };
}

/** The part of the flow the viewport shows, from React Flow's transform `[x, y, zoom]` and the pane size. */
export function visibleFlowBox(transform: readonly [number, number, number], width: number, height: number): Box {
  const [x, y, zoom] = transform;
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}
