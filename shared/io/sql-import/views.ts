/**
 * CREATE [OR REPLACE] VIEW and CREATE MATERIALIZED VIEW: the query printed from the AST, column
 * aliases folded into it the way PostgreSQL stores them, and `dependsOn` from the relations read.
 * WITH NO DATA, and a later REFRESH MATERIALIZED VIEW, say whether the view ends up populated.
 */
import type { CreateTableAsStmt, Node, RefreshMatViewStmt, ResTarget, SelectStmt, ViewStmt } from '@pgsql/types';
import type { View } from '../../model/document.ts';
import { derivedId } from '../../model/ids.ts';
import { as, kindOf, namesOf, storageOptions } from './ast.ts';
import type { ImportContext } from './import-context.ts';
import { queryText, relationsRead } from './expressions.ts';
import { rawObjectOf } from './raw-objects.ts';

/** `CREATE VIEW v (a, b) AS SELECT x, y …` is stored as `SELECT x AS a, y AS b …`. */
function applyAliases(ctx: ImportContext, query: Node, aliases: string[]): Node {
  if (!aliases.length) return query;
  const copy = structuredClone(query);
  let select = as<SelectStmt>(copy, 'SelectStmt');
  while (select?.larg) select = select.larg;
  const targets = select?.targetList ?? [];
  const hasStar = targets.some((t) => JSON.stringify(t).includes('"A_Star"'));
  if (!select || hasStar || targets.length < aliases.length) {
    ctx.warn('view column names could not be folded into the query (SELECT * or VALUES); they are not kept');
    return query;
  }
  aliases.forEach((alias, i) => {
    const target = as<ResTarget>(targets[i], 'ResTarget');
    if (target) target.name = alias;
  });
  return copy;
}

function dependencies(ctx: ImportContext, query: Node, selfId: string): string[] | undefined {
  const ids = new Set<string>();
  for (const ref of relationsRead(query)) {
    const found = ctx.table(ref) ?? ctx.view(ref);
    if (found && found.id !== selfId) ids.add(found.id);
  }
  return ids.size ? [...ids] : undefined;
}

interface ViewInput {
  schemaname?: string; relname: string; query: Node; aliases: string[]; materialized: boolean; replace: boolean;
  with?: Record<string, string>; withNoData?: boolean;
}

function addView(ctx: ImportContext, input: ViewInput): void {
  const schema = ctx.creationSchema(input.schemaname);
  const existing = ctx.view({ schemaname: schema, relname: input.relname });
  if (existing && !input.replace) return ctx.warn(`view ${schema}.${input.relname} is created twice; the second definition is ignored`);
  if (existing) ctx.removeView(existing);
  const id = derivedId.view(schema, input.relname);
  const query = applyAliases(ctx, input.query, input.aliases);
  const view: View = { id, schema, name: input.relname, materialized: input.materialized, definition: queryText(ctx, query) };
  const dependsOn = dependencies(ctx, query, id);
  if (dependsOn) view.dependsOn = dependsOn;
  if (input.with) view.with = input.with;
  if (input.withNoData) view.withNoData = true;
  // pg_dump creates every materialized view WITH NO DATA (a data dump refreshes the populated ones
  // later): from a dump, that is how to create it, not what the rows should be, unless a REFRESH says it.
  if (input.withNoData && ctx.fromPgDump) view.populationUnspecified = true;
  if (existing?.comment) view.comment = existing.comment;
  // OR REPLACE keeps the view's columns (PostgreSQL refuses to rename or drop one), comments and defaults included.
  if (existing?.columns?.length) view.columns = existing.columns;
  ctx.addView(view);
}

const CHECK_OPTIONS: Record<string, string> = { LOCAL_CHECK_OPTION: 'local', CASCADED_CHECK_OPTION: 'cascaded' };

export function importCreateView(ctx: ImportContext, stmt: ViewStmt): void {
  const options = storageOptions(stmt.options) ?? {};
  const check = CHECK_OPTIONS[stmt.withCheckOption ?? ''];
  if (check) options.check_option = check;
  if (stmt.view?.relpersistence === 't') return ctx.skip('CREATE TEMPORARY VIEW', 'temporary views are not part of a schema');
  addView(ctx, {
    schemaname: stmt.view?.schemaname, relname: stmt.view!.relname!, query: stmt.query!, aliases: namesOf(stmt.aliases),
    materialized: false, replace: !!stmt.replace, with: Object.keys(options).length ? options : undefined,
  });
}

/** CREATE MATERIALIZED VIEW; a plain CREATE TABLE AS is kept as SQL text (its columns come from running it). */
export function importCreateTableAs(ctx: ImportContext, stmt: CreateTableAsStmt, text: string): void {
  const into = stmt.into!;
  if (stmt.objtype !== 'OBJECT_MATVIEW' || kindOf(stmt.query) !== 'SelectStmt') {
    ctx.warn(`CREATE TABLE ${into.rel?.relname} AS … is kept as SQL text: its columns are only known by running the query`);
    ctx.addRaw(rawObjectOf(ctx, 'other', into.rel?.schemaname, into.rel!.relname!, text));
    return;
  }
  if (stmt.if_not_exists && ctx.view(into.rel!)) return ctx.skip('CREATE MATERIALIZED VIEW IF NOT EXISTS', `${into.rel!.relname} already exists`);
  addView(ctx, {
    schemaname: into.rel?.schemaname, relname: into.rel!.relname!, query: stmt.query!, aliases: namesOf(into.colNames),
    materialized: true, replace: false, with: storageOptions(into.options), withNoData: !!into.skipData,
  });
}

/**
 * REFRESH MATERIALIZED VIEW [CONCURRENTLY] v [WITH NO DATA]: the view is populated (or emptied) from
 * here on, as after the data section of a full pg_dump, which creates every one WITH NO DATA first.
 */
export function importRefresh(ctx: ImportContext, stmt: RefreshMatViewStmt): void {
  const view = stmt.relation && ctx.view(stmt.relation);
  const name = stmt.relation?.relname ?? '';
  if (!view?.materialized) return ctx.warn(`REFRESH MATERIALIZED VIEW ${name}: ${view ? 'a plain view' : 'no such view in the script'}; PostgreSQL refuses it, ignored`);
  delete view.populationUnspecified;
  if (stmt.skipData) view.withNoData = true;
  else delete view.withNoData;
}
