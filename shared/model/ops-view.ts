/**
 * Edit ops on a view's column comments and its WITH options. A plain view takes
 * `security_barrier`, `security_invoker` (both true/false) and `check_option` (local/cascaded);
 * PostgreSQL refuses any other, and refuses these on a materialized view, so they are refused here.
 */
import type { Model, View } from './document.ts';
import { ModelOpError, mapShared } from './ops-util.ts';

/** The WITH options of a plain view and the values each one takes. */
export const VIEW_OPTIONS = {
  security_barrier: ['true', 'false'],
  security_invoker: ['true', 'false'],
  check_option: ['local', 'cascaded'],
} as const;
export type ViewOption = keyof typeof VIEW_OPTIONS;

function updateViewIn(model: Model, viewId: string, fn: (view: View) => View): Model {
  const views = mapShared(model.views, (v) => (v.id === viewId ? fn(v) : v));
  return views === model.views ? model : { ...model, views };
}

const qualified = (v: View) => `${v.schema}.${v.name}`;

/**
 * Sets one WITH option of a plain view; `''` removes it.
 * Ex: `setViewOption(m, { viewId, option: 'check_option', value: 'cascaded' })` → `WITH (check_option=cascaded)`.
 */
export function setViewOption(model: Model, p: { viewId: string; option: ViewOption; value: string }): Model {
  return updateViewIn(model, p.viewId, (view) => {
    const value = p.value.trim().toLowerCase();
    const { [p.option]: old, ...rest } = view.with ?? {};
    if ((old ?? '') === value) return view;
    if (value && view.materialized) throw new ModelOpError(`View ${qualified(view)}: ${p.option} is for plain views; a materialized view does not take it.`);
    const allowed: readonly string[] = VIEW_OPTIONS[p.option];
    if (value && !allowed.includes(value)) {
      throw new ModelOpError(`View ${qualified(view)}: ${p.option} is ${allowed.join(' or ')}, not "${p.value.trim()}".`);
    }
    const options = value ? { ...rest, [p.option]: value } : rest;
    const { with: _old, ...bare } = view;
    return Object.keys(options).length ? { ...bare, with: options } : bare;
  });
}

/** Sets (or with `''` clears) the comment of a view's output column; a column not listed yet is added by name. */
export function setViewColumnComment(model: Model, p: { viewId: string; column: string; comment: string }): Model {
  const column = p.column.trim();
  if (!column) throw new ModelOpError('A view column comment needs the column\'s name.');
  return updateViewIn(model, p.viewId, (view) => {
    const columns = view.columns ?? [];
    const at = columns.findIndex((c) => c.name === column);
    const old = at < 0 ? undefined : columns[at];
    if (old && (old.comment ?? '') === p.comment) return view;
    const entry = p.comment ? { name: column, comment: p.comment } : { name: column };
    return { ...view, columns: old ? columns.map((c, i) => (i === at ? entry : c)) : [...columns, entry] };
  });
}

/** Stops listing a column of a view (and its comment); the query still defines the view's columns. */
export function removeViewColumn(model: Model, p: { viewId: string; column: string }): Model {
  return updateViewIn(model, p.viewId, (view) => {
    const columns = (view.columns ?? []).filter((c) => c.name !== p.column);
    if (columns.length === (view.columns ?? []).length) return view;
    const { columns: _old, ...bare } = view;
    return columns.length ? { ...view, columns } : bare;
  });
}

/** The plain-view options a view keeps when it becomes materialized: none of them. */
export function withoutPlainViewOptions(options: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!options) return undefined;
  const kept = Object.fromEntries(Object.entries(options).filter(([k]) => !(k in VIEW_OPTIONS)));
  return Object.keys(kept).length ? kept : undefined;
}
