/**
 * Changes a diff implies without saying: views that read a column whose type changes (or a table or
 * view that is rebuilt) are dropped and created again; foreign keys whose columns change type, or
 * whose referenced key is dropped or rebuilt, are dropped and added again.
 */
import { mentions } from '../ddl/order.ts';
import type { Model, View } from '../model/document.ts';
import { sameType } from '../model/types.ts';
import { viewDefaults } from './match.ts';
import type { Change } from './types.ts';

/** Relations (tables and views, by id) whose shape changes under dependent views. */
function unstableRelations(changes: Change[], from: Model): Set<string> {
  const ids = new Set<string>();
  const retyped = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'table.drop') ids.add(c.table.id);
    if (c.kind === 'table.recreate') ids.add(c.from.id);
    if (c.kind === 'column.drop') ids.add(c.table.id);
    if (c.kind === 'column.alter' && columnRetyped(c)) ids.add(c.table.id);
    if (c.kind === 'column.rebuild') ids.add(c.table.id);
    if (c.kind === 'view.drop') ids.add(c.view.id);
    if (c.kind === 'view.recreate') ids.add(c.from.id);
    if (c.kind === 'enum.recreate' || c.kind === 'domain.recreate') retyped.add(`${c.from.schema}.${c.from.name}`);
  }
  for (const t of from.tables) {
    if (t.columns.some((col) => col.type.schema && retyped.has(`${col.type.schema}.${col.type.name}`))) ids.add(t.id);
  }
  return ids;
}

function columnRetyped(c: Extract<Change, { kind: 'column.alter' }>): boolean {
  return !sameType(c.from.type, c.to.type) || (c.from.collation ?? '') !== (c.to.collation ?? '')
    || (c.to.generated !== undefined && c.from.generated !== c.to.generated);
}

/** Column ids whose type changes (directly, or because their enum or domain is recreated). */
function retypedColumns(changes: Change[], from: Model): Set<string> {
  const ids = new Set<string>();
  const types = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'column.alter' && columnRetyped(c)) ids.add(c.from.id);
    if (c.kind === 'enum.recreate' || c.kind === 'domain.recreate') types.add(`${c.from.schema}.${c.from.name}`);
  }
  for (const t of from.tables) for (const col of t.columns) if (col.type.schema && types.has(`${col.type.schema}.${col.type.name}`)) ids.add(col.id);
  return ids;
}

function readsAny(view: View, unstable: Set<string>, from: Model): boolean {
  if (view.dependsOn) return view.dependsOn.some((id) => unstable.has(id));
  // Without recorded dependencies, a view that names an unstable relation is assumed to read it.
  const names = [...from.tables, ...from.views].filter((r) => unstable.has(r.id)).map((r) => r.name);
  return names.some((n) => mentions(view.definition, n));
}

function forcedViews(changes: Change[], from: Model, to: Model): Map<string, [View, View]> {
  const unstable = unstableRelations(changes, from);
  const toViews = new Map(to.views.map((v) => [v.id, v]));
  const forced = new Map<string, [View, View]>();
  for (let grew = true; grew;) {
    grew = false;
    for (const view of from.views) {
      const next = toViews.get(view.id);
      if (!next || unstable.has(view.id) || !readsAny(view, unstable, from)) continue;
      forced.set(view.id, [view, next]);
      unstable.add(view.id);
      grew = true;
    }
  }
  return forced;
}

function forcedForeignKeys(changes: Change[], from: Model, to: Model): Change[] {
  const retyped = retypedColumns(changes, from);
  const keyDropped = new Set<string>();
  const touched = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'constraint.drop' && (c.constraint.type === 'primary-key' || c.constraint.type === 'unique')) keyDropped.add(c.table.id);
    if (c.kind === 'index.drop' && c.owner.type === 'table' && c.index.unique) keyDropped.add(c.owner.table.id);
    if (c.kind === 'table.recreate') keyDropped.add(c.from.id);
    if (c.kind === 'table.create' || c.kind === 'table.recreate') touched.add(c.kind === 'table.create' ? c.table.id : c.to.id);
    if (c.kind === 'constraint.drop' || c.kind === 'constraint.add') touched.add(`${c.constraint.value.id}`);
  }
  const fromTables = new Map(from.tables.map((t) => [t.id, t]));
  const out: Change[] = [];
  for (const table of to.tables) {
    const before = fromTables.get(table.id);
    if (!before || touched.has(table.id)) continue;
    for (const fk of table.foreignKeys) {
      const old = before.foreignKeys.find((f) => f.id === fk.id);
      if (!old || touched.has(fk.id)) continue;
      const moves = [...old.columns, ...old.refColumns].some((id) => retyped.has(id)) || keyDropped.has(old.refTableId);
      if (!moves) continue;
      out.push({ kind: 'constraint.drop', table: before, constraint: { type: 'foreign-key', value: old } });
      out.push({ kind: 'constraint.add', table, constraint: { type: 'foreign-key', value: fk } });
    }
  }
  return out;
}

