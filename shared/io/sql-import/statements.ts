/**
 * One handler per statement kind. Statements that change nothing in a schema (session settings,
 * queries, privileges, data, transaction control) are skipped with a reason for the report.
 */
import type {
  AlterDomainStmt, AlterEnumStmt, AlterObjectSchemaStmt, AlterSeqStmt, AlterTableStmt, CommentStmt, CreateDomainStmt, CreateEnumStmt,
  CreateExtensionStmt, CreateFunctionStmt, CreateSchemaStmt, CreateSeqStmt, CreateStmt, CreateTableAsStmt, CreateTrigStmt,
  DefineStmt, DropStmt, IndexStmt, Node, RefreshMatViewStmt, RenameStmt, SelectStmt, VariableSetStmt, ViewStmt,
} from '@pgsql/types';
import { derivedId } from '../../model/ids.ts';
import { as, defElems, kindOf, namesOf, textOf } from './ast.ts';
import { importAlterTable } from './alter-table.ts';
import { importAlterDomain, importAlterEnum } from './alter-enum-domain.ts';
import { importRename } from './rename.ts';
import { importSetSchema } from './set-schema.ts';
import { importComment } from './comments.ts';
import { DEFAULT_SEARCH_PATH, type ImportContext } from './import-context.ts';
import { importDrop } from './drop.ts';
import { importCreateIndex } from './indexes.ts';
import { anonymousName, appendToRaw, importDefine, importDoBlock, importFunction, importOtherDefinition, importTrigger, rawObjectOf } from './raw-objects.ts';
import { statementLabel } from './report.ts';
import { importAlterSequence, importCreateSequence } from './sequences.ts';
import { importCreateTable } from './tables.ts';
import { importDomain, importEnum } from './enums-domains.ts';
import { importCreateTableAs, importCreateView, importRefresh } from './views.ts';
import { deparseNode } from '../parser.ts';

/** Node kinds that never change a schema, and why. */
const NO_SCHEMA_CHANGE: Record<string, string> = {
  VariableShowStmt: 'shows a setting', InsertStmt: 'row data is not part of the schema', UpdateStmt: 'row data is not part of the schema',
  DeleteStmt: 'row data is not part of the schema', CopyStmt: 'row data is not part of the schema', TruncateStmt: 'row data is not part of the schema',
  TransactionStmt: 'transaction control', GrantStmt: 'privileges are not part of the model', GrantRoleStmt: 'roles are not part of the model',
  AlterDefaultPrivilegesStmt: 'privileges are not part of the model', AlterOwnerStmt: 'ownership is not part of the model',
  CreateRoleStmt: 'roles are not part of the model', AlterRoleStmt: 'roles are not part of the model', AlterRoleSetStmt: 'roles are not part of the model',
  DropRoleStmt: 'roles are not part of the model', ClusterStmt: 'clustering is not part of the model', VacuumStmt: 'maintenance',
  CreatedbStmt: 'databases are outside the model', DropdbStmt: 'databases are outside the model',
  AlterDatabaseStmt: 'databases are outside the model', AlterDatabaseSetStmt: 'databases are outside the model',
  LockStmt: 'locking', DiscardStmt: 'session state', CheckPointStmt: 'maintenance', NotifyStmt: 'messaging', ListenStmt: 'messaging',
  UnlistenStmt: 'messaging', ExplainStmt: 'a query plan', SecLabelStmt: 'security labels are not part of the model',
  CallStmt: 'runs a procedure', DeallocateStmt: 'session state', PrepareStmt: 'session state', ExecuteStmt: 'session state',
  ReindexStmt: 'maintenance', LoadStmt: 'loads a library',
};

/** Statement kinds kept whole as raw SQL objects by `importOtherDefinition`. */
const OTHER_DEFINITIONS = new Set([
  'CompositeTypeStmt', 'CreateRangeStmt', 'CreateCastStmt', 'CreateEventTrigStmt', 'CreatePolicyStmt', 'RuleStmt',
  'CreateOpClassStmt', 'CreateOpFamilyStmt', 'CreateConversionStmt', 'CreateStatsStmt', 'CreateTransformStmt',
  'CreateForeignTableStmt', 'CreateFdwStmt', 'CreateForeignServerStmt', 'CreateUserMappingStmt', 'CreatePublicationStmt',
  'CreateSubscriptionStmt', 'CreatePLangStmt', 'CreateAmStmt', 'AlterFunctionStmt',
  'AlterExtensionStmt', 'AlterExtensionContentsStmt', 'AlterOpFamilyStmt', 'AlterPolicyStmt', 'AlterTSDictionaryStmt',
  'ImportForeignSchemaStmt', 'CreateTableSpaceStmt',
]);

