/** Catalog queries for tables, their columns, constraints and indexes (all tables at once). */
import * as z from 'zod';
import {
  catalogQuery, commentOf, intArray, jsonList, notFromExtension, optionalText, text, textArray, userSchema,
  type IntrospectOptions, type QueryContext,
} from './catalog-query.ts';
import { collationSql, sequenceOptionColumns } from './queries-types.ts';

/** Ordinary and partitioned tables of the user's schemas. */
const userTable = (c: string, n: string) =>
  `${c}.relkind IN ('r', 'p') AND ${userSchema(n)} AND ${notFromExtension('pg_class', `${c}.oid`)}`;

const relationRef = z.object({ schema: text, name: text });

export function tablesQuery(options: IntrospectOptions) {
  return catalogQuery('tables', `
    SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
      c.relpersistence = 'u' AS unlogged,
      c.reloptions::text[] AS options,
      ${commentOf('pg_class', 'c.oid')} AS comment,
      CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS "partitionKey",
      CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS "partitionBound",
      c.relispartition AS "isPartition",
      (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('schema', pn.nspname, 'name', pc.relname) ORDER BY i.inhseqno)
        FROM pg_catalog.pg_inherits i
        JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
        JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
        WHERE i.inhrelid = c.oid) AS parents
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE ${userTable('c', 'n')}
    ORDER BY n.nspname, c.relname`,
  z.object({
    schema: text, name: text, kind: z.enum(['r', 'p']), unlogged: z.boolean(), options: textArray,
    comment: optionalText, partitionKey: optionalText, partitionBound: optionalText, isPartition: z.boolean(),
    parents: jsonList(relationRef),
  }), options);
}

/**
 * Every column of every table, with identity sequence options when the column is an identity. The
 * user's tables are found first, on their own (a materialized CTE): joined in the main query, the
 * planner expects one schema and scans pg_class once per schema (~5 ms of 25 on musicbrainz).
 * A default is printed without its table (relation 0): PostgreSQL refuses a column reference in a
 * default, and printing with the table opened and locked each table, cold in a new session: ~9 of
 * the query's ~38 ms on musicbrainz. A generated column's expression names columns, so it needs it.
 */
export function columnsQuery(options: IntrospectOptions) {
  return catalogQuery('columns', `
    WITH user_tables AS MATERIALIZED (
      SELECT c.oid, c.relname, n.nspname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE ${userTable('c', 'n')})
    SELECT c.nspname AS schema, c.relname AS table, a.attname AS name, a.attnum AS num,
      pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
      a.attnotnull AS "notNull",
      CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, 0) END AS "default",
      CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generated,
      NULLIF(a.attidentity::text, '') AS identity,
      CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN ${collationSql('a.attcollation')} END AS collation,
      ${commentOf('pg_class', 'c.oid', 'a.attnum')} AS comment,
      a.attislocal AS local,
      seq."dataType", seq.start, seq.increment, seq."minValue", seq."maxValue", seq.cache, seq.cycle
    FROM user_tables c
    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
    JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    LEFT JOIN LATERAL (
      SELECT ${sequenceOptionColumns}
      FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_sequence s ON s.seqrelid = d.objid
      WHERE a.attidentity <> '' AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
        AND d.refobjid = c.oid AND d.refobjsubid = a.attnum AND d.deptype = 'i'
        AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      LIMIT 1) seq ON true
    WHERE a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.nspname, c.relname, a.attnum`,
  z.object({
    schema: text, table: text, name: text, num: z.number().int(), type: text, notNull: z.boolean(),
    default: optionalText, generated: optionalText, identity: z.enum(['a', 'd']).nullish(),
    collation: optionalText, comment: optionalText, local: z.boolean(),
    dataType: optionalText, start: optionalText, increment: optionalText, minValue: optionalText,
    maxValue: optionalText, cache: optionalText, cycle: z.boolean().nullish(),
  }), options);
}

/**
 * Primary keys, uniques, checks, foreign keys and exclusion constraints. Left out: NOT NULL rows
 * (contype 'n', PostgreSQL 18; columns carry notNull), constraints a partition inherits from its
 * parent (conparentid) and checks inherited through INHERITS (not conislocal). A foreign key's
 * definition is printed only when it references a table the model will not have (outside the schema
 * filter, or an extension's): only then is it carried as its SQL (`attachConstraints`).
 */
