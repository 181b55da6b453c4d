/**
 * How comment threads are shown, as data: the label of a thread's target in the current model (a
 * table, `table.column`, or a removed table), the order of the list (open first, the most recently
 * active first), and the open threads per table that the canvas badges count.
 */
import type { CommentTarget, Thread } from '../api/comments.ts';
import type { Model } from '../model/document.ts';

export interface TargetLabel {
  /** `public.orders`, `public.orders.total`; for a removed table, the words that say so. */
  text: string;
  /** The table is in the model: clicking the thread can select it. */
  tableId: string | undefined;
  removed: 'table' | 'column' | undefined;
}

export const REMOVED_TABLE = 'on a removed table';

/** Ex: `{kind: 'column', tableId: t, columnId: c}` → `public.orders.total` (names of now, not of then). */
export function targetLabel(model: Model, target: CommentTarget): TargetLabel {
  const table = model.tables.find((t) => t.id === target.tableId);
  if (!table) return { text: REMOVED_TABLE, tableId: undefined, removed: 'table' };
  const name = `${table.schema}.${table.name}`;
  if (target.kind === 'table') return { text: name, tableId: table.id, removed: undefined };
  const column = table.columns.find((c) => c.id === target.columnId);
  if (!column) return { text: `${name} (a removed column)`, tableId: table.id, removed: 'column' };
  return { text: `${name}.${column.name}`, tableId: table.id, removed: undefined };
}

/** When a thread last changed: its last comment, or its resolution if that came later. */
export function lastActivity(thread: Thread): string {
  const times = [thread.createdAt, ...thread.comments.map((c) => c.createdAt), thread.resolvedAt ?? ''];
  return times.reduce((a, b) => (b > a ? b : a));
}

/**
 * The threads to list: open ones first, then (with `showResolved`) the resolved ones; within each,
 * the most recently active first, ties by id so the order never flickers.
 */
export function orderThreads(threads: readonly Thread[], showResolved: boolean): Thread[] {
  const rank = (t: Thread) => (t.status === 'open' ? 0 : 1);
  return threads
    .filter((t) => showResolved || t.status === 'open')
    .map((t) => ({ t, at: lastActivity(t) }))
    .sort((a, b) => rank(a.t) - rank(b.t) || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0) || (a.t.id < b.t.id ? -1 : 1))
    .map(({ t }) => t);
}

/** Open threads per table id (a column's thread counts for its table): the canvas badge. */
export function openThreadsByTable(threads: readonly Thread[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads) {
    if (thread.status === 'open') counts.set(thread.target.tableId, (counts.get(thread.target.tableId) ?? 0) + 1);
  }
  return counts;
}

/** Ex: 1 → "1 open thread", 3 → "3 open threads". */
export const openThreadsText = (count: number) => `${count} open thread${count === 1 ? '' : 's'}`;
