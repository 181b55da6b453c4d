/**
 * COMMENT ON statements for every kind of object the model carries a comment for. A `null` comment
 * removes it (`IS NULL`), which is what a migration needs when a comment is deleted.
 */
import type { Model, Table } from '../model/document.ts';
import { quoteIdent, quoteLiteral, quoteQualified } from './quote.ts';

/** What a comment is attached to; names as in the database (schema-qualified where PostgreSQL wants it). */
export type CommentTarget =
  | { kind: 'schema' | 'extension'; name: string }
  | { kind: 'table' | 'view' | 'materialized-view' | 'index' | 'sequence' | 'type' | 'domain'; schema: string; name: string }
  | { kind: 'column'; schema: string; table: string; column: string }
  | { kind: 'constraint'; schema: string; table: string; name: string }
  | { kind: 'domain-constraint'; schema: string; domain: string; name: string };

function targetSql(t: CommentTarget): string {
  switch (t.kind) {
    case 'schema':
    case 'extension':
      return `${t.kind.toUpperCase()} ${quoteIdent(t.name)}`;
    case 'column':
      return `COLUMN ${quoteQualified(t.schema, t.table)}.${quoteIdent(t.column)}`;
    case 'constraint':
      return `CONSTRAINT ${quoteIdent(t.name)} ON ${quoteQualified(t.schema, t.table)}`;
    case 'domain-constraint':
      return `CONSTRAINT ${quoteIdent(t.name)} ON DOMAIN ${quoteQualified(t.schema, t.domain)}`;
    case 'materialized-view':
      return `MATERIALIZED VIEW ${quoteQualified(t.schema, t.name)}`;
    default:
      return `${t.kind.toUpperCase()} ${quoteQualified(t.schema, t.name)}`;
  }
}

/** Ex: `commentOn({ target: { kind: 'table', schema: 'public', name: 'orders' }, comment: 'Placed orders' })`. */
export function commentOn(p: { target: CommentTarget; comment: string | null }): string {
  return `COMMENT ON ${targetSql(p.target)} IS ${p.comment === null ? 'NULL' : quoteLiteral(p.comment)};`;
}

type Pending = { target: CommentTarget; comment: string | undefined };

function tableComments(t: Table): Pending[] {
  const { schema, name } = t;
  const out: Pending[] = [{ target: { kind: 'table', schema, name }, comment: t.comment }];
  for (const c of t.columns) out.push({ target: { kind: 'column', schema, table: name, column: c.name }, comment: c.comment });
  const constraints = [t.primaryKey, ...t.uniques, ...t.checks, ...t.foreignKeys];
  for (const c of constraints) {
    if (c?.name) out.push({ target: { kind: 'constraint', schema, table: name, name: c.name }, comment: c.comment });
  }
  for (const x of t.indexes) if (x.name) out.push({ target: { kind: 'index', schema, name: x.name }, comment: x.comment });
  return out;
}

/**
 * Every comment in the model, in model order (names must be resolved: see `withEffectiveNames`).
 * Objects without a comment produce nothing.
 */
export function commentStatements(p: { model: Model }): string[] {
  const m = p.model;
  const pending: Pending[] = [
    ...m.schemas.map((s): Pending => ({ target: { kind: 'schema', name: s.name }, comment: s.comment })),
    ...m.extensions.map((e): Pending => ({ target: { kind: 'extension', name: e.name }, comment: e.comment })),
    ...m.enums.map((e): Pending => ({ target: { kind: 'type', schema: e.schema, name: e.name }, comment: e.comment })),
    ...m.domains.flatMap((d): Pending[] => [
      { target: { kind: 'domain', schema: d.schema, name: d.name }, comment: d.comment },
    ]),
    ...m.sequences.map((s): Pending => ({ target: { kind: 'sequence', schema: s.schema, name: s.name }, comment: s.comment })),
    ...m.tables.flatMap(tableComments),
    ...m.views.flatMap((v): Pending[] => {
      const kind = v.materialized ? 'materialized-view' : 'view';
      return [
        { target: { kind, schema: v.schema, name: v.name }, comment: v.comment },
        ...(v.columns ?? []).map((c): Pending => ({ target: { kind: 'column', schema: v.schema, table: v.name, column: c.name }, comment: c.comment })),
        ...(v.indexes ?? []).filter((x) => x.name).map((x): Pending => ({ target: { kind: 'index', schema: v.schema, name: x.name! }, comment: x.comment })),
      ];
    }),
  ];
  return pending
    .filter((c): c is Pending & { comment: string } => c.comment !== undefined)
    .map((c) => commentOn({ target: c.target, comment: c.comment }));
}
