/**
 * Objects the model keeps as SQL text (functions, procedures, aggregates, triggers, rules, policies,
 * collations, text search configurations, operators, casts, composite and range types, DO blocks…).
 * The text is the statement as written. When it was written under a search_path other than the
 * default, that search_path is set around it, so unqualified names in it (a function body, a trigger's
 * function) mean what they meant in the file.
 */
import type { CreateFunctionStmt, CreateTrigStmt, DefineStmt, FunctionParameter, Node, TypeName } from '@pgsql/types';
import type { RawObject, RawObjectKind } from '../../model/document.ts';
import { derivedId } from '../../model/ids.ts';
import { formatType } from '../../model/types.ts';
import { quoteIdent } from '../../ddl/quote.ts';
import { as, defElems, kindOf, namesOf } from './ast.ts';
import { DEFAULT_SEARCH_PATH, type ImportContext } from './import-context.ts';
import { columnTypeOf } from './column-types.ts';

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

/** FNV-1a (32 bits) as 8 hex digits: short, and the same on every run and platform. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The name of a statement that defines no named object (a DO block, an unknown statement):
 * `DO@1a2b3c4d`, from a hash of its text with blanks collapsed and of its search_path, so it keeps
 * its id wherever it moves in the file. A second identical statement gets `DO@1a2b3c4d.2`.
 */
export function anonymousName(ctx: ImportContext, label: string, text: string): string {
  const base = `${label}@${shortHash(rawDefinition(ctx, text).replace(/\s+/g, ' ').trim())}`;
  let name = base;
  for (let n = 2; ctx.model.rawObjects.some((r) => r.name === name); n += 1) name = `${base}.${n}`;
  return name;
}

/** A raw object; `idName` (default `name`) is what its id derives from, as introspection derives it. */
export function rawObjectOf(ctx: ImportContext, kind: RawObjectKind, explicitSchema: string | undefined, name: string, text: string, tableId?: string, idName = name): RawObject {
  const schema = kind === 'other' && !explicitSchema ? undefined : ctx.creationSchema(explicitSchema);
  return {
    id: derivedId.raw(kind, schema, idName), kind, ...(schema ? { schema } : {}), name,
    definition: rawDefinition(ctx, text), ...(tableId ? { tableId } : {}),
  };
}

/** An argument type as `format_type` prints it with `search_path = pg_catalog` (no modifiers). */
function argTypeText(ctx: ImportContext, typeName: TypeName): string {
  const { args: _args, ...type } = columnTypeOf(ctx, typeName);
  return formatType(type);
}

/** `f(integer, text)`: a function's name with the types of its input arguments, to find it again. */
export function signatureOf(ctx: ImportContext, name: string, argTypes: TypeName[]): string {
  return `${name}(${argTypes.map((t) => argTypeText(ctx, t)).join(', ')})`;
}

const MODES: Record<string, string> = { FUNC_PARAM_OUT: 'OUT ', FUNC_PARAM_INOUT: 'INOUT ', FUNC_PARAM_VARIADIC: 'VARIADIC ' };
const isInput = (p: FunctionParameter) => !['FUNC_PARAM_OUT', 'FUNC_PARAM_TABLE'].includes(p.mode ?? '');

/**
 * What `pg_get_function_identity_arguments` prints, so the id matches introspection's:
 * `p_film_id integer, OUT p_count integer`.
 */
function identityArguments(ctx: ImportContext, params: FunctionParameter[]): string {
  return params.filter((p) => p.mode !== 'FUNC_PARAM_TABLE')
    .map((p) => `${MODES[p.mode ?? ''] ?? ''}${p.name ? `${quoteIdent(p.name)} ` : ''}${argTypeText(ctx, p.argType!)}`).join(', ');
}

/** A function-like raw object: bare name, id from the identity arguments, look-up key from the input types. */
function callableObject(ctx: ImportContext, kind: RawObjectKind, names: string[], params: FunctionParameter[], text: string): RawObject {
  const name = names[names.length - 1];
  const schema = ctx.creationSchema(names.length > 1 ? names[names.length - 2] : undefined);
  const raw = rawObjectOf(ctx, kind, schema, name, text, undefined, `${name}(${identityArguments(ctx, params)})`);
  ctx.rawKeys.set(raw.id, signatureOf(ctx, name, params.filter(isInput).map((p) => p.argType!)));
  return raw;
}

/** Adds a raw object, replacing one with the same id (CREATE OR REPLACE). */
function addOrReplace(ctx: ImportContext, raw: RawObject, functionName?: string): void {
  const existing = ctx.model.rawObjects.findIndex((r) => r.id === raw.id);
  if (existing >= 0) ctx.model.rawObjects.splice(existing, 1);
  ctx.addRaw(raw, functionName);
}

