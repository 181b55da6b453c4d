/**
 * Widths of far labels' text at FAR_LABEL.fontPx in the labels' font (bold, the page's family),
 * measured once per text on an offscreen canvas: `fitLabel` asks for many prefixes of each name.
 */
import { FAR_LABEL } from './level-of-detail.ts';

const widths = new Map<string, number>();
let context: CanvasRenderingContext2D | null | undefined;

/** The page's font family, as the labels use it. */
export function labelFontFamily(): string {
  return getComputedStyle(document.body).fontFamily;
}

export function measureLabel(text: string): number {
  let width = widths.get(text);
  if (width !== undefined) return width;
  if (context === undefined) {
    context = document.createElement('canvas').getContext('2d');
    if (context) context.font = `650 ${FAR_LABEL.fontPx}px ${labelFontFamily()}`;
  }
  // No 2D context (never in a browser): an average bold character.
  width = context ? context.measureText(text).width : text.length * FAR_LABEL.fontPx * 0.6;
  if (widths.size > 50_000) widths.clear();
  widths.set(text, width);
  return width;
}
