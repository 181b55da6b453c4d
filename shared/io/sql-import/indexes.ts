/**
 * CREATE INDEX: unique, method, columns or expressions with order, nulls, opclass and collation,
 * INCLUDE, WHERE, WITH. Indexes on materialized views go to the view.
 */
import type { IndexElem, IndexStmt } from '@pgsql/types';
import type { Index, IndexItem, Table, View } from '../../model/document.ts';
import { derivedId } from '../../model/ids.ts';
import { as, kindOf, namesOf, storageOptions } from './ast.ts';
import type { ImportContext } from './import-context.ts';
import { expressionText } from './expressions.ts';
import { chooseRelationName, nameAddition } from './chosen-names.ts';
import { quoteIdent } from '../../ddl/quote.ts';

/** The name PostgreSQL gives an index column in the default index name (FigureIndexColname). */
function itemLabel(elem: IndexElem): string {
  if (elem.name) return elem.name;
  if (kindOf(elem.expr) === 'FuncCall') {
    const names = namesOf(as<{ funcname?: [] }>(elem.expr, 'FuncCall')!.funcname);
    return names[names.length - 1];
  }
  return 'expr';
}

function itemOf(ctx: ImportContext, owner: Table | View, elem: IndexElem): IndexItem | undefined {
  const item: IndexItem = {};
  if (elem.name && 'uniques' in owner) {
    const column = owner.columns.find((c) => c.name === elem.name);
    if (!column) {
      ctx.warn(`index on ${owner.name}: no column "${elem.name}"; index not imported`);
      return undefined;
    }
    item.column = column.id;
  } else if (elem.name) item.expression = quoteIdent(elem.name); // a materialized view's output column
  else item.expression = expressionText(ctx, elem.expr!);
  if (elem.ordering === 'SORTBY_DESC') item.order = 'desc';
  else if (elem.ordering === 'SORTBY_ASC') item.order = 'asc';
  if (elem.nulls_ordering === 'SORTBY_NULLS_FIRST') item.nulls = 'first';
  else if (elem.nulls_ordering === 'SORTBY_NULLS_LAST') item.nulls = 'last';
  if (elem.opclass?.length) item.opclass = namesOf(elem.opclass).join('.');
  if (elem.collation?.length) item.collation = ctx.collationName(namesOf(elem.collation));
  return item;
}

export function importCreateIndex(ctx: ImportContext, stmt: IndexStmt): void {
  const relation = stmt.relation!;
  const table = ctx.table(relation);
  const view = table ? undefined : ctx.view(relation);
  const owner = table ?? view;
  if (!owner) return ctx.warn(`CREATE INDEX: table ${relation.relname} not found; index not imported`);
  const elems = (stmt.indexParams ?? []).map((n) => as<IndexElem>(n, 'IndexElem')!);
  const name = stmt.idxname ?? chooseRelationName(ctx, owner.schema, owner.name, nameAddition(elems.map(itemLabel)), 'idx');
  if (ctx.relationNameTaken(owner.schema, name) && stmt.if_not_exists) {
    return ctx.skip('CREATE INDEX IF NOT EXISTS', `index ${name} already exists`);
  }
  const items = elems.map((e) => itemOf(ctx, owner, e));
  if (items.some((i) => !i)) return;
  const index: Index = {
    id: derivedId.index(owner.schema, name), ...(stmt.idxname ? { name } : {}), unique: !!stmt.unique,
    items: items as IndexItem[],
  };
  if (stmt.accessMethod && stmt.accessMethod !== 'btree') index.method = stmt.accessMethod;
  if (stmt.indexIncludingParams?.length && table) {
    const include = stmt.indexIncludingParams.map((n) => table.columns.find((c) => c.name === as<IndexElem>(n, 'IndexElem')?.name)?.id);
    if (include.some((id) => !id)) ctx.warn(`index ${name}: an INCLUDE column was not found`);
    index.include = include.filter((id): id is string => !!id);
  }
  if (stmt.whereClause) index.where = expressionText(ctx, stmt.whereClause);
  if (stmt.nulls_not_distinct) index.nullsNotDistinct = true;
  const options = storageOptions(stmt.options);
  if (options) index.with = options;
  ctx.takeRelationName(owner.schema, name);
  if (table) table.indexes.push(index);
  else (view!.indexes ??= []).push(index);
}
