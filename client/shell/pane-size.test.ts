import { describe, expect, it } from 'vitest';
import { CANVAS_MIN, KEY_STEP, KEY_STEP_LARGE, clampWidth, parsePaneState, widthAfterKey, type PaneBounds } from './pane-size.ts';

const bounds: PaneBounds = { min: 300, max: 1100, initial: 440 };

describe('clampWidth', () => {
  const cases = [
    { name: 'inside the bounds: kept', width: 520, viewport: 1440, expected: 520 },
    { name: 'below the minimum: the minimum', width: 120, viewport: 1440, expected: bounds.min },
    { name: 'above the maximum on a wide window: the maximum', width: 4000, viewport: 3000, expected: bounds.max },
    { name: 'the canvas keeps its share of a narrow window', width: 1000, viewport: 1200, expected: 1200 - CANVAS_MIN },
    { name: 'a window narrower than pane and canvas: the minimum still', width: 500, viewport: 500, expected: bounds.min },
    { name: 'fractions are rounded', width: 480.6, viewport: 1440, expected: 481 },
    { name: 'not a number: the initial width', width: Number.NaN, viewport: 1440, expected: bounds.initial },
  ];
  it.each(cases)('$name', ({ width, viewport, expected }) => {
    expect(clampWidth(width, bounds, viewport)).toBe(expected);
  });
});

describe('widthAfterKey', () => {
  const cases = [
    { name: 'ArrowLeft widens a right pane', key: 'ArrowLeft', shift: false, width: 440, expected: 440 + KEY_STEP },
    { name: 'ArrowRight narrows it', key: 'ArrowRight', shift: false, width: 440, expected: 440 - KEY_STEP },
    { name: 'Shift takes a large step', key: 'ArrowLeft', shift: true, width: 440, expected: 440 + KEY_STEP_LARGE },
    { name: 'never below the minimum', key: 'ArrowRight', shift: true, width: 310, expected: bounds.min },
    { name: 'Home: the minimum', key: 'Home', shift: false, width: 700, expected: bounds.min },
    { name: 'End: as wide as the window allows', key: 'End', shift: false, width: 440, expected: 1440 - CANVAS_MIN },
    { name: 'another key does not resize', key: 'a', shift: false, width: 440, expected: undefined },
  ];
  it.each(cases)('$name', ({ key, shift, width, expected }) => {
    expect(widthAfterKey(key, shift, width, bounds, 1440)).toBe(expected);
  });
});

describe('parsePaneState', () => {
  const cases = [
    { name: 'nothing stored', text: null, expected: { width: 440, collapsed: false } },
    { name: 'a stored width and collapse', text: '{"width":612,"collapsed":true}', expected: { width: 612, collapsed: true } },
    { name: 'a width out of bounds is brought in', text: '{"width":90}', expected: { width: bounds.min, collapsed: false } },
    { name: 'a width that is not a number', text: '{"width":"wide"}', expected: { width: 440, collapsed: false } },
    { name: 'not JSON', text: '{oops', expected: { width: 440, collapsed: false } },
    { name: 'JSON null', text: 'null', expected: { width: 440, collapsed: false } },
  ];
  it.each(cases)('$name', ({ text, expected }) => {
    expect(parsePaneState(text, bounds)).toEqual(expected);
  });
});
