/**
 * ALTER TABLE: column and constraint changes, identity, partitions, inheritance and storage options
 * change the model; ownership, replica identity, clustering, statistics, triggers enabling and row
 * security change nothing the model holds, and are listed in the report.
 */
import type { ATAlterConstraint, AlterTableCmd, AlterTableStmt, ColumnDef, Constraint, Node, PartitionCmd } from '@pgsql/types';
import type { Column, Table } from '../../model/document.ts';
import { derivedId } from '../../model/ids.ts';
import { quoteQualified } from '../../ddl/quote.ts';
import { as, defElems, namesOf, storageOptions } from './ast.ts';
import { compactSequenceOptions, identityFromConstraint, sequenceOptionsOf } from './columns.ts';
import { alterConstraint } from './alter-constraint.ts';
import { alterView } from './alter-view.ts';
import { addConstraint } from './constraints.ts';
import type { ImportContext } from './import-context.ts';
import { expressionText } from './expressions.ts';
import { addTableElements, partitionBoundText } from './tables.ts';
import { columnTypeOf } from './column-types.ts';
import { constraintName, dropColumn, dropConstraint } from './drop.ts';
import { addColumnToDescendants, changeColumnOfDescendants, dropColumnFromDescendants, keepInheritedChecks, keepPartitionObjects, mergeChecksOnAttach } from './inheritance.ts';

/** PostgreSQL's `ATTRIBUTE_IDENTITY_ALWAYS` ('a'), as the parser gives `SET GENERATED ALWAYS`. */
const ATTRIBUTE_IDENTITY_ALWAYS = 'a'.charCodeAt(0);
export const RESTART_REASON = "RESTART sets the sequence's current value: data, not schema";

/** Subcommands with no counterpart in the model, and why they are skipped. */
const NOT_MODELED: Record<string, string> = {
  AT_ChangeOwner: 'ownership is not part of the model',
  AT_ReplicaIdentity: 'replica identity is not part of the model',
  AT_ClusterOn: 'clustering is not part of the model', AT_DropCluster: 'clustering is not part of the model',
  AT_SetStatistics: 'column statistics targets are not part of the model',
  AT_SetStorage: 'column storage is not part of the model', AT_SetCompression: 'column compression is not part of the model',
  AT_SetOptions: 'column options are not part of the model', AT_ResetOptions: 'column options are not part of the model',
  AT_EnableTrig: 'trigger enabling is not part of the model', AT_DisableTrig: 'trigger enabling is not part of the model',
  AT_EnableAlwaysTrig: 'trigger enabling is not part of the model', AT_EnableReplicaTrig: 'trigger enabling is not part of the model',
  AT_EnableTrigAll: 'trigger enabling is not part of the model', AT_DisableTrigAll: 'trigger enabling is not part of the model',
  AT_EnableTrigUser: 'trigger enabling is not part of the model', AT_DisableTrigUser: 'trigger enabling is not part of the model',
  AT_SetTableSpace: 'tablespaces are not part of the model', AT_SetAccessMethod: 'access methods are not part of the model',
};

function columnNamed(ctx: ImportContext, table: Table, name: string | undefined) {
  const column = table.columns.find((c) => c.name === name);
  if (!column) ctx.warn(`ALTER TABLE ${table.name}: no column "${name}"`);
  return column;
}

/**
 * ENABLE/FORCE ROW LEVEL SECURITY are kept as one raw statement per table, named as introspection
 * names it (`orders.row-level-security`); DISABLE/NO FORCE take the line out again.
 */
