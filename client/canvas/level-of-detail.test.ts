import { describe, expect, it } from 'vitest';
import { FAR_ZOOM, MIN_ZOOM, fitLabel, labelScale, labelWords } from './level-of-detail.ts';

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

describe('fitLabel', () => {
  /** 10 units per character at 13px: a box 220 wide holds 21 characters at scale 1 (4 units of padding each side). */
  const measure = (text: string) => text.length * 10;
  const box = (width: number, height: number) => ({ width, height });
  it.each([
    ['fits on one line', 'customer', box(220, 100), 1, ['customer']],
    ['wraps between words only', 'film_actor_category_link', box(220, 100), 1, ['film_actor_category_', 'link']],
    ['scaled up: fewer characters per line', 'film_actor', box(220, 200), 2.5, ['film_', 'actor']],
    ['a word wider than the box ends in an ellipsis', 'OrderLineItemsWithDiscounts', box(220, 100), 1, ['OrderLineItemsWithDi…']],
    ['more lines than the box holds: the last one kept ends in an ellipsis', 'a_b_c_d', box(50, 36), 1, ['a_b…']],
    ['fewer than three characters before an ellipsis: no label', 'account_4', box(40, 100), 1, []],
    ['not one character fits: no label', 'customer', box(220, 300), 19.03, []],
    ['no room for a line: no label', 'customer', box(220, 10), 1, []],
  ])('%s', (_label, name, size, scale, lines) => {
    expect(fitLabel(name, size, scale, measure)).toEqual(lines);
  });

  it('never draws a line wider than the box', () => {
    for (const scale of [1, 2, 4, 9.51]) {
      for (const line of fitLabel('recording_first_release_date_by_country', box(220, 400), scale, measure)) {
        expect(measure(line) * scale).toBeLessThanOrEqual(220 - 8 * scale);
      }
    }
  });
});