export function constraintsQuery(options: IntrospectOptions, context: QueryContext) {
  const nullsNotDistinct = context.version >= 150000
    ? `COALESCE((SELECT i.indnullsnotdistinct FROM pg_catalog.pg_index i WHERE i.indexrelid = k.conindid), false)`
    : 'false';
  return catalogQuery('constraints', `
    SELECT n.nspname AS schema, c.relname AS table, k.conname AS name, k.contype::text AS type,
      k.conkey::int[] AS columns,
      rn.nspname AS "refSchema", rc.relname AS "refTable", k.confkey::int[] AS "refColumns",
      k.confupdtype::text AS "onUpdate", k.confdeltype::text AS "onDelete", k.confmatchtype::text AS match,
      k.condeferrable AS deferrable, k.condeferred AS "initiallyDeferred", k.convalidated AS validated,
      k.connoinherit AS "noInherit",
      ${nullsNotDistinct} AS "nullsNotDistinct",
      CASE WHEN k.contype IN ('c', 'x') OR (k.contype = 'f' AND NOT (${userTable('rc', 'rn')}))
        THEN pg_catalog.pg_get_constraintdef(k.oid) ELSE '' END AS definition,
      ${commentOf('pg_constraint', 'k.oid')} AS comment,
      CASE WHEN k.contype IN ('p', 'u') THEN ${commentOf('pg_class', 'k.conindid')} END AS "indexComment"
    FROM pg_catalog.pg_constraint k
    JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_catalog.pg_class rc ON rc.oid = k.confrelid
    LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
    WHERE k.contype IN ('p', 'u', 'c', 'f', 'x') AND k.conparentid = 0 AND k.conislocal
      AND ${userTable('c', 'n')}
    ORDER BY n.nspname, c.relname, k.contype, k.conname`,
  z.object({
    schema: text, table: text, name: text, type: z.enum(['p', 'u', 'c', 'f', 'x']), columns: intArray,
    refSchema: optionalText, refTable: optionalText, refColumns: intArray,
    onUpdate: text, onDelete: text, match: text, deferrable: z.boolean(), initiallyDeferred: z.boolean(),
    validated: z.boolean(), noInherit: z.boolean(), nullsNotDistinct: z.boolean(), definition: text,
    comment: optionalText, indexComment: optionalText,
  }), options);
}

/**
 * Indexes of tables and materialized views that do not implement a constraint, and that are not a
 * partition's copy of its parent's index. Each key is read from the catalog (column number, or the
 * expression's text), with its operator class when not the default, order and nulls placement. The
 * text is printed only where it is read (an expression, or any key of a materialized view's index):
 * pg_get_indexdef per key was a third of this query's time.
 */
export function indexesQuery(options: IntrospectOptions, context: QueryContext) {
  const nullsNotDistinct = context.version >= 150000 ? 'i.indnullsnotdistinct' : 'false';
  // The non-default operator classes are named once, then looked up by hash: a lookup per index key
  // column, correlated, scanned pg_opclass each time (a quarter of the query's time on musicbrainz).
  return catalogQuery('indexes', `
    WITH named_opclasses AS MATERIALIZED (
      SELECT opc.oid, CASE WHEN opn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(opc.opcname)
          ELSE pg_catalog.quote_ident(opn.nspname) || '.' || pg_catalog.quote_ident(opc.opcname) END AS name
        FROM pg_catalog.pg_opclass opc JOIN pg_catalog.pg_namespace opn ON opn.oid = opc.opcnamespace WHERE NOT opc.opcdefault)
    SELECT n.nspname AS schema, c.relname AS table, c.relkind::text AS "tableKind", ic.relname AS name,
      i.indisunique AS unique, am.amname AS method, i.indnkeyatts AS "keyCount",
      i.indkey::int2[]::int[] AS keys,
      ARRAY(SELECT CASE WHEN c.relkind = 'm' OR i.indkey[k - 1] = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k, true) ELSE '' END
        FROM pg_catalog.generate_series(1, i.indnatts) k) AS texts,
      ARRAY(SELECT COALESCE(o.name, '')
        FROM pg_catalog.unnest(i.indclass::oid[]) WITH ORDINALITY u(oid, ord) LEFT JOIN named_opclasses o ON o.oid = u.oid
        ORDER BY u.ord) AS opclasses,
      ARRAY(SELECT COALESCE(CASE WHEN u.coll <> 0 AND u.coll <> 100
          AND u.coll IS DISTINCT FROM (SELECT a.attcollation FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = (i.indkey::int2[])[u.ord - 1])
          THEN ${collationSql('u.coll')} END, '')
        FROM pg_catalog.unnest(i.indcollation::oid[]) WITH ORDINALITY u(coll, ord) ORDER BY u.ord) AS collations,
      i.indoption::int2[]::int[] AS options,
      pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS "where",
      ${nullsNotDistinct} AS "nullsNotDistinct",
      ic.reloptions::text[] AS "with",
      ${commentOf('pg_class', 'ic.oid')} AS comment
    FROM pg_catalog.pg_index i
    JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_catalog.pg_am am ON am.oid = ic.relam
    WHERE c.relkind IN ('r', 'p', 'm') AND ${userSchema('n')} AND ${notFromExtension('pg_class', 'c.oid')}
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
        WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits ih WHERE ih.inhrelid = i.indexrelid)
    ORDER BY n.nspname, c.relname, ic.relname`,
  z.object({
    schema: text, table: text, tableKind: z.enum(['r', 'p', 'm']), name: text, unique: z.boolean(), method: text,
    keyCount: z.number().int(), keys: intArray, texts: textArray, opclasses: textArray, collations: textArray,
    options: intArray, where: optionalText, nullsNotDistinct: z.boolean(), with: textArray,
    comment: optionalText,
  }), options);
}