function rowSecurity(ctx: ImportContext, table: Table, subtype: string): void {
  const id = derivedId.raw('other', table.schema, `${table.name}.row-level-security`);
  const existing = ctx.model.rawObjects.find((r) => r.id === id);
  const lines = new Set(existing?.definition.split('\n') ?? []);
  const name = quoteQualified(table.schema, table.name);
  const enable = `ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY;`;
  const force = `ALTER TABLE ${name} FORCE ROW LEVEL SECURITY;`;
  if (subtype === 'AT_EnableRowSecurity') lines.add(enable);
  if (subtype === 'AT_DisableRowSecurity') lines.delete(enable);
  if (subtype === 'AT_ForceRowSecurity') lines.add(force);
  if (subtype === 'AT_NoForceRowSecurity') lines.delete(force);
  const definition = [enable, force].filter((l) => lines.has(l)).join('\n');
  ctx.model.rawObjects = ctx.model.rawObjects.filter((r) => r.id !== id);
  if (definition) ctx.addRaw({ id, kind: 'other', schema: table.schema, name: `${table.name} row level security`, definition, tableId: table.id });
}

/**
 * `ALTER INDEX parent_idx ATTACH PARTITION child_idx` changes nothing the model holds: the
 * partition's index stays in the model under its own name (PostgreSQL's automatic name for it could
 * differ, e.g. `…_idx1`), and the generator creates it before the parent's index, which attaches it.
 */
function attachPartitionIndex(ctx: ImportContext, stmt: AlterTableStmt): void {
  ctx.skip('ALTER INDEX … ATTACH PARTITION', `implied: creating ${stmt.relation?.relname} attaches the partition's matching index`);
}

function attachPartition(ctx: ImportContext, table: Table, cmd: PartitionCmd): void {
  const child = ctx.table(cmd.name!);
  if (!child) return ctx.warn(`ATTACH PARTITION: table ${cmd.name?.relname} not found`);
  child.partitionOf = { parentId: table.id, bound: partitionBoundText(ctx, cmd.bound!) };
  mergeChecksOnAttach(ctx, child, table);
}

/** Applies one subcommand; returns a reason when it was skipped. */
/** What ALTER COLUMN … SET/DROP DEFAULT, SET/DROP NOT NULL or TYPE does to a column (the parent's or a descendant's). */
function columnChange(ctx: ImportContext, cmd: AlterTableCmd): (column: Column) => void {
  const subtype = cmd.subtype;
  if (subtype === 'AT_ColumnDefault') {
    const text = cmd.def ? expressionText(ctx, cmd.def) : undefined;
    return (column) => {
      if (text === undefined) delete column.default;
      else column.default = text;
    };
  }
  if (subtype === 'AT_SetNotNull' || subtype === 'AT_DropNotNull') return (column) => void (column.notNull = subtype === 'AT_SetNotNull');
  const def = as<ColumnDef>(cmd.def, 'ColumnDef')!;
  const type = def.typeName && columnTypeOf(ctx, def.typeName);
  const collation = def.collClause && ctx.collationName(namesOf(def.collClause.collname));
  return (column) => {
    if (type) column.type = type;
    if (collation) column.collation = collation;
  };
}

