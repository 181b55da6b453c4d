/** CREATE TYPE … AS ENUM and CREATE DOMAIN become model objects. */
import type { CreateDomainStmt, CreateEnumStmt, Node } from '@pgsql/types';
import type { Domain } from '../../model/document.ts';
import { derivedId } from '../../model/ids.ts';
import { MAX_IDENTIFIER_BYTES, utf8Length } from '../../model/names.ts';
import { as, namesOf, stringOf } from './ast.ts';
import { columnTypeOf } from './column-types.ts';
import { expressionText } from './expressions.ts';
import type { ImportContext } from './import-context.ts';

/** CREATE TYPE … AS ENUM. */
export function importEnum(ctx: ImportContext, stmt: CreateEnumStmt): void {
  const names = namesOf(stmt.typeName);
  const name = names[names.length - 1];
  const schema = ctx.creationSchema(names.length > 1 ? names[names.length - 2] : undefined);
  const values = (stmt.vals ?? []).map((v: Node) => stringOf(v));
  const bad = values.find((v) => enumLabelProblem(v));
  if (bad !== undefined) return ctx.skip('CREATE TYPE … AS ENUM', `enum ${name}: ${enumLabelProblem(bad)}`);
  ctx.addEnum({ id: derivedId.enum(schema, name), schema, name, values });
}

/**
 * Why the model cannot hold an enum label: PostgreSQL refuses one over 63 bytes, and an empty one
 * (which it accepts) cannot be told apart from a missing one. Ex: `enumLabelProblem('')` → a sentence.
 */
export function enumLabelProblem(label: string): string | undefined {
  if (!label) return 'an empty label is not supported';
  const bytes = utf8Length(label);
  return bytes > MAX_IDENTIFIER_BYTES ? `label '${label.slice(0, 20)}…' is ${bytes} bytes; PostgreSQL allows 63` : undefined;
}

/** CREATE DOMAIN with its default, NOT NULL, collation and checks. */
export function importDomain(ctx: ImportContext, stmt: CreateDomainStmt): void {
  const names = namesOf(stmt.domainname);
  const name = names[names.length - 1];
  const schema = ctx.creationSchema(names.length > 1 ? names[names.length - 2] : undefined);
  const domain: Domain = {
    id: derivedId.domain(schema, name), schema, name, type: columnTypeOf(ctx, stmt.typeName!), notNull: false, checks: [],
  };
  if (stmt.collClause) domain.collation = ctx.collationName(namesOf(stmt.collClause.collname));
  let checkNumber = 0;
  for (const node of stmt.constraints ?? []) {
    const c = as<{ contype?: string; conname?: string; raw_expr?: Node }>(node, 'Constraint');
    if (!c) continue;
    if (c.contype === 'CONSTR_NOTNULL') domain.notNull = true;
    else if (c.contype === 'CONSTR_DEFAULT' && c.raw_expr) domain.default = expressionText(ctx, c.raw_expr);
    else if (c.contype === 'CONSTR_CHECK' && c.raw_expr) {
      // PostgreSQL names an unnamed domain check <domain>_check, then <domain>_check1, …
      const checkName = c.conname ?? `${name}_check${checkNumber ? checkNumber : ''}`;
      if (!c.conname) checkNumber += 1;
      domain.checks.push({
        id: derivedId.domainCheck(schema, name, checkName),
        ...(c.conname ? { name: c.conname } : {}),
        expression: expressionText(ctx, c.raw_expr, { domainCheck: true }),
      });
    }
  }
  ctx.addDomain(domain);
}
