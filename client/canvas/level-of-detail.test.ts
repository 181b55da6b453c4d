import { describe, expect, it } from 'vitest';
import { FAR_ZOOM, MIN_ZOOM, labelScale, labelWords } from './level-of-detail.ts';

/** A 13px label's size on screen at `zoom`. */
const onScreen = (zoom: number) => 13 * labelScale(zoom) * zoom;

describe('labelScale', () => {
  it.each([
    ['1:1: labels are not scaled', 1, 1],
    ['zoomed in: labels grow with the diagram', 2, 1],
    ['half size', 0.5, 2],
    ['at the far threshold', FAR_ZOOM, 2],
    ['pagila fitted', 0.39, 2.38],
    ['a quarter of the size', 0.25, 4],
    ['a tenth', 0.1, 9.51],
    ['the minimum zoom', MIN_ZOOM, 19.03],
    ['no zoom yet (0 or NaN): unscaled', 0, 1],
  ])('%s', (_label, zoom, scale) => {
    expect(labelScale(zoom)).toBe(scale);
  });

  it('keeps a 13px label at about 12 to 14px on screen at every zoom below 1:1', () => {
    for (let zoom = MIN_ZOOM; zoom < 1; zoom += 0.001) {
      expect(onScreen(zoom)).toBeGreaterThanOrEqual(11.85);
      expect(onScreen(zoom)).toBeLessThanOrEqual(14.25);
    }
  });

  it('takes few values over a zoom gesture: the CSS variable changes a few times, not every frame', () => {
    const values = new Set<number>();
    for (let zoom = MIN_ZOOM; zoom < 1; zoom += 0.0005) values.add(labelScale(zoom));
    expect(values.size).toBeLessThanOrEqual(19); // 4 steps per doubling, 4.3 doublings from 0.05 to 1
  });
});

describe('labelWords', () => {
  it.each([
    ['one word', 'customer', ['customer']],
    ['after each underscore', 'film_actor_2024', ['film_', 'actor_', '2024']],
    ['hyphens, dots and spaces too', 'order-line item.v2', ['order-', 'line ', 'item.', 'v2']],
    ['a trailing underscore stays with its word', 'tmp_', ['tmp_']],
    ['doubled underscores: no empty word', 'a__b', ['a_', '_', 'b']],
    ['never inside a word: camelCase is one word', 'OrderLineItems', ['OrderLineItems']],
  ])('%s', (_label, name, words) => {
    expect(labelWords(name)).toEqual(words);
    expect(labelWords(name).join('')).toBe(name);
  });
});
