/** ALTER TYPE … ADD / RENAME VALUE on enums, and ALTER DOMAIN. */
import type { AlterDomainStmt, AlterEnumStmt, Constraint, Node } from '@pgsql/types';
import { derivedId } from '../../model/ids.ts';
import { as, namesOf } from './ast.ts';
import type { ImportContext } from './import-context.ts';
import { expressionText } from './expressions.ts';
import { enumLabelProblem } from './enums-domains.ts';

const refOf = (names: string[]) => ({ relname: names[names.length - 1], ...(names.length > 1 ? { schemaname: names[names.length - 2] } : {}) });

export function importAlterEnum(ctx: ImportContext, stmt: AlterEnumStmt): void {
  const names = namesOf(stmt.typeName);
  const target = ctx.enumType(refOf(names));
  if (!target) return ctx.warn(`ALTER TYPE ${names.join('.')}: no such enum in the model; not imported`);
  const problem = enumLabelProblem(stmt.newVal ?? '');
  if (problem) return ctx.skip('ALTER TYPE … VALUE', `enum ${target.name}: ${problem}`);
  if (stmt.oldVal !== undefined) {
    const i = target.values.indexOf(stmt.oldVal);
    if (i < 0) return ctx.warn(`ALTER TYPE ${target.name} RENAME VALUE: no value '${stmt.oldVal}'`);
    target.values[i] = stmt.newVal!;
    return;
  }
  const value = stmt.newVal!;
  if (target.values.includes(value)) {
    if (stmt.skipIfNewValExists) return ctx.skip('ALTER TYPE … ADD VALUE IF NOT EXISTS', `'${value}' is already a value of ${target.name}`);
    return ctx.warn(`ALTER TYPE ${target.name}: value '${value}' already exists`);
  }
  const neighbour = stmt.newValNeighbor === undefined ? -1 : target.values.indexOf(stmt.newValNeighbor);
  if (neighbour < 0) target.values.push(value);
  else target.values.splice(stmt.newValIsAfter ? neighbour + 1 : neighbour, 0, value);
}

export function importAlterDomain(ctx: ImportContext, stmt: AlterDomainStmt): void {
  const names = namesOf(stmt.typeName);
  const domain = ctx.domain(refOf(names));
  if (!domain) return ctx.warn(`ALTER DOMAIN ${names.join('.')}: no such domain in the model; not imported`);
  const constraint = as<Constraint>(stmt.def, 'Constraint');
  switch (stmt.subtype) {
    case 'T':
      if (stmt.def) domain.default = expressionText(ctx, stmt.def as Node);
      else delete domain.default;
      return;
    case 'N': domain.notNull = false; return;
    case 'O': domain.notNull = true; return;
    case 'C':
      if (constraint?.contype === 'CONSTR_CHECK' && constraint.raw_expr) {
        const name = constraint.conname ?? `${domain.name}_check`;
        domain.checks.push({
          id: derivedId.domainCheck(domain.schema, domain.name, name), ...(constraint.conname ? { name } : {}),
          expression: expressionText(ctx, constraint.raw_expr, { domainCheck: true }),
        });
      } else if (constraint?.contype === 'CONSTR_NOTNULL') domain.notNull = true;
      return;
    case 'X':
      domain.checks = domain.checks.filter((c) => (c.name ?? c.id.slice(c.id.lastIndexOf('.') + 1)) !== stmt.name);
      return;
    case 'V': return;
    default: ctx.warn(`ALTER DOMAIN ${domain.name}: this change is not imported`);
  }
}
