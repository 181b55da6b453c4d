/**
 * Edit ops on views (plain and materialized): add, change the query, remove (other views stop
 * depending on it), and a view's column comments and defaults and its WITH options. A plain view takes
 * `security_barrier`, `security_invoker` (both true/false) and `check_option` (local/cascaded);
 * PostgreSQL refuses any other, and refuses these on a materialized view, so they are refused here.
 */
import type { Model, View, ViewColumn } from '../document.ts';
import { newId } from '../ids.ts';
import { applyPatch, blanksToNull, ensureSchema, filterShared, mapShared, type Patch } from './structural-sharing.ts';
import { checkName } from './op-names.ts';
import { ModelOpError } from './model-op-error.ts';

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

/** Throws unless the view is (or is becoming) materialized: a plain view has no rows to leave out. */
export function refuseNoDataOnPlainView(view: View, materialized: boolean): void {
  if (!materialized) throw new ModelOpError(`View ${qualified(view)}: WITH NO DATA is for materialized views; a plain view stores no rows.`);
}

/**
 * Makes a materialized view created empty (`WITH NO DATA`: no query runs until a REFRESH) or
 * populated (`false`, the default). Refused on a plain view, which stores no rows.
 * Ex: `setViewWithNoData(m, { viewId, withNoData: true })` → `CREATE MATERIALIZED VIEW … WITH NO DATA;`.
 */
export function setViewWithNoData(model: Model, p: { viewId: string; withNoData: boolean }): Model {
  return updateViewIn(model, p.viewId, (view) => {
    if (Boolean(view.withNoData) === p.withNoData && !view.populationUnspecified) return view;
    if (p.withNoData) refuseNoDataOnPlainView(view, view.materialized);
    const { withNoData: _old, populationUnspecified: _unsaid, ...bare } = view;
    return p.withNoData ? { ...bare, withNoData: true } : bare;
  });
}

type ViewColumnField = 'comment' | 'default';

/** Sets (or with `''` clears) one field of a view's output column, listing the column by name if it is not yet. */
function setViewColumnField(model: Model, p: { viewId: string; column: string; field: ViewColumnField; value: string }): Model {
  const column = p.column.trim();
  if (!column) throw new ModelOpError(`A view column ${p.field} needs the column's name.`);
  return updateViewIn(model, p.viewId, (view) => {
    const columns = view.columns ?? [];
    const at = columns.findIndex((c) => c.name === column);
    const old: ViewColumn = at < 0 ? { name: column } : columns[at];
    if (at >= 0 && (old[p.field] ?? '') === p.value) return view;
    if (p.value && p.field === 'default' && view.materialized) {
      throw new ModelOpError(`View ${qualified(view)}: a materialized view's columns take no default (PostgreSQL refuses it).`);
    }
    const { [p.field]: _old, ...rest } = old;
    const entry: ViewColumn = p.value ? { ...rest, [p.field]: p.value } : rest;
    return { ...view, columns: at >= 0 ? columns.map((c, i) => (i === at ? entry : c)) : [...columns, entry] };
  });
}

/** Sets (or with `''` clears) the comment of a view's output column; a column not listed yet is added by name. */
export function setViewColumnComment(model: Model, p: { viewId: string; column: string; comment: string }): Model {
  return setViewColumnField(model, { viewId: p.viewId, column: p.column, field: 'comment', value: p.comment });
}

/**
 * Sets (or with `''` clears) the DEFAULT of a plain view's output column, the value an INSERT
 * through the view gets when it leaves the column out (the view's table default does not apply).
 * Ex: `setViewColumnDefault(m, { viewId, column: 'status', expression: "'new'" })` →
 * `ALTER VIEW … ALTER COLUMN status SET DEFAULT 'new';`.
 */
