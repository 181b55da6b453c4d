/** CREATE SEQUENCE and ALTER SEQUENCE (options, OWNED BY). */
import type { AlterSeqStmt, CreateSeqStmt } from '@pgsql/types';
import type { Sequence, SequenceOptions } from '../../model/document.ts';
import { derivedId } from '../../model/ids.ts';
import { defElems, namesOf } from './ast.ts';
import { compactSequenceOptions, sequenceOptionsOf } from './columns.ts';
import type { ImportContext } from './import-context.ts';
import { RESTART_REASON } from './alter-table.ts';

const OPTION_KEYS: (keyof SequenceOptions)[] = ['dataType', 'start', 'increment', 'minValue', 'maxValue', 'cache', 'cycle'];

function applyOwnedBy(ctx: ImportContext, sequence: Sequence, names: string[]): void {
  if (names.length === 1 && names[0] === 'none') {
    delete sequence.ownedBy;
    return;
  }
  const column = names[names.length - 1];
  const table = ctx.table({ relname: names[names.length - 2], ...(names.length > 2 ? { schemaname: names[names.length - 3] } : {}) });
  const owner = table?.columns.find((c) => c.name === column);
  if (!table || !owner) {
    ctx.warn(`sequence ${sequence.name}: OWNED BY ${names.join('.')} names no known column`);
    return;
  }
  sequence.ownedBy = { tableId: table.id, columnId: owner.id };
}

function ownedByNames(options: AlterSeqStmt['options']): string[] | undefined {
  const owned = defElems(options).find((d) => d.defname === 'owned_by');
  return owned ? namesOf(owned.arg) : undefined;
}

export function importCreateSequence(ctx: ImportContext, stmt: CreateSeqStmt): void {
  const relation = stmt.sequence!;
  if (relation.relpersistence === 't') return ctx.skip('CREATE TEMPORARY SEQUENCE', 'temporary sequences are not part of a schema');
  const schema = ctx.creationSchema(relation.schemaname);
  const name = relation.relname!;
  if (ctx.sequence({ schemaname: schema, relname: name })) {
    if (stmt.if_not_exists) return ctx.skip('CREATE SEQUENCE IF NOT EXISTS', `sequence ${schema}.${name} already exists`);
    return ctx.warn(`sequence ${schema}.${name} is created twice; the second definition is ignored`);
  }
  const sequence: Sequence = { id: derivedId.sequence(schema, name), schema, name, ...compactSequenceOptions(sequenceOptionsOf(ctx, stmt.options)) };
  ctx.addSequence(sequence);
  const owned = ownedByNames(stmt.options);
  if (owned) applyOwnedBy(ctx, sequence, owned);
}

export function importAlterSequence(ctx: ImportContext, stmt: AlterSeqStmt): void {
  const sequence = ctx.sequence(stmt.sequence!);
  if (!sequence) {
    if (stmt.missing_ok) return ctx.skip('ALTER SEQUENCE IF EXISTS', `sequence ${stmt.sequence!.relname} is not in the model`);
    return ctx.warn(`ALTER SEQUENCE: sequence ${stmt.sequence!.relname} not found`);
  }
  const current = Object.fromEntries(OPTION_KEYS.filter((k) => sequence[k] !== undefined).map((k) => [k, sequence[k]])) as SequenceOptions;
  const merged: SequenceOptions = { ...current, ...sequenceOptionsOf(ctx, stmt.options) };
  for (const d of defElems(stmt.options)) {
    if (d.defname === 'minvalue' && !d.arg) delete merged.minValue;
    if (d.defname === 'maxvalue' && !d.arg) delete merged.maxValue;
  }
  const options = compactSequenceOptions(merged);
  for (const key of OPTION_KEYS) delete sequence[key];
  Object.assign(sequence, options);
  const owned = ownedByNames(stmt.options);
  if (owned) applyOwnedBy(ctx, sequence, owned);
  if (defElems(stmt.options).some((d) => d.defname === 'restart')) ctx.skip('ALTER SEQUENCE … RESTART', RESTART_REASON);
}
