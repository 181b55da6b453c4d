/**
 * `ALTER TABLE … ALTER CONSTRAINT name …`. PostgreSQL 15–18 change deferrability there, of foreign
 * keys only ("is not a foreign key constraint" otherwise); PostgreSQL 18 adds [NOT] ENFORCED (foreign
 * keys only) and [NO] INHERIT (NOT NULL constraints only), which the model has no place for.
 */
import type { ATAlterConstraint } from '@pgsql/types';
import type { ForeignKey, Table as ModelTable } from '../../model/document.ts';
import type { ImportContext } from './import-context.ts';
import { constraintName } from './drop.ts';

type Deferrability = Pick<ForeignKey, 'deferrable' | 'initiallyDeferred'>;

/** The foreign key named `name` on `table`, resolved or still waiting for its referenced table. */
function foreignKeyNamed(ctx: ImportContext, table: ModelTable, name: string): Deferrability | undefined {
  return table.foreignKeys.find((fk) => constraintName(fk) === name)
    ?? ctx.pendingForeignKeys.find((p) => p.table === table && constraintName(p.foreignKey) === name)?.foreignKey;
}

/** Which other kind of constraint carries that name, for the message when it is not a foreign key. */
function otherConstraintNamed(table: ModelTable, name: string): string | undefined {
  if (table.primaryKey && (table.primaryKey.name ?? `${table.name}_pkey`) === name) return 'a primary key';
  if (table.uniques.some((u) => constraintName(u) === name)) return 'a unique constraint';
  if (table.checks.some((c) => constraintName(c) === name)) return 'a check constraint';
  return undefined;
}

/** DEFERRABLE and INITIALLY always set both flags: `INITIALLY IMMEDIATE` alone makes the key NOT DEFERRABLE, as in PostgreSQL. */
function setDeferrability(target: Deferrability, cmd: ATAlterConstraint): void {
  if (cmd.deferrable) target.deferrable = true;
  else delete target.deferrable;
  if (cmd.initdeferred) target.initiallyDeferred = true;
  else delete target.initiallyDeferred;
}

/** Applies ALTER CONSTRAINT to `table`; what the model cannot hold is a warning. */
export function alterConstraint(ctx: ImportContext, table: ModelTable, cmd: ATAlterConstraint): void {
  const name = cmd.conname ?? '';
  const label = `ALTER TABLE ${table.name} ALTER CONSTRAINT ${name}`;
  if (cmd.alterInheritability) {
    ctx.warn(`${label} ${cmd.noinherit ? 'NO ' : ''}INHERIT: the model has no place for the inheritability of a NOT NULL constraint; not imported`);
  }
  if (!cmd.alterDeferrability && !cmd.alterEnforceability) return;
  const foreignKey = foreignKeyNamed(ctx, table, name);
  if (!foreignKey) {
    const other = otherConstraintNamed(table, name);
    const why = other ? `${name} is ${other}, and PostgreSQL changes this on foreign keys only (it refuses the statement)` : 'no foreign key by that name in the model';
    return ctx.warn(`${label}: ${why}; not imported`);
  }
  if (cmd.alterDeferrability) setDeferrability(foreignKey, cmd);
  if (cmd.alterEnforceability) {
    ctx.warn(`${label} ${cmd.is_enforced ? '' : 'NOT '}ENFORCED: the model has no place for whether a foreign key is enforced; not imported`);
  }
}