/** Applies one subcommand (to the descendants too when `recurse`, i.e. without ONLY); returns a reason when it was skipped. */
function applyCommand(ctx: ImportContext, table: Table, cmd: AlterTableCmd, recurse: boolean): string | undefined {
  const subtype = cmd.subtype ?? '';
  if (NOT_MODELED[subtype]) return NOT_MODELED[subtype];
  const constraint = as<Constraint>(cmd.def, 'Constraint');
  switch (subtype) {
    case 'AT_AddColumn': {
      const def = as<ColumnDef>(cmd.def, 'ColumnDef')!;
      if (cmd.missing_ok && table.columns.some((c) => c.name === def.colname)) return `column ${def.colname} already exists`;
      addTableElements(ctx, table, [cmd.def!]);
      addColumnToDescendants(ctx, table, def.colname!);
      for (const view of ctx.model.views) {
        if (view.dependsOn?.includes(table.id) && /(^|[\s,.])\*/.test(view.definition)) {
          ctx.warn(`view ${view.name} selects * from ${table.name}: PostgreSQL fixed its columns when it was created, so recreating it from the model adds column ${def.colname}`);
        }
      }
      return undefined;
    }
    case 'AT_DropColumn': {
      if (!table.columns.some((c) => c.name === cmd.name)) return cmd.missing_ok ? `column ${cmd.name} does not exist` : (ctx.warn(`DROP COLUMN: no column "${cmd.name}" in ${table.name}`), undefined);
      dropColumn(ctx, table, cmd.name!);
      if (recurse) dropColumnFromDescendants(ctx, table, cmd.name!);
      return undefined;
    }
    case 'AT_ColumnDefault': case 'AT_SetNotNull': case 'AT_DropNotNull': case 'AT_AlterColumnType': {
      const column = columnNamed(ctx, table, cmd.name);
      const change = columnChange(ctx, cmd);
      if (!column) return undefined;
      change(column);
      // ALTER COLUMN TYPE reaches the descendants even under ONLY (PostgreSQL refuses that form).
      if (recurse || subtype === 'AT_AlterColumnType') changeColumnOfDescendants(ctx, table, column.name, change);
      return undefined;
    }
    case 'AT_AddConstraint': case 'AT_AddIndexConstraint':
      if (constraint) addConstraint(ctx, table, constraint);
      return undefined;
    case 'AT_DropConstraint':
      if (!dropConstraint(ctx, table, cmd.name!)) return `constraint ${cmd.name} does not exist in the model`;
      return undefined;
    case 'AT_AlterConstraint':
      alterConstraint(ctx, table, as<ATAlterConstraint>(cmd.def, 'ATAlterConstraint')!);
      return undefined;
    case 'AT_ValidateConstraint':
      for (const c of [...table.checks, ...table.foreignKeys]) if (constraintName(c) === cmd.name) delete c.notValid;
      for (const p of ctx.pendingForeignKeys) if (p.table === table && p.foreignKey.id.endsWith(`.${cmd.name}`)) delete p.foreignKey.notValid;
      return undefined;
    case 'AT_AddIdentity': case 'AT_SetIdentity': case 'AT_DropIdentity': {
      const column = columnNamed(ctx, table, cmd.name);
      if (!column) return undefined;
      if (subtype === 'AT_DropIdentity') delete column.identity;
      else if (subtype === 'AT_AddIdentity' && constraint) column.identity = identityFromConstraint(ctx, constraint, column.type.name);
      else return setIdentity(ctx, table, column, as<{ items?: Node[] }>(cmd.def, 'List')?.items);
      if (column.identity) column.notNull = true;
      return undefined;
    }
    case 'AT_DropExpression': {
      const column = columnNamed(ctx, table, cmd.name);
      if (column) delete column.generated;
      return undefined;
    }
    case 'AT_SetRelOptions': table.with = { ...table.with, ...storageOptions(as<{ items?: [] }>(cmd.def, 'List')?.items ?? [cmd.def!]) }; return undefined;
    case 'AT_ResetRelOptions': case 'AT_ReplaceRelOptions': return 'resetting storage options is not imported';
    case 'AT_EnableRowSecurity': case 'AT_DisableRowSecurity': case 'AT_ForceRowSecurity': case 'AT_NoForceRowSecurity':
      rowSecurity(ctx, table, subtype);
      return undefined;
    case 'AT_SetLogged': delete table.unlogged; return undefined;
    case 'AT_SetUnLogged': table.unlogged = true; return undefined;
    case 'AT_AttachPartition': attachPartition(ctx, table, as<PartitionCmd>(cmd.def, 'PartitionCmd')!); return undefined;
    case 'AT_DetachPartition': {
      const child = ctx.table(as<PartitionCmd>(cmd.def, 'PartitionCmd')!.name!);
      if (child) keepPartitionObjects(ctx, child, table);
      if (child) delete child.partitionOf;
      return undefined;
    }
    case 'AT_AddInherit': case 'AT_DropInherit': {
      const parent = ctx.table(as<{ schemaname?: string; relname?: string }>(cmd.def, 'RangeVar') ?? {});
      if (!parent) return 'parent table not found';
      if (subtype === 'AT_DropInherit') keepInheritedChecks(ctx, table, parent);
      const others = (table.inherits ?? []).filter((id) => id !== parent.id);
      table.inherits = subtype === 'AT_AddInherit' ? [...others, parent.id] : others;
      if (!table.inherits.length) delete table.inherits;
      return undefined;
    }
    default:
      ctx.warn(`ALTER TABLE ${table.name}: ${subtype.replace('AT_', '')} is not imported`);
      return undefined;
  }
}

