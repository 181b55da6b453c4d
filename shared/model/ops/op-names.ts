/** Names the edit ops choose (`orders_2`, `column_1`, singular forms) and the checks a user's name must pass. */
import { MAX_IDENTIFIER_BYTES, utf8Length } from '../names.ts';
import { ModelOpError } from './model-op-error.ts';

/** `base`, or `base_2`, `base_3`, … — the first that `taken` does not hold. */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  for (let i = 2; ; i++) if (!set.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** `customers` → `customer`, `categories` → `category`, `status` stays: good enough for column names. */
export function singular(name: string): string {
  if (/ies$/.test(name)) return name.slice(0, -3) + 'y';
  if (/(ss|us|is)$/.test(name)) return name;
  if (/(ches|shes|xes|ses)$/.test(name)) return name.slice(0, -2);
  if (/s$/.test(name)) return name.slice(0, -1);
  return name;
}

/** `table_1`, `table_2`, … the first not in `taken`. */
export function firstFree(prefix: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  for (let i = 1; ; i++) if (!set.has(`${prefix}_${i}`)) return `${prefix}_${i}`;
}

/**
 * Throws unless `name` is a usable identifier: not blank and within PostgreSQL's 63 bytes (the
 * document would not validate otherwise, and PostgreSQL would silently truncate it).
 */
export function checkName(name: string, what: string): string {
  if (!name.trim()) throw new ModelOpError(`a ${what} needs a name`);
  if (utf8Length(name) > MAX_IDENTIFIER_BYTES) throw new ModelOpError(`${what} name "${name}" is longer than ${MAX_IDENTIFIER_BYTES} bytes`);
  return name;
}

/** Like `checkName`, for optional names (constraints, indexes): `null`/empty pass through as "default name". */
export function checkOptionalName<T extends string | null | undefined>(name: T, what: string): T {
  if (name) checkName(name, what);
  return name;
}
