/**
 * Catalog queries for composite and range types, row-level security and policies: objects the model
 * keeps as raw SQL, read here so nothing the user made is lost in a round trip.
 */
import * as z from 'zod';
import {
  catalogQuery, commentOf, jsonList, notFromExtension, optionalText, text, textArray, userSchema,
  type IntrospectOptions, type QueryContext,
} from './catalog-query.ts';
import { collationSql } from './queries-types.ts';

/** `CREATE TYPE … AS (…)` and `CREATE TYPE … AS RANGE (…)` types (not a table's row type). */
export function typesQuery(options: IntrospectOptions, context: QueryContext) {
  const multirange = context.version >= 140000
    ? `(SELECT pg_catalog.quote_ident(mn.nspname) || '.' || pg_catalog.quote_ident(mt.typname)
        FROM pg_catalog.pg_type mt JOIN pg_catalog.pg_namespace mn ON mn.oid = mt.typnamespace WHERE mt.oid = r.rngmultitypid)`
    : 'NULL::text';
  return catalogQuery('types', `
    SELECT n.nspname AS schema, t.typname AS name, t.typtype::text AS kind,
      (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', a.attname, 'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
          'collation', CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation THEN ${collationSql('a.attcollation')} END) ORDER BY a.attnum)
        FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
        WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) AS attributes,
      pg_catalog.format_type(r.rngsubtype, NULL) AS subtype,
      (SELECT CASE WHEN opc.opcdefault THEN NULL ELSE pg_catalog.quote_ident(opn.nspname) || '.' || pg_catalog.quote_ident(opc.opcname) END
        FROM pg_catalog.pg_opclass opc JOIN pg_catalog.pg_namespace opn ON opn.oid = opc.opcnamespace WHERE opc.oid = r.rngsubopc) AS opclass,
      CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation THEN ${collationSql('r.rngcollation')} END AS collation,
      NULLIF(r.rngcanonical::oid, 0)::pg_catalog.regproc::text AS canonical,
      NULLIF(r.rngsubdiff::oid, 0)::pg_catalog.regproc::text AS "subtypeDiff",
      ${multirange} AS multirange,
      ${commentOf('pg_type', 't.oid')} AS comment
    FROM pg_catalog.pg_type t
    JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    LEFT JOIN pg_catalog.pg_range r ON r.rngtypid = t.oid
    LEFT JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
    WHERE (t.typtype = 'r' OR (t.typtype = 'c' AND (SELECT rc.relkind FROM pg_catalog.pg_class rc WHERE rc.oid = t.typrelid) = 'c'))
      AND ${userSchema('n')} AND ${notFromExtension('pg_type', 't.oid')}
    ORDER BY n.nspname, t.typname`,
  z.object({
    schema: text, name: text, kind: z.enum(['c', 'r']),
    attributes: jsonList(z.object({ name: text, type: text, collation: z.string().nullish() })),
    subtype: optionalText, opclass: optionalText, collation: optionalText, canonical: optionalText, subtypeDiff: optionalText,
    multirange: optionalText, comment: optionalText,
  }), options);
}

/** Tables with row-level security switched on, and every policy. */
export function policiesQuery(options: IntrospectOptions) {
  return catalogQuery('policies', `
    SELECT n.nspname AS schema, c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
      (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
          'name', p.polname, 'permissive', p.polpermissive, 'command', p.polcmd::text,
          'roles', CASE WHEN p.polroles = '{0}' THEN ARRAY['PUBLIC']
            ELSE ARRAY(SELECT pg_catalog.quote_ident(ro.rolname) FROM pg_catalog.pg_roles ro WHERE ro.oid = ANY (p.polroles) ORDER BY ro.rolname) END,
          'using', pg_catalog.pg_get_expr(p.polqual, p.polrelid), 'withCheck', pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid),
          'comment', ${commentOf('pg_policy', 'p.oid')}) ORDER BY p.polname)
        FROM pg_catalog.pg_policy p WHERE p.polrelid = c.oid) AS policies
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND ${userSchema('n')} AND ${notFromExtension('pg_class', 'c.oid')}
      AND (c.relrowsecurity OR c.relforcerowsecurity OR c.oid IN (SELECT p.polrelid FROM pg_catalog.pg_policy p))
    ORDER BY n.nspname, c.relname`,
  z.object({
    schema: text, table: text, enabled: z.boolean(), forced: z.boolean(),
    policies: jsonList(z.object({
      name: text, permissive: z.boolean(), command: text, roles: textArray, using: z.string().nullish(),
      withCheck: z.string().nullish(), comment: z.string().nullish(),
    })),
  }), options);
}