/** SQL expressions this plan writes anew (defaults, checks, predicates, view bodies and view column defaults). */
function newExpressions(changes: Change[]): string[] {
  const out: string[] = [];
  for (const c of changes) {
    if (c.kind === 'column.add') out.push(c.column.default ?? '', c.column.generated ?? '');
    if (c.kind === 'column.alter') out.push(c.to.default ?? '', c.to.generated ?? '');
    if (c.kind === 'constraint.add' && c.constraint.type === 'check') out.push(c.constraint.value.expression);
    if (c.kind === 'index.add') out.push(c.index.where ?? '', ...c.index.items.map((i) => i.expression ?? ''));
    if (c.kind === 'view.create' || c.kind === 'view.recreate' || c.kind === 'view.defaults') {
      const view = c.kind === 'view.create' ? c.view : c.to;
      out.push(...(c.kind === 'view.defaults' ? [] : [view.definition]), ...viewDefaults(view).values());
    }
    if (c.kind === 'table.create' || c.kind === 'table.recreate') {
      const t = c.kind === 'table.create' ? c.table : c.to;
      out.push(...t.columns.map((col) => `${col.default ?? ''} ${col.generated ?? ''}`), ...t.checks.map((k) => k.expression));
    }
  }
  return out;
}

/**
 * PostgreSQL refuses to use an enum value added in the same transaction ("unsafe use of new
 * value"). When this plan's new expressions name an added value, the enum is recreated instead
 * (a type created in the transaction can be used at once).
 */
function enumAdditionsUsedNow(changes: Change[]): Change[] {
  const expressions = newExpressions(changes).join('\n');
  return changes.map((c) => {
    if (c.kind !== 'enum.add-values') return c;
    const used = c.added.some((a) => expressions.includes(`'${a.value.replace(/'/g, "''")}'`));
    return used ? { kind: 'enum.recreate', from: c.from, to: c.to } : c;
  });
}

/**
 * PostgreSQL refuses to change the type of a column a generated column reads: such generated
 * columns (unchanged themselves) are dropped before and added again after.
 */
function generatedRebuilds(changes: Change[]): Change[] {
  const out: Change[] = [];
  const altered = new Set(changes.filter((c) => c.kind === 'column.alter').map((c) => (c as { to: { id: string } }).to.id));
  for (const c of changes) {
    if (c.kind !== 'column.alter' || !columnRetyped(c) || c.to.generated !== undefined) continue;
    for (const g of c.table.columns) {
      const before = c.fromTable.columns.find((x) => x.id === g.id);
      if (!before?.generated || !g.generated || altered.has(g.id) || !mentions(before.generated, c.from.name)) continue;
      if (out.some((o) => o.kind === 'column.rebuild' && o.to.id === g.id)) continue;
      out.push({ kind: 'column.rebuild', fromTable: c.fromTable, table: c.table, from: before, to: g });
    }
  }
  return out;
}

/** Domains over a recreated enum are recreated with it (they would keep pointing at the old type). */
function domainsOverRecreated(changes: Change[], from: Model, to: Model): Change[] {
  const recreated = new Set(changes.filter((c) => c.kind === 'enum.recreate').map((c) => `${(c as { from: { schema: string; name: string } }).from.schema}.${(c as { from: { name: string } }).from.name}`));
  const already = new Set(changes.flatMap((c) => (c.kind === 'domain.recreate' ? [c.from.id] : c.kind === 'domain.drop' ? [c.domain.id] : [])));
  const toDomains = new Map(to.domains.map((d) => [d.id, d]));
  return from.domains
    .filter((d) => d.type.schema && recreated.has(`${d.type.schema}.${d.type.name}`) && toDomains.has(d.id) && !already.has(d.id))
    .map((d): Change => ({ kind: 'domain.recreate', from: d, to: toDomains.get(d.id)! }));
}

/**
 * DROP VIEW takes the view's triggers (INSTEAD OF) and rules with it. For every view dropped and
 * created again, those of `from` are not dropped on their own (they are gone by then) and those of
 * `to` are created again after the view, changed or not.
 */
function objectsOnRecreatedViews(changes: Change[], models: { from: Model; to: Model }): Change[] {
  const views = new Set(changes.flatMap((c) => (c.kind === 'view.recreate' ? [c.from.id, c.to.id] : [])));
  if (!views.size) return changes;
  const onView = (o: { tableId?: string }) => o.tableId !== undefined && views.has(o.tableId);
  const kept = changes.filter((c) => !((c.kind === 'raw.drop' || c.kind === 'raw.create') && onView(c.object)));
  const again = models.to.rawObjects.filter(onView).map((object): Change => ({ kind: 'raw.create', object }));
  return [...kept, ...again];
}

/** `changes` plus what they imply; changes about a view that is now rebuilt are folded into it. */
export function withDependents(input: Change[], models: { from: Model; to: Model }): Change[] {
  const enums = enumAdditionsUsedNow(input);
  const changes = [...enums, ...domainsOverRecreated(enums, models.from, models.to)];
  const views = forcedViews(changes, models.from, models.to);
  const kept = changes.filter((c) => {
    // A view created again gets its comments, defaults and WITH NO DATA from its CREATE.
    if ((c.kind === 'view.rename' || c.kind === 'view.comment' || c.kind === 'view.defaults' || c.kind === 'view.with-no-data') && views.has(c.to.id)) return false;
    if (c.kind.startsWith('index.') && 'owner' in c && c.owner.type === 'view' && views.has(c.owner.view.id)) return false;
    return true;
  });
  const rebuilt: Change[] = [...views.values()].map(([from, to]) => ({ kind: 'view.recreate', from, to }));
  return objectsOnRecreatedViews([...kept, ...rebuilt, ...forcedForeignKeys(changes, models.from, models.to), ...generatedRebuilds(changes)], models);
}
