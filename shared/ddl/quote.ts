/**
 * The one place identifiers and literals become SQL text (PostgreSQL). Identifiers are quoted only
 * when they must be: not lower-case, not a plain identifier, or a reserved keyword.
 */

// Exactly the keywords PostgreSQL's own quote_ident() quotes: every keyword that is not
// UNRESERVED, i.e. `SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'` on PostgreSQL 18
// (a superset of 12–17's lists, so quoting is safe on every supported server).
const RESERVED = new Set(
  `all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both case cast
  char character check coalesce collate collation column concurrently constraint create cross current_catalog
  current_date current_role current_schema current_time current_timestamp current_user dec decimal default deferrable
  desc distinct do else end except exists extract false fetch float for foreign freeze from full grant greatest group
  grouping having ilike in initially inner inout int integer intersect interval into is isnull join json json_array
  json_arrayagg json_exists json_object json_objectagg json_query json_scalar json_serialize json_table json_value lateral
  leading least left like limit localtime localtimestamp merge_action national natural nchar none normalize not notnull
  null nullif numeric offset on only or order out outer overlaps overlay placing position precision primary real
  references returning right row select session_user setof similar smallint some substring symmetric system_user table
  tablesample then time timestamp to trailing treat trim true union unique user using values varchar variadic verbose
  when where window with xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot
  xmlserialize xmltable`.split(/\s+/),
);

/** `orders` → `orders`; `Order` → `"Order"`; `user` → `"user"`; `a"b` → `"a""b"`. */
export function quoteIdent(name: string): string {
  // Like quote_ident(): only lower-case letters, digits and underscores stay bare (`$` is quoted too).
  if (/^[a-z_][a-z0-9_]*$/.test(name) && !RESERVED.has(name)) return name;
  return `"${name.replace(/"/g, '""')}"`;
}

/** `quoteQualified('public', 'orders')` → `public.orders`. */
export function quoteQualified(schema: string | undefined, name: string): string {
  return schema ? `${quoteIdent(schema)}.${quoteIdent(name)}` : quoteIdent(name);
}

/** A string literal: `it's` → `'it''s'`; backslashes stay literal under standard_conforming_strings. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** True when `quoteIdent` would add quotes. */
export function needsQuoting(name: string): boolean {
  return quoteIdent(name) !== name;
}

/**
 * A possibly schema-qualified name written by a person or read from the catalog (`"C"`,
 * `pg_catalog."default"`, `public.my_coll`, `en_US`): already-quoted text stays as is.
 */
export function quoteName(name: string): string {
  const segment = String.raw`(?:"(?:[^"]|"")+"|[^".]+)`;
  // Anything that is not a well-formed dotted name becomes one quoted identifier: never raw SQL.
  if (!new RegExp(`^${segment}(?:\\.${segment})*$`).test(name)) return quoteIdent(name);
  const parts = name.match(new RegExp(segment, 'g')) ?? [];
  return parts.map((part) => (part.startsWith('"') ? part : quoteIdent(part))).join('.');
}