/** `ALTER COLUMN … SET GENERATED ALWAYS | BY DEFAULT`, `SET <sequence option>`, `RESTART`: the skip reason, if any. */
function setIdentity(ctx: ImportContext, table: Table, column: Column, items: Node[] | undefined): string | undefined {
  if (!column.identity) {
    ctx.warn(`ALTER TABLE ${table.name}: column ${column.name} is not an identity column (PostgreSQL refuses the statement); not imported`);
    return undefined;
  }
  const elements = defElems(items);
  const generated = elements.find((d) => d.defname === 'generated');
  const kind = as<{ ival?: number }>(generated?.arg, 'Integer')?.ival;
  if (kind !== undefined) column.identity.kind = kind === ATTRIBUTE_IDENTITY_ALWAYS ? 'always' : 'by-default';
  const options = compactSequenceOptions({ ...column.identity.options, ...sequenceOptionsOf(ctx, items) }, column.type.name);
  if (Object.keys(options).length) column.identity.options = options;
  else delete column.identity.options;
  return elements.some((d) => d.defname === 'restart') ? RESTART_REASON : undefined;
}

export function importAlterTable(ctx: ImportContext, stmt: AlterTableStmt): void {
  const label = stmt.objtype === 'OBJECT_TABLE' || stmt.objtype === 'OBJECT_FOREIGN_TABLE' ? 'ALTER TABLE' : `ALTER ${(stmt.objtype ?? '').replace('OBJECT_', '').replace('MATVIEW', 'MATERIALIZED VIEW')}`;
  const cmds = (stmt.cmds ?? []).map((n) => as<AlterTableCmd>(n, 'AlterTableCmd')!);
  if (stmt.objtype === 'OBJECT_INDEX' && cmds.every((c) => c.subtype === 'AT_AttachPartition')) return attachPartitionIndex(ctx, stmt);
  if (stmt.objtype !== 'OBJECT_TABLE' && stmt.objtype !== 'OBJECT_FOREIGN_TABLE') {
    const reasons = cmds.map((c) => NOT_MODELED[c.subtype ?? '']);
    if (reasons.every((r) => r)) return ctx.skip(label, [...new Set(reasons)].join('; '));
  }
  const table = ctx.table(stmt.relation!);
  const otherRelation = !table && (ctx.sequence(stmt.relation!) ?? ctx.view(stmt.relation!));
  if (otherRelation && cmds.every((c) => NOT_MODELED[c.subtype ?? ''])) {
    // ALTER TABLE works on sequences and views too (pg_dump writes ALTER TABLE seq OWNER TO …).
    return ctx.skip(label, [...new Set(cmds.map((c) => NOT_MODELED[c.subtype ?? '']))].join('; '));
  }
  const view = !table && ctx.view(stmt.relation!);
  if (view) return alterView(ctx, view, cmds, label, NOT_MODELED);
  if (!table) {
    if (stmt.missing_ok) return ctx.skip(label, `${stmt.relation?.relname} is not in the model`);
    return ctx.warn(`${label} ${stmt.relation?.relname}: not found in the model; not imported`);
  }
  const recurse = stmt.relation?.inh === true; // ONLY leaves inh out
  const skipped = cmds.map((cmd) => applyCommand(ctx, table, cmd, recurse)).filter((r): r is string => !!r);
  if (skipped.length) ctx.skip(label, [...new Set(skipped)].join('; '));
}
