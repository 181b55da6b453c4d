/**
 * Where the canvas's dot grid is drawn. React Flow's `<Background>` moves its SVG pattern on every
 * pan frame, which repaints the whole pane: in software rendering a third of a frame's work at
 * working zoom (musicbrainz panned at 44-47 fps with it, 57 without). The grid here is drawn once
 * per zoom on a layer one period larger than the pane on each side, and a pan only moves that
 * layer (a compositor transform), so its pixels are not drawn again.
 */

/** The grid's period and dot size on screen at `zoom` (React Flow's `gap` and `size`, in diagram units). */
export interface DotGridScale {
  /** Distance between two dots on screen, in px. */
  period: number;
  /** A dot's radius on screen, in px. */
  radius: number;
}

export function dotGridScale(zoom: number, gap: number, size: number): DotGridScale {
  // A zoom of 0 (none yet) would make a period of 0: an endless pattern.
  return { period: gap * zoom || gap, radius: (size * zoom) / 2 };
}

/** `value` modulo `period`, in [0, period) for negative values too. */
function wrap(value: number, period: number): number {
  return ((value % period) + period) % period;
}

/**
 * How far to move the layer (drawn from one period above and left of the pane, a dot in the middle
 * of each period) for the view at `x`, `y`: the dots land where React Flow's Dots background puts
 * them, so the grid stays still relative to the diagram while panning.
 */
export function dotGridShift(x: number, y: number, { period, radius }: DotGridScale): { x: number; y: number } {
  return { x: wrap(x + radius, period), y: wrap(y + radius, period) };
}
