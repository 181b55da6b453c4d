/**
 * The names PostgreSQL gives unnamed constraints, indexes and serial sequences (makeObjectName,
 * ChooseRelationName and ChooseConstraintName in the server), so an imported object's derived id
 * matches the id introspection derives from the name the database actually chose.
 */
import type { ImportContext } from './import-context.ts';
import { makeObjectName, nameAddition, resolveNames } from '../../model/names.ts';

// One implementation of PostgreSQL's naming rules, shared with DDL and diff.
export { makeObjectName, nameAddition };

/** A relation name not yet taken in `schema`: `label`, then `label1`, `label2`, … */
export function chooseRelationName(ctx: ImportContext, schema: string, name1: string, name2: string | undefined, label: string, isConstraint = false): string {
  for (let pass = 0; ; pass += 1) {
    const name = makeObjectName(name1, name2, pass ? `${label}${pass}` : label);
    if (!ctx.relationNameTaken(schema, name) && !(isConstraint && ctx.constraintNameTaken(schema, name))) return name;
  }
}

/** A constraint name not yet taken in `schema`. */
export function chooseConstraintName(ctx: ImportContext, schema: string, name1: string, name2: string | undefined, label: string): string {
  for (let pass = 0; ; pass += 1) {
    const name = makeObjectName(name1, name2, pass ? `${label}${pass}` : label);
    if (!ctx.constraintNameTaken(schema, name)) return name;
  }
}

/**
 * Pins the name PostgreSQL chose for an unnamed constraint or index wherever the generator would
 * choose another: a constraint name chosen first can be taken by an explicit name later (check and
 * foreign key names are unique per table only), and the generator reserves explicit names first.
 */
export function pinChosenNames(ctx: ImportContext): void {
  const generated = resolveNames(ctx.model);
  const pin = (object: { id: string; name?: string } | undefined, chosen: string) => {
    if (object && !object.name && generated.get(object.id) !== chosen) object.name = chosen;
  };
  const fromId = (o: { id: string }) => o.id.slice(o.id.lastIndexOf('.') + 1);
  for (const table of ctx.model.tables) {
    pin(table.primaryKey, ctx.chosenNames.get(table.primaryKey?.id ?? '') ?? `${table.name}_pkey`);
    for (const c of [...table.uniques, ...table.checks, ...table.foreignKeys]) pin(c, fromId(c));
    for (const x of table.indexes) pin(x, x.id.slice(x.id.indexOf('.') + 1));
  }
}
