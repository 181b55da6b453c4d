/**
 * Edit ops on sequences (add, update, remove) and on sequence options, shared by sequences and
 * identity columns (an identity is a sequence PostgreSQL makes for the column): data type, start,
 * increment, min, max, cache and cycle. Numbers
 * stay text (bigint bounds do not fit a JSON number) and are compared as BigInt. Options that
 * PostgreSQL would refuse (`INCREMENT must not be zero`, `MINVALUE must be less than MAXVALUE`,
 * `START value cannot be less than MINVALUE`, a bound out of the data type's range) are refused
 * here with the same reason, so the user hears it while editing rather than at apply time.
 */
import type { Model, Sequence, SequenceOptions } from '../document.ts';
import { newId } from '../ids.ts';
import { applyPatch, blanksToNull, ensureSchema, filterShared, mapShared, updateColumnIn, type Patch } from './structural-sharing.ts';
import { checkName } from './op-names.ts';
import { ModelOpError } from './model-op-error.ts';

export type SequenceNumberKey = 'start' | 'increment' | 'minValue' | 'maxValue' | 'cache';
export type SequenceDataType = NonNullable<SequenceOptions['dataType']>;

/** One change the user makes: a number typed as text (`''` removes it), the data type, or cycle. */
export type SequenceOptionChange =
  | { key: SequenceNumberKey; text: string }
  | { key: 'dataType'; value: SequenceDataType | undefined }
  | { key: 'cycle'; value: boolean | undefined };

const RANGE: Record<SequenceDataType, [bigint, bigint]> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

const LABEL: Record<SequenceNumberKey, string> = { start: 'START', increment: 'INCREMENT', minValue: 'MINVALUE', maxValue: 'MAXVALUE', cache: 'CACHE' };

/**
 * The first reason PostgreSQL would refuse these options, or undefined. `where` names the owner;
 * `valueType` is the type the values must fit (an identity's column type; default: the options' own).
 */
export function sequenceOptionsProblem(options: SequenceOptions, where: string, valueType = options.dataType ?? 'bigint'): string | undefined {
  const [typeMin, typeMax] = RANGE[valueType];
  const num = (key: SequenceNumberKey) => (options[key] === undefined ? undefined : BigInt(options[key]));
  const increment = num('increment') ?? 1n;
  if (increment === 0n) return `${where}: INCREMENT must not be zero.`;
  const min = num('minValue') ?? (increment > 0n ? 1n : typeMin);
  const max = num('maxValue') ?? (increment > 0n ? typeMax : -1n);
  for (const key of ['start', 'minValue', 'maxValue'] as const) {
    const value = num(key);
    if (value !== undefined && (value < typeMin || value > typeMax)) {
      return `${where}: ${LABEL[key]} ${value} is out of range for the data type ${valueType} (${typeMin} to ${typeMax}).`;
    }
  }
  if (min >= max) return `${where}: MINVALUE (${min}) must be less than MAXVALUE (${max}).`;
  const start = num('start') ?? (increment > 0n ? min : max);
  if (start < min) return `${where}: START value (${start}) cannot be less than MINVALUE (${min}).`;
  if (start > max) return `${where}: START value (${start}) cannot be greater than MAXVALUE (${max}).`;
  const cache = num('cache');
  if (cache !== undefined && cache < 1n) return `${where}: CACHE (${cache}) must be at least 1.`;
  return undefined;
}

/**
 * The options with one change applied and checked. Ex:
 * `withSequenceOption({}, { key: 'start', text: '1000' }, 'Sequence public.invoice_no')` → `{ start: '1000' }`.
 */
export function withSequenceOption(options: SequenceOptions, change: SequenceOptionChange, where: string, valueType?: SequenceDataType): SequenceOptions {
  const { [change.key]: _old, ...rest } = options;
  let next: SequenceOptions;
  if ('text' in change) {
    const text = change.text.trim();
    if (text && !/^-?\d+$/.test(text)) throw new ModelOpError(`${where}: ${LABEL[change.key]} must be a whole number, not "${text}".`);
    next = text ? { ...rest, [change.key]: String(BigInt(text)) } : rest;
  } else {
    next = change.value === undefined ? rest : { ...rest, [change.key]: change.value };
  }
  const problem = sequenceOptionsProblem(next, where, valueType ?? next.dataType);
  if (problem) throw new ModelOpError(problem);
  const same = Object.keys({ ...options, ...next }).every((k) => options[k as keyof SequenceOptions] === next[k as keyof SequenceOptions]);
  return same ? options : next;
}

const TYPE_ALIASES: Record<string, SequenceDataType> = { smallint: 'smallint', int2: 'smallint', integer: 'integer', int: 'integer', int4: 'integer', bigint: 'bigint', int8: 'bigint' };

/** The sequence type of an identity column: its own type (PostgreSQL refuses `AS` in identity options). */
export function identityDataType(columnTypeName: string): SequenceDataType {
  return TYPE_ALIASES[columnTypeName.toLowerCase()] ?? 'bigint';
}

