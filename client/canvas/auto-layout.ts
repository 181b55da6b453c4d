/**
 * Auto-layout in a web worker (layout-worker.ts running shared/model/arrange.ts), so a large model
 * does not freeze the page: connected groups and subject areas laid out each on their own, parents
 * before the tables that reference them, then packed near the screen's aspect. A run reports its
 * progress and can be cancelled (the worker is ended; the caller gets `undefined`).
 */
import type { Layout, Model } from '../../shared/model/document.ts';
import type { LayoutMode } from '../../shared/model/arrange.ts';
import type { Point } from '../store/document-slice.ts';
import type { LayoutMessage, LayoutRequest } from './layout-worker.ts';
import LayoutWorker from './layout-worker.ts?worker';

import { drawnSizes, type Size } from './node-sizes.ts';

export type { Size };

export interface AutoLayoutOptions {
  mode?: LayoutMode;
  areas?: Layout['areas'];
  onProgress?: (done: number, total: number) => void;
  /** Aborting ends the worker: the promise resolves to `undefined`. */
  signal?: AbortSignal;
}

/** Lays out the objects (all, or `ids`) from `origin`: a position per object id, `undefined` if cancelled. */
export function autoLayout(
  model: Model, sizes: ReadonlyMap<string, Size>, ids?: ReadonlySet<string>, origin?: Point, options: AutoLayoutOptions = {},
): Promise<Record<string, Point> | undefined> {
  if (options.signal?.aborted) return Promise.resolve(undefined);
  const worker = new LayoutWorker();
  return new Promise((resolve, reject) => {
    const end = (positions: Record<string, Point> | undefined) => {
      worker.terminate();
      options.signal?.removeEventListener('abort', cancel);
      resolve(positions);
    };
    const cancel = () => end(undefined);
    options.signal?.addEventListener('abort', cancel);
    worker.onmessage = (event: MessageEvent<LayoutMessage>) => {
      const message = event.data;
      if (message.kind === 'progress') options.onProgress?.(message.done, message.total);
      else end(message.positions);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'auto-layout failed'));
    };
    const request: LayoutRequest = {
      // A table is given at least its estimated size, so a node not yet measured never lands on another.
      model, sizes: [...drawnSizes(model, undefined, (id) => sizes.get(id))], options: { mode: options.mode, areas: options.areas, origin, ids: ids ? [...ids] : undefined },
    };
    worker.postMessage(request);
  });
}
