/**
 * Expressions and queries kept as SQL text (defaults, checks, index expressions, view bodies),
 * printed from the AST rather than copied from the file, so they read the way PostgreSQL prints
 * them: casts as `'x'::type`, and every name the model defines schema-qualified (a view written under
 * `SET search_path = shop` reads `shop.orders`; one on a public table reads `public.orders`), as
 * pg_dump writes them and introspection reads them back. Text then means what the file meant under
 * any search_path.
 */
import type { ColumnRef, Node, TypeCast, TypeName } from '@pgsql/types';
import { Deparser } from 'pgsql-deparser';
import { formatType } from '../../model/types.ts';
import { as, kindOf, namesOf, walk } from './ast.ts';
import type { ImportContext } from './import-context.ts';
import { columnTypeOf } from './column-types.ts';

type DeparseContext = Parameters<Deparser['TypeCast']>[1];

/** The deparser with PostgreSQL's own cast style: `'{}'::integer[]`, `(a + b)::numeric`. */
class PgStyleDeparser extends Deparser {
  constructor(
    tree: Node,
    private readonly typeText: (typeName: TypeName) => string,
    private readonly domainCheck = false,
  ) {
    super(tree, { pretty: false });
  }

  /** In a domain's CHECK, the bare name `value` is the keyword VALUE, which PostgreSQL prints upper-case. */
  override ColumnRef(node: ColumnRef, context: DeparseContext): string {
    const fields = namesOf(node.fields);
    if (this.domainCheck && fields.length === 1 && fields[0] === 'value') return 'VALUE';
    return super.ColumnRef(node, context);
  }

  override TypeCast(node: TypeCast, context: DeparseContext): string {
    const arg = this.visit(node.arg!, context);
    const type = this.typeText(node.typeName!);
    const argKind = kindOf(node.arg);
    const bare = (argKind === 'A_Const' && !arg.startsWith('-')) || argKind === 'ColumnRef' || argKind === 'TypeCast' || argKind === 'FuncCall';
    return bare && argKind !== 'FuncCall' ? `${arg}::${type}` : `(${arg})::${type}`;
  }
}

/**
 * The schema printed in front of a name the model defines: always, as PostgreSQL prints names with
 * `search_path = pg_catalog` (what pg_dump writes and what introspection reads back).
 */
const shownSchema = (schema: string | undefined) => schema || undefined;

function qualifyRegclassLiteral(ctx: ImportContext, literal: { sval?: { sval?: string } }): void {
  const text = literal.sval?.sval;
  if (!text || text.includes('"')) return;
  const parts = text.split('.');
  const ref = parts.length === 2 ? { schemaname: parts[0], relname: parts[1] } : { relname: parts[0] };
  const found = ctx.sequence(ref) ?? ctx.table(ref) ?? ctx.view(ref);
  if (!found) return;
  const schema = shownSchema(found.schema);
  literal.sval!.sval = schema ? `${schema}.${found.name}` : found.name;
}

/**
 * Rewrites a copy of the tree in place: names qualified for `search_path = public`, `nextval('s')`
 * given PostgreSQL's implicit `::regclass`. `cteNames` are never qualified.
 */
function qualifyNames(ctx: ImportContext, tree: unknown): void {
  const cteNames = new Set<string>();
  walk(tree, (kind, value) => {
    if (kind === 'CommonTableExpr' && typeof value.ctename === 'string') cteNames.add(value.ctename);
  });
  walk(tree, (kind, value) => {
    if (kind === 'RangeVar') {
      const rv = value as { schemaname?: string; relname?: string };
      if (rv.relname && cteNames.has(rv.relname) && !rv.schemaname) return;
      const found = ctx.table(rv) ?? ctx.view(rv) ?? ctx.sequence(rv);
      if (found) {
        const schema = shownSchema(found.schema);
        if (schema) rv.schemaname = schema;
      }
    } else if (kind === 'FuncCall') {
      const call = value as { funcname?: Node[]; args?: Node[] };
      const names = namesOf(call.funcname);
      if (names.length === 1) {
        const schema = shownSchema(ctx.functionSchema(names[0]));
        if (schema) call.funcname = [{ String: { sval: schema } }, ...call.funcname!];
      }
      const last = names[names.length - 1];
      if (['nextval', 'currval', 'setval'].includes(last) && call.args?.length && kindOf(call.args[0]) === 'A_Const') {
        call.args[0] = { TypeCast: { arg: call.args[0], typeName: { names: [{ String: { sval: 'regclass' } }], typemod: -1 } } };
      }
    } else if (kind === 'CollateClause') {
      const clause = value as { collname?: Node[] };
      const names = namesOf(clause.collname);
      const schema = names.length === 1 ? shownSchema(ctx.collationSchema(names[0])) : undefined;
      if (schema) clause.collname = [{ String: { sval: schema } }, ...clause.collname!];
    } else if (kind === 'TypeCast') {
      const cast = value as { arg?: Node; typeName?: TypeName };
      const typeNames = namesOf(cast.typeName?.names);
      const literal = as<{ sval?: { sval?: string } }>(cast.arg, 'A_Const');
      if (literal?.sval && typeNames[typeNames.length - 1] === 'regclass') qualifyRegclassLiteral(ctx, literal);
    }
  });
}

/** A type as PostgreSQL prints it inside an expression: `character varying(20)[]`, `shop.status`. */
function typeTextFor(ctx: ImportContext): (typeName: TypeName) => string {
  return (typeName) => {
    const type = columnTypeOf(ctx, typeName);
    return formatType({ ...type, schema: shownSchema(type.schema) });
  };
}

/** Ex: the node of `0::numeric` → `'0::numeric'`; of `nextval('s')` → `nextval('s'::regclass)`. */
export function expressionText(ctx: ImportContext, node: Node, options: { domainCheck?: boolean } = {}): string {
  const copy = structuredClone(node);
  qualifyNames(ctx, copy);
  return new PgStyleDeparser(copy, typeTextFor(ctx), options.domainCheck).deparseQuery().trim();
}

/** A query (view body) as text, names qualified as in `expressionText`. */
export function queryText(ctx: ImportContext, node: Node): string {
  return expressionText(ctx, node);
}

/** Every relation a query reads, as written (CTE names excluded). */
export function relationsRead(node: Node): Array<{ schemaname?: string; relname?: string }> {
  const cteNames = new Set<string>();
  walk(node, (kind, value) => {
    if (kind === 'CommonTableExpr' && typeof value.ctename === 'string') cteNames.add(value.ctename);
  });
  const out: Array<{ schemaname?: string; relname?: string }> = [];
  walk(node, (kind, value) => {
    if (kind !== 'RangeVar') return;
    const rv = value as { schemaname?: string; relname?: string };
    if (rv.relname && !(cteNames.has(rv.relname) && !rv.schemaname)) out.push(rv);
  });
  return out;
}
