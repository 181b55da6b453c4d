/**
 * Catalog rows → views and raw objects. Raw objects carry complete SQL (each statement ending with
 * `;`), written from the catalog's own deparsers (pg_get_functiondef, pg_get_triggerdef, …) where
 * PostgreSQL has one, and assembled from catalog fields where it has none (aggregates, collations,
 * text search, operators).
 */
import type { Index, RawObject, RawObjectKind, View } from '../../shared/model/document.ts';
import { derivedId } from '../../shared/model/ids.ts';
import { quoteIdent, quoteLiteral, quoteQualified } from '../../shared/ddl/quote.ts';
import type { RowOf } from './catalog-query.ts';
import type {
  collationsQuery, functionsQuery, operatorsQuery, rulesQuery, textSearchConfigsQuery, textSearchDictionariesQuery,
  triggersQuery, viewsQuery,
} from './queries-objects.ts';
import { compact, parseOptions } from './to-model-parts.ts';
import { relationKey } from './to-model-tables.ts';

type FunctionRow = RowOf<typeof functionsQuery>;
type CollationRow = RowOf<typeof collationsQuery>;
type OperatorRow = RowOf<typeof operatorsQuery>;

const withSemicolon = (sql: string) => (sql.trimEnd().endsWith(';') ? sql.trimEnd() : `${sql.trimEnd()};`);
const commentOn = (what: string, comment: string | undefined) =>
  comment === undefined ? '' : `\nCOMMENT ON ${what} IS ${quoteLiteral(comment)};`;

function raw(kind: RawObjectKind, schema: string, name: string, definition: string, idName = name, tableId?: string): RawObject {
  return compact({ id: derivedId.raw(kind, schema, idName), kind, schema, name, definition, tableId });
}

export function buildViews(rows: RowOf<typeof viewsQuery>[], viewIndexes: Map<string, Index[]>, knownIds: Set<string>): View[] {
  return rows.map((row) => {
    const view: View = {
      id: derivedId.view(row.schema, row.name), schema: row.schema, name: row.name, materialized: row.materialized,
      definition: row.definition.trim().replace(/;$/, ''),
    };
    if (row.withNoData) view.withNoData = true;
    // Columns are listed when one has a comment or a default (`ALTER VIEW … SET DEFAULT`, plain views only).
    if (row.columns.some((c) => c.comment != null || c.default != null)) {
      view.columns = row.columns.map((c) => compact({ name: c.name, comment: c.comment ?? undefined, default: c.default ?? undefined }));
    }
    const dependsOn = row.dependsOn
      .map((d) => (d.kind === 'v' || d.kind === 'm' ? derivedId.view(d.schema, d.name) : derivedId.table(d.schema, d.name)))
      .filter((id) => knownIds.has(id))
      .sort();
    if (dependsOn.length) view.dependsOn = dependsOn;
    const options = parseOptions(row.options);
    if (options) view.with = options;
    const indexes = viewIndexes.get(relationKey(row.schema, row.name));
    if (indexes?.length) view.indexes = indexes;
    if (row.comment !== undefined) view.comment = row.comment;
    return view;
  });
}

function aggregateDefinition(row: FunctionRow, signature: string): string {
  const parts = [`SFUNC = ${row.aggTransFn}`, `STYPE = ${row.aggTransType}`];
  if (row.aggTransSpace) parts.push(`SSPACE = ${row.aggTransSpace}`);
  if (row.aggFinalFn) parts.push(`FINALFUNC = ${row.aggFinalFn}`);
  if (row.aggFinalExtra) parts.push('FINALFUNC_EXTRA');
  if (row.aggCombineFn) parts.push(`COMBINEFUNC = ${row.aggCombineFn}`);
  if (row.aggSerialFn) parts.push(`SERIALFUNC = ${row.aggSerialFn}`);
  if (row.aggDeserialFn) parts.push(`DESERIALFUNC = ${row.aggDeserialFn}`);
  if (row.aggInitVal !== undefined) parts.push(`INITCOND = ${quoteLiteral(row.aggInitVal)}`);
  if (row.aggSortOp) {
    const op = row.aggSortOp.slice(0, row.aggSortOp.indexOf('('));
    parts.push(`SORTOP = ${op.includes('.') ? `OPERATOR(${op})` : op}`);
  }
  if (row.parallel === 's') parts.push('PARALLEL = SAFE');
  if (row.parallel === 'r') parts.push('PARALLEL = RESTRICTED');
  if (row.aggKind === 'h') parts.push('HYPOTHETICAL');
  return `CREATE AGGREGATE ${signature} (\n  ${parts.join(',\n  ')}\n);`;
}

export function functionObjects(rows: FunctionRow[]): RawObject[] {
  return rows.map((row) => {
    const qualified = quoteQualified(row.schema, row.name);
    const identity = `${qualified}(${row.identityArgs})`;
    const kind: RawObjectKind = row.kind === 'a' ? 'aggregate' : row.kind === 'p' ? 'procedure' : 'function';
    const body = row.kind === 'a' ? aggregateDefinition(row, `${qualified}(${row.args})`) : withSemicolon(row.definition ?? '');
    return raw(kind, row.schema, row.name, body + commentOn(`${kind.toUpperCase()} ${identity}`, row.comment), `${row.name}(${row.identityArgs})`);
  });
}

