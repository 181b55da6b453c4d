/**
 * ALTER VIEW (and ALTER TABLE naming a view): SET/RESET of options changes the view's `with`;
 * `ALTER COLUMN … SET DEFAULT` has no place in the model (a view's `columns` keep names and
 * comments only), so the defaults are carried as SQL: one raw object per view, written at the end
 * of the script under the view's final name, so renames, SET SCHEMA, DROP and OR REPLACE in
 * between are honoured.
 */
import type { AlterTableCmd, Node } from '@pgsql/types';
import type { View } from '../model/document.ts';
import { derivedId } from '../model/ids.ts';
import { quoteIdent, quoteQualified } from '../ddl/quote.ts';
import { as, defElems, storageOptions } from './sql-import-ast.ts';
import type { ImportContext } from './sql-import-context.ts';
import { expressionText } from './sql-import-expr.ts';

/** `ALTER COLUMN c SET DEFAULT expr` / `DROP DEFAULT` on a view; PostgreSQL refuses it on a materialized view. */
function columnDefault(ctx: ImportContext, view: View, cmd: AlterTableCmd): void {
  const column = cmd.name!;
  const label = `ALTER VIEW ${view.name} ALTER COLUMN ${column}`;
  if (view.materialized) return ctx.warn(`${label}: ${view.name} is a materialized view, whose columns take no default (PostgreSQL refuses the statement); not imported`);
  const defaults = ctx.viewColumnDefaults.get(view) ?? new Map<string, string>();
  if (cmd.def) {
    defaults.set(column, expressionText(ctx, cmd.def));
    ctx.warn(`${label} SET DEFAULT: the model keeps no default on a view column; kept as SQL text`);
  } else defaults.delete(column);
  ctx.viewColumnDefaults.set(view, defaults);
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

/** Writes the kept column defaults of views still in the model as raw `ALTER VIEW … SET DEFAULT` statements. */
export function carryViewColumnDefaults(ctx: ImportContext): void {
  for (const view of ctx.model.views) {
    const defaults = [...(ctx.viewColumnDefaults.get(view) ?? [])];
    if (!defaults.length) continue;
    const name = quoteQualified(view.schema, view.name);
    ctx.addRaw({
      id: derivedId.raw('other', view.schema, `${view.name}.column-defaults`), kind: 'other', schema: view.schema, name: `${view.name} column defaults`,
      definition: defaults.map(([column, text]) => `ALTER VIEW ${name} ALTER COLUMN ${quoteIdent(column)} SET DEFAULT ${text};`).join('\n'),
    });
  }
  ctx.viewColumnDefaults.clear();
}
