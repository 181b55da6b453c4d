import { describe, expect, it } from 'vitest';
import { dotGridScale, dotGridShift } from './dot-grid.ts';

/**
 * Screen x of the dots React Flow's Dots background draws (its pattern starts at `x % period`, is
 * moved back by half a period, and has its circle at `radius`), reduced modulo the period.
 */
function reactFlowDotX(x: number, zoom: number, gap: number, size: number): number {
  const period = gap * zoom;
  const radius = (size * zoom) / 2;
  const center = (x % period) - period / 2 + radius;
  return ((center % period) + period) % period;
}

/** Screen x of this grid's dots: the layer starts one period left of the pane, a dot in each period's middle. */
function ourDotX(x: number, zoom: number, gap: number, size: number): number {
  const scale = dotGridScale(zoom, gap, size);
  const center = -scale.period + dotGridShift(x, 0, scale).x + scale.period / 2;
  return ((center % scale.period) + scale.period) % scale.period;
}

describe('dotGridScale', () => {
  it.each([
    ['1:1', 1, { period: 20, radius: 0.5 }],
    ['zoomed in', 2, { period: 40, radius: 1 }],
    ['working zoom', 0.75, { period: 15, radius: 0.375 }],
    ['no zoom yet: the unscaled period, never 0', 0, { period: 20, radius: 0 }],
  ])('%s', (_label, zoom, expected) => {
    expect(dotGridScale(zoom, 20, 1)).toEqual(expected);
  });
});

describe('dotGridShift', () => {
  it.each([
    ['the origin', 0, 0, 1],
    ['panned right', 137, -45, 1],
    ['panned left and up', -1234.5, -9876.25, 1],
    ['zoomed in', 503.3, 12, 2.5],
    ['zoomed out', -77, 3001, 0.55],
  ])('%s: the dots fall where React Flow puts them', (_label, x, y, zoom) => {
    expect(ourDotX(x, zoom, 20, 1)).toBeCloseTo(reactFlowDotX(x, zoom, 20, 1), 6);
    const shift = dotGridShift(x, y, dotGridScale(zoom, 20, 1));
    expect(shift.y).toBeCloseTo(dotGridShift(y, x, dotGridScale(zoom, 20, 1)).x, 9);
  });

  it('stays within one period, so the layer never uncovers the pane', () => {
    const scale = dotGridScale(0.8, 20, 1);
    for (let x = -500; x <= 500; x += 7.3) {
      const { x: shift } = dotGridShift(x, 0, scale);
      expect(shift).toBeGreaterThanOrEqual(0);
      expect(shift).toBeLessThan(scale.period);
    }
  });

  it('moves the layer with the view: a pan shorter than a period moves it as far', () => {
    const scale = dotGridScale(1, 20, 1);
    expect(dotGridShift(3 + 5, 0, scale).x - dotGridShift(3, 0, scale).x).toBeCloseTo(5, 9);
  });
});
