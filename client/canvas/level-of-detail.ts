/**
 * How much of the diagram is drawn at a zoom, and the zooms the view may take. Pure.
 *
 * Near (zoom ≥ FAR_ZOOM) a table shows its header and a row per column. Far, 12px text is under
 * 4px: the table keeps its box without column text, and shows its name as one label whose font
 * is multiplied by `labelScale(zoom)`, so it reads at ~12–14px on screen whatever the zoom; subject
 * area names are scaled the same way whenever the view is zoomed out. The scale is set on the
 * canvas container as a CSS variable (`--lod-scale`), and only when it moves to the next step:
 * nodes never re-render for it, and the browser restyles them a few times per zoom gesture
 * instead of every frame.
 */

/**
 * Below this zoom tables drop their column text and show their name as a label. At 0.5 a 12px
 * column name is 6px on screen, the least one can read; pagila's fit view (≈0.39) is far, with names.
 */
export const FAR_ZOOM = 0.5;
/**
 * React Flow store selector (its transform is `[x, y, zoom]`): true below FAR_ZOOM. A boolean, so a
 * component using it re-renders when the zoom crosses FAR_ZOOM, never per zoom tick.
 */
export const selectFar = (s: { transform: readonly number[] }): boolean => s.transform[2] < FAR_ZOOM;
/** The view's zoom bounds (React Flow's minZoom/maxZoom). */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2;
/** Where a new or blank model opens: nothing to fit, so the zoom at which text is drawn at its size. */
export const WORKING_VIEWPORT = { x: 0, y: 0, zoom: 1 } as const;
/**
 * Fitting a model (opened without a saved view, imported): never closer than 1:1 (a three-table
 * model would fill the screen with 30px text) and never past the minimum zoom. The margins are in
 * screen pixels, so a model that fits at 1:1 opens at 1:1 (a tenth of the view as margin would
 * zoom a template that nearly fills it to 0.98); the top one clears the canvas toolbar, the left one
 * the zoom controls (bottom-left, 15px from the edge and 26px wide: they hid an enum's last values).
 */
export const FIT_OPTIONS = {
  padding: { top: '64px', left: '56px', right: '24px', bottom: '24px' }, maxZoom: 1, minZoom: MIN_ZOOM,
  // The overview hides the objects it draws from React Flow (overview.ts): they are fitted all the same.
  includeHiddenNodes: true,
} as const;

/** React Flow store selector: `labelScale` of the zoom, a number that changes only at its steps. */
export const selectLabelScale = (s: { transform: readonly number[] }): number => labelScale(s.transform[2]);

/** Steps per doubling of the zoom: a quarter octave keeps a 13px label between 12 and 14px. */
const STEPS_PER_OCTAVE = 4;

/**
 * The factor a label's font is multiplied by: 1/zoom, rounded to a quarter octave, so the label
 * stays within ±9% of its size on screen and the value changes only a few times per zoom gesture.
 * 1 from 1:1 on (zoomed in, labels grow with the diagram). Ex: `labelScale(0.25)` → 4; `labelScale(0.1)` → 9.51.
 */
export function labelScale(zoom: number): number {
  if (!(zoom > 0) || zoom >= 1) return 1;
  const steps = Math.round(Math.log2(1 / zoom) * STEPS_PER_OCTAVE);
  return Math.round(2 ** (steps / STEPS_PER_OCTAVE) * 100) / 100;
}

/**
 * A name cut into the words a far label may wrap between: after each underscore, hyphen, dot or
 * space. Ex: `film_actor_2024` → `film_`, `actor_`, `2024`. Never inside a word: a word wider than
 * the box ends in an ellipsis instead (far.css).
 */
export function labelWords(name: string): string[] {
  return name.split(/(?<=[_\-. ])/).filter((word) => word !== '');
}

/** A far label's type, in flow units before `labelScale` (far.css draws it with the same numbers). */
export const FAR_LABEL = { fontPx: 13, lineHeight: 1.15, padX: 4, padY: 2, top: 4 } as const;

const ELLIPSIS = '…';
/** Fewer characters before an ellipsis tell nothing (`i…`): no line then. */
const MIN_SHOWN = 3;

/** The longest start of `text` that fits `width` with an ellipsis after it; '' when not even MIN_SHOWN characters do. */
function ellipsize(text: string, width: number, measure: (text: string) => number): string {
  if (measure(text) <= width) return text;
  let low = 0;
  let high = text.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(text.slice(0, mid).trimEnd() + ELLIPSIS) <= width) low = mid;
    else high = mid - 1;
  }
  return low >= MIN_SHOWN ? text.slice(0, low).trimEnd() + ELLIPSIS : '';
}

/**
 * The lines a far label draws inside its box: words (`labelWords`) fill each line, a line breaks
 * only between words, a word wider than the box and the last line that fits end in an ellipsis;
 * no label when its first line cannot show three characters. Laid out here rather than by CSS because a clip per
 * label (overflow and text-overflow) made the browser re-layerize hundreds of clips on every pan
 * frame. `measure` gives a text's width at FAR_LABEL.fontPx; `scale` is `labelScale(zoom)`.
 * Ex: `fitLabel('film_actor', { width: 220, height: 200 }, 2.5, m)` → `['film_', 'actor']` when
 * 'film_actor' is wider than the box at 32.5px.
 */
export function fitLabel(
  name: string, box: { width: number; height: number }, scale: number, measure: (text: string) => number,
): string[] {
  const width = (box.width - 2 * FAR_LABEL.padX * scale) / scale;
  const lineHeight = FAR_LABEL.fontPx * FAR_LABEL.lineHeight;
  const maxLines = Math.floor((box.height - FAR_LABEL.top - 2 * FAR_LABEL.padY * scale) / scale / lineHeight);
  if (width <= 0 || maxLines < 1) return [];
  const lines: string[] = [];
  let line = '';
  for (const word of labelWords(name)) {
    if (!line || measure(line + word) <= width) line += word;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines) kept[maxLines - 1] = lines.slice(maxLines - 1).join('') + ELLIPSIS;
  const shown = kept.map((text) => ellipsize(text, width, measure));
  // A line too narrow to show anything ends the label: the lines after it would read as the name.
  const empty = shown.indexOf('');
  return empty < 0 ? shown : shown.slice(0, empty);
}
