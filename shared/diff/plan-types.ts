/** Steps for schemas, extensions, enums, domains and sequences. */
import type { Domain, Sequence } from '../model/document.ts';
import { formatType } from '../model/types.ts';
import {
  addEnumValue, alterColumnType, alterSequence, domainAddCheck, domainDropCheck, domainSetDefault, domainSetNotNull,
  dropExtensions, dropObject, dropSchema, renameObject, renameSchema, sequenceOwnedByNone, setDefault, setExtensionSchema,
  updateExtension,
} from '../ddl/postgres-alter.ts';
import { clipBytes } from '../model/names.ts';
import { commentOn, createDomain, createExtension, createEnum, createSchema, createSequence, qualifiedName, sequenceOwnedBy } from '../ddl/postgres.ts';
import { quoteIdent } from '../ddl/quote.ts';
import { sameComment, sameSqlText } from './match.ts';
import { sequenceChange } from './sequence-options.ts';
import { castChecks, domainValueChecks, enumValueChecks, notNullChecks, withChecks, type DataCheck } from './data-checks.ts';
import { columnsOfType, draft, hazard, type Draft, type PlanContext, type TypeConversion } from './plan-context.ts';
import type { Change } from './types.ts';

type Named = { schema: string; name: string };
const comment = (kind: 'type' | 'domain' | 'sequence', o: Named & { comment?: string }) =>
  commentOn({ target: { kind, schema: o.schema, name: o.name }, comment: o.comment || null });

/** `orders_status` → `orders_status__old`: where a type waits while its replacement takes the name. */
function parkedName(name: string): string {
  return `${clipBytes(name, 58)}__old`;
}

export function schemaSteps(c: Extract<Change, { kind: `schema.${string}` }>): Draft[] {
  switch (c.kind) {
    case 'schema.create':
      return [draft('schemas', 10, createSchema({ schema: c.schema })),
        ...(c.schema.comment ? [draft('schemas', 20, commentOn({ target: { kind: 'schema', name: c.schema.name }, comment: c.schema.comment }))] : [])];
    case 'schema.drop':
      return [draft('post', 70, dropSchema(c.schema))];
    case 'schema.rename':
      return [draft('schemas', 0, renameSchema({ from: c.from.name, to: c.to.name }), [hazard('breaks-dependents', `renames schema ${quoteIdent(c.from.name)}: queries using the old name fail`)])];
    case 'schema.comment':
      return [draft('schemas', 20, commentOn({ target: { kind: 'schema', name: c.to.name }, comment: c.to.comment || null }))];
  }
}

/** The extensions a plan drops, in one DROP EXTENSION (the last step but for schemas). */
export function dropExtensionsStep(changes: Change[]): Draft[] {
  const dropped = changes.flatMap((c) => (c.kind === 'extension.drop' ? [c.extension] : []));
  if (!dropped.length) return [];
  const hazards = dropped.map((e) => hazard('breaks-dependents', `drops extension ${e.name} and what it provides`));
  return [draft('post', 60, dropExtensions({ names: dropped.map((e) => e.name) }), hazards)];
}

export function extensionSteps(c: Extract<Change, { kind: `extension.${string}` }>): Draft[] {
  const commentStep = (e: { name: string; comment?: string }) => draft('extensions', 10, commentOn({ target: { kind: 'extension', name: e.name }, comment: e.comment || null }));
  switch (c.kind) {
    case 'extension.create':
      return [draft('extensions', 0, createExtension({ extension: c.extension })), ...(c.extension.comment ? [commentStep(c.extension)] : [])];
    case 'extension.drop':
      return []; // all dropped together by dropExtensionsStep
    case 'extension.alter': {
      const out: Draft[] = [];
      if (c.to.version && c.from.version !== c.to.version) out.push(draft('extensions', 10, updateExtension({ name: c.to.name, version: c.to.version })));
      if (c.to.schema && c.from.schema !== c.to.schema) out.push(draft('extensions', 10, setExtensionSchema({ name: c.to.name, schema: c.to.schema })));
      if (!sameComment(c.from.comment, c.to.comment)) out.push(commentStep(c.to));
      return out;
    }
  }
}

/**
 * A type PostgreSQL cannot change in place: park the old one under another name, create the new one,
 * convert every column through `via` (text for enums, the base type for domains), drop the old one.
 * The conversion owns each column's default: the old one is dropped first (it is of the old type)
 * and the new one set after (`alterColumnSteps` skips the default of these columns).
 */
