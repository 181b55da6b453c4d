/**
 * What ALTER SEQUENCE says to take a sequence from one model's options to another's. Introspection
 * and import leave out an option at PostgreSQL's default (`CREATE SEQUENCE s` is a bigint counting
 * by 1 from 1), so an option that is set on one side and absent on the other goes back to that
 * default: `AS integer` → absent is `AS bigint`, a MAXVALUE that goes away is `NO MAXVALUE`.
 */
import type { Sequence, SequenceOptions } from '../model/document.ts';

type OptionKey = keyof SequenceOptions;
const KEYS: OptionKey[] = ['dataType', 'start', 'increment', 'minValue', 'maxValue', 'cache', 'cycle'];

/** PostgreSQL's value for an option a sequence leaves out (bounds follow the type: `NO MINVALUE`). */
function defaultOf(key: OptionKey, s: SequenceOptions): SequenceOptions[OptionKey] | undefined {
  const ascending = !(s.increment ?? '1').startsWith('-');
  switch (key) {
    case 'dataType': return 'bigint';
    case 'increment': case 'cache': return '1';
    case 'cycle': return false;
    // START defaults to the bound the sequence counts from.
    case 'start': return ascending ? (s.minValue ?? '1') : (s.maxValue ?? '-1');
    default: return undefined;
  }
}

export interface SequenceChange {
  /** Options to set, with their new value (a default written out when the model leaves it out). */
  options: SequenceOptions;
  /** Bounds that go back to their type's default. */
  noBounds: Array<'minValue' | 'maxValue'>;
}

export function sequenceChange(from: Sequence, to: Sequence): SequenceChange {
  const options: Record<string, unknown> = {};
  const noBounds: SequenceChange['noBounds'] = [];
  for (const key of KEYS) {
    const [was, now] = [from[key] ?? defaultOf(key, from), to[key] ?? defaultOf(key, to)];
    if (was === now) continue;
    if (now !== undefined) options[key] = now;
    else if (key === 'minValue' || key === 'maxValue') noBounds.push(key);
  }
  return { options: options as SequenceOptions, noBounds };
}
