/**
 * A type typed as text in the type picker (`hstore`, `vector(3)`, `integer[][]`, `order_status`):
 * read into a `ColumnType`, or refused with a message that says what is wrong, so a nonsense type
 * is never saved. Types from elsewhere (an extension the list does not know) are accepted when
 * written schema-qualified.
 */
import type { ColumnType, Model } from '../../shared/model/document.ts';
import { POSTGRES_TYPES, SERIAL_TYPES, canonicalTypeName, parseTypeText } from '../../shared/model/types.ts';
import { TAKES_ARGS } from './type-picker.ts';

export type TypeTextResult = { ok: true; type: ColumnType } | { ok: false; error: string };

/** Built-ins the picker's list leaves out, still valid column types. */
const MORE_BUILTINS = [
  'jsonpath', 'pg_lsn', 'pg_snapshot', 'txid_snapshot', 'macaddr8', 'name', 'regclass', 'regtype', 'regproc',
  'int4multirange', 'int8multirange', 'nummultirange', 'tsmultirange', 'tstzmultirange', 'datemultirange', 'xid8',
];
/** Types of common extensions (hstore, pgvector, PostGIS, ltree, cube, isn, seg); they may take modifiers. */
const EXTENSION_TYPES = [
  'hstore', 'vector', 'halfvec', 'sparsevec', 'geometry', 'geography', 'box2d', 'box3d', 'raster',
  'ltree', 'lquery', 'ltxtquery', 'cube', 'earth', 'citext', 'seg', 'isbn', 'isbn13', 'issn', 'ismn', 'ean13', 'upc',
];
const KNOWN_BUILTINS = new Set<string>([...POSTGRES_TYPES, ...MORE_BUILTINS]);
const KNOWN_EXTENSION = new Set(EXTENSION_TYPES);

const WORD = '[A-Za-z_][A-Za-z0-9_$]*';
const IDENT = `(?:${WORD}|"(?:[^"]|"")+")`;
/** `name`, `multi word name`, `schema.name`, each part maybe quoted; modifiers and brackets are cut first. */
const NAME_SHAPE = new RegExp(`^(?:${IDENT}\\.${IDENT}|${IDENT}(?: ${WORD})*)$`);
const MODIFIERS = /\(\s*\d+\s*(?:,\s*\d+\s*)?\)/;

/** Cuts `[]`, `[3]`, ` array` and one numeric `(…)`; what is left must be a type name. */
function nameOnly(text: string): string {
  let rest = text.replace(/(\s*\[\d*\])+$/, '').replace(/ array$/i, '');
  rest = rest.replace(MODIFIERS, ' ');
  return rest.replace(/\s+/g, ' ').trim();
}

/** The model's enums and domains called `name` (any schema). */
function userTypesNamed(model: Model, name: string): ColumnType[] {
  return [...model.enums, ...model.domains].filter((t) => t.name === name).map((t) => ({ name: t.name, schema: t.schema }));
}

function withShape(base: ColumnType, parsed: ColumnType): ColumnType {
  return { ...base, ...(parsed.args ? { args: parsed.args } : {}), ...(parsed.arrayDims ? { arrayDims: parsed.arrayDims } : {}) };
}

/**
 * Ex: `readTypeText('vector(3)', model)` → `{ ok: true, type: { name: 'vector', args: [3] } }`;
 * `readTypeText('flarb', model)` → `{ ok: false, error: 'Unknown type "flarb": …' }`.
 */
export function readTypeText(text: string, model: Model): TypeTextResult {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: 'Type a type, e.g. hstore, vector(3), public.order_status or integer[][].' };
  if (/[()]/.test(nameOnly(trimmed))) {
    return { ok: false, error: `"${trimmed}": modifiers are one or two whole numbers in parentheses, e.g. numeric(10,2) or vector(3).` };
  }
  if (!NAME_SHAPE.test(nameOnly(trimmed))) {
    return { ok: false, error: `"${trimmed}" is not a type name: letters, digits and _ (or a "quoted" name), optionally schema-qualified, then (n) and [] if needed.` };
  }
  const parsed = parseTypeText(trimmed);
  if (parsed.schema) return { ok: true, type: parsed };
  const name = parsed.name;
  const users = userTypesNamed(model, name);
  if (users.length > 1) return { ok: false, error: `"${name}" is an enum or domain in several schemas: write it schema-qualified, e.g. ${users[0].schema}.${name}.` };
  if (users.length === 1) {
    if (parsed.args) return { ok: false, error: `${users[0].schema}.${name} is an enum or domain of this model: it takes no modifiers.` };
    return { ok: true, type: withShape(users[0], parsed) };
  }
  if (SERIAL_TYPES[name]) return { ok: false, error: `${name} is not a type in PostgreSQL: use ${SERIAL_TYPES[name]} with an identity default.` };
  if (KNOWN_EXTENSION.has(name)) return { ok: true, type: parsed };
  if (!KNOWN_BUILTINS.has(canonicalTypeName(name))) {
    return { ok: false, error: `Unknown type "${name}": not a PostgreSQL built-in, a common extension type or an enum or domain of this model. A type from elsewhere is written schema-qualified (e.g. public.${name}).` };
  }
  if (parsed.args && !TAKES_ARGS.has(name)) return { ok: false, error: `${name} takes no modifiers (length or precision): write ${name} alone.` };
  return { ok: true, type: parsed };
}
