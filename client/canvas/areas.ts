/** Moved to shared (the SVG export draws areas without a DOM): re-exported for the canvas. */
export * from '../../shared/diagram/areas.ts';