export function setViewColumnDefault(model: Model, p: { viewId: string; column: string; expression: string }): Model {
  const expression = p.expression.trim().replace(/;\s*$/, '');
  return setViewColumnField(model, { viewId: p.viewId, column: p.column, field: 'default', value: expression });
}

/**
 * Rewrites every view column default with `fn` (a rename reaching into SQL text); views whose
 * defaults do not change keep their identity.
 */
export function mapViewColumnDefaults(model: Model, fn: (text: string) => string): Model {
  const views = mapShared(model.views, (view) => {
    const columns = view.columns && mapShared(view.columns, (c) => (c.default !== undefined && fn(c.default) !== c.default ? { ...c, default: fn(c.default) } : c));
    return columns === view.columns ? view : { ...view, columns };
  });
  return views === model.views ? model : { ...model, views };
}

/** Stops listing a column of a view (and its comment and default); the query still defines the view's columns. */
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

/** A view's columns once it becomes materialized: without defaults, which PostgreSQL refuses there. */
export function withoutColumnDefaults(columns: ViewColumn[] | undefined): ViewColumn[] | undefined {
  if (!columns?.some((c) => c.default !== undefined)) return columns;
  return columns.map(({ default: _default, ...rest }) => rest);
}

export interface AddViewParams {
  id?: string;
  schema?: string;
  name: string;
  definition: string;
  materialized?: boolean;
}

/** Ex: `addView(model, { name: 'active_customers', definition: 'SELECT * FROM customers WHERE is_active' })`. */
export function addView(model: Model, params: AddViewParams): Model {
  const schema = checkName(params.schema ?? 'public', 'schema');
  checkName(params.name, 'view');
  if (!params.definition.trim()) throw new ModelOpError('a view needs a query');
  const view: View = { id: params.id ?? newId('view'), schema, name: params.name, materialized: params.materialized ?? false, definition: params.definition };
  const next = ensureSchema(model, schema);
  return { ...next, views: [...next.views, view] };
}

/** A trailing semicolon is dropped from the query (the document keeps it without). */
export function updateView(model: Model, params: { viewId: string; patch: Patch<View> }): Model {
  const patch = blanksToNull(params.patch, ['comment']);
  if (patch.name !== undefined) checkName(patch.name ?? '', 'view');
  if (patch.schema !== undefined) checkName(patch.schema ?? '', 'schema');
  if (patch.definition !== undefined) {
    const definition = (patch.definition ?? '').trim().replace(/;\s*$/, '');
    if (!definition) throw new ModelOpError('a view needs a query');
    patch.definition = definition;
  }
  if (patch.materialized === null) delete patch.materialized;
  const view = model.views.find((v) => v.id === params.viewId);
  // WITH NO DATA says how a materialized view is created: it goes when the view becomes plain.
  if (patch.materialized === false) patch.withNoData = null;
  else if (patch.withNoData && view) refuseNoDataOnPlainView(view, patch.materialized ?? view.materialized);
  // PostgreSQL refuses security_barrier, check_option and column defaults on a materialized view: they go with the change.
  if (patch.materialized) {
    if (view?.with && !patch.with) patch.with = withoutPlainViewOptions(view.with) ?? null;
    if (view && !patch.columns && withoutColumnDefaults(view.columns) !== view.columns) patch.columns = withoutColumnDefaults(view.columns);
  }
  const views = mapShared(model.views, (v) => (v.id === params.viewId ? applyPatch(v, patch) : v));
  if (views === model.views) return model;
  return ensureSchema({ ...model, views }, views.find((v) => v.id === params.viewId)!.schema);
}

export function removeView(model: Model, params: { viewId: string }): Model {
  const views = filterShared(model.views, (v) => v.id !== params.viewId);
  if (views === model.views) return model;
  // Other views stop listing it as a dependency.
  return { ...model, views: mapShared(views, (v) => (v.dependsOn?.includes(params.viewId) ? { ...v, dependsOn: v.dependsOn.filter((d) => d !== params.viewId) } : v)) };
}
