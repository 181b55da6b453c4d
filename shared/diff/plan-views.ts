/** Steps for views, materialized views and carried (raw) objects. */
import type { Model, RawObject, View } from '../model/document.ts';
import { alterViewColumnDefault, dropObject, dropRawObject, refreshMaterializedView, renameObject, textSearchKind } from '../ddl/postgres-alter.ts';
import { EARLY_RAW_KINDS, mentions, needsTables } from '../ddl/order.ts';
import { commentOn, createView, qualifiedName, rawObjectSql } from '../ddl/postgres.ts';
import { customStatements } from '../model/sql-raw-objects.ts';
import { sameComment, sameSqlText, viewDefaults } from './match.ts';
import { addIndexSteps } from './plan-constraints.ts';
import { depthOf, draft, hazard, type Draft, type PlanContext } from './plan-context.ts';
import type { Hazard } from './hazards.ts';
import type { Change } from './types.ts';

const kindOf = (v: View) => (v.materialized ? 'MATERIALIZED VIEW' : 'VIEW') as 'VIEW' | 'MATERIALIZED VIEW';

/** Views a view reads, within the same model (by `dependsOn`, else by its definition naming them). */
export function viewParents(model: Model): (id: string) => string[] {
  const views = new Map(model.views.map((v) => [v.id, v]));
  return (id) => {
    const v = views.get(id);
    if (!v) return [];
    if (v.dependsOn) return v.dependsOn.filter((d) => views.has(d) && d !== id);
    return model.views.filter((o) => o.id !== id && mentions(v.definition, o.name)).map((o) => o.id);
  };
}

/** COMMENT ON statements for the view and column comments of `to` that differ from `from`. */
function changedViewComments(from: View | undefined, to: View): string[] {
  const kind = to.materialized ? 'materialized-view' : 'view';
  const out: string[] = [];
  if (!sameComment(from?.comment, to.comment)) out.push(commentOn({ target: { kind, schema: to.schema, name: to.name }, comment: to.comment || null }));
  const before = new Map((from?.columns ?? []).map((c) => [c.name, c.comment]));
  for (const c of to.columns ?? []) {
    if (!sameComment(before.get(c.name), c.comment)) {
      out.push(commentOn({ target: { kind: 'column', schema: to.schema, table: to.name, column: c.name }, comment: c.comment || null }));
    }
  }
  return out;
}

/**
 * SET DEFAULT for the column defaults of `to` that are new or differ from `from`, DROP DEFAULT for
 * those `to` no longer has. After the views are created (rank 50), before comments.
 */
function changedViewDefaults(from: View | undefined, to: View): Draft[] {
  const [before, after] = [viewDefaults(from), viewDefaults(to)];
  const set = [...after].filter(([name, text]) => !sameSqlText(before.get(name), text))
    .map(([name, expression]) => alterViewColumnDefault({ view: to, column: { name }, expression }));
  const dropped = [...before.keys()].filter((name) => !after.has(name)).map((name) => alterViewColumnDefault({ view: to, column: { name } }));
  return [...dropped, ...set].map((sql) => draft('views', 50, sql));
}

/** `to`, holding rows or not as `from` did when the model does not say (`populationUnspecified`). */
function withPopulationOf(from: View, to: View): View {
  if (!to.populationUnspecified || !to.materialized) return to;
  const { withNoData: _unsaid, ...rest } = to;
  return from.withNoData ? { ...rest, withNoData: true } : rest;
}

export function createViewSteps(view: View, ctx: PlanContext): Draft[] {
  const rank = 10 + depthOf(view.id, viewParents(ctx.to));
  const out = [
    draft('views', rank, createView({ view })), ...changedViewDefaults(undefined, view),
    ...changedViewComments(undefined, view).map((sql) => draft('views', 60, sql)),
  ];
  for (const index of view.indexes ?? []) out.push(...addIndexSteps({ type: 'view', view }, index, ctx));
  return out;
}