function recreateType(p: {
  kind: 'TYPE' | 'DOMAIN'; from: Named; to: Named; create: string; via: string; why: string; ctx: PlanContext;
  /** What to look at in each converted column's live rows. */
  checks: (conversion: TypeConversion) => DataCheck[];
}): Draft[] {
  const parked = { schema: p.to.schema, name: parkedName(p.to.name) };
  const out = [draft('types', 10, [`ALTER ${p.kind} ${qualifiedName(p.to)} RENAME TO ${quoteIdent(parked.name)};`, p.create])];
  for (const conversion of columnsOfType(p.ctx, p.from, p.to)) {
    const { table, was, column } = conversion;
    const label = `${qualifiedName(table)}.${quoteIdent(column.name)}`;
    const using = `${quoteIdent(column.name)}::${p.via}${'[]'.repeat(column.type.arrayDims ?? 0)}::${formatType(column.type)}`;
    const sql = [
      ...(was.default !== undefined ? [setDefault({ table, column })] : []),
      alterColumnType({ table, column, type: column.type, collation: column.collation, using }),
      ...(column.default !== undefined ? [setDefault({ table, column, expression: column.default })] : []),
    ];
    out.push(withChecks(draft('columns', 15, sql, [
      hazard('rewrites-table', `${label} is converted to the new ${qualifiedName(p.to)}`),
      hazard('may-fail-on-existing-data', `${label}: ${p.why}`),
      hazard('locks-table', `converting ${label} locks ${qualifiedName(table)}`),
    ]), p.checks(conversion)));
  }
  // A parked domain may sit on a parked enum: domains go first.
  out.push(draft('post', p.kind === 'DOMAIN' ? 34 : 35, dropObject({ kind: p.kind, object: parked })));
  return out;
}

export function enumSteps(c: Extract<Change, { kind: `enum.${string}` }>, ctx: PlanContext): Draft[] {
  switch (c.kind) {
    case 'enum.create':
      return [draft('types', 10, createEnum({ enumType: c.enum })), ...(c.enum.comment ? [draft('types', 10, comment('type', c.enum))] : [])];
    case 'enum.drop':
      return [draft('post', 40, dropObject({ kind: 'TYPE', object: ctx.afterSchemaRenames(c.enum) }))];
    case 'enum.rename':
      return [draft('types', 0, renameObject({ kind: 'TYPE', from: ctx.afterSchemaRenames(c.from), to: c.to }))];
    case 'enum.add-values':
      return c.added.map((a) => draft('types', 10, addEnumValue({ type: c.to, ...a })));
    case 'enum.recreate': {
      const removed = c.from.values.filter((v) => !c.to.values.includes(v));
      const kept = c.to.values.filter((v) => c.from.values.includes(v));
      const why = removed.length ? `rows holding ${removed.map((v) => `'${v}'`).join(', ')} cannot convert`
        : kept.join() === c.from.values.join() ? 'recreated because new values are used in this same migration' : 'values are reordered';
      const checks = ({ table, was }: TypeConversion) => enumValueChecks(ctx, table.id, was.id, removed);
      return recreateType({ kind: 'TYPE', from: c.from, to: c.to, create: createEnum({ enumType: c.to }), via: 'text', why, ctx, checks });
    }
    case 'enum.comment':
      return [draft('types', 10, comment('type', c.to))];
  }
}

type DomainRules = { notNull: boolean; expressions: string[] };

/** NULLs and check failures in one column of a domain, as the domain's new NOT NULL and checks would find them. */
function domainColumnChecks(ctx: PlanContext, { table, was }: TypeConversion, rules: DomainRules): DataCheck[] {
  return [
    ...(rules.notNull ? notNullChecks(ctx, table.id, [was.id]) : []),
    ...rules.expressions.flatMap((e) => domainValueChecks(ctx, table.id, was.id, e)),
  ];
}

function domainChecks(ctx: PlanContext, from: Domain, to: Domain, rules: DomainRules): DataCheck[] {
  return columnsOfType(ctx, from, to).flatMap((conversion) => domainColumnChecks(ctx, conversion, rules));
}

function alterDomainSteps(from: Domain, to: Domain, ctx: PlanContext): Draft[] {
  const out: Draft[] = [];
  const label = qualifiedName(to);
  if (!sameSqlText(from.default, to.default)) out.push(draft('types', 30, domainSetDefault({ domain: to, expression: to.default })));
  if (from.notNull !== to.notNull) {
    const step = draft('types', 30, domainSetNotNull({ domain: to, notNull: to.notNull }), to.notNull ? [hazard('may-fail-on-existing-data', `domain ${label} becomes NOT NULL`)] : []);
    out.push(withChecks(step, to.notNull ? domainChecks(ctx, from, to, { notNull: true, expressions: [] }) : []));
  }
  const toChecks = new Map(to.checks.map((k) => [k.id, k]));
  const fromChecks = new Map(from.checks.map((k) => [k.id, k]));
  for (const k of from.checks) {
    const next = toChecks.get(k.id);
    if (!next || !sameSqlText(k.expression, next.expression)) out.push(draft('types', 25, domainDropCheck({ domain: to, name: k.name! })));
    else if (next.name && k.name !== next.name) {
      out.push(draft('types', 25, `ALTER DOMAIN ${label} RENAME CONSTRAINT ${quoteIdent(k.name!)} TO ${quoteIdent(next.name)};`));
    }
  }
  for (const k of to.checks) {
    const before = fromChecks.get(k.id);
    if (before && sameSqlText(before.expression, k.expression)) continue;
    const step = draft('types', 30, domainAddCheck({ domain: to, name: k.name, expression: k.expression }), [hazard('may-fail-on-existing-data', `new check on domain ${label}: fails if existing values violate it`)]);
    out.push(withChecks(step, domainChecks(ctx, from, to, { notNull: false, expressions: [k.expression] })));
  }
  if (!sameComment(from.comment, to.comment)) out.push(draft('types', 30, comment('domain', to)));
  return out;
}

