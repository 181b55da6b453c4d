/** Moved to shared (the SVG export draws the same rows without a DOM): re-exported for the canvas. */
export * from '../../shared/model/column-rows.ts';