export function importFunction(ctx: ImportContext, stmt: CreateFunctionStmt, text: string): void {
  const names = namesOf(stmt.funcname);
  const params = (stmt.parameters ?? []).map((p) => as<FunctionParameter>(p, 'FunctionParameter')!);
  addOrReplace(ctx, callableObject(ctx, stmt.is_procedure ? 'procedure' : 'function', names, params, text), names[names.length - 1]);
}

/** Triggers, rules and policies: named within their table (`orders.audit`), as introspection names them. */
export function onTableObject(ctx: ImportContext, kind: RawObjectKind, relation: { schemaname?: string; relname?: string }, name: string, text: string): RawObject {
  const table = ctx.table(relation);
  const owner = table ?? ctx.view(relation);
  return rawObjectOf(ctx, kind, owner?.schema ?? relation.schemaname, name, text, table?.id, `${owner?.name ?? relation.relname}.${name}`);
}

export function importTrigger(ctx: ImportContext, stmt: CreateTrigStmt, text: string): void {
  addOrReplace(ctx, onTableObject(ctx, 'trigger', stmt.relation!, stmt.trigname!, text));
}

const DEFINE_KINDS: Record<string, RawObjectKind> = {
  OBJECT_AGGREGATE: 'aggregate', OBJECT_COLLATION: 'collation', OBJECT_OPERATOR: 'operator', OBJECT_TYPE: 'type',
  OBJECT_TSCONFIGURATION: 'text-search', OBJECT_TSDICTIONARY: 'text-search', OBJECT_TSPARSER: 'text-search', OBJECT_TSTEMPLATE: 'text-search',
};

const TEXT_SEARCH_PREFIX: Record<string, string> = {
  OBJECT_TSCONFIGURATION: 'configuration', OBJECT_TSDICTIONARY: 'dictionary', OBJECT_TSPARSER: 'parser', OBJECT_TSTEMPLATE: 'template',
};

/** Operator `~<<` with `LEFTARG = text, RIGHTARG = text` → `~<<(text,text)`, as introspection names it. */
function operatorIdName(ctx: ImportContext, name: string, definition: Node[] | undefined): string {
  const arg = (which: string) => {
    const typeName = as<TypeName>(defElems(definition).find((d) => d.defname === which)?.arg, 'TypeName');
    return typeName ? argTypeText(ctx, typeName) : 'none';
  };
  return `${name}(${arg('leftarg')},${arg('rightarg')})`;
}

export function importDefine(ctx: ImportContext, stmt: DefineStmt, text: string): void {
  const names = namesOf(stmt.defnames);
  const kind = DEFINE_KINDS[stmt.kind ?? ''] ?? 'other';
  const name = names[names.length - 1];
  const schema = names.length > 1 ? names[names.length - 2] : undefined;
  if (kind === 'aggregate') {
    const params = (as<{ items?: Node[] }>(stmt.args?.[0], 'List')?.items ?? []).map((n) => as<FunctionParameter>(n, 'FunctionParameter')).filter((p): p is FunctionParameter => !!p);
    return addOrReplace(ctx, callableObject(ctx, 'aggregate', names, params, text), name);
  }
  const prefix = TEXT_SEARCH_PREFIX[stmt.kind ?? ''];
  const idName = prefix ? `${prefix}.${name}` : kind === 'operator' ? operatorIdName(ctx, name, stmt.definition) : name;
  addOrReplace(ctx, rawObjectOf(ctx, kind, schema, name, text, undefined, idName));
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
  else name = anonymousName(ctx, kind.replace(/Stmt$/, ''), text);
  if ((rawKind === 'policy' || rawKind === 'rule') && relation && typeof value === 'string') {
    return addOrReplace(ctx, onTableObject(ctx, rawKind, relation, value, text));
  }
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
  const name = anonymousName(ctx, 'DO', text);
  if (!created.length) return ctx.addRaw(rawObjectOf(ctx, 'other', undefined, name, text));
  const [first] = created;
  const raw = rawObjectOf(ctx, 'function', first.length > 1 ? first[0] : undefined, name, text);
  ctx.addRaw(raw);
  for (const names of created) ctx.noteName('function', names[names.length - 1], names.length > 1 ? names[0] : ctx.creationSchema());
}

/** Appends a statement (COMMENT ON, ALTER … for a raw object) to a raw object's definition. */
export function appendToRaw(ctx: ImportContext, raw: RawObject, text: string): void {
  raw.definition = `${raw.definition}\n${rawDefinition(ctx, text)}`;
}