function setSearchPath(ctx: ImportContext, values: string[] | undefined, label: string): void {
  ctx.searchPath = values ?? [...DEFAULT_SEARCH_PATH];
  const shown = ctx.searchPath.length ? ctx.searchPath.join(', ') : "''";
  ctx.skip(label, `honoured: unqualified names now resolve against search_path ${shown}`);
}

const LATIN1 = new Set(['latin1', 'iso88591', 'iso_8859_1']);

/** `SET client_encoding`: the server reads the following text in that encoding. */
function setClientEncoding(ctx: ImportContext, stmt: VariableSetStmt): void {
  const value = stmt.kind === 'VAR_SET_VALUE' ? (textOf(stmt.args?.[0]) ?? 'UTF8') : 'UTF8';
  const normal = value.toLowerCase().replace(/[-\s]/g, '');
  if (LATIN1.has(normal)) {
    ctx.clientEncoding = 'LATIN1';
    ctx.warn('client_encoding is LATIN1 from here on: non-ASCII text is read byte by byte as Latin-1, as PostgreSQL reads it (a UTF-8 file is then double-encoded)');
  } else {
    ctx.clientEncoding = 'UTF8';
    if (!['utf8', 'sqlascii', 'unicode'].includes(normal)) ctx.warn(`client_encoding ${value} is not emulated: text is read as UTF-8`);
  }
  ctx.skip('SET client_encoding', 'honoured: text is read as ' + ctx.clientEncoding);
}

function importSet(ctx: ImportContext, stmt: VariableSetStmt): void {
  if (stmt.name === 'client_encoding') return setClientEncoding(ctx, stmt);
  if (stmt.name !== 'search_path') return ctx.skip(statementLabel({ VariableSetStmt: stmt }), 'a session setting');
  if (stmt.kind === 'VAR_SET_VALUE') {
    const values = (stmt.args ?? []).map((a) => textOf(a) ?? '').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    return setSearchPath(ctx, values, 'SET search_path');
  }
  setSearchPath(ctx, undefined, 'SET search_path');
}

/** `SELECT pg_catalog.set_config('search_path', '', false);` as pg_dump writes it is a SET. */
function importSelect(ctx: ImportContext, stmt: SelectStmt): void {
  const targets = stmt.targetList ?? [];
  const call = targets.length === 1 ? as<{ funcname?: Node[]; args?: Node[] }>(as<{ val?: Node }>(targets[0], 'ResTarget')?.val, 'FuncCall') : undefined;
  const fn = namesOf(call?.funcname).pop();
  if (fn === 'set_config' && !stmt.fromClause && textOf(call?.args?.[0]) === 'search_path') {
    const value = textOf(call?.args?.[1]) ?? '';
    return setSearchPath(ctx, value.split(',').map((v) => v.trim().replace(/^"(.*)"$/, '$1')).filter(Boolean), 'SELECT set_config');
  }
  if (fn === 'setval') return ctx.skip('SELECT setval', "sets a sequence's current value: data, not schema");
  if (fn === 'set_config') return ctx.skip('SELECT set_config', 'a session setting');
  ctx.skip('SELECT', 'a query changes nothing in the schema');
}

function importExtension(ctx: ImportContext, stmt: CreateExtensionStmt): void {
  const name = stmt.extname!;
  if (name === 'plpgsql') return ctx.skip('CREATE EXTENSION', 'plpgsql is installed in every database');
  if (ctx.model.extensions.some((e) => e.name === name)) return ctx.skip('CREATE EXTENSION IF NOT EXISTS', `${name} is already in the model`);
  const options = defElems(stmt.options);
  const schema = textOf(options.find((d) => d.defname === 'schema')?.arg) ?? ctx.creationSchema();
  const version = textOf(options.find((d) => d.defname === 'new_version')?.arg);
  ctx.model.extensions.push({ id: derivedId.extension(name), name, schema, ...(version ? { version } : {}) });
}

