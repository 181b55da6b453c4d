/**
 * Catalog queries for views and for the objects the model keeps as raw SQL: functions, procedures,
 * aggregates, triggers, rules, collations, text search configurations/dictionaries and operators.
 */
import * as z from 'zod';
import {
  catalogQuery, commentOf, jsonList, notFromExtension, optionalText, text, textArray, userSchema,
  type IntrospectOptions, type QueryContext,
} from './catalog-query.ts';

/** Views and materialized views; a view column's default is printed as a table's is (see `columnsQuery`). */
export function viewsQuery(options: IntrospectOptions) {
  return catalogQuery('views', `
    SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'm' AS materialized,
      -- created or last refreshed WITH NO DATA (a plain view is always "populated")
      c.relkind = 'm' AND NOT c.relispopulated AS "withNoData",
      pg_catalog.pg_get_viewdef(c.oid) AS definition,
      c.reloptions::text[] AS options,
      ${commentOf('pg_class', 'c.oid')} AS comment,
      (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', a.attname, 'comment', ${commentOf('pg_class', 'c.oid', 'a.attnum')},
          'default', pg_catalog.pg_get_expr(ad.adbin, 0)) ORDER BY a.attnum)
        FROM pg_catalog.pg_attribute a
        LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
      (SELECT pg_catalog.json_agg(DISTINCT pg_catalog.jsonb_build_object('schema', dn.nspname, 'name', dc.relname, 'kind', dc.relkind::text))
        FROM pg_catalog.pg_rewrite r
        JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = r.oid
          AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid <> c.oid
        JOIN pg_catalog.pg_class dc ON dc.oid = d.refobjid AND dc.relkind IN ('r', 'p', 'v', 'm', 'f')
        JOIN pg_catalog.pg_namespace dn ON dn.oid = dc.relnamespace
        WHERE r.ev_class = c.oid) AS "dependsOn"
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('v', 'm') AND ${userSchema('n')} AND ${notFromExtension('pg_class', 'c.oid')}
    ORDER BY n.nspname, c.relname`,
  z.object({
    schema: text, name: text, materialized: z.boolean(), withNoData: z.boolean(), definition: text, options: textArray, comment: optionalText,
    columns: jsonList(z.object({ name: text, comment: z.string().nullish(), default: z.string().nullish() })),
    dependsOn: jsonList(z.object({ schema: text, name: text, kind: text })),
  }), options);
}

/** Functions, procedures and aggregates; an aggregate's parts come from pg_aggregate. */
export function functionsQuery(options: IntrospectOptions) {
  const regproc = (col: string) => `NULLIF(ag.${col}::oid, 0)::pg_catalog.regproc::text`;
  return catalogQuery('functions', `
    SELECT n.nspname AS schema, p.proname AS name, p.prokind::text AS kind,
      pg_catalog.pg_get_function_identity_arguments(p.oid) AS "identityArgs",
      pg_catalog.pg_get_function_arguments(p.oid) AS args,
      CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END AS definition,
      ${commentOf('pg_proc', 'p.oid')} AS comment,
      ${regproc('aggtransfn')} AS "aggTransFn",
      CASE WHEN ag.aggfnoid IS NOT NULL THEN pg_catalog.format_type(ag.aggtranstype, NULL) END AS "aggTransType",
      ag.aggtransspace AS "aggTransSpace",
      ${regproc('aggfinalfn')} AS "aggFinalFn", ag.aggfinalextra AS "aggFinalExtra",
      ${regproc('aggcombinefn')} AS "aggCombineFn", ${regproc('aggserialfn')} AS "aggSerialFn",
      ${regproc('aggdeserialfn')} AS "aggDeserialFn",
      ag.agginitval AS "aggInitVal", ag.aggkind::text AS "aggKind",
      NULLIF(ag.aggsortop::oid, 0)::pg_catalog.regoperator::text AS "aggSortOp",
      p.proparallel::text AS parallel
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    LEFT JOIN pg_catalog.pg_aggregate ag ON ag.aggfnoid = p.oid
    WHERE ${userSchema('n')} AND ${notFromExtension('pg_proc', 'p.oid')}
      -- a range type's constructors belong to the type (pg_depend deptype 'i')
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend own WHERE own.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
        AND own.objid = p.oid AND own.deptype = 'i')
    ORDER BY n.nspname, p.proname, 4`,
  z.object({
    schema: text, name: text, kind: z.enum(['f', 'p', 'a', 'w']), identityArgs: text, args: text,
    definition: optionalText, comment: optionalText, aggTransFn: optionalText, aggTransType: optionalText,
    aggTransSpace: z.number().nullish(), aggFinalFn: optionalText, aggFinalExtra: z.boolean().nullish(),
    aggCombineFn: optionalText, aggSerialFn: optionalText, aggDeserialFn: optionalText,
    aggInitVal: optionalText, aggKind: optionalText, aggSortOp: optionalText, parallel: text,
  }), options);
}

/** A row of an object that belongs to a table (trigger, rule), with its full definition. */
const tableObjectRow = z.object({ schema: text, table: text, tableKind: text, name: text, definition: text, comment: optionalText });

/** User triggers (not the internal ones behind foreign keys, not a partition's clone of its parent's). */
export function triggersQuery(options: IntrospectOptions, context: QueryContext) {
  const notClone = context.version >= 130000 ? 'AND t.tgparentid = 0' : '';
  return catalogQuery('triggers', `
    SELECT n.nspname AS schema, c.relname AS table, c.relkind::text AS "tableKind", t.tgname AS name,
      pg_catalog.pg_get_triggerdef(t.oid) AS definition,
      ${commentOf('pg_trigger', 't.oid')} AS comment
    FROM pg_catalog.pg_trigger t
    JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT t.tgisinternal ${notClone} AND ${userSchema('n')} AND ${notFromExtension('pg_class', 'c.oid')}
    ORDER BY n.nspname, c.relname, t.tgname`,
  tableObjectRow, options);
}