/**
 * A kept materialized view emptied or populated in place, where its CREATE would stand (a view it
 * reads is refreshed first). Either way REFRESH holds an ACCESS EXCLUSIVE lock on the view.
 * - WITH NO DATA throws the stored rows away; the query computes them again, so it is no
 *   `deletes-data`, but every query reading the view fails until the next REFRESH: `breaks-dependents`.
 * - Populating runs the whole query inside the migration's transaction and builds the view's
 *   indexes over its rows, as long as an index build: `locks-table`, and `index-build` when it has
 *   indexes. CONCURRENTLY is no way round it: PostgreSQL refuses it on a view holding no data.
 */
function refreshSteps(view: View, ctx: PlanContext): Draft[] {
  const name = qualifiedName(view);
  const hazards = view.withNoData
    ? [
      // The model asks for it ("create without data" ticked; a pg_dump file's WITH NO DATA leaves the
      // population unspecified instead): the message says how to keep the rows.
      hazard('breaks-dependents', `empties materialized view ${name}: queries reading it fail until it is refreshed (untick "create without data" to keep its rows)`),
      hazard('locks-table', `REFRESH … WITH NO DATA locks ${name}`),
    ]
    : [
      hazard('locks-table', `REFRESH runs the query of ${name} in the migration; reads of ${name} wait until it ends`),
      ...(view.indexes?.length ? [hazard('index-build', `REFRESH builds the ${view.indexes.length === 1 ? 'index' : `${view.indexes.length} indexes`} of ${name}`)] : []),
    ];
  const rank = 10 + depthOf(view.id, viewParents(ctx.to));
  return [draft('views', rank, refreshMaterializedView({ view, withNoData: view.withNoData }), hazards)];
}

/** Dropped in `pre`, views that read other views first. */
export function dropViewSteps(view: View, ctx: PlanContext, wanted: boolean): Draft[] {
  const rank = -depthOf(view.id, viewParents(ctx.from));
  const hazards = wanted ? [hazard('breaks-dependents', `drops ${kindOf(view).toLowerCase()} ${qualifiedName(view)}: queries using it fail`)] : [];
  return [draft('pre', rank, dropObject({ kind: kindOf(view), object: view }), hazards)];
}

export function viewSteps(c: Extract<Change, { kind: `view.${string}` }>, ctx: PlanContext): Draft[] {
  switch (c.kind) {
    case 'view.create':
      return createViewSteps(c.view, ctx);
    case 'view.drop':
      return dropViewSteps(c.view, ctx, true);
    case 'view.recreate':
      return [...dropViewSteps(c.from, ctx, false), ...createViewSteps(withPopulationOf(c.from, c.to), ctx)];
    case 'view.rename':
      return [draft('views', 0, renameObject({ kind: kindOf(c.to), from: ctx.afterSchemaRenames(c.from), to: c.to }), [
        hazard('breaks-dependents', `renames ${qualifiedName(c.from)} to ${qualifiedName(c.to)}: queries using the old name fail`),
      ])];
    case 'view.comment':
      return changedViewComments(c.from, c.to).map((sql) => draft('views', 60, sql));
    case 'view.defaults':
      return changedViewDefaults(c.from, c.to);
    case 'view.with-no-data':
      return refreshSteps(c.to, ctx);
  }
}

/** Objects tables may need (functions in defaults and checks, types, collations) come before tables. */
const EARLY = new Set<RawObject['kind']>(['function', 'procedure', 'aggregate', 'collation', 'type', 'text-search', 'operator', 'cast']);
/** Objects that sit on a table come after it. */
const ON_TABLE = new Set<RawObject['kind']>(['trigger', 'rule', 'policy']);

/** `runs-custom-sql` when the object's statements run code at apply time (a DO block, a SELECT, …). */
function customSqlHazards(o: RawObject): Hazard[] {
  const custom = customStatements(o.kind, o.definition);
  if (!custom.length) return [];
  return [hazard('runs-custom-sql', `${o.kind} ${o.name} runs ${custom.join(', ')} SQL as written: read it before applying`)];
}

