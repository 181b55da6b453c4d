/**
 * ALTER VIEW (and ALTER TABLE naming a view): SET/RESET of options changes the view's `with`;
 * `ALTER COLUMN … SET DEFAULT` / `DROP DEFAULT` sets or clears the default of the view's column
 * (listing the column by name if it is not yet). A rename, SET SCHEMA or OR REPLACE afterwards
 * keeps them, as PostgreSQL does, because they live on the view's columns.
 */
import type { AlterTableCmd, Node } from '@pgsql/types';
import type { View } from '../../model/document.ts';
import { as, defElems, storageOptions } from './ast.ts';
import type { ImportContext } from './import-context.ts';
import { expressionText } from './expressions.ts';

/** `ALTER COLUMN c SET DEFAULT expr` / `DROP DEFAULT` on a view; PostgreSQL refuses it on a materialized view. */
function columnDefault(ctx: ImportContext, view: View, cmd: AlterTableCmd): void {
  const name = cmd.name!;
  if (view.materialized) {
    return ctx.warn(`ALTER VIEW ${view.name} ALTER COLUMN ${name}: ${view.name} is a materialized view, whose columns take no default (PostgreSQL refuses the statement); not imported`);
  }
  const column = view.columns?.find((c) => c.name === name);
  if (!cmd.def) {
    if (column) delete column.default;
    return;
  }
  const expression = expressionText(ctx, cmd.def);
  if (column) column.default = expression;
  else (view.columns ??= []).push({ name, default: expression });
}

/** `SET (name = value, …)` merges into the view's options; `RESET (name, …)` takes them out. */
function setOptions(view: View, cmd: AlterTableCmd): void {
  const items = as<{ items?: Node[] }>(cmd.def, 'List')?.items ?? [cmd.def!];
  const options: Record<string, string> = { ...view.with };
  if (cmd.subtype === 'AT_SetRelOptions') Object.assign(options, storageOptions(items));
  else for (const d of defElems(items)) delete options[d.defnamespace ? `${d.defnamespace}.${d.defname}` : (d.defname ?? '')];
  if (Object.keys(options).length) view.with = options;
  else delete view.with;
}

/** Applies the subcommands of one ALTER to a view; `notModeled` gives the skip reason of those the model has no counterpart for. */
export function alterView(ctx: ImportContext, view: View, cmds: AlterTableCmd[], label: string, notModeled: Record<string, string>): void {
  const skipped: string[] = [];
  for (const cmd of cmds) {
    const subtype = cmd.subtype ?? '';
    if (notModeled[subtype]) skipped.push(notModeled[subtype]);
    else if (subtype === 'AT_ColumnDefault') columnDefault(ctx, view, cmd);
    else if (subtype === 'AT_SetRelOptions' || subtype === 'AT_ResetRelOptions') setOptions(view, cmd);
    else ctx.warn(`${label} ${view.name}: ${subtype.replace('AT_', '')} is not imported`);
  }
  if (skipped.length) ctx.skip(label, [...new Set(skipped)].join('; '));
}
