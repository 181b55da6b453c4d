/**
 * A whole database's user-defined schema as plain, sorted data, read from the catalog: for tests
 * that check two databases hold the same schema (`expect(await catalogSnapshot(a)).toEqual(await
 * catalogSnapshot(b))`) or that a database holds what a model says. Everything is schema-qualified
 * and ordered with the "C" collation; system schemas and objects owned by extensions are left out.
 * Works on PostgreSQL 12–18 and PGlite (NOT NULL constraint rows of PostgreSQL 18 are skipped:
 * `attnotnull` already says it). Between major versions, compare view `definition`s with care:
 * PostgreSQL 16+ prints `SELECT id FROM t` where 15 printed `SELECT t.id FROM t`. A relation's
 * `populated` is false only for a materialized view created or refreshed WITH NO DATA.
 */
import type { SqlSession } from '../db/sql-client.ts';

/** `n.nspname` is a user schema. */
const USER_SCHEMA = (n: string) =>
  `${n}.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND ${n}.nspname NOT LIKE 'pg\\_temp\\_%' AND ${n}.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'`;
/** The object `oid` of catalog `catalog` is not a member of an extension. */
const NOT_EXTENSION_MEMBER = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

const QUERIES = {
  schemas: `SELECT n.nspname AS name, obj_description(n.oid, 'pg_namespace') AS comment FROM pg_namespace n
    WHERE ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_namespace', 'n.oid')} ORDER BY n.nspname COLLATE "C"`,
  extensions: `SELECT e.extname AS name, n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    ORDER BY e.extname COLLATE "C"`,
  enums: `SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels,
      obj_description(t.oid, 'pg_type') AS comment
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}
    GROUP BY n.nspname, t.typname, t.oid ORDER BY n.nspname COLLATE "C", t.typname COLLATE "C"`,
  domains: `SELECT n.nspname AS schema, t.typname AS name, format_type(t.typbasetype, t.typtypmod) AS type, t.typnotnull AS "notNull",
      t.typdefault AS default, (SELECT c.collname FROM pg_collation c WHERE c.oid = t.typcollation AND t.typcollation <> 100) AS collation,
      obj_description(t.oid, 'pg_type') AS comment
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typtype = 'd' AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')} ORDER BY n.nspname COLLATE "C", t.typname COLLATE "C"`,
  sequences: `SELECT n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS type, s.seqstart::text AS start,
      s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle,
      (SELECT d.refobjid::regclass::text || '.' || a.attname FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0) AS "ownedBy",
      obj_description(c.oid, 'pg_class') AS comment
    FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')} ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"`,
  relations: `SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind, c.relpersistence AS persistence,
      c.reloptions AS options, pg_get_partkeydef(c.oid) AS "partitionKey", pg_get_expr(c.relpartbound, c.oid) AS "partitionBound",
      (SELECT array_agg(i.inhparent::regclass::text ORDER BY i.inhseqno) FROM pg_inherits i WHERE i.inhrelid = c.oid) AS parents,
      CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS definition, obj_description(c.oid, 'pg_class') AS comment,
      c.relispopulated AS populated
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
    ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"`,
  columns: `SELECT n.nspname AS schema, c.relname AS table, a.attnum AS num, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
      a.attnotnull AS "notNull", pg_get_expr(ad.adbin, ad.adrelid) AS default, a.attidentity AS identity, a.attgenerated AS generated,
      (SELECT co.collname FROM pg_collation co WHERE co.oid = a.attcollation AND a.attcollation <> t.typcollation) AS collation,
      col_description(c.oid, a.attnum) AS comment
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
    ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", a.attnum`,
  constraints: `SELECT n.nspname AS schema, coalesce(c.relname, t.typname) AS owner, co.conname AS name, co.contype AS type,
      pg_get_constraintdef(co.oid) AS definition, co.condeferrable AS deferrable, co.condeferred AS deferred, co.convalidated AS validated,
      obj_description(co.oid, 'pg_constraint') AS comment
    FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
    LEFT JOIN pg_class c ON c.oid = co.conrelid LEFT JOIN pg_type t ON t.oid = co.contypid
    WHERE co.contype <> 'n' AND ${USER_SCHEMA('n')}
      AND ${NOT_EXTENSION_MEMBER('pg_class', 'co.conrelid')} AND ${NOT_EXTENSION_MEMBER('pg_type', 'co.contypid')}
    ORDER BY n.nspname COLLATE "C", coalesce(c.relname, t.typname) COLLATE "C", co.conname COLLATE "C"`,
  indexes: `SELECT n.nspname AS schema, t.relname AS table, c.relname AS name, pg_get_indexdef(c.oid) AS definition,
      obj_description(c.oid, 'pg_class') AS comment
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 't.oid')} ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"`,
  functions: `SELECT n.nspname AS schema, p.proname AS name, pg_get_function_identity_arguments(p.oid) AS arguments, p.prokind AS kind,
      pg_get_function_result(p.oid) AS result, md5(p.prosrc) AS "bodyHash", obj_description(p.oid, 'pg_proc') AS comment
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')} ORDER BY n.nspname COLLATE "C", p.proname COLLATE "C", pg_get_function_identity_arguments(p.oid) COLLATE "C"`,
  triggers: `SELECT n.nspname AS schema, c.relname AS table, tg.tgname AS name, pg_get_triggerdef(tg.oid) AS definition
    FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT tg.tgisinternal AND ${USER_SCHEMA('n')} ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", tg.tgname COLLATE "C"`,
  policies: `SELECT schemaname AS schema, tablename AS table, policyname AS name, permissive, roles::text[] AS roles, cmd, qual, with_check AS "withCheck"
    FROM pg_policies ORDER BY schemaname COLLATE "C", tablename COLLATE "C", policyname COLLATE "C"`,
  rules: `SELECT schemaname AS schema, tablename AS table, rulename AS name, definition FROM pg_rules
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY schemaname COLLATE "C", tablename COLLATE "C", rulename COLLATE "C"`,
} as const;

export type CatalogSnapshot = Record<keyof typeof QUERIES, Record<string, unknown>[]>;

/** Reads the user-defined schema of the database behind `db` (a `SqlClient` or a transaction). */
export async function catalogSnapshot(db: Pick<SqlSession, 'query'>): Promise<CatalogSnapshot> {
  const snapshot = {} as CatalogSnapshot;
  // One query at a time: a transaction session runs them on one connection anyway.
  for (const [key, sql] of Object.entries(QUERIES) as [keyof typeof QUERIES, string][]) {
    snapshot[key] = await db.query(sql);
  }
  return snapshot;
}