function importSchema(ctx: ImportContext, stmt: CreateSchemaStmt): void {
  const name = stmt.schemaname ?? stmt.authrole?.rolename ?? '';
  if (ctx.model.schemas.some((s) => s.name === name)) {
    if (!stmt.if_not_exists && name !== 'public') ctx.warn(`schema ${name} is created twice`);
    else ctx.skip('CREATE SCHEMA IF NOT EXISTS', `schema ${name} already exists`);
  } else ctx.addSchema(name);
  // Schema elements are created in the new schema, which PostgreSQL puts first on the search path.
  const saved = ctx.searchPath;
  ctx.searchPath = [name, ...saved];
  try {
    for (const element of stmt.schemaElts ?? []) importStatement(ctx, element, deparseNode(element));
  } finally {
    ctx.searchPath = saved;
  }
}

/** Imports one statement into the context. `text` is the statement as written, for raw objects. */
export function importStatement(ctx: ImportContext, node: Node, text: string): void {
  const kind = kindOf(node);
  const payload = as<never>(node, kind)!;
  if (NO_SCHEMA_CHANGE[kind]) return ctx.skip(statementLabel(node), NO_SCHEMA_CHANGE[kind]);
  switch (kind) {
    case 'VariableSetStmt': return importSet(ctx, payload as VariableSetStmt);
    case 'SelectStmt': return importSelect(ctx, payload as SelectStmt);
    case 'CreateSchemaStmt': return importSchema(ctx, payload as CreateSchemaStmt);
    case 'CreateExtensionStmt': return importExtension(ctx, payload as CreateExtensionStmt);
    case 'CreateEnumStmt': return importEnum(ctx, payload as CreateEnumStmt);
    case 'CreateDomainStmt': return importDomain(ctx, payload as CreateDomainStmt);
    case 'CreateSeqStmt': return importCreateSequence(ctx, payload as CreateSeqStmt);
    case 'AlterSeqStmt': return importAlterSequence(ctx, payload as AlterSeqStmt);
    case 'CreateStmt': return importCreateTable(ctx, payload as CreateStmt, text);
    case 'AlterTableStmt': return importAlterTable(ctx, payload as AlterTableStmt);
    case 'IndexStmt': return importCreateIndex(ctx, payload as IndexStmt);
    case 'ViewStmt': return importCreateView(ctx, payload as ViewStmt);
    case 'CreateTableAsStmt': return importCreateTableAs(ctx, payload as CreateTableAsStmt, text);
    case 'RefreshMatViewStmt': return importRefresh(ctx, payload as RefreshMatViewStmt);
    case 'CommentStmt': return importComment(ctx, payload as CommentStmt, text);
    case 'DropStmt': return importDrop(ctx, payload as DropStmt);
    case 'CreateFunctionStmt': return importFunction(ctx, payload as CreateFunctionStmt, text);
    case 'CreateTrigStmt': return importTrigger(ctx, payload as CreateTrigStmt, text);
    case 'DefineStmt': return importDefine(ctx, payload as DefineStmt, text);
    case 'DoStmt': return importDoBlock(ctx, text);
    case 'AlterEnumStmt': return importAlterEnum(ctx, payload as AlterEnumStmt);
    case 'AlterDomainStmt': return importAlterDomain(ctx, payload as AlterDomainStmt);
    case 'RenameStmt': return importRename(ctx, payload as RenameStmt, () => importOtherDefinition(ctx, node, text));
    case 'AlterObjectSchemaStmt': return importSetSchema(ctx, payload as AlterObjectSchemaStmt, () => importOtherDefinition(ctx, node, text));
    case 'AlterTSConfigurationStmt': return alterTextSearch(ctx, payload as { cfgname?: Node[] }, text);
    default:
      if (OTHER_DEFINITIONS.has(kind)) return importOtherDefinition(ctx, node, text);
      ctx.warn(`${statementLabel(node)} is kept as SQL text`);
      ctx.addRaw(rawObjectOf(ctx, 'other', undefined, anonymousName(ctx, kind.replace(/Stmt$/, ''), text), text));
  }
}

/** ALTER TEXT SEARCH CONFIGURATION … ADD MAPPING belongs with its CREATE. */
function alterTextSearch(ctx: ImportContext, stmt: { cfgname?: Node[] }, text: string): void {
  const names = namesOf(stmt.cfgname);
  const name = names[names.length - 1];
  const raw = ctx.model.rawObjects.find((r) => r.kind === 'text-search' && r.name === name && (names.length < 2 || r.schema === names[0]));
  if (raw) return appendToRaw(ctx, raw, text);
  ctx.addRaw(rawObjectOf(ctx, 'text-search', names.length > 1 ? names[0] : undefined, anonymousName(ctx, name, text), text));
}