type OnTableRow = { schema: string; table: string; tableKind: string; name: string; definition: string; comment?: string };

/** Triggers and rules belong to a table (or a view): their id and `tableId` say which. */
export function onTableObjects(kind: 'trigger' | 'rule', rows: OnTableRow[], knownIds: Set<string>): RawObject[] {
  return rows.map((row) => {
    const ownerId = row.tableKind === 'v' || row.tableKind === 'm' ? derivedId.view(row.schema, row.table) : derivedId.table(row.schema, row.table);
    const what = `${kind.toUpperCase()} ${quoteIdent(row.name)} ON ${quoteQualified(row.schema, row.table)}`;
    const definition = withSemicolon(row.definition) + commentOn(what, row.comment);
    return raw(kind, row.schema, row.name, definition, `${row.table}.${row.name}`, knownIds.has(ownerId) ? ownerId : undefined);
  });
}

export function collationObjects(rows: CollationRow[]): RawObject[] {
  return rows.map((row) => {
    const r = row.row as Record<string, string | boolean | null | undefined>;
    const provider = ({ i: 'icu', c: 'libc', b: 'builtin', d: 'default' } as Record<string, string>)[String(r.collprovider)] ?? 'libc';
    const parts = [`provider = ${provider}`];
    // ICU's locale is colllocale on 17+, colliculocale on 15–16, and collcollate before 15.
    const locale = r.colllocale ?? r.colliculocale ?? (provider === 'icu' ? r.collcollate : undefined);
    if (provider !== 'libc' && locale != null) parts.push(`locale = ${quoteLiteral(String(locale))}`);
    if (provider === 'libc') {
      if (r.collcollate === r.collctype) parts.push(`locale = ${quoteLiteral(String(r.collcollate ?? ''))}`);
      else parts.push(`lc_collate = ${quoteLiteral(String(r.collcollate ?? ''))}`, `lc_ctype = ${quoteLiteral(String(r.collctype ?? ''))}`);
    }
    if (r.collicurules) parts.push(`rules = ${quoteLiteral(String(r.collicurules))}`);
    if (r.collisdeterministic === false) parts.push('deterministic = false');
    const name = quoteQualified(row.schema, row.name);
    return raw('collation', row.schema, row.name, `CREATE COLLATION ${name} (${parts.join(', ')});` + commentOn(`COLLATION ${name}`, row.comment));
  });
}

export function textSearchObjects(
  configs: RowOf<typeof textSearchConfigsQuery>[], dictionaries: RowOf<typeof textSearchDictionariesQuery>[],
): RawObject[] {
  const dicts = dictionaries.map((row) => {
    const name = quoteQualified(row.schema, row.name);
    const options = row.initOption ? `, ${row.initOption}` : '';
    return raw('text-search', row.schema, row.name, `CREATE TEXT SEARCH DICTIONARY ${name} (TEMPLATE = ${row.template}${options});`
      + commentOn(`TEXT SEARCH DICTIONARY ${name}`, row.comment), `dictionary.${row.name}`);
  });
  const cfgs = configs.map((row) => {
    const name = quoteQualified(row.schema, row.name);
    const byDictionaries = new Map<string, string[]>();
    for (const m of row.mappings) {
      const dictList = m.dictionaries.join(', ');
      byDictionaries.set(dictList, [...(byDictionaries.get(dictList) ?? []), m.token]);
    }
    const mappings = [...byDictionaries].map(([dictList, tokens]) =>
      `\nALTER TEXT SEARCH CONFIGURATION ${name} ADD MAPPING FOR ${tokens.join(', ')} WITH ${dictList};`);
    return raw('text-search', row.schema, row.name, `CREATE TEXT SEARCH CONFIGURATION ${name} (PARSER = ${row.parser});`
      + mappings.join('') + commentOn(`TEXT SEARCH CONFIGURATION ${name}`, row.comment), `configuration.${row.name}`);
  });
  return [...dicts, ...cfgs];
}

export function operatorObjects(rows: OperatorRow[]): RawObject[] {
  return rows.map((row) => {
    const parts = [`FUNCTION = ${row.function}`];
    if (row.left) parts.push(`LEFTARG = ${row.left}`);
    if (row.right) parts.push(`RIGHTARG = ${row.right}`);
    if (row.commutator) parts.push(`COMMUTATOR = ${row.commutator}`);
    if (row.negator) parts.push(`NEGATOR = ${row.negator}`);
    if (row.restrict) parts.push(`RESTRICT = ${row.restrict}`);
    if (row.join) parts.push(`JOIN = ${row.join}`);
    if (row.hashes) parts.push('HASHES');
    if (row.merges) parts.push('MERGES');
    const name = `${quoteIdent(row.schema)}.${row.name}`;
    const signature = `${name} (${row.left ?? 'NONE'}, ${row.right ?? 'NONE'})`;
    return raw('operator', row.schema, row.name, `CREATE OPERATOR ${name} (\n  ${parts.join(',\n  ')}\n);` + commentOn(`OPERATOR ${signature}`, row.comment),
      `${row.name}(${row.left ?? 'none'},${row.right ?? 'none'})`);
  });
}

export type { OnTableRow };
export const ruleRows = (rows: RowOf<typeof rulesQuery>[]): OnTableRow[] => rows;
export const triggerRows = (rows: RowOf<typeof triggersQuery>[]): OnTableRow[] => rows;
