/**
 * The type picker's data: which types to offer (PostgreSQL's built-ins plus the model's enums and
 * domains), and the conversions between a `ColumnType` and the picker's three controls
 * (base type, modifiers text, array).
 */
import type { ColumnType, Model } from '../../shared/model/document.ts';
import { POSTGRES_TYPES, formatType, parseTypeText } from '../../shared/model/types.ts';

export interface TypeOption {
  value: string;
  label: string;
  group: 'Built-in' | 'Enums' | 'Domains' | 'Other';
}

/** Types whose modifiers mean something: length, precision/scale, fractional seconds. */
export const TAKES_ARGS: ReadonlySet<string> = new Set([
  'character varying', 'character', 'numeric', 'bit', 'bit varying', 'interval',
  'time without time zone', 'time with time zone', 'timestamp without time zone', 'timestamp with time zone',
]);

/** The picker value of a type's base: `integer`, `public.order_status`. */
export function baseValue(type: ColumnType): string {
  return formatType({ name: type.name, ...(type.schema ? { schema: type.schema } : {}) });
}

/** Every option, grouped; the current type is kept even when the model does not define it. */
export function typeOptions(model: Model, current?: ColumnType): TypeOption[] {
  const options: TypeOption[] = POSTGRES_TYPES.map((name) => ({ value: name, label: name, group: 'Built-in' }));
  for (const e of model.enums) options.push({ value: baseValue(e), label: `${e.schema}.${e.name}`, group: 'Enums' });
  for (const d of model.domains) options.push({ value: baseValue(d), label: `${d.schema}.${d.name}`, group: 'Domains' });
  if (current && !options.some((o) => o.value === baseValue(current))) {
    options.push({ value: baseValue(current), label: baseValue(current), group: 'Other' });
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
