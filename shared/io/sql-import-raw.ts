/**
 * Objects the model keeps as SQL text (functions, procedures, aggregates, triggers, rules, policies,
 * collations, text search configurations, operators, casts, composite and range types, DO blocks…).
 * The text is the statement as written. When it was written under a search_path other than the
 * default, that search_path is set around it, so unqualified names in it (a function body, a trigger's
 * function) mean what they meant in the file.
 */
import type { CreateFunctionStmt, CreateTrigStmt, DefineStmt, FunctionParameter, Node, TypeName } from '@pgsql/types';
import type { RawObject, RawObjectKind } from '../model/document.ts';
import { derivedId } from '../model/ids.ts';
import { formatType } from '../model/types.ts';
import { quoteIdent } from '../ddl/quote.ts';
import { as, kindOf, namesOf } from './sql-import-ast.ts';
import { DEFAULT_SEARCH_PATH, type ImportContext } from './sql-import-context.ts';
import { columnTypeOf } from './sql-import-types.ts';

const isDefaultPath = (path: string[]) => path.join(',') === DEFAULT_SEARCH_PATH.join(',');

/** `SET search_path = a, b;` as psql would accept it back. */
export function searchPathStatement(path: string[]): string {
  const value = path.length ? path.map((s) => (s === '$user' ? '"$user"' : quoteIdent(s))).join(', ') : "''";
  return `SET search_path = ${value};`;
}

/** The statement text as a raw definition, wrapped in its search_path when that is not the default. */
export function rawDefinition(ctx: ImportContext, text: string): string {
  const statement = `${text.replace(/;\s*$/, '')};`;
  if (isDefaultPath(ctx.searchPath)) return statement;
  return `${searchPathStatement(ctx.searchPath)}\n${statement}\nRESET search_path;`;
}

export function rawObjectOf(ctx: ImportContext, kind: RawObjectKind, explicitSchema: string | undefined, name: string, text: string, tableId?: string): RawObject {
  const schema = kind === 'other' && !explicitSchema ? undefined : ctx.creationSchema(explicitSchema);
  return {
    id: derivedId.raw(kind, schema, name), kind, ...(schema ? { schema } : {}), name,
    definition: rawDefinition(ctx, text), ...(tableId ? { tableId } : {}),
  };
}

/** `f(integer, text)`: a function's name with the types of its input arguments. */
export function signatureOf(ctx: ImportContext, name: string, argTypes: TypeName[]): string {
  return `${name}(${argTypes.map((t) => formatType(columnTypeOf(ctx, t))).join(', ')})`;
}

/** Adds a raw object, replacing one with the same id (CREATE OR REPLACE). */
function addOrReplace(ctx: ImportContext, raw: RawObject, functionName?: string): void {
  const existing = ctx.model.rawObjects.findIndex((r) => r.id === raw.id);
  if (existing >= 0) ctx.model.rawObjects.splice(existing, 1);
  ctx.addRaw(raw, functionName);
}

export function importFunction(ctx: ImportContext, stmt: CreateFunctionStmt, text: string): void {
  const names = namesOf(stmt.funcname);
  const name = names[names.length - 1];
  const inputs = (stmt.parameters ?? [])
    .map((p) => as<FunctionParameter>(p, 'FunctionParameter')!)
    .filter((p) => !['FUNC_PARAM_OUT', 'FUNC_PARAM_TABLE'].includes(p.mode ?? ''))
    .map((p) => p.argType!);
  const raw = rawObjectOf(ctx, stmt.is_procedure ? 'procedure' : 'function', names.length > 1 ? names[names.length - 2] : undefined, signatureOf(ctx, name, inputs), text);
  addOrReplace(ctx, raw, name);
}

export function importTrigger(ctx: ImportContext, stmt: CreateTrigStmt, text: string): void {
  const table = ctx.table(stmt.relation!) ?? ctx.view(stmt.relation!);
  const raw = rawObjectOf(ctx, 'trigger', table?.schema ?? stmt.relation?.schemaname, `${stmt.relation!.relname}.${stmt.trigname}`, text, table && 'columns' in table && 'uniques' in table ? table.id : undefined);
  addOrReplace(ctx, raw);
}

const DEFINE_KINDS: Record<string, RawObjectKind> = {
  OBJECT_AGGREGATE: 'aggregate', OBJECT_COLLATION: 'collation', OBJECT_OPERATOR: 'operator', OBJECT_TYPE: 'type',
  OBJECT_TSCONFIGURATION: 'text-search', OBJECT_TSDICTIONARY: 'text-search', OBJECT_TSPARSER: 'text-search', OBJECT_TSTEMPLATE: 'text-search',
};

