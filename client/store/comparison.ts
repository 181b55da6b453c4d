/**
 * What the store keeps while the canvas is compared with a saved version: the shape only. It is
 * computed by projects/compare-versions.ts and drawn by the canvas; the store imports neither.
 */
import type { Layout, Model } from '../../shared/model/document.ts';

export type CompareStatus = 'added' | 'changed' | 'removed';

export interface CompareSide {
  label: string;
  model: Model;
}

/** An object the earlier side has and the later one does not, where the earlier side drew it. */
export interface Ghost {
  id: string;
  qualified: string;
  kind: 'table' | 'view' | 'enum';
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Comparison {
  /** The earlier side, with its layout (where removed objects were). */
  from: CompareSide & { layout: Layout };
  /** The later side; absent: the open model, and the comparison follows further edits. */
  to?: CompareSide;
  /** Per object drawn now: added or changed (or removed, when only the later version lacks it). */
  status: ReadonlyMap<string, CompareStatus>;
  /** Qualified names of objects the earlier side has and the later side no longer has. */
  removed: string[];
  /** Removed objects that are not on the canvas now, to draw as outlines. */
  ghosts: Ghost[];
}