export function createRawSteps(o: RawObject, ctx: PlanContext): Draft[] {
  const hazards = customSqlHazards(o);
  if (!EARLY.has(o.kind)) return [draft('post', 0, rawObjectSql({ raw: o }), hazards)];
  // A signature naming a view or a table (`RETURNS SETOF orders`) needs that relation first.
  if (needsTables(o, ctx.to.views.map((v) => v.name))) return [draft('views', 70, rawObjectSql({ raw: o }), hazards)];
  if (needsTables(o, ctx.to.tables.map((t) => t.name))) return [draft('tables', 90, rawObjectSql({ raw: o }), hazards)];
  // Function bodies may name tables created later in the plan: check them when they run, like pg_dump.
  const sql = o.kind === 'function' || o.kind === 'procedure' ? ['SET LOCAL check_function_bodies = off;', rawObjectSql({ raw: o })] : rawObjectSql({ raw: o });
  // Collations before enums and domains (rank 10, 30) that may use them; the rest after, in the
  // order of EARLY_RAW_KINDS (functions before the aggregates and operators built on them).
  return [draft('types', o.kind === 'collation' ? 5 : 40 + EARLY_RAW_KINDS.indexOf(o.kind), sql, hazards)];
}

/** Where a carried object is dropped: before what it depends on, after what depends on it. */
function dropPlace(o: RawObject, ctx: PlanContext): { phase: 'pre' | 'post'; rank: number } {
  // Triggers, rules, policies and constraints carried as SQL go with their table, before it changes.
  if (ON_TABLE.has(o.kind) || o.tableId) return { phase: 'pre', rank: 10 };
  // A signature naming a view or table (`RETURNS SETOF orders`) goes before them (after triggers).
  if (needsTables(o, ctx.from.views.map((v) => v.name))) return { phase: 'pre', rank: -100 };
  if (needsTables(o, ctx.from.tables.map((t) => t.name))) return { phase: 'pre', rank: 15 };
  // Operators, aggregates and casts before the functions they are built on; a text search
  // configuration before the dictionaries and parsers it uses.
  const index = EARLY_RAW_KINDS.indexOf(o.kind);
  const configuration = o.kind === 'text-search' && textSearchKind(o.definition) === 'CONFIGURATION' ? -0.05 : 0;
  return { phase: 'post', rank: 20 + (index < 0 ? 0 : EARLY_RAW_KINDS.length - index) / 10 + configuration };
}

/**
 * The argument list of a callable or operator, kept in its name-derived id by introspection and
 * import (`raw:function:public.twice(integer)` → `(integer)`); absent for ids made otherwise.
 */
function signatureOf(o: RawObject): string | undefined {
  const prefix = `raw:${o.kind}:${o.schema ?? ''}.${o.name}(`;
  return o.id.startsWith(prefix) && o.id.endsWith(')') ? o.id.slice(prefix.length - 1) : undefined;
}

export function dropRawSteps(o: RawObject, ctx: PlanContext): Draft[] {
  if (o.tableId && ctx.dropped.has(o.tableId)) return [];
  const table = o.tableId ? ctx.fromTables.get(o.tableId) : undefined;
  const { phase, rank } = dropPlace(o, ctx);
  const sql = dropRawObject({ object: phase === 'pre' ? o : ctx.afterSchemaRenames(o), table, signature: signatureOf(o) });
  if (!sql) return [];
  return [draft(phase, rank, sql, ON_TABLE.has(o.kind) ? [] : [hazard('breaks-dependents', `drops ${o.kind} ${o.name}`)])];
}

/** A changed function whose new text is CREATE OR REPLACE is replaced in place (triggers keep it). */
export function replacesInPlace(o: RawObject): boolean {
  return (o.kind === 'function' || o.kind === 'procedure') && /^\s*create\s+or\s+replace\b/i.test(o.definition);
}
