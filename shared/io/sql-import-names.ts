/**
 * The names PostgreSQL gives unnamed constraints, indexes and serial sequences (makeObjectName,
 * ChooseRelationName and ChooseConstraintName in the server), so an imported object's derived id
 * matches the id introspection derives from the name the database actually chose.
 */
import type { ImportContext } from './sql-import-context.ts';
import { makeObjectName, nameAddition } from '../model/names.ts';

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
