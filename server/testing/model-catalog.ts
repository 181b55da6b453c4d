/**
 * Catalog queries that read constraints and indexes in the model's own terms (column names, action
 * words, flags) rather than as SQL text, so a test can compare "what the model says" with "what the
 * database holds" field by field. Rows come sorted (schema, owner, name) with the "C" collation.
 */
import type { SqlSession } from '../db/sql-client.ts';

const ACTION: Record<string, string> = { a: 'no-action', r: 'restrict', c: 'cascade', n: 'set-null', d: 'set-default' };
const MATCH: Record<string, string> = { s: 'simple', f: 'full', p: 'partial' };

export interface CatalogConstraint {
  schema: string;
  owner: string;
  name: string;
  kind: 'primary-key' | 'unique' | 'check' | 'foreign-key' | 'domain-check' | 'exclusion';
  columns: string[];
  refTable?: string;
  refColumns?: string[];
  onDelete?: string;
  onUpdate?: string;
  match?: string;
  deferrable: boolean;
  initiallyDeferred: boolean;
  validated: boolean;
  noInherit: boolean;
  nullsNotDistinct: boolean;
}

const CONSTRAINTS = `
  SELECT n.nspname AS schema, coalesce(c.relname, t.typname) AS owner, co.conname AS name, co.contype AS type, co.contypid <> 0 AS "onDomain",
    coalesce((SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(co.conkey) WITH ORDINALITY k(attnum, n)
      JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.attnum), '{}') AS columns,
    rn.nspname AS "refSchema", r.relname AS "refTable",
    (SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(co.confkey) WITH ORDINALITY k(attnum, n)
      JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.attnum) AS "refColumns",
    co.confdeltype AS "onDelete", co.confupdtype AS "onUpdate", co.confmatchtype AS match,
    co.condeferrable AS deferrable, co.condeferred AS "initiallyDeferred", co.convalidated AS validated, co.connoinherit AS "noInherit",
    coalesce((SELECT (to_jsonb(i) ->> 'indnullsnotdistinct')::boolean FROM pg_index i WHERE i.indexrelid = co.conindid), false) AS "nullsNotDistinct"
  FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
  LEFT JOIN pg_class c ON c.oid = co.conrelid LEFT JOIN pg_type t ON t.oid = co.contypid
  LEFT JOIN pg_class r ON r.oid = co.confrelid LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
  WHERE co.contype <> 'n' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = co.contypid AND d.deptype = 'e')
  ORDER BY n.nspname COLLATE "C", coalesce(c.relname, t.typname) COLLATE "C", co.conname COLLATE "C"`;

/** Every table and domain constraint, in model words (`foreign-key`, `cascade`, `full`, …). */
export async function readConstraints(db: Pick<SqlSession, 'query'>): Promise<CatalogConstraint[]> {
  const rows = await db.query<Record<string, never>>(CONSTRAINTS);
  return rows.map((r) => {
    const kind = r.onDomain ? 'domain-check' : ({ p: 'primary-key', u: 'unique', c: 'check', f: 'foreign-key', x: 'exclusion' } as const)[r.type as string]!;
    const out: CatalogConstraint = {
      schema: r.schema, owner: r.owner, name: r.name, kind, columns: r.columns,
      deferrable: r.deferrable, initiallyDeferred: r.initiallyDeferred, validated: r.validated, noInherit: r.noInherit,
      nullsNotDistinct: r.nullsNotDistinct,
    };
    if (kind === 'foreign-key') {
      Object.assign(out, {
        refTable: `${r.refSchema}.${r.refTable}`, refColumns: r.refColumns,
        onDelete: ACTION[r.onDelete], onUpdate: ACTION[r.onUpdate], match: MATCH[r.match],
      });
    }
    return out;
  });
}

export interface CatalogIndex {
  schema: string;
  owner: string;
  name: string;
  unique: boolean;
  method: string;
  /** Column names, `(expression)` for expression items. */
  items: { key: string; desc: boolean; nullsFirst: boolean; opclass: string; collation: string | null }[];
  include: string[];
  partial: boolean;
  nullsNotDistinct: boolean;
  options: string[] | null;
  /** pg_get_indexdef, for a look at expressions and predicates. */
  definition: string;
}

const INDEXES = `
  SELECT n.nspname AS schema, t.relname AS owner, c.relname AS name, i.indisunique AS unique, am.amname AS method,
    i.indnkeyatts AS "keyCount", i.indpred IS NOT NULL AS partial, c.reloptions AS options, pg_get_indexdef(c.oid) AS definition,
    coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false) AS "nullsNotDistinct",
    (SELECT json_agg(json_build_object('key', coalesce(a.attname::text, '(expression)'), 'option', coalesce(o.option, 0),
        'opclass', oc.opcname, 'collation', CASE WHEN col.oid IS NOT NULL AND col.oid <> ty.typcollation THEN col.collname END) ORDER BY k.n)
      FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, n)
      LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0
      LEFT JOIN unnest(i.indoption::int2[]) WITH ORDINALITY o(option, n) ON o.n = k.n
      LEFT JOIN unnest(i.indclass::oid[]) WITH ORDINALITY cl(oid, n) ON cl.n = k.n LEFT JOIN pg_opclass oc ON oc.oid = cl.oid
      LEFT JOIN unnest(i.indcollation::oid[]) WITH ORDINALITY ic(oid, n) ON ic.n = k.n LEFT JOIN pg_collation col ON col.oid = ic.oid
      LEFT JOIN pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = k.n LEFT JOIN pg_type ty ON ty.oid = ia.atttypid) AS items
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = c.relam
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
    AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x'))
  ORDER BY n.nspname COLLATE "C", t.relname COLLATE "C", c.relname COLLATE "C"`;

/** Indexes that are not the index of a primary key, unique or exclusion constraint. */
export async function readIndexes(db: Pick<SqlSession, 'query'>): Promise<CatalogIndex[]> {
  const rows = await db.query<Record<string, never>>(INDEXES);
  return rows.map((r) => {
    const all = (r.items as { key: string; option: number; opclass: string; collation: string | null }[]).map((item) => ({
      key: item.key, desc: (item.option & 1) === 1, nullsFirst: (item.option & 2) === 2, opclass: item.opclass, collation: item.collation,
    }));
    return {
      schema: r.schema, owner: r.owner, name: r.name, unique: r.unique, method: r.method,
      items: all.slice(0, r.keyCount), include: all.slice(r.keyCount).map((item) => item.key),
      partial: r.partial, nullsNotDistinct: r.nullsNotDistinct, options: r.options, definition: r.definition,
    };
  });
}
