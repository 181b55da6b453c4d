/**
 * Seeded mutation fuzzing for tests: a small PRNG, mutators for SQL text and for JSON documents,
 * and a place to keep the input that failed. Case `i` of a run uses seed `base + i`, and the base
 * is `FUZZ_SEED` when set, so a failure printed as `seed 4242` repeats as the first case of
 * `FUZZ_SEED=4242 npx vitest run <file>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Rng {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Integer in [0, n). */
  int: (n: number) => number;
  pick: <T>(list: readonly T[]) => T;
  chance: (p: number) => boolean;
}

/** mulberry32: tiny, fast and good enough to drive mutations. Ex: `rng(1).int(10)` is always the same. */
export function rng(seed: number): Rng {
  let a = seed | 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)], chance: (p) => next() < p };
}

/** The seeds of a run: `count` consecutive seeds from `FUZZ_SEED` (or `fallback`). */
export function fuzzSeeds(fallback: number, count: number): number[] {
  const base = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : fallback;
  const n = Number(process.env.FUZZ_CASES ?? count);
  return Array.from({ length: n }, (_, i) => base + i);
}

/** Where a failing input is kept, e.g. `/tmp/schemata-fuzz/import-4242.sql`. */
export function saveFuzzInput(kind: string, seed: number, extension: string, content: string): string {
  const dir = join(tmpdir(), 'schemata-fuzz');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${kind}-${seed}.${extension}`);
  writeFileSync(file, content);
  return file;
}

/** Text that trips tokenizers: open quotes and comments, escapes, NUL, huge numbers, deep nesting. */
export const HOSTILE_SQL_FRAGMENTS = [
  "'", '"', '$$', '$a$', '/*', '*/', '--', '\\', '\0', "E'\\", "E'\\\\", "U&'\\0041'", ';', ';;', '(', ')', ',',
  ' '.repeat(3000), '\n'.repeat(400), '\t\r\n'.repeat(200), '('.repeat(500), ')'.repeat(500), '('.repeat(200) + '1' + ')'.repeat(200),
  '9'.repeat(400), '-9223372036854775809', '1e999999', '0x', '.', '::', '[]', '[2147483648]', 'numeric(1000,-5)', 'varchar(2147483647)',
  'Ünïcödé', '€'.repeat(40), '😀', '\u202e', '\uFEFF', '\uD800', 'ß', 'NULL', 'DEFAULT', 'CHECK (', 'REFERENCES', 'CASCADE',
  'CREATE TABLE', 'ALTER TABLE ONLY', 'COMMENT ON TABLE x IS ', 'COPY t FROM stdin;', '\\.', '\\connect x', 'PRIMARY KEY', 'ONLY',
  // Once hung the import (exponential COPY detection): blank lines before a statement, a backslash later.
  `CREATE TABLE a (id int);${'\n'.repeat(45)}CREATE TABLE b (n text DEFAULT E'x\\n');`,
];

/** Statements of a script split at semicolons that end a line (how dumps are laid out). */
export function roughStatements(text: string): string[] {
  return text.split(/;\s*\n/).map((s) => `${s.trim()};\n`).filter((s) => s.length > 3);
}

/** One random edit of SQL text; `donors` are statements to splice in. */
function mutateOnce(r: Rng, text: string, donors: readonly string[]): string {
  const at = r.int(text.length + 1);
  const span = 1 + r.int(Math.min(200, Math.max(1, text.length - at)));
  switch (r.int(8)) {
    case 0: { // flip a byte-sized character
      if (!text.length) return text;
      const code = text.charCodeAt(Math.min(at, text.length - 1)) ^ (1 << r.int(7));
      return text.slice(0, at) + String.fromCharCode(code) + text.slice(at + 1);
    }
    case 1: return text.slice(0, at) + text.slice(at + span);
    case 2: return text.slice(0, at) + text.slice(at, at + span).repeat(2 + r.int(3)) + text.slice(at + span);
    case 3: return text.slice(0, at) + r.pick(donors) + text.slice(at);
    case 4: { // replace a statement by another
      const statements = roughStatements(text);
      if (!statements.length) return text;
      statements[r.int(statements.length)] = r.pick(donors);
      return statements.join('');
    }
    case 5: { // shuffle two statements
      const statements = roughStatements(text);
      if (statements.length < 2) return text;
      const [i, j] = [r.int(statements.length), r.int(statements.length)];
      [statements[i], statements[j]] = [statements[j], statements[i]];
      return statements.join('');
    }
    case 6: return text.slice(0, at) + text.slice(at + span).replace(/\d+/, () => r.pick(['0', '-1', '9'.repeat(60), '2147483648', '1e308']));
    default: return text.slice(0, at) + r.pick(HOSTILE_SQL_FRAGMENTS) + text.slice(at);
  }
}

/** One to four random edits. Ex: `mutateSql(rng(7), 'CREATE TABLE t (id int);', [])`. */
export function mutateSql(r: Rng, text: string, donors: readonly string[]): string {
  let out = text;
  for (let n = 1 + r.int(4); n > 0; n -= 1) out = mutateOnce(r, out, donors);
  return out;
}

/** Names that must survive quoting: quotes, SQL fragments, escapes, multi-byte, reserved words. */
export const HOSTILE_NAMES = [
  '"', '""', 'a"b', "'; DROP TABLE x; --", '$$', '\\', 'Ünïcödé', '€'.repeat(21), '1st', 'with space', 'select', 'user',
  'order', 'MixedCase', "it's", '*/ --', '/*', 'tab\there', 'line\nbreak', '\u202eevil',
];

const HOSTILE_JSON_VALUES: unknown[] = [
  1e308, -1e308, -1, 0, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 0.5, Number.MAX_SAFE_INTEGER, '', ' ', 'NaN', 'Infinity', null, true, [], {},
  '9'.repeat(40), '-9223372036854775809', 'x'.repeat(5000), ...HOSTILE_NAMES, "1); DROP TABLE users; --", "'", '$$ $$', '((((((', ')',
];

type Json = unknown;
/** Every [container, key] in a JSON value, depth first. */
function slots(value: Json, out: [Record<string, Json> | Json[], string | number][] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => { out.push([value, i]); slots(v, out); });
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) { out.push([value as Record<string, Json>, k]); slots(v, out); }
  }
  return out;
}

/** Ids anywhere in a document, to swap one for another. */
function ids(value: Json): string[] {
  return slots(value).filter(([, k]) => k === 'id' || k === 'tableId' || k === 'refTableId' || k === 'column')
    .map(([c, k]) => (c as Record<string, Json>)[k]).filter((v): v is string => typeof v === 'string');
}

/** Where a names-only edit may put hostile text: names, comments, schemas and enum values. */
const NAME_KEYS = new Set(['name', 'comment', 'schema', 'values']);

/**
 * One to five edits of a JSON value, in place. Structural (the default): a value replaced by a
 * hostile one (numbers huge, negative, fractional; strings hostile names or SQL), an array item
 * deleted or duplicated, an id swapped for another id, a key deleted. With `namesOnly`: only names,
 * comments, schemas and enum values get hostile text, so most documents stay valid and reach the
 * DDL writers. Ex: `mutateJson(rng(3), structuredClone(doc))`.
 */
export function mutateJson<T>(r: Rng, value: T, namesOnly = false): T {
  // Found once: an edit may detach a slot found before it, which then changes nothing (harmless).
  const all = slots(value);
  const texts = namesOnly ? names(value) : [];
  for (let n = 1 + r.int(5); n > 0 && all.length; n -= 1) {
    if (texts.length) {
      const [container, key] = r.pick(texts);
      const text = String(container[key]);
      container[key] = r.chance(0.5) ? r.pick(HOSTILE_NAMES) : `${text.slice(0, 20)}${r.pick(HOSTILE_NAMES)}`;
      continue;
    }
    const [container, key] = r.pick(all);
    const current = (container as Record<string | number, Json>)[key];
    const choice = r.int(6);
    if (Array.isArray(container) && choice === 0) container.splice(key as number, 1);
    else if (Array.isArray(container) && choice === 1) container.splice(key as number, 0, structuredClone(current));
    else if (choice === 2 && typeof current === 'string') (container as Record<string, Json>)[key] = r.pick(ids(value).concat(current));
    else if (choice === 3 && !Array.isArray(container)) delete (container as Record<string, Json>)[key];
    else if (choice === 4 && typeof current === 'string') (container as Record<string, Json>)[key] = `${current}${r.pick(HOSTILE_NAMES)}`;
    else (container as Record<string | number, Json>)[key] = structuredClone(r.pick(HOSTILE_JSON_VALUES));
  }
  return value;
}

/** The string slots a names-only edit may change (layout left alone: it never reaches DDL). */
function names(value: Json): [Record<string | number, Json>, string | number][] {
  const model = (value as { model?: Json }).model;
  const out: [Record<string | number, Json>, string | number][] = [];
  for (const [container, key] of slots(model)) {
    const item = (container as Record<string | number, Json>)[key];
    if (typeof key === 'string' && NAME_KEYS.has(key) && typeof item === 'string') out.push([container as Record<string, Json>, key]);
    if (key === 'values' && Array.isArray(item)) item.forEach((v, i) => typeof v === 'string' && out.push([item as Record<number, Json>, i]));
  }
  return out;
}