export function domainSteps(c: Extract<Change, { kind: `domain.${string}` }>, ctx: PlanContext): Draft[] {
  switch (c.kind) {
    case 'domain.create':
      return [draft('types', 30, createDomain({ domain: c.domain })), ...(c.domain.comment ? [draft('types', 30, comment('domain', c.domain))] : [])];
    case 'domain.drop':
      return [draft('post', 30, dropObject({ kind: 'DOMAIN', object: ctx.afterSchemaRenames(c.domain) }))];
    case 'domain.rename':
      return [draft('types', 0, renameObject({ kind: 'DOMAIN', from: ctx.afterSchemaRenames(c.from), to: c.to }))];
    case 'domain.alter':
      return alterDomainSteps(c.from, c.to, ctx);
    case 'domain.recreate':
      return recreateType({
        // A user-defined base type (an enum recreated too) converts through text.
        kind: 'DOMAIN', from: c.from, to: c.to, create: createDomain({ domain: c.to }),
        via: c.to.type.schema ? `text::${formatType(c.to.type)}` : formatType(c.to.type),
        why: `the new base type ${formatType(c.to.type)} may not hold every value`, ctx,
        checks: (conversion) => [
          ...castChecks(ctx, conversion.table.id, conversion.was.id, c.to.type),
          ...domainColumnChecks(ctx, conversion, { notNull: c.to.notNull, expressions: c.to.checks.map((k) => k.expression) }),
        ],
      });
  }
}

function ownedBySteps(s: Sequence, ctx: PlanContext): Draft[] {
  const table = s.ownedBy && ctx.toTables.get(s.ownedBy.tableId);
  return table ? [draft('post', 10, sequenceOwnedBy({ sequence: s, table, columnId: s.ownedBy!.columnId }))] : [];
}

export function sequenceSteps(c: Extract<Change, { kind: `sequence.${string}` }>, ctx: PlanContext): Draft[] {
  switch (c.kind) {
    case 'sequence.create':
      return [draft('sequences', 10, createSequence({ sequence: c.sequence })), ...(c.sequence.comment ? [draft('sequences', 10, comment('sequence', c.sequence))] : []), ...ownedBySteps(c.sequence, ctx)];
    case 'sequence.drop': {
      // After the defaults that used it are gone (rank 20), before identities take its name (rank 30).
      // A sequence owned by a dropped column or table is already gone with it.
      const owner = c.sequence.ownedBy;
      const ownerGone = owner !== undefined && (ctx.dropped.has(owner.tableId) || !ctx.toTables.get(owner.tableId)?.columns.some((col) => col.id === owner.columnId));
      const step = draft('columns', 25, dropObject({ kind: 'SEQUENCE', object: ctx.afterSchemaRenames(c.sequence), ifExists: ownerGone }), [hazard('deletes-data', `drops sequence ${qualifiedName(c.sequence)} and its current value`)]);
      return [withChecks(step, [{ kind: 'unavailable', reason: 'a sequence holds its current value, not rows' }])];
    }
    case 'sequence.rename':
      return [draft('sequences', 0, renameObject({ kind: 'SEQUENCE', from: ctx.afterSchemaRenames(c.from), to: c.to }))];
    case 'sequence.alter': {
      const { from, to } = c;
      const alter = alterSequence({ sequence: to, ...sequenceChange(from, to) });
      const out = alter ? [draft('sequences', 20, alter)] : [];
      if (JSON.stringify(from.ownedBy) !== JSON.stringify(to.ownedBy)) {
        if (from.ownedBy) out.push(draft('pre', 45, sequenceOwnedByNone({ sequence: from })));
        out.push(...ownedBySteps(to, ctx));
      }
      if (!sameComment(from.comment, to.comment)) out.push(draft('sequences', 20, comment('sequence', to)));
      return out;
    }
  }
}