/** One option of an identity column. Ex: `setIdentityOption(m, { tableId, columnId, change: { key: 'cycle', value: true } })`. */
export function setIdentityOption(model: Model, p: { tableId: string; columnId: string; change: SequenceOptionChange }): Model {
  return updateColumnIn(model, p.tableId, p.columnId, (column) => {
    const identity = column.identity;
    if (!identity) throw new ModelOpError(`Column ${column.name} is not an identity column: choose GENERATED ALWAYS or BY DEFAULT first.`);
    const valueType = identityDataType(column.type.name);
    if (p.change.key === 'dataType') {
      throw new ModelOpError(`Identity of ${column.name}: its sequence takes the column's type (${valueType}); change the column's type instead.`);
    }
    const current = identity.options ?? {};
    const options = withSequenceOption(current, p.change, `Identity of ${column.name}`, valueType);
    if (options === current) return column;
    return { ...column, identity: Object.keys(options).length ? { ...identity, options } : { kind: identity.kind } };
  });
}

const OPTION_KEYS = ['dataType', 'start', 'increment', 'minValue', 'maxValue', 'cache', 'cycle'] as const;

/** One option of a sequence object. */
export function setSequenceOption(model: Model, p: { sequenceId: string; change: SequenceOptionChange }): Model {
  const sequence = model.sequences.find((s) => s.id === p.sequenceId);
  if (!sequence) return model;
  const options: SequenceOptions = Object.fromEntries(OPTION_KEYS.filter((k) => sequence[k] !== undefined).map((k) => [k, sequence[k]]));
  const next = withSequenceOption(options, p.change, `Sequence ${sequence.schema}.${sequence.name}`);
  const updated = applyPatch(sequence, Object.fromEntries(OPTION_KEYS.map((k) => [k, next[k] ?? null])));
  return updated === sequence ? model : { ...model, sequences: mapShared(model.sequences, (s) => (s.id === p.sequenceId ? updated : s)) };
}

/**
 * `OWNED BY table.column` (dropping the column drops the sequence), or `null` for none. PostgreSQL
 * wants the table in the sequence's schema.
 */
export function setSequenceOwner(model: Model, p: { sequenceId: string; owner: { tableId: string; columnId: string } | null }): Model {
  const sequence = model.sequences.find((s) => s.id === p.sequenceId);
  if (!sequence) return model;
  if (!p.owner) {
    if (!sequence.ownedBy) return model;
    const { ownedBy: _gone, ...rest } = sequence;
    return { ...model, sequences: model.sequences.map((s) => (s.id === p.sequenceId ? rest : s)) };
  }
  const { tableId, columnId } = p.owner;
  const table = model.tables.find((t) => t.id === tableId);
  const column = table?.columns.find((c) => c.id === columnId);
  if (!table || !column) throw new ModelOpError(`Sequence ${sequence.schema}.${sequence.name}: the owning column does not exist.`);
  if (table.schema !== sequence.schema) {
    throw new ModelOpError(`Sequence ${sequence.schema}.${sequence.name} can only be owned by a table in schema ${sequence.schema}, not ${table.schema}.${table.name}.`);
  }
  if (sequence.ownedBy?.tableId === tableId && sequence.ownedBy.columnId === columnId) return model;
  return { ...model, sequences: model.sequences.map((s) => (s.id === p.sequenceId ? { ...s, ownedBy: { tableId, columnId } } : s)) };
}

export function addSequence(model: Model, params: { id?: string; schema?: string; name: string } & Partial<Omit<Sequence, 'id' | 'schema' | 'name'>>): Model {
  const { id, schema: schemaParam, name, ...options } = params;
  const schema = checkName(schemaParam ?? 'public', 'schema');
  checkName(name, 'sequence');
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === 'string' && !/^-?\d+$/.test(value)) throw new ModelOpError(`sequence ${key} must be a whole number`);
  }
  const sequence: Sequence = { id: id ?? newId('seq'), schema, name, ...options };
  const next = ensureSchema(model, schema);
  return { ...next, sequences: [...next.sequences, sequence] };
}

/** Numbers are text (bigint bounds do not fit a JSON number); a non-integer is refused. */
export function updateSequence(model: Model, params: { sequenceId: string; patch: Patch<Sequence> }): Model {
  const patch = blanksToNull(params.patch, ['start', 'increment', 'minValue', 'maxValue', 'cache', 'comment']);
  if (patch.name !== undefined) checkName(patch.name ?? '', 'sequence');
  if (patch.schema !== undefined) checkName(patch.schema ?? '', 'schema');
  for (const key of ['start', 'increment', 'minValue', 'maxValue', 'cache'] as const) {
    const value = patch[key];
    if (typeof value === 'string' && !/^-?\d+$/.test(value.trim())) throw new ModelOpError(`sequence ${key} must be a whole number`);
  }
  const sequences = mapShared(model.sequences, (s) => (s.id === params.sequenceId ? applyPatch(s, patch) : s));
  if (sequences === model.sequences) return model;
  const sequence = sequences.find((s) => s.id === params.sequenceId)!;
  return ensureSchema({ ...model, sequences }, sequence.schema);
}

export function removeSequence(model: Model, params: { sequenceId: string }): Model {
  const sequences = filterShared(model.sequences, (s) => s.id !== params.sequenceId);
  return sequences === model.sequences ? model : { ...model, sequences };
}