export function importDefine(ctx: ImportContext, stmt: DefineStmt, text: string): void {
  const names = namesOf(stmt.defnames);
  const kind = DEFINE_KINDS[stmt.kind ?? ''] ?? 'other';
  const name = names[names.length - 1];
  const schema = names.length > 1 ? names[names.length - 2] : undefined;
  const argTypes = stmt.kind === 'OBJECT_AGGREGATE'
    ? (as<{ items?: Node[] }>(stmt.args?.[0], 'List')?.items ?? []).map((n) => as<FunctionParameter>(n, 'FunctionParameter')?.argType).filter((t): t is TypeName => !!t)
    : undefined;
  const raw = rawObjectOf(ctx, kind, schema, argTypes ? signatureOf(ctx, name, argTypes) : name, text);
  addOrReplace(ctx, raw, kind === 'aggregate' ? name : undefined);
}

/** Statements that define a named object in a schema, kept whole: (kind, name list) per node kind. */
export function importOtherDefinition(ctx: ImportContext, node: Node, text: string): void {
  const kind = kindOf(node);
  const payload = as<Record<string, unknown>>(node, kind) ?? {};
  const table = payload.table as { schemaname?: string; relname?: string } | undefined;
  const relation = (payload.relation ?? table) as { schemaname?: string; relname?: string } | undefined;
  const simple: Record<string, [RawObjectKind, string]> = {
    CompositeTypeStmt: ['type', 'typevar'], CreateRangeStmt: ['type', 'typeName'], CreateCastStmt: ['cast', ''],
    CreateEventTrigStmt: ['event-trigger', 'trigname'], CreatePolicyStmt: ['policy', 'policy_name'], RuleStmt: ['rule', 'rulename'],
    CreateOpClassStmt: ['operator', 'opclassname'], CreateOpFamilyStmt: ['operator', 'opfamilyname'],
    CreateConversionStmt: ['other', 'conversion_name'], CreateStatsStmt: ['other', 'defnames'], CreateTransformStmt: ['other', ''],
  };
  const [rawKind, field] = simple[kind] ?? ['other', ''];
  let schema: string | undefined;
  let name: string;
  const value = field ? payload[field] : undefined;
  if (value && typeof value === 'object' && 'relname' in (value as object)) {
    schema = (value as { schemaname?: string }).schemaname;
    name = (value as { relname: string }).relname;
  } else if (Array.isArray(value)) {
    const names = namesOf(value as Node[]);
    name = names[names.length - 1];
    schema = names.length > 1 ? names[names.length - 2] : undefined;
  } else if (typeof value === 'string') name = relation?.relname ? `${relation.relname}.${value}` : value;
  else name = `${kind.replace(/Stmt$/, '')}@${ctx.line}`;
  if (relation && !schema) schema = ctx.table(relation)?.schema ?? relation.schemaname;
  const owner = relation ? ctx.table(relation) : undefined;
  const explicit = rawKind === 'other' && !schema ? undefined : schema;
  addOrReplace(ctx, rawObjectOf(ctx, rawKind, explicit, name, text, owner?.id));
}

const CREATES_FUNCTION = /create\s+(?:or\s+replace\s+)?(?:function|procedure)\s+((?:"[^"]+"|[\w$]+)(?:\s*\.\s*(?:"[^"]+"|[\w$]+))?)\s*\(/gi;

/**
 * A DO block that creates functions (musicbrainz creates one with a fallback when C functions are
 * refused) is kept as a function definition, so it is created before the tables and indexes that
 * call them, and calls to them in expressions get qualified like any model function.
 */
export function importDoBlock(ctx: ImportContext, text: string): void {
  const created = [...text.matchAll(CREATES_FUNCTION)].map((m) => m[1].split(/\s*\.\s*/).map((p) => p.replace(/^"|"$/g, '')));
  if (!created.length) return ctx.addRaw(rawObjectOf(ctx, 'other', undefined, `DO@${ctx.line}`, text));
  const [first] = created;
  const raw = rawObjectOf(ctx, 'function', first.length > 1 ? first[0] : undefined, `DO@${ctx.line}`, text);
  ctx.addRaw(raw);
  for (const names of created) ctx.noteName('function', names[names.length - 1], names.length > 1 ? names[0] : ctx.creationSchema());
}

/** Appends a statement (COMMENT ON, ALTER … for a raw object) to a raw object's definition. */
export function appendToRaw(ctx: ImportContext, raw: RawObject, text: string): void {
  raw.definition = `${raw.definition}\n${rawDefinition(ctx, text)}`;
}