/** Rules other than the `_RETURN` rule that makes a view. */
export function rulesQuery(options: IntrospectOptions) {
  return catalogQuery('rules', `
    SELECT n.nspname AS schema, c.relname AS table, c.relkind::text AS "tableKind", r.rulename AS name,
      pg_catalog.pg_get_ruledef(r.oid) AS definition,
      ${commentOf('pg_rewrite', 'r.oid')} AS comment
    FROM pg_catalog.pg_rewrite r
    JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE r.rulename <> '_RETURN' AND ${userSchema('n')} AND ${notFromExtension('pg_class', 'c.oid')}
    ORDER BY n.nspname, c.relname, r.rulename`,
  tableObjectRow, options);
}

/** The whole catalog row as JSON: its columns differ between PostgreSQL 15, 16 and 17. */
export function collationsQuery(options: IntrospectOptions) {
  return catalogQuery('collations', `
    SELECT n.nspname AS schema, c.collname AS name, pg_catalog.to_jsonb(c) AS row,
      ${commentOf('pg_collation', 'c.oid')} AS comment
    FROM pg_catalog.pg_collation c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
    WHERE ${userSchema('n')} AND ${notFromExtension('pg_collation', 'c.oid')}
    ORDER BY n.nspname, c.collname`,
  z.object({ schema: text, name: text, row: z.record(z.string(), z.unknown()), comment: optionalText }), options);
}

export function textSearchConfigsQuery(options: IntrospectOptions) {
  return catalogQuery('text-search-configurations', `
    SELECT n.nspname AS schema, c.cfgname AS name,
      pg_catalog.quote_ident(pn.nspname) || '.' || pg_catalog.quote_ident(pr.prsname) AS parser,
      (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('token', tt.alias, 'dictionaries',
          ARRAY(SELECT m.mapdict::pg_catalog.regdictionary::text FROM pg_catalog.pg_ts_config_map m
            WHERE m.mapcfg = c.oid AND m.maptokentype = tt.tokid ORDER BY m.mapseqno)) ORDER BY tt.tokid)
        FROM pg_catalog.ts_token_type(c.cfgparser) tt
        WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_ts_config_map m WHERE m.mapcfg = c.oid AND m.maptokentype = tt.tokid)) AS mappings,
      ${commentOf('pg_ts_config', 'c.oid')} AS comment
    FROM pg_catalog.pg_ts_config c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
    JOIN pg_catalog.pg_ts_parser pr ON pr.oid = c.cfgparser
    JOIN pg_catalog.pg_namespace pn ON pn.oid = pr.prsnamespace
    WHERE ${userSchema('n')} AND ${notFromExtension('pg_ts_config', 'c.oid')}
    ORDER BY n.nspname, c.cfgname`,
  z.object({
    schema: text, name: text, parser: text, comment: optionalText,
    mappings: jsonList(z.object({ token: text, dictionaries: z.array(z.string()) })),
  }), options);
}

export function textSearchDictionariesQuery(options: IntrospectOptions) {
  return catalogQuery('text-search-dictionaries', `
    SELECT n.nspname AS schema, d.dictname AS name,
      pg_catalog.quote_ident(tn.nspname) || '.' || pg_catalog.quote_ident(t.tmplname) AS template,
      d.dictinitoption AS "initOption",
      ${commentOf('pg_ts_dict', 'd.oid')} AS comment
    FROM pg_catalog.pg_ts_dict d
    JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace
    JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate
    JOIN pg_catalog.pg_namespace tn ON tn.oid = t.tmplnamespace
    WHERE ${userSchema('n')} AND ${notFromExtension('pg_ts_dict', 'd.oid')}
    ORDER BY n.nspname, d.dictname`,
  z.object({ schema: text, name: text, template: text, initOption: optionalText, comment: optionalText }), options);
}

export function operatorsQuery(options: IntrospectOptions) {
  const opRef = (col: string) => `(SELECT 'OPERATOR(' || pg_catalog.quote_ident(xn.nspname) || '.' || x.oprname || ')'
    FROM pg_catalog.pg_operator x JOIN pg_catalog.pg_namespace xn ON xn.oid = x.oprnamespace WHERE x.oid = o.${col})`;
  return catalogQuery('operators', `
    SELECT n.nspname AS schema, o.oprname AS name,
      pg_catalog.format_type(NULLIF(o.oprleft, 0), NULL) AS "left",
      pg_catalog.format_type(NULLIF(o.oprright, 0), NULL) AS "right",
      o.oprcode::pg_catalog.regproc::text AS function,
      ${opRef('oprcom')} AS commutator, ${opRef('oprnegate')} AS negator,
      NULLIF(o.oprrest::oid, 0)::pg_catalog.regproc::text AS restrict,
      NULLIF(o.oprjoin::oid, 0)::pg_catalog.regproc::text AS "join",
      o.oprcanhash AS hashes, o.oprcanmerge AS merges,
      ${commentOf('pg_operator', 'o.oid')} AS comment
    FROM pg_catalog.pg_operator o
    JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
    WHERE ${userSchema('n')} AND ${notFromExtension('pg_operator', 'o.oid')}
    ORDER BY n.nspname, o.oprname, 3, 4`,
  z.object({
    schema: text, name: text, left: optionalText, right: optionalText, function: text, commutator: optionalText,
    negator: optionalText, restrict: optionalText, join: optionalText, hashes: z.boolean(), merges: z.boolean(),
    comment: optionalText,
  }), options);
}
