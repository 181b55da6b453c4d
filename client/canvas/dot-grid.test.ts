import { describe, expect, it } from 'vitest';
import { dotGridScale, dotGridShift } from './dot-grid.ts';

/**
 * Screen position, on one axis, of the dots React Flow's Dots background draws for the view at
 * `offset` (its pattern starts at `offset % period`, is moved back by half a period, and has its
 * circle at `radius`), reduced modulo the period.
 */
function reactFlowDot(offset: number, zoom: number, gap: number, size: number): number {
  const period = gap * zoom;
  const radius = (size * zoom) / 2;
  const center = (offset % period) - period / 2 + radius;
  return ((center % period) + period) % period;
}

/** Screen position, on one axis, of this grid's dots: the layer starts one period before the pane, a dot in each period's middle. */
function ourDot(shift: number, zoom: number, gap: number, size: number): number {
  const { period } = dotGridScale(zoom, gap, size);
  const center = -period + shift + period / 2;
  return ((center % period) + period) % period;
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
    const shift = dotGridShift(x, y, dotGridScale(zoom, 20, 1));
    expect(ourDot(shift.x, zoom, 20, 1)).toBeCloseTo(reactFlowDot(x, zoom, 20, 1), 6);
    expect(ourDot(shift.y, zoom, 20, 1)).toBeCloseTo(reactFlowDot(y, zoom, 20, 1), 6);
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
