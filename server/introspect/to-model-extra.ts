/** Composite and range types, row-level security and policies → raw objects with complete SQL. */
import type { RawObject } from '../../shared/model/document.ts';
import { derivedId } from '../../shared/model/ids.ts';
import { quoteIdent, quoteLiteral, quoteQualified } from '../../shared/ddl/quote.ts';
import type { RowOf } from './catalog-query.ts';
import type { policiesQuery, typesQuery } from './queries-extra.ts';
import { compact } from './to-model-parts.ts';

const comment = (what: string, text: string | null | undefined) =>
  text == null ? '' : `\nCOMMENT ON ${what} IS ${quoteLiteral(text)};`;

function typeDefinition(row: RowOf<typeof typesQuery>): string {
  const name = quoteQualified(row.schema, row.name);
  if (row.kind === 'c') {
    const attributes = row.attributes.map((a) => `${quoteIdent(a.name)} ${a.type}${a.collation ? ` COLLATE ${a.collation}` : ''}`);
    return `CREATE TYPE ${name} AS (${attributes.join(', ')});`;
  }
  const parts = [`SUBTYPE = ${row.subtype}`];
  if (row.opclass) parts.push(`SUBTYPE_OPCLASS = ${row.opclass}`);
  if (row.collation) parts.push(`COLLATION = ${row.collation}`);
  if (row.canonical) parts.push(`CANONICAL = ${row.canonical}`);
  if (row.subtypeDiff) parts.push(`SUBTYPE_DIFF = ${row.subtypeDiff}`);
  if (row.multirange) parts.push(`MULTIRANGE_TYPE_NAME = ${row.multirange}`);
  return `CREATE TYPE ${name} AS RANGE (${parts.join(', ')});`;
}

export function typeObjects(rows: RowOf<typeof typesQuery>[]): RawObject[] {
  return rows.map((row) => compact({
    id: derivedId.raw('type', row.schema, row.name), kind: 'type', schema: row.schema, name: row.name,
    definition: typeDefinition(row) + comment(`TYPE ${quoteQualified(row.schema, row.name)}`, row.comment),
  }));
}

const COMMANDS: Record<string, string> = { r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE', '*': 'ALL' };

/** Per table: `ALTER TABLE … ENABLE/FORCE ROW LEVEL SECURITY` (kind `other`) and one raw `policy` each. */
export function policyObjects(rows: RowOf<typeof policiesQuery>[], tableIds: Set<string>): RawObject[] {
  return rows.flatMap((row) => {
    const table = quoteQualified(row.schema, row.table);
    const tableId = derivedId.table(row.schema, row.table);
    const owner = tableIds.has(tableId) ? { tableId } : {};
    const out: RawObject[] = [];
    const switches = [
      ...(row.enabled ? [`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;`] : []),
      ...(row.forced ? [`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`] : []),
    ];
    if (switches.length) {
      out.push({ id: derivedId.raw('other', row.schema, `${row.table}.row-level-security`), kind: 'other', schema: row.schema,
        name: `${row.table} row level security`, definition: switches.join('\n'), ...owner });
    }
    for (const p of row.policies) {
      let sql = `CREATE POLICY ${quoteIdent(p.name)} ON ${table} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${COMMANDS[p.command] ?? 'ALL'} TO ${p.roles.join(', ')}`;
      if (p.using != null) sql += ` USING (${p.using})`;
      if (p.withCheck != null) sql += ` WITH CHECK (${p.withCheck})`;
      out.push({
        id: derivedId.raw('policy', row.schema, `${row.table}.${p.name}`), kind: 'policy', schema: row.schema, name: p.name,
        definition: `${sql};` + comment(`POLICY ${quoteIdent(p.name)} ON ${table}`, p.comment), ...owner,
      });
    }
    return out;
  });
}
