/**
 * The auto-layout worker: runs `arrange` (shared/model/arrange.ts) off the page's thread and reports
 * each group it finishes, so the toolbar can show progress and a Cancel (which ends the worker).
 */
import { arrange, type ArrangeOptions } from '../../shared/model/arrange.ts';
import type { Model } from '../../shared/model/document.ts';

export interface LayoutRequest {
  model: Model;
  sizes: Array<[string, { width: number; height: number }]>;
  options: Omit<ArrangeOptions, 'onGroup' | 'ids'> & { ids?: string[] };
}
export type LayoutMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; positions: Record<string, { x: number; y: number }> };

const post = (message: LayoutMessage) => self.postMessage(message);

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { model, sizes, options } = event.data;
  let last = 0;
  const positions = arrange(model, new Map(sizes), {
    ...options,
    ids: options.ids ? new Set(options.ids) : undefined,
    onGroup: (done, total) => {
      // A message per group would flood the page for 500 single-table groups: a few are enough.
      if (done === total || done - last >= Math.max(1, total / 20)) {
        last = done;
        post({ kind: 'progress', done, total });
      }
    },
  });
  post({ kind: 'done', positions });
};
