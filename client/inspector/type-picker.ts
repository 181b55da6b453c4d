/**
 * The type picker's data: which types to offer (PostgreSQL's built-ins with their aliases, the
 * serials, the model's enums and domains), and the conversions between a `ColumnType` and the picker's three controls
 * (base type, modifiers text, array).
 */
import type { ColumnType, Model } from '../../shared/model/document.ts';
import { POSTGRES_TYPES, SERIAL_TYPES, formatType, parseTypeText } from '../../shared/model/types.ts';
import { typeAliases, type Searchable } from '../../shared/model/type-search.ts';

export interface TypeOption extends Searchable {
  value: string;
  label: string;
  group: 'Built-in' | 'Serial' | 'Enums' | 'Domains' | 'Other';
  /** A serial: the integer type it stands for, drawn as that type with an identity. */
  serialOf?: 'smallint' | 'integer' | 'bigint';
}

/** The serials offered, with the other spellings of each (`serial4`). */
const SERIALS = ['smallserial', 'serial', 'bigserial'] as const;

/** Types whose modifiers mean something: length, precision/scale, fractional seconds. */
export const TAKES_ARGS: ReadonlySet<string> = new Set([
  'character varying', 'character', 'numeric', 'bit', 'bit varying', 'interval',
  'time without time zone', 'time with time zone', 'timestamp without time zone', 'timestamp with time zone',
]);

/** The picker value of a type's base: `integer`, `public.order_status`. */
export function baseValue(type: ColumnType): string {
  return formatType({ name: type.name, ...(type.schema ? { schema: type.schema } : {}) });
}

/**
 * Every option, grouped; the current type is kept even when the model does not define it. Serials
 * only where an identity can stand for them (`withSerials`: columns, not domains).
 */
export function typeOptions(model: Model, current?: ColumnType, withSerials = false): TypeOption[] {
  const options: TypeOption[] = POSTGRES_TYPES.map((name) => ({ value: name, label: name, group: 'Built-in', terms: [name, ...typeAliases(name)] }));
  if (withSerials) {
    for (const serial of SERIALS) {
      const of = SERIAL_TYPES[serial];
      const spellings = Object.keys(SERIAL_TYPES).filter((s) => s !== serial && SERIAL_TYPES[s] === of);
      options.push({ value: serial, label: `${serial} (${of}, identity)`, group: 'Serial', serialOf: of, terms: [serial, ...spellings] });
    }
  }
  const userType = (t: { schema: string; name: string }, group: 'Enums' | 'Domains'): TypeOption =>
    ({ value: baseValue(t), label: `${t.schema}.${t.name}`, group, terms: [`${t.schema}.${t.name}`.toLowerCase(), t.name.toLowerCase()] });
  for (const e of model.enums) options.push(userType(e, 'Enums'));
  for (const d of model.domains) options.push(userType(d, 'Domains'));
  if (current && !options.some((o) => !o.serialOf && o.value === baseValue(current))) {
    options.push({ value: baseValue(current), label: baseValue(current), group: 'Other', terms: [baseValue(current).toLowerCase()] });
  }
  return options;
}

export function takesArgs(type: ColumnType): boolean {
  return !type.schema && (TAKES_ARGS.has(type.name) || (type.args?.length ?? 0) > 0);
}

/** `[10, 2]` → `10,2`. */
export function argsText(type: ColumnType): string {
  return type.args?.join(',') ?? '';
}

/** `'10, 2'` → `[10, 2]`; blank → undefined; anything else → null (invalid). */
export function parseArgs(text: string): number[] | undefined | null {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (!/^\d+(\s*,\s*\d+)?$/.test(trimmed)) return null;
  return trimmed.split(',').map((s) => Number(s.trim()));
}

/** Builds the column type from the picker's controls; modifiers are dropped for types without them. */
export function composeType(parts: { base: string; args?: number[]; arrayDims?: number }): ColumnType {
  const base = parseTypeText(parts.base);
  const type: ColumnType = { name: base.name, ...(base.schema ? { schema: base.schema } : {}) };
  if (parts.args?.length && takesArgs(type)) type.args = parts.args;
  if (parts.arrayDims) type.arrayDims = parts.arrayDims;
  return type;
}
