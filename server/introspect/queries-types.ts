/** Catalog queries for schemas, extensions, enums, domains and sequences. */
import * as z from 'zod';
import {
  catalogQuery, commentOf, jsonList, notFromExtension, optionalText, text, textArray, userSchema, type IntrospectOptions,
} from './catalog-query.ts';

export function schemasQuery(options: IntrospectOptions) {
  return catalogQuery('schemas', `
    SELECT n.nspname AS name,
      -- PostgreSQL 15+ gives public this comment by itself: it is not the user's.
      CASE WHEN n.nspname = 'public' AND ${commentOf('pg_namespace', 'n.oid')} = 'standard public schema' THEN NULL
        ELSE ${commentOf('pg_namespace', 'n.oid')} END AS comment
    FROM pg_catalog.pg_namespace n
    WHERE ${userSchema('n')} AND ${notFromExtension('pg_namespace', 'n.oid')}
    ORDER BY n.nspname`,
  z.object({ name: text, comment: optionalText }), options);
}

/** plpgsql is in every database; an extension's own comment is not the user's. */
export function extensionsQuery(options: IntrospectOptions) {
  return catalogQuery('extensions', `
    SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version,
      NULLIF(${commentOf('pg_extension', 'e.oid')}, av.comment) AS comment
    FROM pg_catalog.pg_extension e
    JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
    LEFT JOIN pg_catalog.pg_available_extensions av ON av.name = e.extname
    WHERE e.extname <> 'plpgsql' AND ${userSchema('n')}
    ORDER BY e.extname`,
  z.object({ name: text, schema: text, version: optionalText, comment: optionalText }), options);
}

export function enumsQuery(options: IntrospectOptions) {
  return catalogQuery('enums', `
    SELECT n.nspname AS schema, t.typname AS name,
      ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values,
      ${commentOf('pg_type', 't.oid')} AS comment
    FROM pg_catalog.pg_type t
    JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typtype = 'e' AND ${userSchema('n')} AND ${notFromExtension('pg_type', 't.oid')}
    ORDER BY n.nspname, t.typname`,
  z.object({ schema: text, name: text, values: textArray, comment: optionalText }), options);
}

/** A collation name as written after COLLATE: `"C"`, `musicbrainz.musicbrainz`. */
export function collationSql(oidExpr: string): string {
  return `(SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(co.collname)
      ELSE pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END
    FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
    WHERE co.oid = ${oidExpr})`;
}

export function domainsQuery(options: IntrospectOptions) {
  return catalogQuery('domains', `
    SELECT n.nspname AS schema, t.typname AS name,
      pg_catalog.format_type(t.typbasetype, t.typtypmod) AS type,
      t.typnotnull AS "notNull",
      pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS "default",
      CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation THEN ${collationSql('t.typcollation')} END AS collation,
      (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', c.conname, 'definition', pg_catalog.pg_get_constraintdef(c.oid)) ORDER BY c.conname)
        FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c') AS checks,
      ${commentOf('pg_type', 't.oid')} AS comment
    FROM pg_catalog.pg_type t
    JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
    WHERE t.typtype = 'd' AND ${userSchema('n')} AND ${notFromExtension('pg_type', 't.oid')}
    ORDER BY n.nspname, t.typname`,
  z.object({
    schema: text, name: text, type: text, notNull: z.boolean(), default: optionalText, collation: optionalText,
    checks: jsonList(z.object({ name: text, definition: text })), comment: optionalText,
  }), options);
}

const sequenceOptionColumns = `
  pg_catalog.format_type(s.seqtypid, NULL) AS "dataType", s.seqstart::text AS start, s.seqincrement::text AS increment,
  s.seqmin::text AS "minValue", s.seqmax::text AS "maxValue", s.seqcache::text AS cache, s.seqcycle AS cycle`;

export const sequenceOptionsRow = {
  dataType: text, start: text, increment: text, minValue: text, maxValue: text, cache: text, cycle: z.boolean(),
};

/** Standalone sequences; identity sequences belong to their column (pg_depend deptype 'i'). */
export function sequencesQuery(options: IntrospectOptions) {
  return catalogQuery('sequences', `
    SELECT n.nspname AS schema, c.relname AS name, ${sequenceOptionColumns},
      own.schema AS "ownerSchema", own.table AS "ownerTable", own.column AS "ownerColumn",
      ${commentOf('pg_class', 'c.oid')} AS comment
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
    LEFT JOIN LATERAL (
      SELECT tn.nspname AS schema, tc.relname AS table, a.attname AS column
      FROM pg_catalog.pg_depend d
      JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid
      JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
      JOIN pg_catalog.pg_attribute a ON a.attrelid = tc.oid AND a.attnum = d.refobjsubid
      WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
        AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'a' AND d.refobjsubid > 0
      LIMIT 1) own ON true
    WHERE c.relkind = 'S' AND ${userSchema('n')} AND ${notFromExtension('pg_class', 'c.oid')}
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend idd
        WHERE idd.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND idd.objid = c.oid AND idd.deptype = 'i')
    ORDER BY n.nspname, c.relname`,
  z.object({
    schema: text, name: text, ...sequenceOptionsRow,
    ownerSchema: optionalText, ownerTable: optionalText, ownerColumn: optionalText, comment: optionalText,
  }), options);
}

export { sequenceOptionColumns };
