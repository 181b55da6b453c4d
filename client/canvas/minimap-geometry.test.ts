import { describe, expect, it } from 'vitest';
import { boundsOf, fitMap, fromMap, toMap, visibleFlowBox } from './minimap-geometry.ts';

describe('minimap geometry', () => {
  it('bounds every box, and nothing without boxes', () => {
    expect(boundsOf([{ x: 10, y: 20, width: 100, height: 50 }, { x: -40, y: 100, width: 20, height: 30 }]))
      .toEqual({ x: -40, y: 20, width: 150, height: 110 });
    expect(boundsOf([])).toBeUndefined();
  });

  it.each([
    ['wide bounds fill the width', { x: 0, y: 0, width: 1000, height: 100 }, 0.184],
    ['tall bounds fill the height', { x: 500, y: -200, width: 100, height: 1000 }, 0.134],
  ])('%s, centered, padding kept', (_label, bounds, scale) => {
    const fit = fitMap(bounds, 200, 150, 8);
    expect(fit.scale).toBeCloseTo(scale, 3);
    const mapped = toMap(bounds, fit);
    expect(mapped.x + mapped.width / 2).toBeCloseTo(100, 6);
    expect(mapped.y + mapped.height / 2).toBeCloseTo(75, 6);
    expect(Math.min(mapped.x, mapped.y)).toBeGreaterThanOrEqual(8 - 1e-9);
  });

  it('maps a minimap pixel back to the flow point it shows', () => {
    const fit = fitMap({ x: -300, y: 40, width: 2000, height: 900 }, 200, 150);
    const box = toMap({ x: 123, y: 456, width: 0, height: 0 }, fit);
    const point = fromMap(box.x, box.y, fit);
    expect(point.x).toBeCloseTo(123, 6);
    expect(point.y).toBeCloseTo(456, 6);
  });

  it('turns the viewport transform into the visible flow box', () => {
    expect(visibleFlowBox([-200, 100, 0.5], 1000, 600)).toEqual({ x: 400, y: -200, width: 2000, height: 1200 });
  });
});
